// The thresholds of the market-integrity screens (seed 001 三(三), 四(三): the province guides prices
// and watches the market), each with the source it comes from. Shares are basis points (10000 = 100%),
// a mean number of bidders is hundredths of a bidder, a bid-to-reserve ratio basis points (10000 = at
// the reserve), probabilities basis points too (100 = 1%). The province may change every value; these
// are the defaults and where they come from.
import { DomainError } from '@/server/kernel/errors';

/** Where a default comes from; the page names it beside the value (messages/integrity.ts, source_*). */
export type ThresholdSource =
  /** European Commission, Single Market Scoreboard, public procurement, indicator [1] "single bidder": ≤ 10% green, 10–20% amber, > 20% red. */
  | 'eu_scoreboard'
  /** OECD (2009), Guidelines for Fighting Bid Rigging in Public Procurement: warning signs (few bidders, bids at or near the reserve, rotation of winners, bidders who never meet). */
  | 'oecd_2009'
  /** Cai, Henderson & Zhang (2013), "China's land market auctions: evidence of corruption?", RAND Journal of Economics 44(3): listings (挂牌) that ended with one bidder at the reserve were where favoured buyers were steered. */
  | 'cai_henderson_zhang_2013'
  /** The statistical screens of bid clustering and rotation used by the Swiss competition authority (COMCO; Imhof, Karagök & Rutz 2018, "Screening for bid rigging: does it work?"). */
  | 'comco_screens'
  /** The usual significance levels of a statistical test (5% and 1%), for the exact tests behind the zone-pair screens. */
  | 'significance'
  /** No published standard: a starting point for the province to calibrate on its own market. */
  | 'calibration';

export type ThresholdUnit = 'bp' | 'count' | 'bidders';

interface ThresholdSpec {
  value: number;
  unit: ThresholdUnit;
  min: number;
  max: number;
  source: ThresholdSource;
}

const share = (value: number, source: ThresholdSource): ThresholdSpec => ({ value, unit: 'bp', min: 0, max: 10_000, source });

export const THRESHOLD_SPECS = {
  /** Fewer listings than this in a city or county (or a period), and its shares are not graded: one listing is no pattern. */
  minListings: { value: 5, unit: 'count', min: 1, max: 10_000, source: 'calibration' },
  singleBidderAmberBp: share(1_000, 'eu_scoreboard'),
  singleBidderRedBp: share(2_000, 'eu_scoreboard'),
  /** Awarded listings whose winning price is the reserve. Twice the single-bidder bands: a listing may close at the reserve with one honest bidder. */
  atReserveAmberBp: share(2_000, 'cai_henderson_zhang_2013'),
  atReserveRedBp: share(4_000, 'cai_henderson_zhang_2013'),
  unsoldAmberBp: share(3_000, 'calibration'),
  unsoldRedBp: share(5_000, 'calibration'),
  /** Mean distinct bidders per listing below which competition is thin (OECD: "fewer than the usual number of bidders"). */
  biddersAmberX100: { value: 200, unit: 'bidders', min: 0, max: 100_000, source: 'oecd_2009' },
  biddersRedX100: { value: 150, unit: 'bidders', min: 0, max: 100_000, source: 'oecd_2009' },
  /** Median winning price over reserve below which listings close at or near the reserve. */
  ratioAmberBp: { value: 10_500, unit: 'bp', min: 10_000, max: 100_000, source: 'cai_henderson_zhang_2013' },
  ratioRedBp: { value: 10_100, unit: 'bp', min: 10_000, max: 100_000, source: 'cai_henderson_zhang_2013' },
  /** Raises of exactly the minimum increment: cover bids cluster there (COMCO's screens look at how bids are spread). */
  minIncrementAmberBp: share(8_000, 'comco_screens'),
  minIncrementRedBp: share(9_500, 'comco_screens'),
  lateBidAmberBp: share(3_000, 'calibration'),
  lateBidRedBp: share(5_000, 'calibration'),
  extensionAmberBp: share(5_000, 'calibration'),
  extensionRedBp: share(8_000, 'calibration'),
  /** A zone is active in the period when it bid in at least this many listings; only active zones are paired. */
  pairMinListings: { value: 5, unit: 'count', min: 2, max: 10_000, source: 'comco_screens' },
  pairAmberPBp: { value: 500, unit: 'bp', min: 1, max: 5_000, source: 'significance' },
  pairRedPBp: { value: 100, unit: 'bp', min: 1, max: 5_000, source: 'significance' },
  /** A pair that never meets, or takes turns, harms the seller only when it wins cheaply: the median winning price of the pair's wins at most this far over the reserve. */
  pairNearReserveBp: { value: 10_200, unit: 'bp', min: 10_000, max: 100_000, source: 'oecd_2009' },
} as const satisfies Record<string, ThresholdSpec>;

