import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  listingEditRefusal,
  type BidStatus,
  type Fill,
  type ListingTerms,
  type RankedBid,
  type StandingBid,
  allocate,
  awardSummary,
  bidderNumberOf,
  bidStandings,
  checkBidQty,
  checkListingTerms,
  depositFor,
  extendedClose,
  listingPhase,
  minimumBid,
  type PhaseBounds,
  phaseBounds,
} from './auction';
import { DomainError, type DomainErrorCode } from '@/server/kernel/errors';
import { tradeAmount, type FenPerMu, type MilliMu } from '@/server/kernel/units';

const MIN = 60_000;
const NOW = Date.UTC(2026, 10, 2, 1);

function refusal(fn: () => unknown): DomainErrorCode | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

const terms = (over: Partial<ListingTerms> = {}): ListingTerms => ({
  mode: 'auction',
  qtyMilliMu: 100_000,
  reservePriceFenPerMu: 3_000_000,
  minLotMilliMu: 10_000,
  incrementFenPerMu: 50_000,
  opensAt: NOW,
  closesAt: NOW + 3_600_000,
  ...over,
});

describe('listingPhase', () => {
  const at = { opensAt: NOW, closesAt: NOW + 1000 };
  it('follows the clock for an approved listing: upcoming, open from opensAt, due from closesAt', () => {
    expect(listingPhase({ status: 'approved', ...at }, NOW - 1)).toBe('upcoming');
    expect(listingPhase({ status: 'approved', ...at }, NOW)).toBe('open');
    expect(listingPhase({ status: 'approved', ...at }, NOW + 999)).toBe('open');
    expect(listingPhase({ status: 'approved', ...at }, NOW + 1000)).toBe('due');
  });
  it('is the status itself for any other status', () => {
    for (const status of ['pending_review', 'rejected', 'closed', 'withdrawn'] as const) expect(listingPhase({ status, ...at }, NOW + 1)).toBe(status);
  });
});

describe('phaseBounds', () => {
  const inBounds = (b: PhaseBounds, l: { status: string; opensAt: number; closesAt: number }) =>
    l.status === b.status &&
    (b.opensAfter === undefined || b.opensAfter < l.opensAt) &&
    (b.openedBy === undefined || l.opensAt <= b.openedBy) &&
    (b.closesAfter === undefined || b.closesAfter < l.closesAt) &&
    (b.closedBy === undefined || l.closesAt <= b.closedBy);
  it('holds exactly the listings listingPhase puts in that phase, at any moment, edges included', () => {
    const phases = ['pending_review', 'rejected', 'withdrawn', 'upcoming', 'open', 'due', 'closed'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom('pending_review', 'approved', 'rejected', 'withdrawn', 'closed' as const),
        fc.integer({ min: -5, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: -8, max: 12 }),
        (status, opensAt, length, now) => {
          const l = { status, opensAt, closesAt: opensAt + length };
          for (const phase of phases) expect(inBounds(phaseBounds(phase, now), l), `${phase} at ${now}`).toBe(listingPhase(l, now) === phase);
        },
      ),
    );
  });
});

describe('checkListingTerms', () => {
  it('accepts coherent terms offering at most the free quota', () => {
    expect(refusal(() => checkListingTerms(terms(), 100_000, NOW))).toBeNull();
    expect(refusal(() => checkListingTerms(terms({ minLotMilliMu: 100_000 }), 100_000, NOW))).toBeNull();
    expect(refusal(() => checkListingTerms(terms({ mode: 'negotiated', incrementFenPerMu: 0 }), 100_000, NOW))).toBeNull();
  });
  it('refuses each incoherent term with its own code', () => {
    expect(refusal(() => checkListingTerms(terms(), 99_999, NOW))).toBe('overFreeQuota');
    expect(refusal(() => checkListingTerms(terms({ minLotMilliMu: 100_001 }), 1_000_000, NOW))).toBe('minLotAboveQty');
    expect(refusal(() => checkListingTerms(terms({ closesAt: NOW }), 1_000_000, NOW - 10))).toBe('closeBeforeOpen');
    expect(refusal(() => checkListingTerms(terms({ closesAt: NOW - 1 }), 1_000_000, NOW))).toBe('closeBeforeOpen');
    expect(refusal(() => checkListingTerms(terms({ opensAt: NOW - 10, closesAt: NOW }), 1_000_000, NOW))).toBe('closeInPast');
    expect(refusal(() => checkListingTerms(terms({ incrementFenPerMu: 0 }), 1_000_000, NOW))).toBe('incrementRequired');
  });
  it('refuses a minimum lot worth less than a fen at the reserve, since no trade of it could exist', () => {
    expect(refusal(() => checkListingTerms(terms({ qtyMilliMu: 2, minLotMilliMu: 1, reservePriceFenPerMu: 1 }), 10, NOW))).toBe('minLotWorthless');
    expect(refusal(() => checkListingTerms(terms({ qtyMilliMu: 2, minLotMilliMu: 1, reservePriceFenPerMu: 499 }), 10, NOW))).toBe('minLotWorthless');
    expect(refusal(() => checkListingTerms(terms({ qtyMilliMu: 2, minLotMilliMu: 1, reservePriceFenPerMu: 500 }), 10, NOW))).toBeNull();
  });
  it('reports the free quantity with an over-quota refusal', () => {
    try {
      checkListingTerms(terms(), 5_000, NOW);
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).params).toEqual({ freeMilliMu: 5_000 });
      expect((e as DomainError).kind).toBe('CONFLICT');
    }
  });
});

