import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  basisPoints,
  divRoundHalfUp,
  fen,
  fenPerMu,
  formatMu,
  formatWanYuan,
  formatYuan,
  milliMu,
  parseDecimal,
  readDecimal,
  proportion,
  shareOf,
  tradeAmount,
} from './units';

const mu = (n: number) => milliMu(n);
const price = (n: number) => fenPerMu(n);

describe('divRoundHalfUp', () => {
  it('rounds .5 away from zero and everything else to the nearest integer', () => {
    expect(divRoundHalfUp(5n, 2n)).toBe(3);
    expect(divRoundHalfUp(3n, 2n)).toBe(2);
    expect(divRoundHalfUp(1n, 2n)).toBe(1);
    expect(divRoundHalfUp(49n, 10n)).toBe(5);
    expect(divRoundHalfUp(44n, 10n)).toBe(4);
    expect(divRoundHalfUp(45n, 10n)).toBe(5);
    expect(divRoundHalfUp(1n, 3n)).toBe(0);
    expect(divRoundHalfUp(2n, 3n)).toBe(1);
    expect(divRoundHalfUp(0n, 7n)).toBe(0);
    expect(divRoundHalfUp(12n, 4n)).toBe(3);
  });

  it('is symmetric for negatives: -2.5 → -3, -1.5 → -2, -0.4 → 0', () => {
    expect(divRoundHalfUp(-5n, 2n)).toBe(-3);
    expect(divRoundHalfUp(-3n, 2n)).toBe(-2);
    expect(divRoundHalfUp(-1n, 2n)).toBe(-1);
    expect(divRoundHalfUp(-4n, 10n)).toBe(0);
    expect(Object.is(divRoundHalfUp(-4n, 10n), -0)).toBe(false);
    expect(divRoundHalfUp(-6n, 10n)).toBe(-1);
  });

  it('refuses a zero or negative denominator and a result beyond a safe integer', () => {
    expect(() => divRoundHalfUp(1n, 0n)).toThrow(RangeError);
    expect(() => divRoundHalfUp(1n, -2n)).toThrow(RangeError);
    expect(() => divRoundHalfUp(2n ** 60n, 1n)).toThrow(RangeError);
  });

  it('is exact: the result is within half a unit, ties away from zero (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 9n }), (n, d) => {
        const q = BigInt(divRoundHalfUp(n, d));
        const twiceError = 2n * (q * d - n); // 2 × (result − exact) × d
        expect(twiceError <= d && twiceError >= -d).toBe(true);
        if (twiceError === d) expect(n > 0n).toBe(true); // a tie rounded up only for positives
        if (twiceError === -d) expect(n < 0n).toBe(true);
        expect(divRoundHalfUp(-n, d)).toBe(-Number(q) || 0);
      }),
    );
  });
});

describe('tradeAmount', () => {
  it('is quantity × unit price rounded half-up to the fen', () => {
    // 100 mu × 30,000.00 元/亩 = 3,000,000.00 元
    expect(tradeAmount(mu(100_000), price(3_000_000))).toBe(300_000_000);
    // 1348.888 mu × 20,000.00 元/亩 = 26,977,760.00 元
    expect(tradeAmount(mu(1_348_888), price(2_000_000))).toBe(2_697_776_000);
    // 1.5 mu × 333.33 元/亩 = 499.995 元 → 500.00 元 (the .5 fen edge rounds up)
    expect(tradeAmount(mu(1_500), price(33_333))).toBe(50_000);
    // 0.001 mu × 4.99 元/亩 = 0.00499 元 → 0; × 5.00 → 0.005 元 → 0.01
    expect(tradeAmount(mu(1), price(499))).toBe(0);
    expect(tradeAmount(mu(1), price(500))).toBe(1);
    expect(tradeAmount(mu(1), price(1_499))).toBe(1);
    expect(tradeAmount(mu(1), price(1_500))).toBe(2);
  });

  it('rounds only once: splitting a quantity may differ by a fen, never more (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), fc.integer({ min: 1, max: 100_000_000 }), fc.integer({ min: 1, max: 1_000_000_000 }), (a, b, p) => {
        const whole = tradeAmount(mu(a + b), price(p));
        const parts = tradeAmount(mu(a), price(p)) + tradeAmount(mu(b), price(p));
        expect(Math.abs(whole - parts)).toBeLessThanOrEqual(1);
        expect(Number.isSafeInteger(whole)).toBe(true);
      }),
    );
  });

  it('stays a safe integer at the input bounds (100,000 mu × 10,000,000 元/亩)', () => {
    expect(tradeAmount(mu(100_000_000), price(1_000_000_000))).toBe(100_000_000_000_000);
  });
});

