// The market keeps China Standard Time (UTC+8, no daylight saving) whatever the server's zone: the
// days of deadlines and guidance periods, and the months and years of statistics, are cut here.
export const CST_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

/** The calendar fields of an instant in China time, read with the getUTC… methods. */
export const cstDate = (at: number) => new Date(at + CST_OFFSET_MS);

/** YYYY-MM-DD of an instant in China time. */
export const isoDateCst = (at: number) => cstDate(at).toISOString().slice(0, 10);

/** The calendar year of an instant in China time. */
export const yearCst = (at: number) => cstDate(at).getUTCFullYear();

/** 00:00 China time of the day containing `at`. */
export const startOfDayCst = (at: number) => Math.floor((at + CST_OFFSET_MS) / DAY_MS) * DAY_MS - CST_OFFSET_MS;

/** 00:00 China time of a calendar day (month 1–12; day may run past the month, as Date.UTC allows). */
export const dayCst = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) - CST_OFFSET_MS;

/** 00:00 China time of an ISO date (YYYY-MM-DD), or null when it is not a real date. */
export function dayStartCst(isoDate: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return null;
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== isoDate) return null;
  return ms - CST_OFFSET_MS;
}

/** [first moment, first moment of the next year) of a calendar year in China time. */
export const yearRangeCst = (year: number) => ({ from: dayCst(year, 1, 1), to: dayCst(year + 1, 1, 1) });

/** [first moment of `fromMonth`, first moment after `toMonth`) in China time; months as 'YYYY-MM'. */
export function monthsRangeCst(fromMonth: string, toMonth: string) {
  const [fy, fm] = fromMonth.split('-').map(Number) as [number, number];
  const [ty, tm] = toMonth.split('-').map(Number) as [number, number];
  return { from: dayCst(fy, fm, 1), to: dayCst(ty, tm + 1, 1) }; // month 13 rolls over, as Date.UTC allows
}

/**
 * A document number such as GP2026-00012 (挂牌编号), QX2026-000123 (成交确认书编号) or ZB2026-0001
 * (指标编号): the prefix, the year in China time of the moment it was issued, the id padded.
 */
export const documentNo = (prefix: 'GP' | 'QX' | 'ZB', id: number, at: number, digits: number) => `${prefix}${yearCst(at)}-${String(id).padStart(digits, '0')}`;
