// The market-integrity screens (seed 001 三(三), 四(三)): over the listings closed in a period, per
// city and per county, the shares that procurement regulators and the research on Chinese land sales
// watch (one bidder, closed at the reserve, unsold, thin competition, raises at the minimum increment,
// late bids and extended closes), graded green / amber / red against the province's thresholds
// (./thresholds.ts), each flag carrying the listings behind it; and the pairs of zones that never meet
// or take turns to win. Pure: the queries hand in the listings with their bids and awards.
import { proportion } from '@/server/kernel/units';
import { METRIC_BANDS, METRIC_KEYS, type MetricKey, type Thresholds } from './thresholds';

export interface ScreenBid {
  id: number;
  zoneId: number;
  priceFenPerMu: number;
  placedAt: number;
}

export interface ScreenAward {
  zoneId: number;
  priceFenPerMu: number;
}

/** A closed listing as the screens read it. */
export interface ScreenListing {
  id: number;
  mode: 'auction' | 'negotiated';
  countyId: number;
  cityId: number;
  reservePriceFenPerMu: number;
  /** 0 for a negotiated listing (no bidding rounds). */
  incrementFenPerMu: number;
  /** The close as listed (listings.scheduled_closes_at). */
  scheduledClosesAt: number;
  /** The close in force at the end: later than the scheduled one only when a late bid extended it (server/market/bidding.ts, extendedClose). */
  closesAt: number;
  closedAt: number;
  /** Every bid or offer ever made on it, superseded ones included (a raise supersedes the zone's earlier bid). */
  bids: readonly ScreenBid[];
  /** Its awards (trades), whatever became of them later (settled, awaiting payment or lapsed): the auction's outcome. */
  awards: readonly ScreenAward[];
}

export type Level = 'green' | 'amber' | 'red' | 'na';

export interface Metric {
  /** The figure graded: a share in basis points, a mean in hundredths of a bidder, a ratio in basis points; null when there is nothing to measure. */
  value: number | null;
  /** What the share counts out of what (e.g. 3 single-bidder listings of 12 with bids). */
  count: number;
  base: number;
  level: Level;
  /** The listings behind the figure (the single-bidder ones, those closed at the reserve…), for the flag's links. */
  listingIds: number[];
}

export interface GroupScreen {
  listings: number;
  withBids: number;
  awarded: number;
  auctions: number;
  medianBiddersX100: number | null;
  meanRatioBp: number | null;
  metrics: Record<MetricKey, Metric>;
  /** The worst level among the metrics (na counts as nothing). */
  worst: Level;
}

/** How long before the close a bid is late: the anti-sniping window in force at a listing's close as listed (server/settings). */
export interface ScreenRules {
  windowMsAt: (at: number) => number;
}

const bp = (part: number, whole: number) => (whole === 0 ? null : proportion(part, 10_000, whole));

/** The median of integers, rounded half-up when it falls between two (as every figure here, an integer). */
function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : proportion(s[mid - 1]! + s[mid]!, 1, 2);
}

/** The award that decides a listing's price: the highest (an auction fills in price order; a negotiated listing may award several offers). */
export function winningAward(l: Pick<ScreenListing, 'awards'>): ScreenAward | null {
  let best: ScreenAward | null = null;
  for (const a of l.awards) if (!best || a.priceFenPerMu > best.priceFenPerMu) best = a;
  return best;
}

export const distinctBidders = (l: Pick<ScreenListing, 'bids'>) => new Set(l.bids.map((b) => b.zoneId)).size;

/**
 * Raises of an auction and how many were exactly the minimum increment over the best bid before them.
 * Auction bids only go up (each at least the best + increment: server/market/domain/auction.ts
 * minimumBid), so the best before a bid is the highest price placed before it.
 */
export function raisesOf(l: Pick<ScreenListing, 'mode' | 'bids' | 'incrementFenPerMu'>) {
  if (l.mode !== 'auction' || l.incrementFenPerMu <= 0) return { raises: 0, atMinimum: 0 };
  const ordered = [...l.bids].sort((a, b) => a.placedAt - b.placedAt || a.id - b.id);
  let best: number | null = null;
  let raises = 0;
  let atMinimum = 0;
  for (const b of ordered) {
    if (best !== null) {
      raises++;
      if (b.priceFenPerMu === best + l.incrementFenPerMu) atMinimum++;
    }
    best = best === null ? b.priceFenPerMu : Math.max(best, b.priceFenPerMu);
  }
  return { raises, atMinimum };
}

