import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CARTEL_COUNTY, CARTEL_ZONES, SINGLE_BIDDER_COUNTY, WINDOW_MS, cartelMarket, competitiveMarket } from './generator';
import {
  type ScreenListing,
  extensionFired,
  lateBidsOf,
  levelOf,
  neverMeetProbability,
  raisesOf,
  runsAtLeastProbability,
  runsOf,
  screenBy,
  screenGroup,
  screenPairs,
} from './screens';
import { METRIC_KEYS, THRESHOLD_DEFAULTS, THRESHOLD_KEYS, checkThresholds, thresholdsOf } from './thresholds';

const t = THRESHOLD_DEFAULTS;
const rules = { windowMsAt: () => WINDOW_MS };
const HOUR = 3_600_000;

const listing = (over: Partial<ScreenListing> & { id: number }): ScreenListing => ({
  mode: 'auction',
  countyId: 1,
  cityId: 1,
  reservePriceFenPerMu: 1_000_000,
  incrementFenPerMu: 10_000,
  scheduledClosesAt: 100 * HOUR,
  closesAt: 100 * HOUR,
  closedAt: 100 * HOUR,
  bids: [],
  awards: [],
  ...over,
});

describe('the thresholds', () => {
  it('default to the EU Single Market Scoreboard bands for single bidders (≤ 10% green, > 20% red)', () => {
    expect(t.singleBidderAmberBp).toBe(1000);
    expect(t.singleBidderRedBp).toBe(2000);
    expect(levelOf('singleBidder', 1000, t)).toBe('green');
    expect(levelOf('singleBidder', 1001, t)).toBe('amber');
    expect(levelOf('singleBidder', 2000, t)).toBe('amber');
    expect(levelOf('singleBidder', 2001, t)).toBe('red');
  });

  it('the defaults are coherent; an amber band past the red one, or a value out of range, is refused', () => {
    expect(() => checkThresholds(t)).not.toThrow();
    expect(() => checkThresholds({ ...t, singleBidderAmberBp: 3000 })).toThrow(expect.objectContaining({ code: 'thresholdOrder' }));
    expect(() => checkThresholds({ ...t, biddersAmberX100: 100 })).toThrow(expect.objectContaining({ code: 'thresholdOrder' }));
    expect(() => checkThresholds({ ...t, pairRedPBp: 900 })).toThrow(expect.objectContaining({ code: 'thresholdOrder' }));
    expect(() => checkThresholds({ ...t, unsoldRedBp: 10_001 })).toThrow(expect.objectContaining({ code: 'thresholdOutOfRange' }));
  });

  it('stored values override the defaults; unknown keys are ignored', () => {
    expect(thresholdsOf([{ key: 'minListings', value: 9 }, { key: 'gone', value: 1 }])).toEqual({ ...t, minListings: 9 });
    expect(THRESHOLD_KEYS.length).toBe(Object.keys(t).length);
  });

  it('levels are monotonic: a worse value never grades better', () => {
    const rank = { na: 0, green: 1, amber: 2, red: 3 };
    fc.assert(
      fc.property(fc.constantFrom(...METRIC_KEYS), fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 20_000 }), (key, x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const above = key !== 'bidders' && key !== 'ratio';
        const worse = above ? hi : lo;
        const better = above ? lo : hi;
        expect(rank[levelOf(key, worse, t)]).toBeGreaterThanOrEqual(rank[levelOf(key, better, t)]);
      }),
    );
  });
});

