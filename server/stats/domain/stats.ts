// Aggregations behind the province's market dashboards: monthly and quarterly series, price spreads,
// county target progress (seed 001 三(一) targets) and the yearly assessment (seed 001 四(三)). Pure:
// settled trades in, rows out. Money stays integer fen, area integer milli-mu; every division goes
// through divRoundHalfUp so dashboards agree with the ledger to the fen.
import { cstDate, yearCst } from '@/server/kernel/china-time';
import { divRoundHalfUp } from '@/server/kernel/units';

export interface TradeFact {
  settledAt: number;
  priceFenPerMu: number;
  qtyMilliMu: number;
  amountFen: number;
  cityId: number;
  countyId: number;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM' of an instant in China time (UTC+8). */
export function monthOf(at: number): string {
  const d = cstDate(at);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}`;
}

/** 'YYYY-Qn' of an instant in China time. */
export function quarterOf(at: number): string {
  const d = cstDate(at);
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

/** 'YYYY-Qn' of a month ('YYYY-MM'): the quarter it belongs to. */
function quarterOfMonth(month: string): string {
  const { y, m } = parseMonth(month);
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}

/** Calendar year in China time. */
export const yearOf = yearCst;

const MONTH = /^(\d{4})-(\d{2})$/;

function parseMonth(month: string): { y: number; m: number } {
  const match = MONTH.exec(month);
  const m = Number(match?.[2]);
  if (!match || m < 1 || m > 12) throw new RangeError(`not a month (YYYY-MM): ${month}`);
  return { y: Number(match[1]), m };
}

/** Every month from `from` to `to` inclusive ('YYYY-MM'); [] if from > to. */
export function monthsBetween(from: string, to: string): string[] {
  const a = parseMonth(from);
  const b = parseMonth(to);
  const out: string[] = [];
  // Counted as months since year 0 so a range crossing a year end needs no special case.
  for (let i = a.y * 12 + a.m - 1; i <= b.y * 12 + b.m - 1; i++) out.push(`${Math.floor(i / 12)}-${pad2((i % 12) + 1)}`);
  return out;
}

const sortedCopy = (values: readonly number[]) => [...values].sort((x, y) => x - y);

// The rank rules below read the i-th smallest value through `at`, so one list sorted in memory and
// several sorted lists read without merging them (kthAcross) give the same answers by the same rule.
function medianBy(n: number, at: (i: number) => number): number | null {
  if (n === 0) return null;
  const hi = at(n >> 1);
  if (n % 2 === 1) return hi;
  const lo = at((n >> 1) - 1);
  // Averaged in bigint so two large prices cannot lose precision before rounding.
  return divRoundHalfUp(BigInt(lo) + BigInt(hi), 2n);
}

const medianOfSorted = (s: readonly number[]) => medianBy(s.length, (i) => s[i] as number);

/** Median of integers: middle value, or the two middle values averaged with divRoundHalfUp; null when empty. Does not mutate input. */
export function median(values: readonly number[]): number | null {
  return medianOfSorted(sortedCopy(values));
}

function quantileBy(n: number, q: number, at: (i: number) => number): number | null {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be in [0, 1]: ${q}`);
  if (n === 0) return null;
  // Nearest rank = ceil(q·n), at least 1. The epsilon keeps float noise (0.7 × 10 = 7.000000000000001)
  // from pushing an exact rank up by one; it is an index, not a rounded amount.
  const rank = Math.max(1, Math.ceil(q * n - n * Number.EPSILON));
  return at(Math.min(rank, n) - 1);
}

const quantileOfSorted = (s: readonly number[], q: number) => quantileBy(s.length, q, (i) => s[i] as number);

/** Nearest-rank quantile (q in [0,1]) of integers; null when empty. q=0 → min, q=1 → max. */
export function quantile(values: readonly number[], q: number): number | null {
  return quantileOfSorted(sortedCopy(values), q);
}

const sum = (xs: Iterable<number>) => {
  let total = 0;
  for (const x of xs) total += x;
  return total;
};

export interface MonthRow {
  month: string;
  count: number;
  volumeMilliMu: number;
  amountFen: number;
  medianFenPerMu: number | null;
  cumulativeMilliMu: number;
  cumulativeAmountFen: number;
}

