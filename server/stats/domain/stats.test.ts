import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TARGET_MILLI_MU,
  INTERVIEW_BELOW_BP,
  type CountyMonth,
  type TradeFact,
  assessedYear,
  assessment,
  kthAcross,
  median,
  medianPriceOf,
  monthOf,
  monthlySeries,
  monthlySeriesOf,
  monthsBetween,
  obligationCounts,
  quantile,
  quarterOf,
  quarterlySeries,
  quarterlySeriesOf,
  spreadBy,
  spreadByCityOf,
  targetProgress,
  yearOf,
} from './stats';

/** A moment given as China time. */
const cst = (y: number, m: number, d: number, h = 9) => Date.UTC(y, m - 1, d, h - 8);

const trade = (settledAt: number, priceFenPerMu: number, qtyMilliMu: number, amountFen: number, cityId = 1, countyId = 1): TradeFact => ({
  settledAt,
  priceFenPerMu,
  qtyMilliMu,
  amountFen,
  cityId,
  countyId,
});

// Amounts are qty × price / 1000, worked out by hand.
/**
 * Trades settled between two days, in `counties` counties (their city set by the test). A narrow price
 * range too, so equal prices and even counts (two middle values averaged) come up often.
 */
const arbTradeFact = (from: string, to: string, counties: number) =>
  fc.record({
    settledAt: fc.integer({ min: Date.parse(`${from}T00:00:00Z`), max: Date.parse(`${to}T00:00:00Z`) }),
    priceFenPerMu: fc.oneof(fc.integer({ min: 1, max: 100_000_000_000 }), fc.integer({ min: 2_000_000, max: 2_000_004 })),
    qtyMilliMu: fc.integer({ min: 1, max: 100_000_000 }),
    amountFen: fc.integer({ min: 0, max: 1_000_000_000 }),
    countyId: fc.integer({ min: 1, max: counties }),
    cityId: fc.constant(0),
  });

const NEW_YEAR_UTC = Date.parse('2025-12-31T16:30:00Z'); // 00:30 on 1 January 2026 in China
const TRADES: TradeFact[] = [
  trade(NEW_YEAR_UTC, 100_000, 2_000, 200_000),
  trade(cst(2026, 1, 20), 100_001, 1_000, 100_001),
  trade(cst(2026, 3, 5), 90_000, 3_000, 270_000),
  trade(cst(2026, 3, 31, 23), 95_000, 500, 47_500),
  trade(cst(2026, 3, 15), 120_000, 1_500, 180_000),
  trade(cst(2026, 4, 1, 0), 110_000, 7, 770), // April in China: outside a Jan–Mar range
  trade(Date.parse('2025-12-31T15:59:00Z'), 80_000, 1_000, 80_000), // 23:59 on 31 December in China
];

describe('calendar in China time (UTC+8)', () => {
  it('puts 2025-12-31T16:30Z in January 2026, and one minute before 16:00Z still in December', () => {
    expect(monthOf(NEW_YEAR_UTC)).toBe('2026-01');
    expect(quarterOf(NEW_YEAR_UTC)).toBe('2026-Q1');
    expect(yearOf(NEW_YEAR_UTC)).toBe(2026);
    expect(monthOf(Date.parse('2025-12-31T15:59:59.999Z'))).toBe('2025-12');
    expect(yearOf(Date.parse('2025-12-31T15:59:59.999Z'))).toBe(2025);
  });
  it.each([
    ['2026-03-31T15:59:59.999Z', '2026-Q1'],
    ['2026-03-31T16:00:00.000Z', '2026-Q2'],
    ['2026-06-30T16:00:00.000Z', '2026-Q3'],
    ['2026-09-30T15:59:59.999Z', '2026-Q3'],
    ['2026-09-30T16:00:00.000Z', '2026-Q4'],
  ])('%s is in %s', (iso, quarter) => {
    expect(quarterOf(Date.parse(iso))).toBe(quarter);
  });
  it('lists months across a year end, a single month, and none when reversed', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-03')).toEqual(['2026-03']);
    expect(monthsBetween('2026-04', '2026-03')).toEqual([]);
    expect(() => monthsBetween('2026-13', '2027-01')).toThrow(RangeError);
  });
});