describe('minimumBid', () => {
  const t = { reservePriceFenPerMu: 3_000_000, incrementFenPerMu: 50_000 };
  it('is the reserve before any bid', () => expect(minimumBid(t, null)).toBe(3_000_000));
  it('is best + increment once there is a bid', () => {
    expect(minimumBid(t, 3_000_000)).toBe(3_050_000);
    expect(minimumBid(t, 3_210_000)).toBe(3_260_000);
  });
  it('is never below the reserve', () => expect(minimumBid(t, 1_000_000)).toBe(3_000_000));
  it('is max(reserve, best + increment) (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 0, max: 1e7 }), fc.option(fc.integer({ min: 1, max: 1e9 })), (reserve, inc, best) => {
        const m = minimumBid({ reservePriceFenPerMu: reserve, incrementFenPerMu: inc }, best);
        expect(m).toBe(best === null ? reserve : Math.max(reserve, best + inc));
      }),
    );
  });
});

describe('checkBidQty', () => {
  const t = { qtyMilliMu: 100_000, minLotMilliMu: 10_000 };
  it('accepts from the minimum lot up to the quantity offered', () => {
    expect(refusal(() => checkBidQty(10_000, t))).toBeNull();
    expect(refusal(() => checkBidQty(100_000, t))).toBeNull();
  });
  it('refuses above offered and below the minimum lot', () => {
    expect(refusal(() => checkBidQty(100_001, t))).toBe('qtyAboveOffered');
    expect(refusal(() => checkBidQty(9_999, t))).toBe('qtyBelowMinLot');
  });
});

describe('extendedClose (anti-sniping)', () => {
  const close = NOW + 3_600_000;
  const fiveFive = { windowMs: 5 * MIN, extensionMs: 5 * MIN };
  it('leaves the close alone for a bid outside the window', () => {
    expect(extendedClose(close, close - 5 * MIN - 1, fiveFive)).toBe(close);
    expect(extendedClose(close, close - 60 * MIN, fiveFive)).toBe(close);
  });
  it('at the window edge the extension reaches exactly the old close', () => {
    expect(extendedClose(close, close - 5 * MIN, fiveFive)).toBe(close);
  });
  it('restarts the countdown for a bid inside the window', () => {
    expect(extendedClose(close, close - 5 * MIN + 1, fiveFive)).toBe(close + 1);
    expect(extendedClose(close, close - 1_000, fiveFive)).toBe(close + 5 * MIN - 1_000);
    expect(extendedClose(close, close - 1, fiveFive)).toBe(close + 5 * MIN - 1);
  });
  it('never moves the close earlier, whatever the window and extension', () => {
    expect(extendedClose(close, close - 4 * MIN, { windowMs: 10 * MIN, extensionMs: 1 * MIN })).toBe(close);
    expect(extendedClose(close, close - 1 * MIN, { windowMs: 2 * MIN, extensionMs: 10 * MIN })).toBe(close + 9 * MIN);
    expect(extendedClose(close, close - 1, { windowMs: 0, extensionMs: 5 * MIN })).toBe(close);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e8 }), fc.nat(86_400_000), fc.nat(86_400_000), (before, windowMs, extensionMs) => {
        const next = extendedClose(close, close - before, { windowMs, extensionMs });
        expect(next).toBeGreaterThanOrEqual(close);
        if (before > windowMs) expect(next).toBe(close);
        else expect(next).toBe(Math.max(close, close - before + extensionMs));
      }),
    );
  });
});