/** One row per month in `months` (in that order), empty months included with count 0 and median null; cumulative sums run over the given months in order. Trades outside the months are ignored. */
export function monthlySeries(trades: readonly TradeFact[], months: readonly string[]): MonthRow[] {
  const byMonth = new Map<string, TradeFact[]>(months.map((m) => [m, []]));
  for (const t of trades) byMonth.get(monthOf(t.settledAt))?.push(t);
  let cumulativeMilliMu = 0;
  let cumulativeAmountFen = 0;
  return months.map((month) => {
    const ts = byMonth.get(month) ?? [];
    const volumeMilliMu = sum(ts.map((t) => t.qtyMilliMu));
    const amountFen = sum(ts.map((t) => t.amountFen));
    cumulativeMilliMu += volumeMilliMu;
    cumulativeAmountFen += amountFen;
    return { month, count: ts.length, volumeMilliMu, amountFen, medianFenPerMu: median(ts.map((t) => t.priceFenPerMu)), cumulativeMilliMu, cumulativeAmountFen };
  });
}

function groupBy<T, K>(items: readonly T[], keyOf: (t: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const t of items) {
    const k = keyOf(t);
    const g = groups.get(k);
    if (g) g.push(t);
    else groups.set(k, [t]);
  }
  return groups;
}

const compareKeys = <K extends string | number>(a: K, b: K) => (a < b ? -1 : a > b ? 1 : 0);

export interface QuarterRow {
  quarter: string;
  count: number;
  volumeMilliMu: number;
  medianFenPerMu: number | null;
}

/** Per quarter that has trades, ascending: the definition the public page's figures (quarterlySeriesOf,
 *  from the packs) are tested against. */
export function quarterlySeries(trades: readonly TradeFact[]): QuarterRow[] {
  return [...groupBy(trades, (t) => quarterOf(t.settledAt))]
    .sort(([a], [b]) => compareKeys(a, b))
    .map(([quarter, ts]) => ({ quarter, count: ts.length, volumeMilliMu: sum(ts.map((t) => t.qtyMilliMu)), medianFenPerMu: median(ts.map((t) => t.priceFenPerMu)) }));
}

export interface SpreadRow<K> {
  key: K;
  count: number;
  minFenPerMu: number;
  p25FenPerMu: number;
  medianFenPerMu: number;
  p75FenPerMu: number;
  maxFenPerMu: number;
  volumeMilliMu: number;
}

/** Price spread per group (e.g. by city): only groups with trades, ordered by median descending then key. */
export function spreadBy<K extends string | number>(trades: readonly TradeFact[], keyOf: (t: TradeFact) => K): SpreadRow<K>[] {
  const rows: SpreadRow<K>[] = [];
  for (const [key, ts] of groupBy(trades, keyOf)) {
    // Groups are never empty, so the quantiles are never null.
    const s = sortedCopy(ts.map((t) => t.priceFenPerMu));
    rows.push({
      key,
      count: ts.length,
      minFenPerMu: s[0] as number,
      p25FenPerMu: quantileOfSorted(s, 0.25) as number,
      medianFenPerMu: medianOfSorted(s) as number,
      p75FenPerMu: quantileOfSorted(s, 0.75) as number,
      maxFenPerMu: s[s.length - 1] as number,
      volumeMilliMu: sum(ts.map((t) => t.qtyMilliMu)),
    });
  }
  return rows.sort((a, b) => b.medianFenPerMu - a.medianFenPerMu || compareKeys(a.key, b.key));
}

export interface TargetInput {
  countyId: number;
  targetMilliMu: number;
  tradedMilliMu: number;
}

export interface TargetRow extends TargetInput {
  shortfallMilliMu: number;
  /** traded / target in basis points (10000 = 100%), rounded half-up; 10000 when target is 0 */
  progressBp: number;
  met: boolean;
}

/** A county's yearly target when the province has set none: seed 001 三(一) "每个贫困县要完成…易地交易1000亩以上" (domain.md: default 1000 mu). */
export const DEFAULT_TARGET_MILLI_MU = 1_000_000;

const FULL_BP = 10_000;

