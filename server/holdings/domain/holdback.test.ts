// The holdback's rules and its postings, for any amount, deposit and rate (fast-check): the split is
// exact, every entry balances, money is conserved through settlement, release and forfeit, and a 0%
// holdback posts what a settlement always posted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Posting, accountKeyString, accountsOf, holdbackForfeited, holdbackReleased, isBalanced, samePostings, settlement } from '@/server/books/domain/ledger';
import { addYearsCst } from '@/server/projects/domain/reclamation';
import { basisPoints, fen, shareOf } from '@/server/kernel/units';
import { holdbackForfeitable, holdbackState, holdbackTotals, splitProceeds } from './holdback';

const PROVINCE = 1;
const COUNTY = 10;
const ZONE = 20;
const LOT = 7;

/** Balances after applying postings in order, keyed by account. */
function apply(...entries: Posting[][]): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of entries.flat()) out.set(accountKeyString(p.account), (out.get(accountKeyString(p.account)) ?? 0) + p.amount);
  return out;
}
const at = (m: Map<string, number>, k: Parameters<typeof accountKeyString>[0]) => m.get(accountKeyString(k)) ?? 0;

const amountArb = fc.integer({ min: 1, max: 1_000_000_000_000 });
const rateArb = fc.oneof(fc.constantFrom(0, 1, 2000, 5000, 9999, 10_000), fc.integer({ min: 0, max: 10_000 }));

describe('splitProceeds', () => {
  it('held + rest is the amount exactly; held is the one rounding of amount × rate (property)', () => {
    fc.assert(
      fc.property(amountArb, rateArb, (amountFen, bp) => {
        const { heldFen, proceedsFen } = splitProceeds(amountFen, bp, false);
        expect(heldFen + proceedsFen).toBe(amountFen);
        expect(heldFen).toBe(shareOf(fen(amountFen), basisPoints(bp)));
        expect(heldFen >= 0 && heldFen <= amountFen && Number.isSafeInteger(heldFen)).toBe(true);
        if (bp === 0) expect(heldFen).toBe(0);
        if (bp === 10_000) expect(heldFen).toBe(amountFen);
        expect(splitProceeds(amountFen, bp, true)).toEqual({ heldFen: 0, proceedsFen: amountFen });
      }),
    );
  });
  it('rounds half up to the fen: 20% of 0.03 元 is 0.01 元, of 0.02 元 is 0 (0.4 fen)', () => {
    expect(splitProceeds(3, 2000, false)).toEqual({ heldFen: 1, proceedsFen: 2 }); // 0.6 fen → 1
    expect(splitProceeds(2, 2000, false)).toEqual({ heldFen: 0, proceedsFen: 2 }); // 0.4 fen → 0
    expect(splitProceeds(25, 2000, false)).toEqual({ heldFen: 5, proceedsFen: 20 });
    expect(splitProceeds(30_000_000, 2000, false)).toEqual({ heldFen: 6_000_000, proceedsFen: 24_000_000 });
  });
  it('refuses a rate outside 0–100%', () => {
    expect(() => splitProceeds(100, -1, false)).toThrow();
    expect(() => splitProceeds(100, 10_001, false)).toThrow();
    expect(() => splitProceeds(100, 0.5, false)).toThrow();
  });
});

