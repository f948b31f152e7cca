import { describe, expect, it } from 'vitest';
import { documentNo, monthsRangeCst } from './china-time';

describe('monthsRangeCst', () => {
  it('runs from 00:00 China time of the first month to 00:00 of the month after the last', () => {
    expect(monthsRangeCst('2026-01', '2026-12')).toEqual({ from: Date.UTC(2025, 11, 31, 16), to: Date.UTC(2026, 11, 31, 16) });
    expect(monthsRangeCst('2026-02', '2026-02')).toEqual({ from: Date.UTC(2026, 0, 31, 16), to: Date.UTC(2026, 1, 28, 16) });
  });
});

describe('documentNo', () => {
  it('takes the year in China time: a trade awarded at 00:30 on 1 January (16:30 UTC the day before) is numbered in the new year', () => {
    expect(documentNo('QX', 123, Date.UTC(2026, 11, 31, 16, 30), 6)).toBe('QX2027-000123');
    expect(documentNo('GP', 12, Date.UTC(2026, 11, 31, 15, 59, 59, 999), 5)).toBe('GP2026-00012');
    expect(documentNo('ZB', 1, Date.UTC(2027, 0, 1, 0), 4)).toBe('ZB2027-0001');
  });
});