describe('one group of listings', () => {
  it('counts single bidders, the reserve, unsold, bidders and ratios, each with its listings', () => {
    const ls = [
      listing({ id: 1, bids: [{ id: 1, zoneId: 7, priceFenPerMu: 1_000_000, placedAt: HOUR }], awards: [{ zoneId: 7, priceFenPerMu: 1_000_000 }] }),
      listing({
        id: 2,
        bids: [
          { id: 2, zoneId: 7, priceFenPerMu: 1_000_000, placedAt: HOUR },
          { id: 3, zoneId: 8, priceFenPerMu: 1_010_000, placedAt: 2 * HOUR },
          { id: 4, zoneId: 7, priceFenPerMu: 1_100_000, placedAt: 3 * HOUR },
        ],
        awards: [{ zoneId: 7, priceFenPerMu: 1_100_000 }],
      }),
      listing({ id: 3 }),
      listing({ id: 4, mode: 'negotiated', incrementFenPerMu: 0, bids: [{ id: 5, zoneId: 9, priceFenPerMu: 1_000_000, placedAt: HOUR }], awards: [{ zoneId: 9, priceFenPerMu: 1_000_000 }] }),
      listing({ id: 5, bids: [{ id: 6, zoneId: 8, priceFenPerMu: 1_050_000, placedAt: 100 * HOUR - 60_000 }], awards: [{ zoneId: 8, priceFenPerMu: 1_050_000 }], closesAt: 100 * HOUR - 60_000 + WINDOW_MS, closedAt: 100 * HOUR - 60_000 + WINDOW_MS }),
    ];
    const g = screenGroup(ls, { ...t, minListings: 4 }, rules);
    expect(g).toMatchObject({ listings: 5, withBids: 4, awarded: 4, auctions: 4, medianBiddersX100: 100, meanRatioBp: (10_000 + 11_000 + 10_000 + 10_500) / 4 });
    expect(g.metrics.singleBidder).toEqual({ value: 7500, count: 3, base: 4, level: 'red', listingIds: [1, 4, 5] });
    expect(g.metrics.atReserve).toMatchObject({ value: 5000, count: 2, base: 4, level: 'red', listingIds: [1, 4] });
    expect(g.metrics.unsold).toMatchObject({ value: 2000, count: 1, base: 5, level: 'green', listingIds: [3] });
    expect(g.metrics.bidders).toMatchObject({ value: 100, level: 'red', listingIds: [1, 3, 4, 5] });
    expect(g.metrics.ratio).toMatchObject({ value: 10_250, listingIds: [1, 4] }); // 10000, 10000, 10500, 11000
    // Listing 2: two raises, the first by exactly the increment; listing 5's bid is late and extended the close.
    expect(g.metrics.minIncrement).toMatchObject({ value: 5000, count: 1, base: 2, listingIds: [2] });
    expect(g.metrics.lateBids).toMatchObject({ count: 1, base: 5, listingIds: [5] });
    expect(g.metrics.extensions).toMatchObject({ count: 1, base: 3, listingIds: [5] });
    // Only 3 auctions with bids: fewer than the 4 listings asked for are not graded.
    expect(g.metrics.extensions.level).toBe('na');
    expect(g.worst).toBe('red');
  });

  it('an empty group has nothing to grade', () => {
    const g = screenGroup([], t, rules);
    expect(g.worst).toBe('na');
    for (const k of METRIC_KEYS) expect(g.metrics[k]).toMatchObject({ value: null, level: 'na', listingIds: [] });
  });

  it('raises, late bids and extensions are auction matters only', () => {
    const offer = listing({ id: 1, mode: 'negotiated', incrementFenPerMu: 0, bids: [{ id: 1, zoneId: 1, priceFenPerMu: 5, placedAt: 100 * HOUR - 1 }], closesAt: 101 * HOUR });
    expect(raisesOf(offer)).toEqual({ raises: 0, atMinimum: 0 });
    expect(lateBidsOf(offer, rules)).toBe(0);
    expect(extensionFired(offer)).toBe(false);
  });

  const arbitraryListing = fc.record({
    id: fc.integer({ min: 1, max: 1_000_000 }),
    mode: fc.constantFrom('auction' as const, 'negotiated' as const),
    countyId: fc.integer({ min: 1, max: 4 }),
    cityId: fc.integer({ min: 1, max: 2 }),
    reservePriceFenPerMu: fc.integer({ min: 1, max: 5_000_000 }),
    incrementFenPerMu: fc.integer({ min: 0, max: 50_000 }),
    scheduledClosesAt: fc.constant(100 * HOUR),
    closesAt: fc.integer({ min: 100 * HOUR, max: 101 * HOUR }),
    closedAt: fc.integer({ min: 100 * HOUR, max: 102 * HOUR }),
    bids: fc.array(fc.record({ id: fc.integer({ min: 1, max: 1e6 }), zoneId: fc.integer({ min: 1, max: 6 }), priceFenPerMu: fc.integer({ min: 1, max: 9_000_000 }), placedAt: fc.integer({ min: 0, max: 101 * HOUR }) }), { maxLength: 6 }),
    awards: fc.array(fc.record({ zoneId: fc.integer({ min: 1, max: 6 }), priceFenPerMu: fc.integer({ min: 1, max: 9_000_000 }) }), { maxLength: 2 }),
  });
  const market = fc.uniqueArray(arbitraryListing, { selector: (l) => l.id, maxLength: 40 });

  it('shares stay within 0–100%, and every flag’s listings are listings of the group, as many as it counts', () => {
    fc.assert(
      fc.property(market, (ls) => {
        const g = screenGroup(ls, t, rules);
        const ids = new Set(ls.map((l) => l.id));
        for (const k of METRIC_KEYS) {
          const m = g.metrics[k];
          for (const id of m.listingIds) expect(ids.has(id)).toBe(true);
          expect(m.count).toBeLessThanOrEqual(m.base);
          if (k !== 'bidders' && k !== 'ratio' && m.value !== null) expect(m.value).toBeGreaterThanOrEqual(0);
          if (k !== 'bidders' && k !== 'ratio' && m.value !== null) expect(m.value).toBeLessThanOrEqual(10_000);
        }
        for (const k of ['singleBidder', 'atReserve', 'unsold', 'extensions'] as const) expect(g.metrics[k].listingIds.length).toBe(g.metrics[k].count);
      }),
    );
  });

  it('does not depend on the order the listings come in; the groups by county add up to the whole', () => {
    fc.assert(
      fc.property(market, fc.integer(), (ls, seed) => {
        const shuffled = [...ls].sort((a, b) => ((a.id * 7919 + seed) % 101) - ((b.id * 7919 + seed) % 101));
        const sorted = (g: Awaited<ReturnType<typeof screenGroup>>) => JSON.stringify({ ...g, metrics: Object.fromEntries(METRIC_KEYS.map((k) => [k, { ...g.metrics[k], listingIds: [...g.metrics[k].listingIds].sort((a, b) => a - b) }])) });
        expect(sorted(screenGroup(shuffled, t, rules))).toBe(sorted(screenGroup(ls, t, rules)));
        const byCounty = screenBy(ls, (l) => l.countyId, t, rules);
        expect(byCounty.reduce((n, c) => n + c.screen.listings, 0)).toBe(ls.length);
        expect(byCounty.reduce((n, c) => n + c.screen.metrics.singleBidder.count, 0)).toBe(screenGroup(ls, t, rules).metrics.singleBidder.count);
      }),
    );
  });
});

