import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@/server/kernel/errors';
import { type OutlookInput, balanceOf, checkDeclarableYear, nextRevision, outlookOf, outlookOfCity, totalsOf } from './outlook';

const input = (over: Partial<OutlookInput> = {}): OutlookInput => ({
  cities: [
    { id: 1, name: '太原市' },
    { id: 2, name: '忻州市' },
  ],
  counties: [
    { id: 10, name: '偏关县', cityId: 2 },
    { id: 11, name: '河曲县', cityId: 2 },
  ],
  zones: [
    { id: 20, name: '综改区', cityId: 1 },
    { id: 21, name: '忻州开发区', cityId: 2 },
  ],
  pipeline: [],
  free: [],
  listed: [],
  sold: [],
  declared: [],
  bought: [],
  ...over,
});

describe('the outlook by city', () => {
  it('adds each county’s supply into its city and each zone’s demand into its own', () => {
    const o = outlookOf(
      input({
        pipeline: [{ id: 11, qtyMilliMu: 420_000 }],
        free: [
          { id: 10, qtyMilliMu: 1_000_000 },
          { id: 10, qtyMilliMu: 348_888 },
        ],
        listed: [{ id: 10, qtyMilliMu: 300_000 }],
        sold: [{ id: 11, qtyMilliMu: 10_000 }],
        declared: [
          { id: 20, qtyMilliMu: 2_000_000 },
          { id: 21, qtyMilliMu: 100_000 },
        ],
        bought: [
          { id: 20, qtyMilliMu: 10_000 },
          { id: 21, qtyMilliMu: 150_000 },
        ],
      }),
    );
    const [taiyuan, xinzhou] = o.cities;
    expect(taiyuan).toMatchObject({ cityId: 1, supplyMilliMu: 0, declaredMilliMu: 2_000_000, boughtMilliMu: 10_000, remainingMilliMu: 1_990_000, gapMilliMu: -1_990_000, thin: true, level: 'short' });
    // 忻州开发区 bought more than it declared: nothing remains, and nothing is taken from another.
    expect(xinzhou).toMatchObject({ pipelineMilliMu: 420_000, freeMilliMu: 1_348_888, listedMilliMu: 300_000, soldMilliMu: 10_000, supplyMilliMu: 2_068_888, remainingMilliMu: 0, thin: false, level: 'ample' });
    expect(xinzhou!.counties.map((c) => [c.name, c.supplyMilliMu])).toEqual([
      ['偏关县', 1_648_888],
      ['河曲县', 420_000],
    ]);
    expect(o.totals).toMatchObject({ supplyMilliMu: 2_068_888, remainingMilliMu: 1_990_000, gapMilliMu: 78_888, thin: true, level: 'thin' });
  });

  it('flags a thin market when remaining demand exceeds free and listed quota, a short one when even the pipeline does not cover it', () => {
    const s = (free: number, listed: number, pipeline: number) => ({ freeMilliMu: free, listedMilliMu: listed, supplyMilliMu: free + listed + pipeline });
    expect(balanceOf(s(100, 0, 0), 100)).toEqual({ gapMilliMu: 0, thin: false, level: 'ample' });
    expect(balanceOf(s(60, 40, 50), 101)).toEqual({ gapMilliMu: 49, thin: true, level: 'thin' });
    expect(balanceOf(s(60, 40, 0), 101)).toEqual({ gapMilliMu: -1, thin: true, level: 'short' });
  });

  it('puts zones without a city in a row of their own, last', () => {
    const o = outlookOf(input({ zones: [{ id: 22, name: '无市开发区', cityId: null }], declared: [{ id: 22, qtyMilliMu: 5 }] }));
    expect(o.cities.map((c) => c.cityId)).toEqual([1, 2, null]);
    expect(o.cities[2]!.remainingMilliMu).toBe(5);
    expect(outlookOf(input()).cities.map((c) => c.cityId)).toEqual([1, 2]);
  });

  it('a city sees its own row, and totals of that row alone', () => {
    const o = outlookOf(input({ free: [{ id: 10, qtyMilliMu: 7 }], declared: [{ id: 20, qtyMilliMu: 9 }] }));
    const mine = outlookOfCity(o, 2);
    expect(mine.cities.map((c) => c.cityId)).toEqual([2]);
    expect(mine.totals).toMatchObject({ freeMilliMu: 7, remainingMilliMu: 0, gapMilliMu: 7 });
  });
});