describe('median and quantile', () => {
  it('takes the middle of an odd count and averages an even count half-up', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([2, 4])).toBe(3);
    expect(median([1, 2])).toBe(2); // 1.5 rounds up
    expect(median([4, 1, 3, 2])).toBe(3); // 2.5 rounds up
    expect(median([-1, -2])).toBe(-2); // -1.5 rounds away from zero
    // The sum of the two middles exceeds 2^53; the average must still be exact.
    expect(median([9_007_199_254_740_991, 9_007_199_254_740_989])).toBe(9_007_199_254_740_990);
  });
  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    quantile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });
  it('uses the nearest rank, ceil(q·n)', () => {
    const v = [40, 10, 30, 20];
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile(v, 0)).toBe(10);
    expect(quantile(v, 0.25)).toBe(10);
    expect(quantile(v, 0.26)).toBe(20);
    expect(quantile(v, 0.5)).toBe(20);
    expect(quantile(v, 0.75)).toBe(30);
    expect(quantile(v, 1)).toBe(40);
    // 0.7 × 10 is 7.000000000000001 in floating point; the rank is still 7.
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.7)).toBe(7);
    expect(() => quantile(v, 1.5)).toThrow(RangeError);
  });
});

describe('monthly and quarterly series', () => {
  it('has a row for every month, an empty February carrying the cumulative totals over', () => {
    expect(monthlySeries(TRADES, ['2026-01', '2026-02', '2026-03'])).toEqual([
      // Median of 100,000 and 100,001 is 100,000.5, rounded up.
      { month: '2026-01', count: 2, volumeMilliMu: 3_000, amountFen: 300_001, medianFenPerMu: 100_001, cumulativeMilliMu: 3_000, cumulativeAmountFen: 300_001 },
      { month: '2026-02', count: 0, volumeMilliMu: 0, amountFen: 0, medianFenPerMu: null, cumulativeMilliMu: 3_000, cumulativeAmountFen: 300_001 },
      { month: '2026-03', count: 3, volumeMilliMu: 5_000, amountFen: 497_500, medianFenPerMu: 95_000, cumulativeMilliMu: 8_000, cumulativeAmountFen: 797_501 },
    ]);
  });
  it('gives zero rows for no trades, and nothing for no months', () => {
    expect(monthlySeries([], ['2026-01', '2026-02'])).toEqual([
      { month: '2026-01', count: 0, volumeMilliMu: 0, amountFen: 0, medianFenPerMu: null, cumulativeMilliMu: 0, cumulativeAmountFen: 0 },
      { month: '2026-02', count: 0, volumeMilliMu: 0, amountFen: 0, medianFenPerMu: null, cumulativeMilliMu: 0, cumulativeAmountFen: 0 },
    ]);
    expect(monthlySeries(TRADES, [])).toEqual([]);
    expect(quarterlySeries([])).toEqual([]);
  });
  it('groups quarters in China time, ascending', () => {
    expect(quarterlySeries(TRADES)).toEqual([
      { quarter: '2025-Q4', count: 1, volumeMilliMu: 1_000, medianFenPerMu: 80_000 },
      // Prices 90,000 95,000 100,000 100,001 120,000.
      { quarter: '2026-Q1', count: 5, volumeMilliMu: 8_000, medianFenPerMu: 100_000 },
      { quarter: '2026-Q2', count: 1, volumeMilliMu: 7, medianFenPerMu: 110_000 },
    ]);
  });
  it('volume total equals the trades inside the months, and the last cumulative equals it (property)', () => {
    const months = monthsBetween('2025-06', '2026-06');
    // Bounds written as instants, so the check does not lean on monthOf: 1 June 2025 00:00 CST to 1 July 2026 00:00 CST.
    const start = Date.parse('2025-05-31T16:00:00Z');
    const end = Date.parse('2026-06-30T16:00:00Z');
    const arbTrade = fc.record({
      settledAt: fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2027-01-01T00:00:00Z') }),
      priceFenPerMu: fc.integer({ min: 1, max: 100_000_000 }),
      qtyMilliMu: fc.integer({ min: 1, max: 100_000_000 }),
      amountFen: fc.integer({ min: 0, max: 1_000_000_000 }),
      cityId: fc.integer({ min: 1, max: 11 }),
      countyId: fc.integer({ min: 1, max: 117 }),
    });
    fc.assert(
      fc.property(fc.array(arbTrade, { maxLength: 60 }), (trades) => {
        const rows = monthlySeries(trades, months);
        const inside = trades.filter((t) => t.settledAt >= start && t.settledAt < end);
        const volume = inside.reduce((s, t) => s + t.qtyMilliMu, 0);
        expect(rows).toHaveLength(13);
        expect(rows.reduce((s, r) => s + r.volumeMilliMu, 0)).toBe(volume);
        expect(rows.reduce((s, r) => s + r.count, 0)).toBe(inside.length);
        expect(rows.at(-1)?.cumulativeMilliMu).toBe(volume);
        expect(rows.at(-1)?.cumulativeAmountFen).toBe(inside.reduce((s, t) => s + t.amountFen, 0));
      }),
    );
  });
});

