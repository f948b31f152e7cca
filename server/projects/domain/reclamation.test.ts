import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addYearsCst, obligationStatus, reclamationDeadline, reminderHorizon } from './reclamation';
import { DAY_MS } from '@/server/kernel/china-time';

/** A moment given as China time. */
const cst = (y: number, m: number, d: number, h = 9) => Date.UTC(y, m - 1, d, h - 8);

describe('reclamation deadlines (seed 001 二(二))', () => {
  it('is 3 years from approval when nothing was traded', () => {
    expect(reclamationDeadline({ approvedAt: cst(2026, 3, 15), firstTradedAt: null })).toBe(cst(2029, 3, 15));
  });
  it('is 2 years from the first trade once traded', () => {
    expect(reclamationDeadline({ approvedAt: cst(2026, 3, 15), firstTradedAt: cst(2026, 6, 1) })).toBe(cst(2028, 6, 1));
  });
  it('counts calendar years in China: just after midnight CST is still that day, 29 Feb becomes 28 Feb', () => {
    expect(addYearsCst(cst(2026, 1, 1, 0), 2)).toBe(cst(2028, 1, 1, 0));
    expect(addYearsCst(cst(2028, 2, 29), 2)).toBe(cst(2030, 2, 28));
    expect(addYearsCst(cst(2028, 2, 29), 4)).toBe(cst(2032, 2, 29));
  });
});

describe('obligation state and reminders', () => {
  const approvedAt = cst(2026, 1, 10);
  const deadline = cst(2029, 1, 10);
  const at = (ms: number) => obligationStatus({ approvedAt, firstTradedAt: null, reclamationAcceptedAt: null }, ms);

  it('is on track more than 180 days before', () => {
    expect(at(deadline - 181 * DAY_MS)).toMatchObject({ state: 'on_track', reminderDays: null, consequences: [] });
  });
  it.each([
    [180, 180],
    [91, 180],
    [90, 90],
    [31, 90],
    [30, 30],
    [0, 30],
  ])('%i days before shows the %i-day reminder', (daysBefore, reminder) => {
    expect(at(deadline - daysBefore * DAY_MS)).toMatchObject({ state: 'due', reminderDays: reminder, daysLeft: daysBefore });
  });
  it('is overdue one millisecond after the deadline, with the three consequences', () => {
    const s = at(deadline + 1);
    expect(s.state).toBe('overdue');
    expect(s.daysLeft).toBe(-1);
    expect(s.consequences).toEqual(['assessmentPointsLost', 'nextYearQuotaCut', 'landApprovalsSuspended']);
  });
  it('acceptance clears everything, even after the deadline', () => {
    expect(obligationStatus({ approvedAt, firstTradedAt: null, reclamationAcceptedAt: deadline + DAY_MS }, deadline + 10 * DAY_MS)).toMatchObject({
      state: 'accepted',
      consequences: [],
      reminderDays: null,
    });
  });
  it('a first trade moves the deadline to 2 years from the trade', () => {
    const traded = obligationStatus({ approvedAt, firstTradedAt: cst(2026, 12, 1), reclamationAcceptedAt: null }, cst(2028, 11, 2));
    expect(traded).toMatchObject({ state: 'due', reminderDays: 30, deadline: cst(2028, 12, 1) });
  });
});

describe('the reminder horizon', () => {
  it('every project started after it is on track: a query bounded by it misses no reminder (property)', () => {
    const span = 40 * 365 * DAY_MS;
    fc.assert(
      fc.property(fc.integer({ min: cst(2020, 1, 1), max: cst(2020, 1, 1) + span }), fc.integer({ min: 0, max: span }), fc.boolean(), (now, back, traded) => {
        const start = now - back;
        const { approvedBy, firstTradedBy } = reminderHorizon(now);
        const facts = traded ? { approvedAt: start - DAY_MS, firstTradedAt: start } : { approvedAt: start, firstTradedAt: null };
        if (start > (traded ? firstTradedBy : approvedBy)) expect(obligationStatus({ ...facts, reclamationAcceptedAt: null }, now).state).toBe('on_track');
      }),
    );
  });
  it('takes in a project on the day of its first reminder, and bounds it within the leap days', () => {
    const approvedAt = cst(2026, 3, 1);
    const { approvedBy } = reminderHorizon(addYearsCst(approvedAt, 3) - 180 * DAY_MS);
    expect(approvedBy - approvedAt).toBeGreaterThanOrEqual(0);
    expect(approvedBy - approvedAt).toBeLessThan(3 * DAY_MS);
  });
});