export type ThresholdKey = keyof typeof THRESHOLD_SPECS;
export type Thresholds = Record<ThresholdKey, number>;
export const THRESHOLD_KEYS = Object.keys(THRESHOLD_SPECS) as ThresholdKey[];

export const THRESHOLD_DEFAULTS: Thresholds = Object.fromEntries(THRESHOLD_KEYS.map((k) => [k, THRESHOLD_SPECS[k].value])) as Thresholds;

/** The stored values over the defaults (a key never stored, or no longer known, falls back or is ignored). */
export function thresholdsOf(stored: Iterable<{ key: string; value: number }>): Thresholds {
  const out = { ...THRESHOLD_DEFAULTS };
  for (const { key, value } of stored) if (Object.hasOwn(THRESHOLD_SPECS, key)) out[key as ThresholdKey] = value;
  return out;
}

/** The graded metrics: which thresholds grade each, and whether a high value (above) or a low one (below) is the warning. */
export const METRIC_BANDS = {
  singleBidder: { amber: 'singleBidderAmberBp', red: 'singleBidderRedBp', warn: 'above' },
  atReserve: { amber: 'atReserveAmberBp', red: 'atReserveRedBp', warn: 'above' },
  unsold: { amber: 'unsoldAmberBp', red: 'unsoldRedBp', warn: 'above' },
  bidders: { amber: 'biddersAmberX100', red: 'biddersRedX100', warn: 'below' },
  ratio: { amber: 'ratioAmberBp', red: 'ratioRedBp', warn: 'below' },
  minIncrement: { amber: 'minIncrementAmberBp', red: 'minIncrementRedBp', warn: 'above' },
  lateBids: { amber: 'lateBidAmberBp', red: 'lateBidRedBp', warn: 'above' },
  extensions: { amber: 'extensionAmberBp', red: 'extensionRedBp', warn: 'above' },
} as const satisfies Record<string, { amber: ThresholdKey; red: ThresholdKey; warn: 'above' | 'below' }>;

export type MetricKey = keyof typeof METRIC_BANDS;
export const METRIC_KEYS = Object.keys(METRIC_BANDS) as MetricKey[];

/**
 * A set of thresholds must be coherent: each value within its range, and each metric's amber band
 * before its red one (for a warning above, amber ≤ red; below, amber ≥ red), as must the pair screens'
 * probabilities (red ≤ amber). The first fault is refused naming the threshold.
 */
export function checkThresholds(t: Thresholds): void {
  for (const key of THRESHOLD_KEYS) {
    const spec = THRESHOLD_SPECS[key];
    const v = t[key];
    if (!Number.isSafeInteger(v) || v < spec.min || v > spec.max) throw new DomainError('thresholdOutOfRange', { threshold: key, min: spec.min, max: spec.max });
  }
  for (const key of METRIC_KEYS) {
    const band = METRIC_BANDS[key];
    const ordered = band.warn === 'above' ? t[band.amber] <= t[band.red] : t[band.amber] >= t[band.red];
    if (!ordered) throw new DomainError('thresholdOrder', { amber: band.amber, red: band.red });
  }
  if (t.pairRedPBp > t.pairAmberPBp) throw new DomainError('thresholdOrder', { amber: 'pairAmberPBp', red: 'pairRedPBp' });
}