/**
 * Late bids: placed in the anti-sniping window before the close as listed, or after it while an
 * extension ran. Whether the extension fired is not recorded as such; it is derived: the close in force
 * (closes_at) moved past the close as listed (scheduled_closes_at) only through extendedClose, since a
 * county's edit (allowed only before any bid) sets both. The window is the one in force at the close as
 * listed, so a later change of the setting does not rewrite a past screen.
 */
export function lateBidsOf(l: Pick<ScreenListing, 'mode' | 'bids' | 'scheduledClosesAt'>, rules: ScreenRules) {
  if (l.mode !== 'auction') return 0;
  const windowMs = rules.windowMsAt(l.scheduledClosesAt);
  return l.bids.filter((b) => b.placedAt >= l.scheduledClosesAt - windowMs).length;
}

export const extensionFired = (l: Pick<ScreenListing, 'mode' | 'closesAt' | 'scheduledClosesAt'>) => l.mode === 'auction' && l.closesAt > l.scheduledClosesAt;

/** The level of a value against a metric's bands. */
export function levelOf(key: MetricKey, value: number | null, t: Thresholds): Level {
  if (value === null) return 'na';
  const band = METRIC_BANDS[key];
  if (band.warn === 'above') return value > t[band.red] ? 'red' : value > t[band.amber] ? 'amber' : 'green';
  return value < t[band.red] ? 'red' : value < t[band.amber] ? 'amber' : 'green';
}

const RANK: Record<Level, number> = { na: 0, green: 1, amber: 2, red: 3 };
export const worstOf = (levels: Iterable<Level>): Level => {
  let worst: Level = 'na';
  for (const l of levels) if (RANK[l] > RANK[worst]) worst = l;
  return worst;
};

/** The screens of one group of closed listings (a period's, a city's, a county's). */
export function screenGroup(listings: readonly ScreenListing[], t: Thresholds, rules: ScreenRules): GroupScreen {
  const withBids = listings.filter((l) => l.bids.length > 0);
  const single = withBids.filter((l) => distinctBidders(l) === 1);
  const awarded = listings.filter((l) => l.awards.length > 0);
  const ratioOf = (l: ScreenListing) => proportion(winningAward(l)!.priceFenPerMu, 10_000, l.reservePriceFenPerMu);
  const ratios = awarded.map((l) => ({ id: l.id, bp: ratioOf(l) }));
  const atReserve = awarded.filter((l) => winningAward(l)!.priceFenPerMu === l.reservePriceFenPerMu);
  const unsold = listings.filter((l) => l.awards.length === 0);
  const bidders = listings.map(distinctBidders);
  const thin = listings.filter((l) => distinctBidders(l) <= 1);
  const auctions = listings.filter((l) => l.mode === 'auction');
  const biddenAuctions = auctions.filter((l) => l.bids.length > 0);
  let raises = 0;
  let atMinimum = 0;
  const minRaised: number[] = [];
  let bidsInAuctions = 0;
  let late = 0;
  const lateIn: number[] = [];
  for (const l of biddenAuctions) {
    const r = raisesOf(l);
    raises += r.raises;
    atMinimum += r.atMinimum;
    if (r.atMinimum > 0) minRaised.push(l.id);
    bidsInAuctions += l.bids.length;
    const n = lateBidsOf(l, rules);
    late += n;
    if (n > 0) lateIn.push(l.id);
  }
  const extended = biddenAuctions.filter(extensionFired);

  // A figure is graded only over enough listings to be a pattern.
  const enough = (n: number) => n >= t.minListings;
  const metric = (key: MetricKey, value: number | null, count: number, base: number, listingsBehind: number, ids: number[]): Metric => ({
    value,
    count,
    base,
    level: enough(listingsBehind) ? levelOf(key, value, t) : 'na',
    listingIds: ids,
  });
  const ratioMedian = median(ratios.map((r) => r.bp));
  const metrics: Record<MetricKey, Metric> = {
    singleBidder: metric('singleBidder', bp(single.length, withBids.length), single.length, withBids.length, withBids.length, single.map((l) => l.id)),
    atReserve: metric('atReserve', bp(atReserve.length, awarded.length), atReserve.length, awarded.length, awarded.length, atReserve.map((l) => l.id)),
    unsold: metric('unsold', bp(unsold.length, listings.length), unsold.length, listings.length, listings.length, unsold.map((l) => l.id)),
    bidders: metric(
      'bidders',
      listings.length === 0 ? null : proportion(bidders.reduce((a, b) => a + b, 0), 100, listings.length),
      thin.length,
      listings.length,
      listings.length,
      thin.map((l) => l.id),
    ),
    ratio: metric('ratio', ratioMedian, ratios.filter((r) => r.bp < t.ratioAmberBp).length, awarded.length, awarded.length, ratios.filter((r) => r.bp < t.ratioAmberBp).map((r) => r.id)),
    minIncrement: metric('minIncrement', bp(atMinimum, raises), atMinimum, raises, biddenAuctions.length, minRaised),
    lateBids: metric('lateBids', bp(late, bidsInAuctions), late, bidsInAuctions, biddenAuctions.length, lateIn),
    extensions: metric('extensions', bp(extended.length, biddenAuctions.length), extended.length, biddenAuctions.length, biddenAuctions.length, extended.map((l) => l.id)),
  };
  return {
    listings: listings.length,
    withBids: withBids.length,
    awarded: awarded.length,
    auctions: auctions.length,
    medianBiddersX100: median(bidders.map((b) => b * 100)),
    meanRatioBp: ratios.length === 0 ? null : proportion(ratios.reduce((a, r) => a + r.bp, 0), 1, ratios.length),
    metrics,
    worst: worstOf(METRIC_KEYS.map((k) => metrics[k].level)),
  };
}