describe('the postings of a holdback', () => {
  it('settlement, then release or forfeit: every entry balances and money is conserved (property)', () => {
    fc.assert(
      fc.property(amountArb, fc.integer({ min: 0, max: 100 }), rateArb, fc.integer({ min: 1, max: 100_000_000 }), (amountFen, depositPct, bp, qty) => {
        const depositFen = Math.floor((amountFen * depositPct) / 100);
        const { heldFen } = splitProceeds(amountFen, bp, false);
        const t = { sellerId: COUNTY, buyerId: ZONE, lotId: LOT, qtyMilliMu: qty, farmlandMilliMu: qty, amountFen, depositFen, heldFen };
        const settled = settlement(t);
        expect(isBalanced(settled)).toBe(true);
        for (const p of settled) expect(Number.isSafeInteger(p.amount) && p.amount !== 0).toBe(true);

        const afterSettle = apply(settled);
        // The zone pays exactly the amount; the county's proceeds and holdback make exactly the amount.
        expect(at(afterSettle, accountsOf.zoneHeld(ZONE)) + at(afterSettle, accountsOf.zoneFunds(ZONE))).toBe(-amountFen);
        expect(at(afterSettle, accountsOf.countyProceeds(COUNTY))).toBe(amountFen - heldFen);
        expect(at(afterSettle, accountsOf.countyHoldback(COUNTY, LOT))).toBe(heldFen);

        // Released: nothing held, the proceeds are the amount.
        const released = holdbackReleased(COUNTY, LOT, heldFen);
        expect(isBalanced(released)).toBe(true);
        const afterRelease = apply(settled, released);
        expect(at(afterRelease, accountsOf.countyHoldback(COUNTY, LOT))).toBe(0);
        expect(at(afterRelease, accountsOf.countyProceeds(COUNTY))).toBe(amountFen);

        // Forfeited: nothing held, the province has it, the county keeps the rest.
        const lost = holdbackForfeited(COUNTY, PROVINCE, LOT, heldFen);
        expect(isBalanced(lost)).toBe(true);
        const afterForfeit = apply(settled, lost);
        expect(at(afterForfeit, accountsOf.countyHoldback(COUNTY, LOT))).toBe(0);
        expect(at(afterForfeit, accountsOf.provinceForfeited(PROVINCE, LOT))).toBe(heldFen);
        expect(at(afterForfeit, accountsOf.countyProceeds(COUNTY)) + at(afterForfeit, accountsOf.provinceForfeited(PROVINCE, LOT))).toBe(amountFen);
        for (const m of [afterSettle, afterRelease, afterForfeit]) expect([...m.values()].reduce((s, v) => s + v, 0)).toBe(0);
      }),
    );
  });

  it('with nothing held, a settlement posts what it posted before holdback existed (property)', () => {
    fc.assert(
      fc.property(amountArb, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 100_000_000 }), (amountFen, depositPct, qty) => {
        const t = { sellerId: COUNTY, buyerId: ZONE, lotId: LOT, qtyMilliMu: qty, farmlandMilliMu: qty, amountFen, depositFen: Math.floor((amountFen * depositPct) / 100) };
        expect(settlement({ ...t, heldFen: 0 })).toEqual(settlement(t));
        expect(settlement(t).some((p) => p.account.bucket === 'holdback')).toBe(false);
        // At any rate the non-money postings are the same, and the money nets to the same accounts but the split.
        const withHold = settlement({ ...t, heldFen: 1 });
        expect(samePostings(withHold.filter((p) => p.account.asset !== 'CNY'), settlement(t).filter((p) => p.account.asset !== 'CNY'))).toBe(true);
      }),
    );
  });

  it('refuses a holdback above the amount or negative, and writes nothing for a zero release', () => {
    const t = { sellerId: COUNTY, buyerId: ZONE, lotId: LOT, qtyMilliMu: 1, farmlandMilliMu: 1, amountFen: 100, depositFen: 20 };
    expect(() => settlement({ ...t, heldFen: 101 })).toThrow();
    expect(() => settlement({ ...t, heldFen: -1 })).toThrow();
    expect(() => settlement({ ...t, depositFen: 101, heldFen: 10 })).toThrow();
    expect(holdbackReleased(COUNTY, LOT, 0)).toEqual([]);
    expect(accountsOf.countyHoldback(COUNTY, LOT)).toEqual({ organisationId: COUNTY, asset: 'CNY', bucket: 'holdback', lotId: LOT });
  });
});

describe('when a holdback is forfeited', () => {
  const approvedAt = Date.UTC(2026, 0, 10);
  const firstTradedAt = Date.UTC(2026, 5, 1);
  it('only once the deadline (2 years from the first trade) has passed without acceptance', () => {
    const deadline = addYearsCst(firstTradedAt, 2);
    expect(holdbackForfeitable({ approvedAt, firstTradedAt, reclamationAcceptedAt: null }, deadline)).toBe(false);
    expect(holdbackForfeitable({ approvedAt, firstTradedAt, reclamationAcceptedAt: null }, deadline + 1)).toBe(true);
    expect(holdbackForfeitable({ approvedAt, firstTradedAt, reclamationAcceptedAt: deadline - 1 }, deadline + 1)).toBe(false);
  });
  it('names the state and sums the totals', () => {
    expect(holdbackState({ heldFen: 1, releasedFen: 0, forfeitedFen: 5 })).toBe('held');
    expect(holdbackState({ heldFen: 0, releasedFen: 3, forfeitedFen: 5 })).toBe('forfeited');
    expect(holdbackState({ heldFen: 0, releasedFen: 3, forfeitedFen: 0 })).toBe('released');
    expect(holdbackState({ heldFen: 0, releasedFen: 0, forfeitedFen: 0 })).toBe('none');
    expect(holdbackTotals([{ heldFen: 1, releasedFen: 2, forfeitedFen: 3 }, { heldFen: 10, releasedFen: 20, forfeitedFen: 30 }])).toEqual({ heldFen: 11, releasedFen: 22, forfeitedFen: 33 });
  });
});