describe('depositFor', () => {
  it('freezes 20% (2000 bp) of the bid amount', () => {
    // 100 mu × 30,000 元/亩 = 3,000,000 元 → 600,000 元
    expect(depositFor(100_000, 3_000_000, 2000)).toBe(60_000_000);
    // 300 mu × 20,000 元/亩 = 6,000,000 元 → 1,200,000 元
    expect(depositFor(300_000, 2_000_000, 2000)).toBe(120_000_000);
  });
  it('rounds the amount first, then the share, each half-up', () => {
    // 0.001 mu × 333.33 元/亩 = 0.33333 元 → 33 fen; 20% = 6.6 → 7 fen
    expect(depositFor(1, 33_333, 2000)).toBe(7);
    // 1.5 mu × 333.33 = 499.995 元 → 50,000 fen; 20% = 10,000 fen
    expect(depositFor(1_500, 33_333, 2000)).toBe(10_000);
    expect(depositFor(1_500, 33_333, 2000)).toBe(Math.round(tradeAmount(1_500 as MilliMu, 33_333 as FenPerMu) * 0.2));
  });
  it('follows the rate setting: 0% freezes nothing, 100% the whole amount', () => {
    expect(depositFor(100_000, 3_000_000, 0)).toBe(0);
    expect(depositFor(100_000, 3_000_000, 10000)).toBe(300_000_000);
    expect(depositFor(100_000, 3_000_000, 1)).toBe(30_000);
  });
  it('is never more than the amount nor less than zero (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), fc.integer({ min: 1, max: 1_000_000_000 }), fc.integer({ min: 0, max: 10000 }), (q, p, r) => {
        const d = depositFor(q, p, r);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(tradeAmount(q as MilliMu, p as FenPerMu));
      }),
    );
  });
});