/** Groups listings by a key, each group screened; groups in key order. */
export function screenBy(listings: readonly ScreenListing[], keyOf: (l: ScreenListing) => number, t: Thresholds, rules: ScreenRules) {
  const groups = new Map<number, ScreenListing[]>();
  for (const l of listings) {
    const k = keyOf(l);
    const g = groups.get(k);
    if (g) g.push(l);
    else groups.set(k, [l]);
  }
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([key, ls]) => ({ key, screen: screenGroup(ls, t, rules) }));
}

// --- pairs of zones ----------------------------------------------------------------------------------

/** ln C(n, k), summed: exact enough for the probabilities here, for n up to the tens of thousands. */
function lnChoose(n: number, k: number): number {
  if (k < 0 || k > n) return Number.NEGATIVE_INFINITY;
  const m = Math.min(k, n - k);
  let s = 0;
  for (let i = 1; i <= m; i++) s += Math.log(n - m + i) - Math.log(i);
  return s;
}

/**
 * The chance that two zones bidding at random in `a` and `b` of `total` listings would never meet
 * (hypergeometric: C(total − a, b) / C(total, b)).
 */
export function neverMeetProbability(total: number, a: number, b: number): number {
  if (a + b > total) return 0;
  let p = 1;
  for (let i = 0; i < b; i++) p *= (total - a - i) / (total - i);
  return p;
}

/**
 * The chance of at least `runs` runs in a random order of n1 wins of one zone and n2 of the other
 * (Wald–Wolfowitz runs test, exact, one-sided): many runs means the wins alternate.
 */
export function runsAtLeastProbability(n1: number, n2: number, runs: number): number {
  if (n1 === 0 || n2 === 0) return 1;
  const lnTotal = lnChoose(n1 + n2, n1);
  let p = 0;
  for (let r = Math.max(runs, 2); r <= n1 + n2; r++) {
    const k = r >> 1;
    const ln =
      r % 2 === 0
        ? [Math.log(2) + lnChoose(n1 - 1, k - 1) + lnChoose(n2 - 1, k - 1)]
        : [lnChoose(n1 - 1, k - 1) + lnChoose(n2 - 1, k), lnChoose(n1 - 1, k) + lnChoose(n2 - 1, k - 1)];
    for (const x of ln) if (x > Number.NEGATIVE_INFINITY) p += Math.exp(x - lnTotal);
  }
  return Math.min(1, p);
}

export const runsOf = (sequence: readonly number[]) => sequence.reduce((n, z, i) => (i === 0 || z !== sequence[i - 1] ? n + 1 : n), 0);

export interface PairScreen {
  /** 'apart': both active in the same counties, never in the same listing; 'rotation': their wins there alternate. */
  kind: 'apart' | 'rotation';
  zoneA: number;
  zoneB: number;
  /** Listings each bid in, within the counties where both bid. */
  listingsA: number;
  listingsB: number;
  /** 'apart': the listings with bids in those counties; 'rotation': the wins of either, in close order. */
  base: number;
  /** 'rotation': runs of the same winner in that order (as many as wins: perfect alternation). */
  runs: number | null;
  /** The chance of what was seen if the two bid independently, in basis points (100 = 1%). */
  pBp: number;
  level: 'amber' | 'red';
  listingIds: number[];
}

