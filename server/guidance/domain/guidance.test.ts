import { describe, expect, it } from 'vitest';
import { dayCst } from '@/server/kernel/china-time';
import { type Guidance, guidanceInForce, guidanceSegments } from './guidance';

const g = (id: number, from: number, to: number | null, floor: number, landType: Guidance['landType'] = null): Guidance => ({
  id,
  validFrom: from,
  validTo: to,
  landType,
  floorFenPerMu: floor,
  referenceFenPerMu: floor + 1_000_000,
  documentRef: `文${id}`,
});

const year = { from: dayCst(2026, 1, 1), to: dayCst(2027, 1, 1) };

describe('guidanceSegments: the band the price chart draws', () => {
  it('a period of a few days at the end of the year is one segment from its first day to the year end', () => {
    const rows = [g(1, dayCst(2026, 12, 20), null, 2_000_000)];
    expect(guidanceSegments(rows, year.from, year.to, 'ordinary')).toEqual([{ from: dayCst(2026, 12, 20), to: year.to, floorFenPerMu: 2_000_000, referenceFenPerMu: 3_000_000 }]);
  });

  it('gaps where nothing is in force; guidance for the land type beats guidance for all; equal neighbours merge', () => {
    const rows = [
      g(1, dayCst(2025, 6, 1), dayCst(2026, 3, 1), 2_000_000),
      g(2, dayCst(2026, 5, 1), dayCst(2026, 8, 1), 2_100_000),
      g(3, dayCst(2026, 6, 1), dayCst(2026, 7, 1), 2_500_000, 'ordinary'),
      g(4, dayCst(2026, 8, 1), dayCst(2026, 9, 1), 2_100_000),
      g(5, dayCst(2026, 6, 1), null, 9_000_000, 'high_standard'),
    ];
    const segments = guidanceSegments(rows, year.from, year.to, 'ordinary');
    expect(segments.map((s) => [s.from, s.to, s.floorFenPerMu])).toEqual([
      [year.from, dayCst(2026, 3, 1), 2_000_000],
      [dayCst(2026, 5, 1), dayCst(2026, 6, 1), 2_100_000],
      [dayCst(2026, 6, 1), dayCst(2026, 7, 1), 2_500_000],
      [dayCst(2026, 7, 1), dayCst(2026, 9, 1), 2_100_000],
    ]);
    // Every segment agrees with the guidance in force at any moment inside it, and nothing is in force outside them.
    for (let at = year.from; at < year.to; at += 86_400_000 * 3 + 3_600_000) {
      const inForce = guidanceInForce(rows, at, 'ordinary');
      const segment = segments.find((s) => s.from <= at && at < s.to);
      expect(segment?.floorFenPerMu ?? null).toBe(inForce?.floorFenPerMu ?? null);
    }
  });

  it('no guidance in the year: no band', () => {
    expect(guidanceSegments([g(1, dayCst(2024, 1, 1), dayCst(2025, 1, 1), 2_000_000)], year.from, year.to, 'ordinary')).toEqual([]);
  });
});