describe('price spread', () => {
  const t = (cityId: number, price: number) => trade(cst(2026, 5, 1), price, 1_000, price, cityId);
  it('orders groups by median descending, ties by key', () => {
    const trades = [t(2, 250), t(2, 260), t(2, 240), t(1, 400), t(1, 100), t(1, 300), t(1, 200), t(3, 500)];
    expect(spreadBy(trades, (x) => x.cityId)).toEqual([
      { key: 3, count: 1, minFenPerMu: 500, p25FenPerMu: 500, medianFenPerMu: 500, p75FenPerMu: 500, maxFenPerMu: 500, volumeMilliMu: 1_000 },
      // Medians tie at 250 (city 1: (200 + 300) / 2); city 1 comes first by key.
      { key: 1, count: 4, minFenPerMu: 100, p25FenPerMu: 100, medianFenPerMu: 250, p75FenPerMu: 300, maxFenPerMu: 400, volumeMilliMu: 4_000 },
      { key: 2, count: 3, minFenPerMu: 240, p25FenPerMu: 240, medianFenPerMu: 250, p75FenPerMu: 260, maxFenPerMu: 260, volumeMilliMu: 3_000 },
    ]);
  });
  it('works with string keys and gives nothing for no trades', () => {
    const trades = [t(1, 100), t(2, 100)];
    expect(spreadBy(trades, (x) => (x.cityId === 1 ? 'taiyuan' : 'datong')).map((r) => r.key)).toEqual(['datong', 'taiyuan']);
    expect(spreadBy([], (x) => x.cityId)).toEqual([]);
  });
});

/** The trades as county-months (what server/stats/queries.ts reads from the settled packs), in no particular order. */
function countyMonthsOf(trades: readonly TradeFact[]): CountyMonth[] {
  const groups = new Map<string, TradeFact[]>();
  for (const t of trades) groups.set(`${monthOf(t.settledAt)}:${t.countyId}`, [...(groups.get(`${monthOf(t.settledAt)}:${t.countyId}`) ?? []), t]);
  return [...groups.values()].map((ts) => ({
    month: monthOf(ts[0]!.settledAt),
    countyId: ts[0]!.countyId,
    cityId: ts[0]!.cityId,
    // In lists each ascending, as packs are read: here the even and the odd trades, and an empty list.
    prices: [0, 1].map((odd) => ts.filter((_, i) => i % 2 === odd).map((t) => t.priceFenPerMu).sort((a, b) => a - b)).concat([[]]),
    volumeMilliMu: ts.reduce((n, t) => n + t.qtyMilliMu, 0),
    amountFen: ts.reduce((n, t) => n + t.amountFen, 0),
  }));
}

describe('the market put together from county-months', () => {
  it('kthAcross finds the k-th smallest of several ascending lists, duplicates and empty lists included', () => {
    const lists = [[1, 4, 4, 9], [], [2, 4], [10]];
    expect([0, 1, 2, 3, 4, 5, 6].map((k) => kthAcross(lists, k))).toEqual([1, 2, 4, 4, 4, 9, 10]);
  });
  it('gives the rows of monthlySeries and spreadBy over the trades themselves (property)', () => {
    const months = monthsBetween('2026-01', '2026-12');
    const arbTrade = arbTradeFact('2025-12-20', '2027-01-10', 9);
    fc.assert(
      fc.property(fc.array(arbTrade, { maxLength: 80 }), (raw) => {
        const trades = raw.map((t) => ({ ...t, cityId: 1 + (t.countyId % 3) })); // a county lies in one city
        const pieces = countyMonthsOf(trades);
        expect(monthlySeriesOf(pieces, months)).toEqual(monthlySeries(trades, months));
        const inYear = new Set(months);
        expect(spreadByCityOf(pieces.filter((p) => inYear.has(p.month)))).toEqual(spreadBy(trades.filter((t) => inYear.has(monthOf(t.settledAt))), (t) => t.cityId));
        expect(medianPriceOf(pieces)).toEqual(median(trades.map((t) => t.priceFenPerMu)));
        expect(quarterlySeriesOf(pieces)).toEqual(quarterlySeries(trades));
      }),
      { numRuns: 300 },
    );
  });
});