const closeOrder = (a: ScreenListing, b: ScreenListing) => a.closedAt - b.closedAt || a.id - b.id;

/**
 * The zone-pair screens over the listings of a period (OECD 2009's warning signs "bidders who never
 * meet" and "rotation of winners"). Only active zones (a bid in at least pairMinListings listings) are
 * paired, and only over the counties where both bid (their common market):
 * - apart: they never bid in the same listing, and with as many listings there the chance of that at
 *   random is at most the amber (or red) probability;
 * - rotation: the listings of that market won by one of them, in close order, alternate between them
 *   more than chance would have it (runs test).
 * Either only where the pair wins cheaply there (median winning price near the reserve): zones that
 * avoid each other or take turns at competitive prices cost the seller nothing, and with many pairs
 * some will look so by chance.
 * Pairs most significant first.
 */
export function screenPairs(listings: readonly ScreenListing[], t: Thresholds): PairScreen[] {
  const withBids = listings.filter((l) => l.bids.length > 0);
  const byZone = new Map<number, ScreenListing[]>();
  for (const l of withBids) {
    for (const z of new Set(l.bids.map((b) => b.zoneId))) {
      const mine = byZone.get(z);
      if (mine) mine.push(l);
      else byZone.set(z, [l]);
    }
  }
  const active = [...byZone.entries()].filter(([, ls]) => ls.length >= t.pairMinListings).sort(([a], [b]) => a - b);
  const level = (p: number): 'amber' | 'red' | null => (p <= t.pairRedPBp ? 'red' : p <= t.pairAmberPBp ? 'amber' : null);
  const toBp = (p: number) => Math.min(10_000, Math.ceil(p * 10_000));
  const out: PairScreen[] = [];
  for (let i = 0; i < active.length; i++) {
    const [za, la] = active[i]!;
    const countiesA = new Set(la.map((l) => l.countyId));
    for (let j = i + 1; j < active.length; j++) {
      const [zb, lb] = active[j]!;
      const common = new Set(lb.map((l) => l.countyId).filter((c) => countiesA.has(c)));
      if (common.size === 0) continue;
      const inA = la.filter((l) => common.has(l.countyId));
      const inB = lb.filter((l) => common.has(l.countyId));
      const idsA = new Set(inA.map((l) => l.id));
      const shared = inB.filter((l) => idsA.has(l.id)).length;
      const market = withBids.filter((l) => common.has(l.countyId));

      // Both screens weigh only a pair that wins cheaply there: apart or in turn at competitive prices harms no seller.
      const won = market
        .map((l) => ({ l, w: winningAward(l) }))
        .filter((x): x is { l: ScreenListing; w: ScreenAward } => x.w !== null && (x.w.zoneId === za || x.w.zoneId === zb))
        .sort((x, y) => closeOrder(x.l, y.l));
      if (won.length === 0) continue;
      const priceMedian = median(won.map((x) => proportion(x.w.priceFenPerMu, 10_000, x.l.reservePriceFenPerMu)))!;
      if (priceMedian > t.pairNearReserveBp) continue;

      if (shared === 0) {
        const pBp = toBp(neverMeetProbability(market.length, inA.length, inB.length));
        const lv = level(pBp);
        if (lv) out.push({ kind: 'apart', zoneA: za, zoneB: zb, listingsA: inA.length, listingsB: inB.length, base: market.length, runs: null, pBp, level: lv, listingIds: [...inA, ...inB].sort(closeOrder).map((l) => l.id) });
      }

      const winsA = won.filter((x) => x.w.zoneId === za).length;
      const winsB = won.length - winsA;
      if (won.length < t.pairMinListings || winsA === 0 || winsB === 0) continue;
      const runs = runsOf(won.map((x) => x.w.zoneId));
      const pBp = toBp(runsAtLeastProbability(winsA, winsB, runs));
      const lv = level(pBp);
      if (lv) out.push({ kind: 'rotation', zoneA: za, zoneB: zb, listingsA: inA.length, listingsB: inB.length, base: won.length, runs, pBp, level: lv, listingIds: won.map((x) => x.l.id) });
    }
  }
  return out.sort((a, b) => a.pBp - b.pBp || a.zoneA - b.zoneA || a.zoneB - b.zoneB || a.kind.localeCompare(b.kind));
}
