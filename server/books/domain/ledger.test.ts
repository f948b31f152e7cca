import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Posting,
  RIGHTS,
  SOURCE_BUCKETS,
  accountKeyString,
  accountsOf,
  balancesAfter,
  holdFrozen,
  holdVoided,
  fundsReceived,
  isBalanced,
  lapse,
  lotIssued,
  quotaMoved,
  settlement,
  transfer,
} from './ledger';

const PROVINCE = 1;
const COUNTY = 10;
const ZONE = 20;
const LOT = 7;

/** Net change per account, keyed by accountKeyString, zero entries dropped. */
function net(postings: readonly Posting[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of postings) {
    const k = accountKeyString(p.account);
    out[k] = (out[k] ?? 0) + p.amount;
    if (out[k] === 0) delete out[k];
  }
  return out;
}
const key = accountKeyString;

describe('transfer', () => {
  it('is two postings of opposite sign on the same asset', () => {
    expect(transfer(accountsOf.zoneFunds(ZONE), accountsOf.zoneHeld(ZONE), 500)).toEqual([
      { account: accountsOf.zoneFunds(ZONE), amount: -500 },
      { account: accountsOf.zoneHeld(ZONE), amount: 500 },
    ]);
  });
  it('writes nothing for zero', () => expect(transfer(accountsOf.zoneFunds(ZONE), accountsOf.zoneHeld(ZONE), 0)).toEqual([]));
  it('refuses negative, fractional and unsafe amounts and mixed assets', () => {
    expect(() => transfer(accountsOf.zoneFunds(ZONE), accountsOf.zoneHeld(ZONE), -1)).toThrow();
    expect(() => transfer(accountsOf.zoneFunds(ZONE), accountsOf.zoneHeld(ZONE), 0.5)).toThrow();
    expect(() => transfer(accountsOf.zoneFunds(ZONE), accountsOf.zoneHeld(ZONE), 2 ** 53)).toThrow();
    expect(() => transfer(accountsOf.zoneFunds(ZONE), accountsOf.quota(ZONE, 'held', LOT), 1)).toThrow(/across assets/);
  });
});

describe('isBalanced', () => {
  it('holds when each asset sums to zero', () => {
    expect(isBalanced([])).toBe(true);
    expect(isBalanced([...holdFrozen(ZONE, 10), ...quotaMoved(COUNTY, LOT, 'free', 'listed', 3)])).toBe(true);
  });
  it('fails when any one asset does not, even if the grand total is zero', () => {
    expect(isBalanced([{ account: accountsOf.zoneFunds(ZONE), amount: 1 }])).toBe(false);
    expect(
      isBalanced([
        { account: accountsOf.zoneFunds(ZONE), amount: 5 },
        { account: accountsOf.quota(COUNTY, 'free', LOT), amount: -5 },
      ]),
    ).toBe(false);
  });
});

describe('account keys', () => {
  it('name owner, asset, bucket and lot', () => {
    expect(key(accountsOf.countyProceeds(COUNTY))).toBe('10:CNY:proceeds:0');
    expect(key(accountsOf.right(ZONE, 'FARMLAND', 'held', LOT))).toBe('20:FARMLAND:held:7');
  });
  it('only the outside world may go negative', () => expect([...SOURCE_BUCKETS].sort()).toEqual(['bank', 'issued']));
});

