// The supply and demand outlook (供需形势), so the province sees a thin market coming while it can still
// act: guide approvals and listings, and watch the market (seed 001 三(三), 四(三)). Pure: plain rows in
// (what counties have and will have, what zones declared and bought), figures by city out. Area stays
// integer milli-mu throughout; nothing is divided.
import { ensure } from '@/server/kernel/errors';

/** The years a zone may declare its demand for: this year and the next (China time). */
export function declarableYears(thisYear: number): [number, number] {
  return [thisYear, thisYear + 1];
}

/** A declaration for another year is refused, naming the years that can be declared. */
export function checkDeclarableYear(year: number, thisYear: number) {
  const [from, to] = declarableYears(thisYear);
  ensure(year === from || year === to, 'demandYearOutOfRange', { from, to });
}

/** The revision number a new declaration for a year takes: one after the latest, 1 for the first. */
export const nextRevision = (latest: { revision: number } | null | undefined) => (latest?.revision ?? 0) + 1;

export interface Place {
  id: number;
  name: string;
}

/** Quantities in milli-mu keyed by county or zone; several rows for one key are added up. */
export interface Qty {
  id: number;
  qtyMilliMu: number;
}

export interface OutlookInput {
  cities: readonly Place[];
  counties: readonly (Place & { cityId: number })[];
  /** A zone without a city is counted in a row of its own (cityId null). */
  zones: readonly (Place & { cityId: number | null })[];
  /** Surplus of projects submitted and not yet approved (under city or province review), by county. */
  pipeline: readonly Qty[];
  /** Counties' free quota (issued, not listed, not awarded), by county. */
  free: readonly Qty[];
  /** Quota in listings not yet closed (under review, upcoming or open), by county. */
  listed: readonly Qty[];
  /** Quota sold (settled) in the year, by selling county. */
  sold: readonly Qty[];
  /** The zones' declared demand for the year (their latest revision), by zone. */
  declared: readonly Qty[];
  /** Quota the zones bought (settled) in the year, by buying zone. */
  bought: readonly Qty[];
}

export interface SupplyFigures {
  pipelineMilliMu: number;
  freeMilliMu: number;
  listedMilliMu: number;
  soldMilliMu: number;
  /** What can still meet demand: free + listed + pipeline. */
  supplyMilliMu: number;
}

export interface DemandFigures {
  declaredMilliMu: number;
  boughtMilliMu: number;
  /** Declared demand not yet bought; a zone that bought more than it declared adds nothing (and takes nothing from another's). */
  remainingMilliMu: number;
}

/**
 * 'ample': free and listed quota cover the remaining demand; 'thin': they do not, but with the
 * projects in review the supply would; 'short': not even then (the gap is negative).
 */
export type OutlookLevel = 'ample' | 'thin' | 'short';
export const OUTLOOK_LEVELS: readonly OutlookLevel[] = ['ample', 'thin', 'short'];

export interface Balance {
  /** supply − remaining demand; negative when demand exceeds even the supply with the pipeline. */
  gapMilliMu: number;
  /** Remaining demand exceeds free + listed quota: a thin market coming. */
  thin: boolean;
  level: OutlookLevel;
}

export type CountyOutlook = { countyId: number; name: string } & SupplyFigures;
export type ZoneOutlook = { zoneId: number; name: string } & DemandFigures;
export type CityOutlook = { cityId: number | null; cityName: string; counties: CountyOutlook[]; zones: ZoneOutlook[] } & SupplyFigures & DemandFigures & Balance;
export type OutlookTotals = SupplyFigures & DemandFigures & Balance;

function sumsById(rows: readonly Qty[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const r of rows) out.set(r.id, (out.get(r.id) ?? 0) + r.qtyMilliMu);
  return out;
}

/** The gap and the flag of supply against remaining demand. */
export function balanceOf(s: Pick<SupplyFigures, 'freeMilliMu' | 'listedMilliMu' | 'supplyMilliMu'>, remainingMilliMu: number): Balance {
  const gapMilliMu = s.supplyMilliMu - remainingMilliMu;
  const thin = remainingMilliMu > s.freeMilliMu + s.listedMilliMu;
  return { gapMilliMu, thin, level: gapMilliMu < 0 ? 'short' : thin ? 'thin' : 'ample' };
}

const SUPPLY_KEYS = ['pipelineMilliMu', 'freeMilliMu', 'listedMilliMu', 'soldMilliMu', 'supplyMilliMu'] as const;
const DEMAND_KEYS = ['declaredMilliMu', 'boughtMilliMu', 'remainingMilliMu'] as const;

function added<K extends string>(keys: readonly K[], rows: readonly Record<K, number>[]): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const r of rows) for (const k of keys) out[k] += r[k];
  return out;
}

/** The totals of some cities' rows: each figure the sum of the rows', the balance of those sums. */
export function totalsOf(rows: readonly (SupplyFigures & DemandFigures)[]): OutlookTotals {
  const supply = added(SUPPLY_KEYS, rows);
  const demand = added(DEMAND_KEYS, rows);
  return { ...supply, ...demand, ...balanceOf(supply, demand.remainingMilliMu) };
}

/**
 * The outlook of a year by city: each city's counties' supply (with each county's), its zones' demand
 * (with each zone's), the gap and the flag; then the totals. Every city is in it, in the order given;
 * a row for zones without a city comes last, when there are any.
 */
export function outlookOf(input: OutlookInput): { cities: CityOutlook[]; totals: OutlookTotals } {
  const pipeline = sumsById(input.pipeline);
  const free = sumsById(input.free);
  const listed = sumsById(input.listed);
  const sold = sumsById(input.sold);
  const declared = sumsById(input.declared);
  const bought = sumsById(input.bought);

  const countyRow = (c: Place): CountyOutlook => {
    const f = { pipelineMilliMu: pipeline.get(c.id) ?? 0, freeMilliMu: free.get(c.id) ?? 0, listedMilliMu: listed.get(c.id) ?? 0, soldMilliMu: sold.get(c.id) ?? 0 };
    return { countyId: c.id, name: c.name, ...f, supplyMilliMu: f.freeMilliMu + f.listedMilliMu + f.pipelineMilliMu };
  };
  const zoneRow = (z: Place): ZoneOutlook => {
    const d = declared.get(z.id) ?? 0;
    const b = bought.get(z.id) ?? 0;
    return { zoneId: z.id, name: z.name, declaredMilliMu: d, boughtMilliMu: b, remainingMilliMu: Math.max(0, d - b) };
  };
  const cityRow = (cityId: number | null, cityName: string): CityOutlook => {
    const counties = input.counties.filter((c) => c.cityId === cityId).map(countyRow);
    const zones = input.zones.filter((z) => z.cityId === cityId).map(zoneRow);
    const supply = added(SUPPLY_KEYS, counties);
    const demand = added(DEMAND_KEYS, zones);
    return { cityId, cityName, ...supply, ...demand, ...balanceOf(supply, demand.remainingMilliMu), counties, zones };
  };

  const cities = input.cities.map((c) => cityRow(c.id, c.name));
  if (input.zones.some((z) => z.cityId === null)) cities.push(cityRow(null, ''));
  return { cities, totals: totalsOf(cities) };
}

/** The outlook as one city sees it: its own row, and totals of that row alone. */
export function outlookOfCity(outlook: { cities: CityOutlook[] }, cityId: number): { cities: CityOutlook[]; totals: OutlookTotals } {
  const cities = outlook.cities.filter((c) => c.cityId === cityId);
  return { cities, totals: totalsOf(cities) };
}