describe('county targets (seed 001 三(一))', () => {
  it('defaults to 1000 mu a year', () => {
    expect(DEFAULT_TARGET_MILLI_MU).toBe(1_000_000);
  });
  it('computes progress half-up and puts the counties furthest behind first', () => {
    const rows = targetProgress([
      { countyId: 11, targetMilliMu: 10_000, tradedMilliMu: 10_000 },
      { countyId: 12, targetMilliMu: 10_000, tradedMilliMu: 0 },
      { countyId: 13, targetMilliMu: 20_000, tradedMilliMu: 0 },
      { countyId: 14, targetMilliMu: 0, tradedMilliMu: 0 },
      { countyId: 15, targetMilliMu: 3, tradedMilliMu: 1 },
      { countyId: 16, targetMilliMu: 3, tradedMilliMu: 2 },
      { countyId: 17, targetMilliMu: 8, tradedMilliMu: 12 },
      { countyId: 18, targetMilliMu: 20_000, tradedMilliMu: 19_999 },
    ]);
    expect(rows.map((r) => [r.countyId, r.progressBp, r.shortfallMilliMu, r.met])).toEqual([
      [13, 0, 20_000, false], // no trades: 0, the larger shortfall first
      [12, 0, 10_000, false],
      [15, 3333, 2, false], // 33.33…%
      [16, 6667, 1, false], // 66.67% rounded up
      [18, 10_000, 1, false], // 99.995% shows as 10000 bp but is one milli-mu short
      [11, 10_000, 0, true],
      [14, 10_000, 0, true], // target 0 counts as met
      [17, 15_000, 0, true],
    ]);
  });
});

describe('assessment (seed 001 四(三))', () => {
  const county = (countyId: number, targetMilliMu: number, tradedMilliMu: number, overdueCount = 0) => ({
    countyId,
    targetMilliMu,
    tradedMilliMu,
    receivedFen: countyId * 1_000,
    spentFen: countyId * 100,
    overdueCount,
  });
  it('marks reward, interview and none at the exact edges', () => {
    expect(INTERVIEW_BELOW_BP).toBe(5000);
    const rows = assessment([
      county(21, 10_000, 5_000), // exactly 50%: not an interview
      county(22, 10_000, 4_999), // 49.99%
      county(23, 10_000, 10_000, 1), // met, but one reclamation overdue
      county(24, 10_000, 10_000), // met, nothing overdue
      county(25, 10_000, 0), // no trades at all
      county(26, 0, 0), // no target
      county(27, 20_000, 9_999), // 49.995%: shows 5000 bp, still below half
      county(28, 10_000, 9_999), // short of the target, above half
    ]);
    expect(rows.map((r) => [r.countyId, r.progressBp, r.mark])).toEqual([
      [25, 0, 'interview'],
      [22, 4999, 'interview'],
      [27, 5000, 'interview'], // shortfall 10,001 before county 21's 5,000
      [21, 5000, 'none'],
      [28, 9999, 'none'],
      [23, 10_000, 'interview'],
      [24, 10_000, 'reward'],
      [26, 10_000, 'reward'],
    ]);
  });
  it('passes the money and overdue figures through unchanged', () => {
    expect(assessment([county(23, 10_000, 10_000, 1)])).toEqual([
      { countyId: 23, targetMilliMu: 10_000, tradedMilliMu: 10_000, receivedFen: 23_000, spentFen: 2_300, overdueCount: 1, progressBp: 10_000, mark: 'interview' },
    ]);
  });
  it('covers the previous calendar year in China time (seed 001 三(一): 每年一季度…对上年度…考核评估)', () => {
    expect(assessedYear(cst(2027, 3, 15))).toBe(2026);
    expect(assessedYear(Date.parse('2026-12-31T16:00:00Z'))).toBe(2026); // 00:00 on 1 January 2027 in China
    expect(assessedYear(Date.parse('2026-12-31T15:59:59Z'))).toBe(2025);
  });
});

describe('obligationCounts', () => {
  it('counts open (of which due and overdue) and accepted per place, most overdue first', () => {
    const rows = obligationCounts([
      { key: '忻州市', state: 'on_track' },
      { key: '吕梁市', state: 'overdue' },
      { key: '忻州市', state: 'due' },
      { key: '忻州市', state: 'accepted' },
      { key: '吕梁市', state: 'overdue' },
    ]);
    expect(rows).toEqual([
      { key: '吕梁市', open: 2, due: 0, overdue: 2, accepted: 0 },
      { key: '忻州市', open: 2, due: 1, overdue: 0, accepted: 1 },
    ]);
    expect(obligationCounts([])).toEqual([]);
  });
});