describe('the exact tests behind the pair screens', () => {
  /** Every arrangement of n1 a's and n2 b's, counted. */
  function arrangements(n1: number, n2: number): number[][] {
    if (n1 === 0 && n2 === 0) return [[]];
    return [...(n1 > 0 ? arrangements(n1 - 1, n2).map((s) => [1, ...s]) : []), ...(n2 > 0 ? arrangements(n1, n2 - 1).map((s) => [2, ...s]) : [])];
  }

  it('the runs test’s probabilities are those of enumerating every order', () => {
    for (let n1 = 1; n1 <= 6; n1++) {
      for (let n2 = 1; n2 <= 6; n2++) {
        const all = arrangements(n1, n2);
        for (let r = 1; r <= n1 + n2 + 1; r++) {
          const exact = all.filter((s) => runsOf(s) >= r).length / all.length;
          expect(runsAtLeastProbability(n1, n2, r)).toBeCloseTo(exact, 10);
        }
      }
    }
    // Perfect alternation of 10 and 10 wins: 2 orders of C(20, 10).
    expect(runsAtLeastProbability(10, 10, 20)).toBeCloseTo(2 / 184_756, 12);
  });

  it('never meeting at random is the hypergeometric chance', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 }), (total, x, y) => {
        const a = Math.min(x, total);
        const b = Math.min(y, total);
        // Choose b of total; none of them among the first a.
        let disjoint = 0;
        let all = 0;
        for (let mask = 0; mask < 1 << total; mask++) {
          let bits = 0;
          for (let i = 0; i < total; i++) if (mask & (1 << i)) bits++;
          if (bits !== b) continue;
          all++;
          if ((mask & ((1 << a) - 1)) === 0) disjoint++;
        }
        expect(neverMeetProbability(total, a, b)).toBeCloseTo(disjoint / all, 10);
      }),
      { numRuns: 60 },
    );
  });
});

