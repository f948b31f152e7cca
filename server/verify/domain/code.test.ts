// Verification codes as text: ids in and out, typed loosely, nothing else read as a code.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base32, codeHead, groupCode, normaliseCode, parseCode } from './code';
import { serialHistory, usedOfPurchases } from './history';

describe('verification code text', () => {
  it('reads back the kind and ids of any code, however it is typed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 32 ** 5 - 1 }), fc.integer({ min: 1, max: 32 ** 4 - 1 }), fc.uint8Array({ minLength: 10, maxLength: 10 }), (lot, zone, bytes) => {
        const mac = base32(bytes, 14);
        const trade = groupCode(codeHead('trade', [lot])! + mac);
        expect(parseCode(trade)).toEqual({ kind: 'trade', ids: [lot], head: codeHead('trade', [lot]), mac });
        expect(parseCode(` ${trade.toLowerCase().replace(/-/g, ' ')} `)?.ids).toEqual([lot]);
        const holding = codeHead('holding', [lot, zone])! + mac;
        expect(parseCode(groupCode(holding))?.ids).toEqual([lot, zone]);
      }),
    );
  });
  it('reads O as 0 and I, L as 1; refuses what cannot be a code; ids too large have no code', () => {
    expect(normaliseCode('t0o1-il')).toBe('T00111');
    for (const typed of ['', 'T', 'X0000000000000000000', 'T0000U00000000000000', 'T'.repeat(21)]) expect(parseCode(typed)).toBeNull();
    expect(codeHead('trade', [32 ** 5])).toBeNull();
    expect(codeHead('holding', [1])).toBeNull();
  });
});

describe('serial history', () => {
  it('a zone uses its units of a lot in serial order; segments cover the range exactly', () => {
    const lots = [{ lotId: 1, serialStart: 1, qtyMilliMu: 100 }];
    const sales = [
      { lotId: 1, tradeId: 7, buyerId: 9, serialStart: 1, qtyMilliMu: 30 },
      { lotId: 1, tradeId: 8, buyerId: 9, serialStart: 31, qtyMilliMu: 20 },
    ];
    const draws = [{ lotId: 1, zoneId: 9, useId: 3, asset: 'NEW_LAND' as const, qtyMilliMu: 40 }];
    const { segments, truncated } = serialHistory({ start: 1, end: 121 }, lots, sales, draws, 100);
    expect(truncated).toBe(false);
    expect(segments.map((s) => [s.start, s.end, s.tradeId, s.newLandUseId, s.lotId])).toEqual([
      [1, 31, 7, 3, 1],
      [31, 41, 8, 3, 1],
      [41, 51, 8, null, 1],
      [51, 101, null, null, 1],
      [101, 121, null, null, null],
    ]);
    expect(serialHistory({ start: 1, end: 121 }, lots, sales, draws, 2)).toMatchObject({ truncated: true, segments: [{ start: 1 }, { start: 31 }] });
    expect(usedOfPurchases([{ tradeId: 7, qtyMilliMu: 30 }, { tradeId: 8, qtyMilliMu: 20 }], 40)).toEqual([{ tradeId: 7, usedMilliMu: 30 }, { tradeId: 8, usedMilliMu: 10 }]);
  });
});