/** A county with no target (0) has nothing to fall behind on, so it counts as 100%. */
const progressBpOf = (r: TargetInput) => (r.targetMilliMu === 0 ? FULL_BP : divRoundHalfUp(BigInt(r.tradedMilliMu) * BigInt(FULL_BP), BigInt(r.targetMilliMu)));
const shortfallOf = (r: TargetInput) => Math.max(0, r.targetMilliMu - r.tradedMilliMu);
/** Met on the exact figures, not the rounded bp: 99.995% shows as 10000 bp but is still short. */
const metOf = (r: TargetInput) => r.tradedMilliMu >= r.targetMilliMu;

/** Counties furthest behind first, so the dashboard leads with those the assessment will look at. */
const behindFirst = (a: TargetInput & { progressBp: number }, b: TargetInput & { progressBp: number }) =>
  a.progressBp - b.progressBp || shortfallOf(b) - shortfallOf(a) || a.countyId - b.countyId;

/** Counties behind first: ascending progressBp, then larger shortfall first, then countyId. */
export function targetProgress(rows: readonly TargetInput[]): TargetRow[] {
  return rows.map((r) => ({ ...r, shortfallMilliMu: shortfallOf(r), progressBp: progressBpOf(r), met: metOf(r) })).sort(behindFirst);
}

export interface AssessmentInput {
  countyId: number;
  targetMilliMu: number;
  tradedMilliMu: number;
  receivedFen: number;
  spentFen: number;
  overdueCount: number;
}

export type AssessmentMark = 'reward' | 'interview' | 'none';

export interface AssessmentRow extends AssessmentInput {
  progressBp: number;
  mark: AssessmentMark;
}

// Seed 001 四(三): "对工作推进顺利、成效明显的县给予奖励，对工作不力、推进缓慢的县进行约谈". The seed names no
// figure for "slow"; below half the target is the line drawn here, and an overdue reclamation
// (seed 001 二(二)) is "工作不力" whatever the trading progress.
/** Progress strictly below this (50% of target) is an interview (约谈). */
export const INTERVIEW_BELOW_BP = 5000;
/** Any overdue reclamation is an interview, and rules out a reward. */
const INTERVIEW_OVERDUE_AT_LEAST = 1;

function markOf(r: AssessmentInput): AssessmentMark {
  const overdue = r.overdueCount >= INTERVIEW_OVERDUE_AT_LEAST;
  // Compared on exact figures (traded·10000 < 5000·target), so 49.996% is still below half even though it shows as 5000 bp.
  const slow = BigInt(r.tradedMilliMu) * BigInt(FULL_BP) < BigInt(INTERVIEW_BELOW_BP) * BigInt(r.targetMilliMu);
  if (overdue || slow) return 'interview';
  return metOf(r) ? 'reward' : 'none';
}

/** The rule, as constants exported too: reward when the target is met and no reclamation is overdue; interview (约谈) when progress is below 50% of target (INTERVIEW_BELOW_BP = 5000) or any reclamation is overdue; otherwise none. Same order as targetProgress. */
export function assessment(rows: readonly AssessmentInput[]): AssessmentRow[] {
  return rows.map((r) => ({ ...r, progressBp: progressBpOf(r), mark: markOf(r) })).sort(behindFirst);
}

/** The year an assessment made at `now` covers: the previous calendar year in China time (it is made each first quarter for the past year). */
export function assessedYear(now: number): number {
  // Seed 001 三(一): "每年一季度…对上年度…考核评估".
  return yearOf(now) - 1;
}

export type ObligationState = 'accepted' | 'overdue' | 'due' | 'on_track';
export interface ObligationCounts { open: number; due: number; overdue: number; accepted: number }

/** Reclamation obligations counted per place (county or city): open ones, of which due soon and overdue, and accepted ones; most overdue first. */
export function obligationCounts<K>(rows: readonly { key: K; state: ObligationState }[]): ({ key: K } & ObligationCounts)[] {
  const by = new Map<K, { key: K } & ObligationCounts>();
  for (const { key, state } of rows) {
    const c = by.get(key) ?? { key, open: 0, due: 0, overdue: 0, accepted: 0 };
    if (state === 'accepted') c.accepted += 1;
    else {
      c.open += 1;
      if (state === 'due') c.due += 1;
      if (state === 'overdue') c.overdue += 1;
    }
    by.set(key, c);
  }
  return [...by.values()].sort((a, b) => b.overdue - a.overdue || b.due - a.due);
}