describe('deposit arithmetic: shareOf and proportion', () => {
  it('takes a rate in basis points, 2000 bp = 20%, rounded half-up', () => {
    expect(shareOf(fen(300_000_000), basisPoints(2000))).toBe(60_000_000);
    expect(shareOf(fen(12_345), basisPoints(2000))).toBe(2_469);
    expect(shareOf(fen(12), basisPoints(2000))).toBe(2); // 2.4
    expect(shareOf(fen(13), basisPoints(2000))).toBe(3); // 2.6
    expect(shareOf(fen(1), basisPoints(5000))).toBe(1); // 0.5
    expect(shareOf(fen(999), basisPoints(0))).toBe(0);
    expect(shareOf(fen(999), basisPoints(10000))).toBe(999);
  });

  it('splits a deposit pro rata: part × whole / total', () => {
    expect(proportion(40_000, 60_000_000, 100_000)).toBe(24_000_000);
    expect(proportion(1, 3, 2)).toBe(2); // 1.5
    expect(proportion(1, 1, 3)).toBe(0);
    expect(proportion(7, 7, 7)).toBe(7);
  });

  it('never gives a share above the whole for part ≤ total (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), fc.integer({ min: 0, max: 1_000_000_000_000 }), fc.integer({ min: 0, max: 100_000_000 }), (total, whole, part0) => {
        const part = part0 % (total + 1);
        const share = proportion(part, whole, total);
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(whole);
      }),
    );
  });
});

describe('branded constructors', () => {
  it('accept safe integers only', () => {
    expect(fen(0)).toBe(0);
    expect(milliMu(1_000)).toBe(1_000);
    expect(() => fen(1.5)).toThrow(RangeError);
    expect(() => milliMu(Number.NaN)).toThrow(RangeError);
    expect(() => fenPerMu(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => basisPoints(2 ** 53)).toThrow(RangeError);
  });
});

describe('parseDecimal', () => {
  it('reads up to `places` decimals into integer units', () => {
    expect(parseDecimal('1', 3)).toBe(1_000);
    expect(parseDecimal('1.5', 3)).toBe(1_500);
    expect(parseDecimal('1348.888', 3)).toBe(1_348_888);
    expect(parseDecimal('0.001', 3)).toBe(1);
    expect(parseDecimal('30000', 2)).toBe(3_000_000);
    expect(parseDecimal('30000.05', 2)).toBe(3_000_005);
    expect(parseDecimal('007.10', 2)).toBe(710);
    expect(parseDecimal('0', 3)).toBe(0);
    expect(parseDecimal('  12.5 ', 3)).toBe(12_500);
    expect(parseDecimal('12', 0)).toBe(12);
  });

  it('refuses too many decimals instead of rounding', () => {
    expect(parseDecimal('1.2345', 3)).toBeNull();
    expect(parseDecimal('0.0001', 3)).toBeNull();
    expect(parseDecimal('30000.001', 2)).toBeNull();
    expect(parseDecimal('1.5', 0)).toBeNull();
  });

  it('refuses blanks, signs, exponents, separators not grouping by three and other digits', () => {
    for (const text of ['', ' ', '\t', '.', '.5', '-1', '+1', '-0.5', '1e3', '1E3', '1,00', '1,5', ',100', '1,000,00', '1 000', '0x10', 'abc', '١٢', 'NaN', 'Infinity', '1.2.3', '1.000,5']) {
      expect(parseDecimal(text, 3), JSON.stringify(text)).toBeNull();
    }
  });

  it('reads full-width digits and point, and thousands separators grouping by three, as typed', () => {
    expect(parseDecimal('１２３', 3)).toBe(123_000);
    expect(parseDecimal('１２．５', 2)).toBe(1_250);
    expect(parseDecimal('1,000', 3)).toBe(1_000_000);
    expect(parseDecimal('1，348.888', 3)).toBe(1_348_888);
    expect(parseDecimal('12,345,678.05', 2)).toBe(1_234_567_805);
    expect(parseDecimal(' 26,500 ', 2)).toBe(2_650_000);
  });

  it('refuses huge numbers: more than 12 integer digits, or beyond a safe integer', () => {
    expect(parseDecimal('999999999999', 3)).toBe(999_999_999_999_000);
    expect(parseDecimal('1000000000000', 3)).toBeNull();
    expect(parseDecimal('99999999999999999999', 2)).toBeNull();
    expect(parseDecimal('999999999999', 5)).toBeNull(); // 9.99e16 is not a safe integer
  });

  it('round-trips every integer it formats (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000 }), (n) => {
        expect(parseDecimal(formatMu(n).replaceAll(',', ''), 3)).toBe(n);
        expect(parseDecimal(formatYuan(n).replaceAll(',', ''), 2)).toBe(n);
      }),
    );
  });
});