describe('the postings of each business event', () => {
  it('funds received: bank → zone funds', () => {
    const p = fundsReceived(PROVINCE, ZONE, 1_000);
    expect(isBalanced(p)).toBe(true);
    expect(net(p)).toEqual({ [key(accountsOf.bank(PROVINCE))]: -1_000, [key(accountsOf.zoneFunds(ZONE))]: 1_000 });
  });

  it('deposit frozen and released move between funds and held', () => {
    expect(net([...holdFrozen(ZONE, 70), ...holdVoided(ZONE, 70)])).toEqual({});
    expect(net(holdFrozen(ZONE, 70))).toEqual({ [key(accountsOf.zoneFunds(ZONE))]: -70, [key(accountsOf.zoneHeld(ZONE))]: 70 });
  });

  it('a lot is issued to its county as free quota with the three rights', () => {
    const p = lotIssued(PROVINCE, COUNTY, LOT, 1_348_888, 1_210_500);
    expect(isBalanced(p)).toBe(true);
    expect(net(p)).toEqual({
      [key(accountsOf.quota(PROVINCE, 'issued', LOT))]: -1_348_888,
      [key(accountsOf.quota(COUNTY, 'free', LOT))]: 1_348_888,
      [key(accountsOf.right(PROVINCE, 'NEW_LAND', 'issued', LOT))]: -1_348_888,
      [key(accountsOf.right(COUNTY, 'NEW_LAND', 'held', LOT))]: 1_348_888,
      [key(accountsOf.right(PROVINCE, 'SCALE', 'issued', LOT))]: -1_348_888,
      [key(accountsOf.right(COUNTY, 'SCALE', 'held', LOT))]: 1_348_888,
      [key(accountsOf.right(PROVINCE, 'FARMLAND', 'issued', LOT))]: -1_210_500,
      [key(accountsOf.right(COUNTY, 'FARMLAND', 'held', LOT))]: 1_210_500,
    });
    expect(RIGHTS).toEqual(['NEW_LAND', 'SCALE', 'FARMLAND']);
  });

  it('settlement applies the deposit, debits the rest, credits proceeds with the whole amount and moves quota and rights', () => {
    const t = { sellerId: COUNTY, buyerId: ZONE, lotId: LOT, qtyMilliMu: 40_000, farmlandMilliMu: 35_897, amountFen: 120_000_000, depositFen: 24_000_000 };
    const p = settlement(t);
    expect(isBalanced(p)).toBe(true);
    expect(net(p)).toEqual({
      [key(accountsOf.zoneHeld(ZONE))]: -24_000_000,
      [key(accountsOf.zoneFunds(ZONE))]: -96_000_000,
      [key(accountsOf.countyProceeds(COUNTY))]: 120_000_000,
      [key(accountsOf.quota(COUNTY, 'awarded', LOT))]: -40_000,
      [key(accountsOf.quota(ZONE, 'held', LOT))]: 40_000,
      [key(accountsOf.right(COUNTY, 'NEW_LAND', 'held', LOT))]: -40_000,
      [key(accountsOf.right(ZONE, 'NEW_LAND', 'held', LOT))]: 40_000,
      [key(accountsOf.right(COUNTY, 'SCALE', 'held', LOT))]: -40_000,
      [key(accountsOf.right(ZONE, 'SCALE', 'held', LOT))]: 40_000,
      [key(accountsOf.right(COUNTY, 'FARMLAND', 'held', LOT))]: -35_897,
      [key(accountsOf.right(ZONE, 'FARMLAND', 'held', LOT))]: 35_897,
    });
  });

  it('a lapse forfeits the deposit to the county and returns the quantity to free quota', () => {
    const p = lapse({ sellerId: COUNTY, buyerId: ZONE, lotId: LOT, qtyMilliMu: 40_000, depositFen: 24_000_000 });
    expect(isBalanced(p)).toBe(true);
    expect(net(p)).toEqual({
      [key(accountsOf.zoneHeld(ZONE))]: -24_000_000,
      [key(accountsOf.countyProceeds(COUNTY))]: 24_000_000,
      [key(accountsOf.quota(COUNTY, 'awarded', LOT))]: -40_000,
      [key(accountsOf.quota(COUNTY, 'free', LOT))]: 40_000,
    });
  });

  it('every event balances for any amounts (property)', () => {
    const amount = fc.integer({ min: 0, max: 1_000_000_000_000 });
    fc.assert(
      fc.property(amount, amount, fc.integer({ min: 1, max: 100_000_000 }), fc.integer({ min: 0, max: 100 }), (a, b, qty, farmPct) => {
        const amountFen = Math.max(a, b);
        const depositFen = Math.min(a, b);
        const farmlandMilliMu = Math.floor((qty * farmPct) / 100);
        const t = { sellerId: COUNTY, buyerId: ZONE, lotId: LOT, qtyMilliMu: qty, farmlandMilliMu, amountFen, depositFen };
        for (const p of [settlement(t), lapse(t), lotIssued(PROVINCE, COUNTY, LOT, qty, farmlandMilliMu), fundsReceived(PROVINCE, ZONE, amountFen), holdFrozen(ZONE, depositFen)]) {
          expect(isBalanced(p)).toBe(true);
          for (const posting of p) expect(Number.isSafeInteger(posting.amount) && posting.amount !== 0).toBe(true);
        }
        // Money in settlement: the zone pays exactly the amount, the county gets exactly the amount.
        const n = net(settlement(t));
        expect((n[key(accountsOf.zoneHeld(ZONE))] ?? 0) + (n[key(accountsOf.zoneFunds(ZONE))] ?? 0)).toBe(-amountFen);
        expect(n[key(accountsOf.countyProceeds(COUNTY))] ?? 0).toBe(amountFen);
      }),
    );
  });

  it('a settlement whose deposit exceeds the amount is refused, not posted negative', () => {
    expect(() => settlement({ sellerId: COUNTY, buyerId: ZONE, lotId: LOT, qtyMilliMu: 1, farmlandMilliMu: 1, amountFen: 1, depositFen: 2 })).toThrow();
  });
});

describe('balancesAfter', () => {
  it('walks back from the newest balance: each older one less the newer movement', () => {
    expect(balancesAfter(256, [-50, 6, 300])).toEqual([256, 306, 300]);
    expect(balancesAfter(0, [])).toEqual([]);
  });
});