// --- The market dashboard put together from county-months ---------------------------------------
// A year of a large market is hundreds of thousands of trades; a month's trades never change once the
// month is over. So the dashboard is put together from pieces, one per county and month (or per county,
// zone and month: server/stats/queries.ts reads them so), each with its prices in ascending lists, and
// gives the same rows as monthlySeries, spreadBy and median over the trades themselves (tested
// against them).

/** One county's settled trades in one month (or those to one zone): their prices, in lists each ascending, and their sums. */
export interface CountyMonth {
  month: string;
  countyId: number;
  cityId: number;
  prices: readonly ArrayLike<number>[];
  volumeMilliMu: number;
  amountFen: number;
}

/** How many values of an ascending list are ≤ v. */
function countAtMost(list: ArrayLike<number>, v: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The k-th smallest (from 0) of the values of several ascending lists of integers, without merging
 * them: the smallest value v with more than k values ≤ v, found by halving the range of values.
 */
export function kthAcross(lists: readonly ArrayLike<number>[], k: number): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const l of lists) {
    if (l.length === 0) continue;
    lo = Math.min(lo, l[0] as number);
    hi = Math.max(hi, l[l.length - 1] as number);
  }
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    let atMost = 0;
    for (const l of lists) atMost += countAtMost(l, mid);
    if (atMost > k) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const lengthOf = (lists: readonly ArrayLike<number>[]) => sum(lists.map((l) => l.length));

/** The median of the pieces' prices, without merging them. */
export function medianPriceOf(pieces: readonly CountyMonth[]): number | null {
  const lists = pieces.flatMap((p) => p.prices);
  return medianBy(lengthOf(lists), (k) => kthAcross(lists, k));
}

/** quarterlySeries, from county-months. */
export function quarterlySeriesOf(pieces: readonly CountyMonth[]): QuarterRow[] {
  return [...groupBy(pieces, (p) => quarterOfMonth(p.month))]
    .map(([quarter, ps]) => ({ quarter, count: lengthOf(ps.flatMap((p) => p.prices)), volumeMilliMu: sum(ps.map((p) => p.volumeMilliMu)), medianFenPerMu: medianPriceOf(ps) }))
    .filter((q) => q.count > 0)
    .sort((a, b) => compareKeys(a.quarter, b.quarter));
}

/** monthlySeries, from county-months. */
export function monthlySeriesOf(pieces: readonly CountyMonth[], months: readonly string[]): MonthRow[] {
  const byMonth = new Map<string, CountyMonth[]>(months.map((m) => [m, []]));
  for (const p of pieces) byMonth.get(p.month)?.push(p);
  let cumulativeMilliMu = 0;
  let cumulativeAmountFen = 0;
  return months.map((month) => {
    const ps = byMonth.get(month) ?? [];
    const lists = ps.flatMap((p) => p.prices);
    const volumeMilliMu = sum(ps.map((p) => p.volumeMilliMu));
    const amountFen = sum(ps.map((p) => p.amountFen));
    cumulativeMilliMu += volumeMilliMu;
    cumulativeAmountFen += amountFen;
    const count = lengthOf(lists);
    return { month, count, volumeMilliMu, amountFen, medianFenPerMu: medianBy(count, (k) => kthAcross(lists, k)), cumulativeMilliMu, cumulativeAmountFen };
  });
}

/** spreadBy city, from county-months. */
export function spreadByCityOf(pieces: readonly CountyMonth[]): SpreadRow<number>[] {
  const rows: SpreadRow<number>[] = [];
  for (const [key, ps] of groupBy(
    pieces.filter((p) => lengthOf(p.prices) > 0),
    (p) => p.cityId,
  )) {
    const lists = ps.flatMap((p) => p.prices).filter((l) => l.length > 0);
    const n = lengthOf(lists);
    const at = (k: number) => kthAcross(lists, k);
    rows.push({
      key,
      count: n,
      minFenPerMu: Math.min(...lists.map((l) => l[0] as number)),
      p25FenPerMu: quantileBy(n, 0.25, at) as number,
      medianFenPerMu: medianBy(n, at) as number,
      p75FenPerMu: quantileBy(n, 0.75, at) as number,
      maxFenPerMu: Math.max(...lists.map((l) => l[l.length - 1] as number)),
      volumeMilliMu: sum(ps.map((p) => p.volumeMilliMu)),
    });
  }
  return rows.sort((a, b) => b.medianFenPerMu - a.medianFenPerMu || compareKeys(a.key, b.key));
}