describe('formatting', () => {
  it('shows 亩 to 3 decimals and 元 to 2 with thousands separators', () => {
    expect(formatMu(1_234_567)).toBe('1,234.567');
    expect(formatMu(0)).toBe('0.000');
    expect(formatMu(5)).toBe('0.005');
    expect(formatMu(-1_500)).toBe('-1.500');
    expect(formatYuan(123_456)).toBe('1,234.56');
    expect(formatYuan(7)).toBe('0.07');
    expect(formatYuan(-123_456)).toBe('-1,234.56');
  });

  it('shows 万元 to 4 decimals, i.e. rounded half-up to the yuan', () => {
    expect(formatWanYuan(123_456_789)).toBe('123.4568');
    expect(formatWanYuan(123_456_749)).toBe('123.4567');
    expect(formatWanYuan(50)).toBe('0.0001');
    expect(formatWanYuan(49)).toBe('0.0000');
    expect(formatWanYuan(2_697_776_000)).toBe('2,697.7760');
  });
});

describe('readDecimal', () => {
  it('gives the value parseDecimal gives, and the reason whenever it refuses', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^-?\d{0,16}(\.\d{0,5})?$/)), fc.integer({ min: 0, max: 3 }), (text, places) => {
        const parsed = parseDecimal(text, places);
        const read = readDecimal(text, places);
        expect('value' in read ? read.value : null).toBe(parsed);
        expect('problem' in read).toBe(parsed === null);
      }),
    );
  });

  it('names the real reason', () => {
    const problem = (text: string, places = 2) => {
      const r = readDecimal(text, places);
      return 'problem' in r ? r.problem : r.value;
    };
    expect(problem('')).toBe('required');
    expect(problem('  ')).toBe('required');
    expect(problem('abc')).toBe('notANumber');
    expect(problem('1,00')).toBe('notANumber');
    expect(problem('-1,000')).toBe('negative');
    expect(problem('１．２３４')).toBe('tooManyDecimals');
    expect(problem('1e9')).toBe('notANumber');
    expect(problem('-5')).toBe('negative');
    expect(problem('-5.123')).toBe('negative');
    expect(problem('1.234')).toBe('tooManyDecimals');
    expect(problem('99999999999999999999')).toBe('tooLarge');
    expect(problem('26500.5')).toBe(2_650_050);
  });
});
