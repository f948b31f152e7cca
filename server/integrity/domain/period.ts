// The period the screens read: a calendar year, one of its quarters or one of its months, in China time
// (server/kernel/china-time.ts), over the listings' close.
import { dayCst } from '@/server/kernel/china-time';

export interface Period {
  year: number;
  /** 1–4, or null for the whole year (or when a month is chosen). */
  quarter: number | null;
  /** 1–12, or null. */
  month: number | null;
}

/** [from, to) of a period; a month wins over a quarter. */
export function periodRange(p: Period): { from: number; to: number } {
  if (p.month !== null) return { from: dayCst(p.year, p.month, 1), to: dayCst(p.year, p.month + 1, 1) };
  if (p.quarter !== null) return { from: dayCst(p.year, p.quarter * 3 - 2, 1), to: dayCst(p.year, p.quarter * 3 + 1, 1) };
  return { from: dayCst(p.year, 1, 1), to: dayCst(p.year + 1, 1, 1) };
}

/** A period's name as the tables and files show it: 2026, 2026-Q2, 2026-05. */
export const periodLabel = (p: Period) => (p.month !== null ? `${p.year}-${String(p.month).padStart(2, '0')}` : p.quarter !== null ? `${p.year}-Q${p.quarter}` : String(p.year));
