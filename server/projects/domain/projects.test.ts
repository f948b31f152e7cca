import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPdf, MAX_DOCUMENT_BYTES } from './documents';
import { DomainError, type DomainErrorCode } from '@/server/kernel/errors';
import { drawRight } from '@/server/holdings/domain/rights';
import { type PlotPlan, checkPlan, isEditable, reviewerOf, statusAfterSubmit } from './projects';
import { checkSpending, checkSpendingDate } from '@/server/holdings/domain/proceeds';
import { formatSerialRange, nextSaleRange, remainingRange } from '@/server/lots/domain/serials';

function refusal(fn: () => unknown): DomainErrorCode | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

const plot = (over: Partial<PlotPlan> = {}): PlotPlan => ({
  code: 'P1',
  village: '老营村',
  currentUse: 'homestead',
  areaMilliMu: 800_000,
  farmlandMilliMu: 700_000,
  farmlandGrade: 6,
  ...over,
});

describe('checkPlan (seed 001 二(一))', () => {
  it('totals the plots; the surplus is the area less resettlement, its farmland at most the surplus', () => {
    const totals = checkPlan({ plots: [plot(), plot({ code: 'P2', areaMilliMu: 200_000, farmlandMilliMu: 200_000 })], resettlementMilliMu: 150_000 });
    expect(totals).toEqual({ areaMilliMu: 1_000_000, farmlandMilliMu: 900_000, surplusMilliMu: 850_000, surplusFarmlandMilliMu: 850_000 });
  });

  it('keeps the farmland when it is below the surplus', () => {
    expect(checkPlan({ plots: [plot()], resettlementMilliMu: 0 }).surplusFarmlandMilliMu).toBe(700_000);
  });

  it.each<[string, Parameters<typeof checkPlan>[0], DomainErrorCode]>([
    ['no plots', { plots: [], resettlementMilliMu: 0 }, 'plotsRequired'],
    ['a duplicate plot number', { plots: [plot(), plot()], resettlementMilliMu: 0 }, 'plotCodeDuplicate'],
    ['a plot of no area', { plots: [plot({ areaMilliMu: 0, farmlandMilliMu: 0 })], resettlementMilliMu: 0 }, 'plotAreaRequired'],
    ['farmland above the area', { plots: [plot({ farmlandMilliMu: 800_001 })], resettlementMilliMu: 0 }, 'farmlandAboveArea'],
    ['farmland without a grade', { plots: [plot({ farmlandGrade: null })], resettlementMilliMu: 0 }, 'farmlandGradeRequired'],
    ['a grade of 0', { plots: [plot({ farmlandGrade: 0 })], resettlementMilliMu: 0 }, 'farmlandGradeRequired'],
    ['a grade of 11', { plots: [plot({ farmlandGrade: 11 })], resettlementMilliMu: 0 }, 'farmlandGradeRequired'],
    ['resettlement using all the area', { plots: [plot()], resettlementMilliMu: 800_000 }, 'noSurplus'],
    ['negative resettlement', { plots: [plot()], resettlementMilliMu: -1 }, 'noSurplus'],
  ])('refuses %s', (_name, plan, code) => {
    expect(refusal(() => checkPlan(plan))).toBe(code);
  });

  it('accepts grades 1 and 10, and no grade for a plot none of which becomes farmland', () => {
    expect(refusal(() => checkPlan({ plots: [plot({ farmlandGrade: 1 }), plot({ code: 'P2', farmlandGrade: 10 }), plot({ code: 'P3', farmlandMilliMu: 0, farmlandGrade: null })], resettlementMilliMu: 0 }))).toBeNull();
  });

  it('one milli-mu of surplus is enough', () => {
    expect(checkPlan({ plots: [plot()], resettlementMilliMu: 799_999 }).surplusMilliMu).toBe(1);
  });
});

describe('workflow states', () => {
  it('a 扩权强县 county skips the city', () => {
    expect(statusAfterSubmit(true)).toBe('province_review');
    expect(statusAfterSubmit(false)).toBe('city_review');
  });
  it('only drafts and returned plans can be changed; each review state has one reviewer', () => {
    expect(['draft', 'city_review', 'province_review', 'returned', 'approved'].filter((s) => isEditable(s as never))).toEqual(['draft', 'returned']);
    expect(reviewerOf('city_review')).toBe('city');
    expect(reviewerOf('province_review')).toBe('province');
    expect(reviewerOf('approved')).toBeNull();
  });
});