describe('generated markets', () => {
  const SEEDS = Array.from({ length: 12 }, (_, i) => 1000 + i * 37);

  it.each(SEEDS)('a competitive market (seed %i) is not flagged', (seed) => {
    const ls = competitiveMarket(seed);
    const whole = screenGroup(ls, t, rules);
    expect(whole.worst, JSON.stringify(Object.fromEntries(METRIC_KEYS.map((k) => [k, [whole.metrics[k].value, whole.metrics[k].level]])))).toBe('green');
    for (const g of [...screenBy(ls, (l) => l.countyId, t, rules), ...screenBy(ls, (l) => l.cityId, t, rules)]) expect(g.screen.worst, `group ${g.key}`).toBe('green');
    expect(screenPairs(ls, t)).toEqual([]);
  });

  it.each(SEEDS)('a planted cartel and a single-bidder county (seed %i) are flagged, and nothing else', (seed) => {
    const ls = cartelMarket(seed);
    const counties = new Map(screenBy(ls, (l) => l.countyId, t, rules).map((g) => [g.key, g.screen]));
    const cartel = counties.get(CARTEL_COUNTY.id)!;
    expect(cartel.metrics.singleBidder.level).toBe('red');
    expect(cartel.metrics.atReserve.level).toBe('red');
    expect(cartel.metrics.ratio.level).toBe('red');
    expect(cartel.metrics.singleBidder.listingIds).toHaveLength(30);
    const single = counties.get(SINGLE_BIDDER_COUNTY.id)!;
    expect(single.metrics.singleBidder).toMatchObject({ value: 10_000, level: 'red' });
    expect(single.metrics.singleBidder.listingIds).toHaveLength(8);
    for (const [id, g] of counties) if (id !== CARTEL_COUNTY.id && id !== SINGLE_BIDDER_COUNTY.id) expect(g.worst, `county ${id}`).toBe('green');
    const cities = new Map(screenBy(ls, (l) => l.cityId, t, rules).map((g) => [g.key, g.screen]));
    expect(cities.get(3)!.metrics.singleBidder.level).toBe('red');
    expect(cities.get(1)!.worst).toBe('green');

    // Every pair of the cartel is flagged twice (never meet, take turns), red; no other pair is.
    const pairs = screenPairs(ls, t);
    const cartelPairs = [
      [201, 202],
      [201, 203],
      [202, 203],
    ];
    for (const [a, b] of cartelPairs) {
      for (const kind of ['apart', 'rotation'] as const) {
        const p = pairs.find((x) => x.kind === kind && x.zoneA === a && x.zoneB === b);
        expect(p, `${kind} ${a}-${b}`).toMatchObject({ level: 'red' });
        expect(p!.listingIds.length).toBe(20);
      }
    }
    expect(pairs.every((p) => CARTEL_ZONES.includes(p.zoneA) && CARTEL_ZONES.includes(p.zoneB))).toBe(true);
  });
});

describe('the period', () => {
  it('cuts years, quarters and months in China time; a month wins over a quarter', async () => {
    const { periodRange, periodLabel } = await import('./period');
    const cst = (iso: string) => Date.parse(`${iso}T00:00:00+08:00`);
    expect(periodRange({ year: 2026, quarter: null, month: null })).toEqual({ from: cst('2026-01-01'), to: cst('2027-01-01') });
    expect(periodRange({ year: 2026, quarter: 4, month: null })).toEqual({ from: cst('2026-10-01'), to: cst('2027-01-01') });
    expect(periodRange({ year: 2026, quarter: 1, month: 12 })).toEqual({ from: cst('2026-12-01'), to: cst('2027-01-01') });
    expect(periodLabel({ year: 2026, quarter: 2, month: null })).toBe('2026-Q2');
    expect(periodLabel({ year: 2026, quarter: null, month: 5 })).toBe('2026-05');
  });
});
