// The history of a run of serial numbers (domain.md step 2): which lot each unit belongs to, which
// settled trade moved it to a zone, and which use (核销) consumed its rights. A lot's sales take the
// front of its range; a zone's uses draw, right by right, from its units of a lot in serial order
// (the convention that lets a unit answer "used or not"; the ledger itself counts rights per lot).
// Units with the same history form one segment, so the answer stays small however wide the range.

export interface LotSpan {
  lotId: number;
  serialStart: number;
  qtyMilliMu: number;
}
export interface SaleSpan {
  lotId: number;
  tradeId: number;
  buyerId: number;
  serialStart: number;
  qtyMilliMu: number;
}
/** A use's draw on one right of one lot, in the order uses were recorded. */
export interface UseDraw {
  lotId: number;
  zoneId: number;
  useId: number;
  asset: 'NEW_LAND' | 'SCALE';
  qtyMilliMu: number;
}

export interface Segment {
  start: number;
  /** One past the last serial. */
  end: number;
  lotId: number | null;
  tradeId: number | null;
  newLandUseId: number | null;
  scaleUseId: number | null;
}

type Edge = { start: number; end: number };

/** The serial intervals a zone's units `[from, to)` of its purchase sequence occupy, the purchases in serial order. */
function serialsOfSequence(purchases: SaleSpan[], from: number, to: number): Edge[] {
  const out: Edge[] = [];
  let offset = 0;
  for (const p of purchases) {
    const lo = Math.max(from, offset);
    const hi = Math.min(to, offset + p.qtyMilliMu);
    if (lo < hi) out.push({ start: p.serialStart + (lo - offset), end: p.serialStart + (hi - offset) });
    offset += p.qtyMilliMu;
  }
  return out;
}

/**
 * The segments of `[start, end)`, at most `maxSegments` (then `truncated`). Serials in no lot form
 * segments with no lot.
 */
export function serialHistory(range: Edge, lots: LotSpan[], sales: SaleSpan[], draws: UseDraw[], maxSegments: number): { segments: Segment[]; truncated: boolean } {
  const cuts = new Set<number>([range.start, range.end]);
  const add = (e: Edge) => {
    if (e.start > range.start && e.start < range.end) cuts.add(e.start);
    if (e.end > range.start && e.end < range.end) cuts.add(e.end);
  };
  for (const l of lots) add({ start: l.serialStart, end: l.serialStart + l.qtyMilliMu });
  for (const s of sales) add({ start: s.serialStart, end: s.serialStart + s.qtyMilliMu });

  // Each use's serial intervals, per right.
  const used: { edge: Edge; asset: UseDraw['asset']; useId: number }[] = [];
  const byZoneLot = new Map<string, SaleSpan[]>();
  for (const s of [...sales].sort((a, b) => a.serialStart - b.serialStart)) {
    const key = `${s.lotId}:${s.buyerId}`;
    byZoneLot.set(key, [...(byZoneLot.get(key) ?? []), s]);
  }
  const drawn = new Map<string, number>();
  for (const d of draws) {
    const purchases = byZoneLot.get(`${d.lotId}:${d.zoneId}`) ?? [];
    const key = `${d.lotId}:${d.zoneId}:${d.asset}`;
    const from = drawn.get(key) ?? 0;
    drawn.set(key, from + d.qtyMilliMu);
    for (const edge of serialsOfSequence(purchases, from, from + d.qtyMilliMu)) {
      used.push({ edge, asset: d.asset, useId: d.useId });
      add(edge);
    }
  }

  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  const within = (e: Edge, at: number) => e.start <= at && at < e.end;
  for (let i = 0; i + 1 < points.length; i++) {
    const at = points[i]!;
    const lot = lots.find((l) => within({ start: l.serialStart, end: l.serialStart + l.qtyMilliMu }, at));
    const sale = sales.find((s) => within({ start: s.serialStart, end: s.serialStart + s.qtyMilliMu }, at));
    const drawOf = (asset: UseDraw['asset']) => used.find((u) => u.asset === asset && within(u.edge, at))?.useId ?? null;
    const seg: Segment = { start: at, end: points[i + 1]!, lotId: lot?.lotId ?? null, tradeId: sale?.tradeId ?? null, newLandUseId: drawOf('NEW_LAND'), scaleUseId: drawOf('SCALE') };
    const last = segments[segments.length - 1];
    if (last && last.end === seg.start && last.lotId === seg.lotId && last.tradeId === seg.tradeId && last.newLandUseId === seg.newLandUseId && last.scaleUseId === seg.scaleUseId) {
      last.end = seg.end;
      continue;
    }
    if (segments.length === maxSegments) return { segments, truncated: true };
    segments.push(seg);
  }
  return { segments, truncated: false };
}

/** How much of each purchase a zone's uses of one right have drawn, the purchases in serial order. */
export function usedOfPurchases(purchases: { tradeId: number; qtyMilliMu: number }[], usedMilliMu: number) {
  let left = usedMilliMu;
  return purchases.map((p) => {
    const used = Math.max(0, Math.min(p.qtyMilliMu, left));
    left -= used;
    return { tradeId: p.tradeId, usedMilliMu: used };
  });
}