describe('serial ranges (domain.md step 2)', () => {
  const lot = { serialStart: 1_000_001, qtyMilliMu: 600_000 };
  it('sales take consecutive ranges and the county keeps the rest', () => {
    expect(nextSaleRange(lot, 0, 100_000)).toEqual({ start: 1_000_001, end: 1_100_001 });
    expect(nextSaleRange(lot, 100_000, 500_000)).toEqual({ start: 1_100_001, end: 1_600_001 });
    expect(remainingRange(lot, 100_000)).toEqual({ start: 1_100_001, end: 1_600_001 });
    expect(remainingRange(lot, 600_000)).toBeNull();
    expect(formatSerialRange({ start: 1, end: 1001 })).toBe('000000000001–000000001000');
  });
  it('refuses to sell beyond the lot', () => {
    expect(() => nextSaleRange(lot, 500_000, 100_001)).toThrow(RangeError);
    expect(() => nextSaleRange(lot, 0, 0)).toThrow(RangeError);
  });
  it('any sequence of sales partitions the lot: no unit twice, none lost', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 50_000 }), { maxLength: 30 }), (sizes) => {
        const total = sizes.reduce((a, b) => a + b, 0);
        const l = { serialStart: 77, qtyMilliMu: total + 5 };
        let sold = 0;
        let expectedStart = l.serialStart;
        for (const q of sizes) {
          const r = nextSaleRange(l, sold, q);
          expect(r.start).toBe(expectedStart);
          expect(r.end - r.start).toBe(q);
          expectedStart = r.end;
          sold += q;
        }
        const rest = remainingRange(l, sold)!;
        expect(rest.start).toBe(expectedStart);
        expect(rest.end).toBe(l.serialStart + l.qtyMilliMu);
      }),
    );
  });
});

describe('drawRight (domain.md step 8)', () => {
  const holdings = [
    { lotId: 1, heldMilliMu: 300 },
    { lotId: 2, heldMilliMu: 500 },
  ];
  it('draws oldest lot first', () => {
    expect(drawRight('NEW_LAND', holdings, 400)).toEqual([
      { lotId: 1, qtyMilliMu: 300 },
      { lotId: 2, qtyMilliMu: 100 },
    ]);
  });
  it('can use exactly what is held, not one milli-mu more', () => {
    expect(drawRight('SCALE', holdings, 800)).toHaveLength(2);
    expect(refusal(() => drawRight('SCALE', holdings, 801))).toBe('overUse');
    expect(refusal(() => drawRight('FARMLAND', [], 1))).toBe('overUse');
  });
  it('draws exactly the quantity and never more than a lot holds', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 10 }), fc.integer({ min: 1, max: 100_000 }), (helds, qty) => {
        const hs = helds.map((h, i) => ({ lotId: i + 1, heldMilliMu: h }));
        const total = helds.reduce((a, b) => a + b, 0);
        if (qty > total) {
          expect(refusal(() => drawRight('NEW_LAND', hs, qty))).toBe('overUse');
          return;
        }
        const lines = drawRight('NEW_LAND', hs, qty);
        expect(lines.reduce((a, l) => a + l.qtyMilliMu, 0)).toBe(qty);
        for (const l of lines) expect(l.qtyMilliMu).toBeLessThanOrEqual(hs.find((h) => h.lotId === l.lotId)!.heldMilliMu);
      }),
    );
  });
});

describe('proceeds (seed 001 三(三))', () => {
  const NOW = Date.UTC(2026, 10, 22, 16, 30); // 2026-11-23 00:30 in China
  it('cannot spend more than is left', () => {
    expect(refusal(() => checkSpending(1000, 1000))).toBeNull();
    expect(refusal(() => checkSpending(1000, 1001))).toBe('overSpend');
  });
  it('takes today in China, refuses tomorrow and dates that do not exist', () => {
    expect(refusal(() => checkSpendingDate('2026-11-23', NOW))).toBeNull();
    expect(refusal(() => checkSpendingDate('2026-11-24', NOW))).toBe('dateInFuture');
    expect(refusal(() => checkSpendingDate('2026-02-30', NOW))).toBe('invalidDate');
    expect(refusal(() => checkSpendingDate('2026-1-5', NOW))).toBe('invalidDate');
    expect(refusal(() => checkSpendingDate('', NOW))).toBe('invalidDate');
  });
});

describe('plan documents', () => {
  const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
  it('takes a PDF by name and content', () => {
    expect(refusal(() => checkPdf('方案.PDF', pdf))).toBeNull();
  });
  it('refuses another name, other content, an empty file and one over the limit', () => {
    expect(refusal(() => checkPdf('方案.docx', pdf))).toBe('documentNotPdf');
    expect(refusal(() => checkPdf('方案.pdf', new TextEncoder().encode('<html>')))).toBe('documentNotPdf');
    expect(refusal(() => checkPdf('方案.pdf', new Uint8Array()))).toBe('documentNotPdf');
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    big.set(pdf);
    expect(refusal(() => checkPdf('方案.pdf', big))).toBe('documentTooLarge');
  });
  it('refuses a PDF whose name holds a control or text-direction character ("方案\\u202Ecod.pdf" reads as 方案fdp.doc)', () => {
    expect(refusal(() => checkPdf('方案\u202Ecod.pdf', pdf))).toBe('fileNameControl');
    expect(refusal(() => checkPdf('方案\u0000.pdf', pdf))).toBe('fileNameControl');
  });
});