describe('allocate', () => {
  const bid = (id: number, price: number, qty: number, placedAt = id): RankedBid => ({ id, priceFenPerMu: price, qtyMilliMu: qty, placedAt });
  const asMap = (fills: Fill[]) => Object.fromEntries(fills.map((f) => [f.bidId, f.qtyMilliMu]));

  it('fills in price order, highest first', () => {
    const fills = allocate([bid(1, 100, 50), bid(2, 300, 50), bid(3, 200, 50)], 100, 10);
    expect(fills).toEqual([
      { bidId: 2, qtyMilliMu: 50 },
      { bidId: 3, qtyMilliMu: 50 },
    ]);
  });

  it('at equal price the earlier bid wins; id breaks an exact tie', () => {
    expect(asMap(allocate([bid(1, 100, 60, 20), bid(2, 100, 60, 10)], 60, 10))).toEqual({ 2: 60 });
    expect(asMap(allocate([bid(9, 100, 60, 5), bid(4, 100, 60, 5)], 60, 10))).toEqual({ 4: 60 });
  });

  it('fills the last winner partly, down to the minimum lot', () => {
    expect(allocate([bid(1, 300, 60), bid(2, 200, 60)], 100, 10)).toEqual([
      { bidId: 1, qtyMilliMu: 60 },
      { bidId: 2, qtyMilliMu: 40 },
    ]);
    expect(asMap(allocate([bid(1, 300, 90), bid(2, 200, 60)], 100, 10))).toEqual({ 1: 90, 2: 10 });
  });

  it('does not award a remainder below the minimum lot', () => {
    expect(asMap(allocate([bid(1, 300, 95), bid(2, 200, 60), bid(3, 100, 60)], 100, 10))).toEqual({ 1: 95 });
  });

  it('never awards more than offered, even when one bid asks for everything', () => {
    expect(asMap(allocate([bid(1, 300, 100), bid(2, 300, 100)], 100, 100))).toEqual({ 1: 100 });
    expect(allocate([], 100, 10)).toEqual([]);
    expect(allocate([bid(1, 300, 100)], 0, 10)).toEqual([]);
  });

  it('takes lower bids for what is left once the higher ones are full', () => {
    expect(asMap(allocate([bid(1, 500, 20), bid(2, 400, 30), bid(3, 300, 40), bid(4, 200, 50)], 100, 10))).toEqual({ 1: 20, 2: 30, 3: 40, 4: 10 });
  });

  it('does not depend on the order the bids are given in', () => {
    const bids = [bid(1, 300, 60, 3), bid(2, 300, 60, 1), bid(3, 400, 20, 9), bid(4, 100, 80, 0)];
    expect(allocate([...bids].reverse(), 100, 10)).toEqual(allocate(bids, 100, 10));
  });

  // --- properties -------------------------------------------------------------------------------
  const scenario = fc
    .record({
      offered: fc.integer({ min: 1, max: 1_000 }),
      minLotShare: fc.integer({ min: 1, max: 100 }),
      raw: fc.array(
        fc.record({ price: fc.integer({ min: 1, max: 20 }), qty: fc.integer({ min: 0, max: 1_200 }), placedAt: fc.integer({ min: 0, max: 30 }) }),
        { maxLength: 12 },
      ),
    })
    .map(({ offered, minLotShare, raw }) => {
      const minLot = Math.max(1, Math.floor((offered * minLotShare) / 100));
      // Bids as the services admit them: at least the minimum lot, at most the quantity offered.
      const bids = raw.map((b, i) => bid(i + 1, b.price, minLot + (b.qty % (offered - minLot + 1)), b.placedAt));
      return { offered, minLot, bids };
    });

  const ranks = (a: RankedBid, b: RankedBid) => b.priceFenPerMu - a.priceFenPerMu || a.placedAt - b.placedAt || a.id - b.id;

  it('never over-allocates; each fill is ≥ the minimum lot and ≤ its bid (property)', () => {
    fc.assert(
      fc.property(scenario, ({ offered, minLot, bids }) => {
        const fills = allocate(bids, offered, minLot);
        const total = fills.reduce((s, f) => s + f.qtyMilliMu, 0);
        expect(total).toBeLessThanOrEqual(offered);
        const byId = new Map(bids.map((b) => [b.id, b]));
        expect(new Set(fills.map((f) => f.bidId)).size).toBe(fills.length);
        for (const f of fills) {
          const b = byId.get(f.bidId);
          expect(b).toBeDefined();
          expect(f.qtyMilliMu).toBeGreaterThanOrEqual(minLot);
          expect(f.qtyMilliMu).toBeLessThanOrEqual(b!.qtyMilliMu);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('respects priority: winners are the best-ranked prefix, all full but perhaps the last (property)', () => {
    fc.assert(
      fc.property(scenario, ({ offered, minLot, bids }) => {
        const fills = allocate(bids, offered, minLot);
        const ranked = [...bids].sort(ranks);
        expect(fills.map((f) => f.bidId)).toEqual(ranked.slice(0, fills.length).map((b) => b.id));
        fills.forEach((f, i) => {
          if (i < fills.length - 1) expect(f.qtyMilliMu).toBe(ranked[i]!.qtyMilliMu);
        });
        // A bid outranked by an unfilled or partly filled one gets nothing; and nothing is left idle
        // that the next bid in line could still take as a minimum lot.
        const left = offered - fills.reduce((s, f) => s + f.qtyMilliMu, 0);
        if (fills.length < ranked.length) expect(left).toBeLessThan(minLot);
        // Price-then-time: no winner is outbid by a loser.
        const losers = ranked.slice(fills.length);
        for (const f of fills) for (const l of losers) expect(ranks(bids.find((b) => b.id === f.bidId)!, l)).toBeLessThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('bidStandings', () => {
  const bid = (id: number, price: number, qty: number, over: Partial<StandingBid> = {}): StandingBid => ({
    id,
    priceFenPerMu: price,
    qtyMilliMu: qty,
    placedAt: id,
    kind: 'bid',
    status: 'active',
    ...over,
  });
  const open = (offeredMilliMu: number, minLotMilliMu: number) => ({ open: { offeredMilliMu, minLotMilliMu }, awardedMilliMu: new Map<number, number>() });

  it('while open: leading in full, partly leading for what would be left, outbid for nothing', () => {
    // 100 offered, minimum lot 10: 300 × 60 full, 200 × 60 gets the 40 left, 100 × 60 nothing.
    const s = bidStandings([bid(1, 300, 60), bid(2, 200, 60), bid(3, 100, 60)], open(100, 10));
    expect(s.get(1)).toEqual({ standing: 'leading', qtyMilliMu: 60 });
    expect(s.get(2)).toEqual({ standing: 'partlyLeading', qtyMilliMu: 40 });
    expect(s.get(3)).toEqual({ standing: 'outbid', qtyMilliMu: 0 });
  });

  it('a remainder below the minimum lot leaves the next bid outbid, not partly leading', () => {
    const s = bidStandings([bid(1, 300, 95), bid(2, 200, 60)], open(100, 10));
    expect(s.get(2)).toEqual({ standing: 'outbid', qtyMilliMu: 0 });
  });

  it('at an equal price the earlier bid leads', () => {
    const s = bidStandings([bid(1, 300, 100, { placedAt: 20 }), bid(2, 300, 100, { placedAt: 10 })], open(100, 100));
    expect(s.get(2)?.standing).toBe('leading');
    expect(s.get(1)?.standing).toBe('outbid');
  });

  it('after the award: won in full, partly won with the quantity awarded, not won when lost', () => {
    const awardedMilliMu = new Map([
      [1, 60],
      [2, 40],
    ]);
    const s = bidStandings([bid(1, 300, 60, { status: 'won' }), bid(2, 200, 100, { status: 'won' }), bid(3, 100, 60, { status: 'lost' })], { open: null, awardedMilliMu });
    expect(s.get(1)).toEqual({ standing: 'won', qtyMilliMu: 60 });
    expect(s.get(2)).toEqual({ standing: 'partlyWon', qtyMilliMu: 40 });
    expect(s.get(3)).toEqual({ standing: 'notWon', qtyMilliMu: 0 });
  });

  it('raised, withdrawn and declined bids, open offers, and a won bid without its award have no standing', () => {
    const s = bidStandings(
      [
        bid(1, 300, 60, { status: 'superseded' }),
        bid(2, 300, 60, { status: 'withdrawn', kind: 'offer' }),
        bid(3, 300, 60, { status: 'declined', kind: 'offer' }),
        bid(4, 300, 60, { kind: 'offer' }),
        bid(5, 300, 60, { status: 'won' }),
      ],
      open(100, 10),
    );
    expect([...s.keys()]).toEqual([]);
  });

  it('an accepted offer is won; an active bid with no open auction to place it in has no standing', () => {
    const s = bidStandings([bid(1, 300, 60, { kind: 'offer', status: 'won' }), bid(2, 300, 60)], { open: null, awardedMilliMu: new Map([[1, 60]]) });
    expect(s.get(1)).toEqual({ standing: 'won', qtyMilliMu: 60 });
    expect(s.has(2)).toBe(false);
  });

  // --- properties, against the allocation ------------------------------------------------------
  const statuses: BidStatus[] = ['active', 'active', 'active', 'superseded', 'won', 'lost', 'withdrawn'];
  const scenario = fc
    .record({
      offered: fc.integer({ min: 1, max: 1_000 }),
      minLotShare: fc.integer({ min: 1, max: 100 }),
      raw: fc.array(
        fc.record({
          price: fc.integer({ min: 1, max: 20 }),
          qty: fc.integer({ min: 0, max: 1_200 }),
          placedAt: fc.integer({ min: 0, max: 30 }),
          status: fc.constantFrom(...statuses),
        }),
        { maxLength: 12 },
      ),
    })
    .map(({ offered, minLotShare, raw }) => {
      const minLot = Math.max(1, Math.floor((offered * minLotShare) / 100));
      const all = raw.map((b, i) => bid(i + 1, b.price, minLot + (b.qty % (offered - minLot + 1)), { placedAt: b.placedAt, status: b.status }));
      return { offered, minLot, all, active: all.filter((b) => b.status === 'active') };
    });

  it('while open, a bid leads iff the allocation gives it its full quantity, is outbid iff it gives none, and is partly leading for exactly what it gives (property)', () => {
    fc.assert(
      fc.property(scenario, ({ offered, minLot, all, active }) => {
        const s = bidStandings(active, open(offered, minLot));
        const fills = new Map(allocate(active, offered, minLot).map((f) => [f.bidId, f.qtyMilliMu as number]));
        expect(s.size).toBe(active.length);
        for (const b of active) {
          const fill = fills.get(b.id) ?? 0;
          const got = s.get(b.id)!;
          expect(got.qtyMilliMu).toBe(fill);
          expect(got.standing === 'leading').toBe(fill === b.qtyMilliMu);
          expect(got.standing === 'outbid').toBe(fill === 0);
          expect(got.standing === 'partlyLeading').toBe(fill > 0 && fill < b.qtyMilliMu);
        }
        // Bids that no longer compete (raised, won, lost, withdrawn) change no active bid's standing.
        const withOthers = bidStandings(all, open(offered, minLot));
        for (const b of active) expect(withOthers.get(b.id)).toEqual(s.get(b.id));
      }),
      { numRuns: 500 },
    );
  });

  it('while open, what leading and partly leading bids would get never exceeds the offer; at most one is partly leading, after every leader (property)', () => {
    fc.assert(
      fc.property(scenario, ({ offered, minLot, active }) => {
        const s = bidStandings(active, open(offered, minLot));
        const standings = [...s.values()];
        const total = standings.filter((x) => x.standing === 'leading' || x.standing === 'partlyLeading').reduce((sum, x) => sum + x.qtyMilliMu, 0);
        expect(total).toBeLessThanOrEqual(offered);
        const partly = standings.filter((x) => x.standing === 'partlyLeading');
        expect(partly.length).toBeLessThanOrEqual(1);
        for (const x of partly) expect(x.qtyMilliMu).toBeGreaterThanOrEqual(minLot);
        // No outbid bid outranks a leading or partly leading one.
        const ranks = (a: RankedBid, b: RankedBid) => b.priceFenPerMu - a.priceFenPerMu || a.placedAt - b.placedAt || a.id - b.id;
        for (const w of active.filter((b) => s.get(b.id)!.standing !== 'outbid'))
          for (const l of active.filter((b) => s.get(b.id)!.standing === 'outbid')) expect(ranks(w, l)).toBeLessThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('closing now turns leading into won, partly leading into partly won for the same quantity, outbid into not won (property)', () => {
    fc.assert(
      fc.property(scenario, ({ offered, minLot, active }) => {
        const before = bidStandings(active, open(offered, minLot));
        // The close as closing.ts makes it: the allocation's fills become awards, the rest are lost.
        const fills = new Map(allocate(active, offered, minLot).map((f) => [f.bidId, f.qtyMilliMu as number]));
        const closed = active.map((b) => ({ ...b, status: (fills.has(b.id) ? 'won' : 'lost') as BidStatus }));
        const after = bidStandings(closed, { open: null, awardedMilliMu: fills });
        const becomes = { leading: 'won', partlyLeading: 'partlyWon', outbid: 'notWon' } as const;
        for (const b of active) {
          const was = before.get(b.id)!;
          expect(after.get(b.id)).toEqual({ standing: becomes[was.standing as keyof typeof becomes], qtyMilliMu: was.qtyMilliMu });
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('awardSummary', () => {
  it('sums the quantity and counts the trades, between the lowest and highest price', () => {
    expect(
      awardSummary([
        { qtyMilliMu: 30_000, priceFenPerMu: 3_100_000 },
        { qtyMilliMu: 60_000, priceFenPerMu: 3_050_000 },
        { qtyMilliMu: 10_000, priceFenPerMu: 3_000_000 },
      ]),
    ).toEqual({ trades: 3, qtyMilliMu: 100_000, lowestFenPerMu: 3_000_000, highestFenPerMu: 3_100_000 });
    expect(awardSummary([{ qtyMilliMu: 5, priceFenPerMu: 7 }])).toEqual({ trades: 1, qtyMilliMu: 5, lowestFenPerMu: 7, highestFenPerMu: 7 });
  });
  it('is null for a listing that awarded nothing', () => expect(awardSummary([])).toBeNull());
});

describe('listingEditRefusal', () => {
  const l = { status: 'approved' as const, opensAt: 1_000, closesAt: 2_000, bidsEver: 0 };
  it('lets the county change a listing under review, upcoming or open that nobody has bid on', () => {
    expect(listingEditRefusal({ ...l, status: 'pending_review' }, 5_000)).toBeNull();
    expect(listingEditRefusal(l, 500)).toBeNull();
    expect(listingEditRefusal(l, 1_999)).toBeNull();
  });
  it('refuses once the close has come, once anyone has bid (even a bid since withdrawn), and in any other state', () => {
    expect(listingEditRefusal(l, 2_000)).toBe('listingClosed');
    expect(listingEditRefusal({ ...l, bidsEver: 1 }, 1_500)).toBe('listingHasBids');
    for (const status of ['closed', 'withdrawn', 'rejected'] as const) expect(listingEditRefusal({ ...l, status }, 1_500)).toBe('listingNotEditable');
  });
});

describe('bidder numbers (竞买号)', () => {
  it('keeps the number a zone has; a new bidder gets the listing\'s next, three digits', () => {
    expect(bidderNumberOf({ number: '002', given: 5 })).toBe('002');
    expect(bidderNumberOf({ number: null, given: 0 })).toBe('001');
    expect(bidderNumberOf({ number: null, given: 11 })).toBe('012');
  });
});
