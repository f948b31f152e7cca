import { describe, expect, it } from 'vitest';
import { monthsRangeCst } from './china-time';

describe('monthsRangeCst', () => {
  it('runs from 00:00 China time of the first month to 00:00 of the month after the last', () => {
    expect(monthsRangeCst('2026-01', '2026-12')).toEqual({ from: Date.UTC(2025, 11, 31, 16), to: Date.UTC(2026, 11, 31, 16) });
    expect(monthsRangeCst('2026-02', '2026-02')).toEqual({ from: Date.UTC(2026, 0, 31, 16), to: Date.UTC(2026, 1, 28, 16) });
  });
});