describe('properties', () => {
  const qty = fc.integer({ min: 0, max: 100_000_000 });
  const rows = (ids: number[]) => fc.array(fc.record({ id: fc.constantFrom(...ids), qtyMilliMu: qty }), { maxLength: 12 });
  const counties = [10, 11, 12, 13];
  const zones = [20, 21, 22];
  const arbitraryInput = fc
    .record({
      countyCity: fc.array(fc.constantFrom(1, 2, 3), { minLength: counties.length, maxLength: counties.length }),
      zoneCity: fc.array(fc.constantFrom<number | null>(1, 2, 3, null), { minLength: zones.length, maxLength: zones.length }),
      pipeline: rows(counties),
      free: rows(counties),
      listed: rows(counties),
      sold: rows(counties),
      declared: rows(zones),
      bought: rows(zones),
    })
    .map(({ countyCity, zoneCity, ...q }) =>
      input({
        cities: [1, 2, 3].map((id) => ({ id, name: `市${id}` })),
        counties: counties.map((id, i) => ({ id, name: `县${id}`, cityId: countyCity[i]! })),
        zones: zones.map((id, i) => ({ id, name: `区${id}`, cityId: zoneCity[i]! })),
        ...q,
      }),
    );
  const sum = (xs: readonly { qtyMilliMu: number }[]) => xs.reduce((a, r) => a + r.qtyMilliMu, 0);

  it('supply and demand totals are the sums of the rows, and the gap their difference', () => {
    fc.assert(
      fc.property(arbitraryInput, (i) => {
        const o = outlookOf(i);
        const t = o.totals;
        // Every county and zone is in exactly one city's row.
        expect(o.cities.flatMap((c) => c.counties.map((k) => k.countyId)).sort()).toEqual([...counties].sort());
        expect(o.cities.flatMap((c) => c.zones.map((z) => z.zoneId)).sort()).toEqual([...zones].sort());
        expect(t.pipelineMilliMu).toBe(sum(i.pipeline));
        expect(t.freeMilliMu).toBe(sum(i.free));
        expect(t.listedMilliMu).toBe(sum(i.listed));
        expect(t.soldMilliMu).toBe(sum(i.sold));
        expect(t.declaredMilliMu).toBe(sum(i.declared));
        expect(t.boughtMilliMu).toBe(sum(i.bought));
        for (const key of ['pipelineMilliMu', 'freeMilliMu', 'listedMilliMu', 'soldMilliMu', 'supplyMilliMu', 'declaredMilliMu', 'boughtMilliMu', 'remainingMilliMu'] as const) {
          expect(t[key], key).toBe(o.cities.reduce((a, c) => a + c[key], 0));
        }
        for (const row of [t, ...o.cities]) {
          expect(row.supplyMilliMu).toBe(row.freeMilliMu + row.listedMilliMu + row.pipelineMilliMu);
          expect(row.gapMilliMu).toBe(row.supplyMilliMu - row.remainingMilliMu);
          expect(row.thin).toBe(row.remainingMilliMu > row.freeMilliMu + row.listedMilliMu);
          expect(row.level === 'short').toBe(row.gapMilliMu < 0);
          expect(row.remainingMilliMu).toBeGreaterThanOrEqual(0);
          expect(row.remainingMilliMu).toBeLessThanOrEqual(row.declaredMilliMu);
        }
        for (const c of o.cities) {
          expect(c.supplyMilliMu).toBe(c.counties.reduce((a, k) => a + k.supplyMilliMu, 0));
          expect(c.remainingMilliMu).toBe(c.zones.reduce((a, z) => a + z.remainingMilliMu, 0));
        }
        expect(totalsOf(o.cities)).toEqual(t);
      }),
    );
  });
});

describe('declarations', () => {
  it('may be for this year or the next only', () => {
    expect(() => checkDeclarableYear(2026, 2026)).not.toThrow();
    expect(() => checkDeclarableYear(2027, 2026)).not.toThrow();
    for (const year of [2025, 2028]) {
      expect(() => checkDeclarableYear(year, 2026)).toThrow(DomainError);
    }
  });

  it('number revisions from 1', () => {
    expect(nextRevision(null)).toBe(1);
    expect(nextRevision({ revision: 3 })).toBe(4);
  });
});
