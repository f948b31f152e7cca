// Price guidance (seed 001 三(三); domain.md "Price guidance"): the province publishes, for a period, a
// reference price per mu and a floor, for every type of reclaimed land or for one. A reserve, bid or
// offer below the floor in force is refused. Periods are only ever added; which one is in force is
// decided here and nowhere else.
import { startOfDayCst } from '@/server/kernel/china-time';
import { ensure } from '@/server/kernel/errors';
import type { LandType } from '@/server/projects/domain/projects';

export type { LandType };

export interface Guidance {
  id: number;
  validFrom: number;
  validTo: number | null;
  /** Null: every type of reclaimed land. */
  landType: LandType | null;
  referenceFenPerMu: number;
  floorFenPerMu: number;
  documentRef: string;
}

const covers = (g: Guidance, at: number) => g.validFrom <= at && (g.validTo === null || at < g.validTo);

/**
 * The guidance in force at `at` for land of `landType`: guidance for that type beats guidance for all
 * types; among those, the period that began last, then the one published last.
 */
export function guidanceInForce<G extends Guidance>(rows: readonly G[], at: number, landType: LandType): G | null {
  let best: G | null = null;
  const rank = (g: G) => [g.landType === null ? 0 : 1, g.validFrom, g.id] as const;
  for (const g of rows) {
    if (!covers(g, at) || (g.landType !== null && g.landType !== landType)) continue;
    if (best === null) {
      best = g;
      continue;
    }
    const [a, b] = [rank(g), rank(best)];
    if (a[0] > b[0] || (a[0] === b[0] && (a[1] > b[1] || (a[1] === b[1] && a[2] > b[2])))) best = g;
  }
  return best;
}

export interface GuidanceSegment {
  from: number;
  to: number;
  referenceFenPerMu: number;
  floorFenPerMu: number;
}

/**
 * The guidance in force for land of `landType` over [from, to), as consecutive segments with the same
 * figures (a gap where none was in force): what the price chart draws as its band.
 */
export function guidanceSegments(rows: readonly Guidance[], from: number, to: number, landType: LandType): GuidanceSegment[] {
  // What is in force only changes where a period starts or ends.
  const changes = new Set([from]);
  for (const g of rows) {
    for (const at of [g.validFrom, g.validTo]) if (at !== null && at > from && at < to) changes.add(at);
  }
  const points = [...changes].sort((a, b) => a - b);
  const out: GuidanceSegment[] = [];
  points.forEach((at, i) => {
    const end = points[i + 1] ?? to;
    const g = guidanceInForce(rows, at, landType);
    if (g === null) return;
    const last = out[out.length - 1];
    if (last && last.to === at && last.referenceFenPerMu === g.referenceFenPerMu && last.floorFenPerMu === g.floorFenPerMu) last.to = end;
    else out.push({ from: at, to: end, referenceFenPerMu: g.referenceFenPerMu, floorFenPerMu: g.floorFenPerMu });
  });
  return out;
}

/** A price (reserve, bid or offer) must reach the floor in force, when there is one. */
export function checkFloor(guidance: Pick<Guidance, 'floorFenPerMu' | 'documentRef'> | null, priceFenPerMu: number) {
  if (guidance === null) return;
  ensure(priceFenPerMu >= guidance.floorFenPerMu, 'belowFloor', { floorFenPerMu: guidance.floorFenPerMu, documentRef: guidance.documentRef });
}

export interface GuidancePeriod {
  validFrom: number;
  validTo: number | null;
  referenceFenPerMu: number;
  floorFenPerMu: number;
}

/**
 * A new period starts today or later (published guidance is never made to apply to the past), ends
 * after it starts, and its floor is at most its reference price.
 */
export function checkNewPeriod(p: GuidancePeriod, now: number) {
  ensure(p.validFrom >= startOfDayCst(now), 'guidanceInPast');
  ensure(p.validTo === null || p.validTo > p.validFrom, 'guidanceEndBeforeStart');
  ensure(p.floorFenPerMu <= p.referenceFenPerMu, 'floorAboveReference');
}
