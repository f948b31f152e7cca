// Reclamation obligations (复垦), seed 001 二(二); domain.md step 7. Acceptance (验收) is due within
// 3 years of approval, or, once the project's quota has been traded, within 2 years of the first
// trade. Overdue, the county loses assessment points, its next year's new-construction quota is cut and
// its land approvals are suspended. Reminders come 180, 90 and 30 days before the deadline. The periods
// are market settings the province may change; a project keeps those in force when its clock started.
import { CST_OFFSET_MS } from '@/server/kernel/china-time';
import { DAY_MS } from '@/server/kernel/china-time';
import { DEFAULT_RECLAMATION_YEARS, type ReclamationYears } from '@/server/settings/domain/settings';

/** The same calendar moment `years` later in China; 29 February becomes 28 February. */
export function addYearsCst(at: number, years: number): number {
  const d = new Date(at + CST_OFFSET_MS);
  const y = d.getUTCFullYear() + years;
  const m = d.getUTCMonth();
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(d.getUTCDate(), lastDay);
  return Date.UTC(y, m, day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()) - CST_OFFSET_MS;
}

export const REMINDER_DAYS = [180, 90, 30] as const;
export const OVERDUE_CONSEQUENCES = ['assessmentPointsLost', 'nextYearQuotaCut', 'landApprovalsSuspended'] as const;
export type OverdueConsequence = (typeof OVERDUE_CONSEQUENCES)[number];

export interface ObligationFacts {
  approvedAt: number;
  firstTradedAt: number | null;
  reclamationAcceptedAt: number | null;
  /**
   * The periods that bind the project, as the market settings had them when each clock started
   * (reclamationYearsOf in server/settings/domain/settings.ts); the seed's 3 and 2 years when not given.
   */
  years?: ReclamationYears;
}

/** The acceptance deadline: the period after the trade from the first trade if there was one (2 years by default), else the period after approval (3). */
export function reclamationDeadline(p: Pick<ObligationFacts, 'approvedAt' | 'firstTradedAt' | 'years'>): number {
  const years = p.years ?? DEFAULT_RECLAMATION_YEARS;
  return p.firstTradedAt !== null ? addYearsCst(p.firstTradedAt, years.afterTrade) : addYearsCst(p.approvedAt, years.afterApproval);
}

export type ObligationState = 'accepted' | 'overdue' | 'due' | 'on_track';

export interface ObligationStatus {
  state: ObligationState;
  deadline: number;
  /** Whole days left until the deadline (negative once overdue); null when accepted. */
  daysLeft: number | null;
  /** The nearest reminder threshold reached (180, 90 or 30 days), when due. */
  reminderDays: (typeof REMINDER_DAYS)[number] | null;
  consequences: readonly OverdueConsequence[];
}

export function obligationStatus(p: ObligationFacts, now: number): ObligationStatus {
  const deadline = reclamationDeadline(p);
  if (p.reclamationAcceptedAt !== null) return { state: 'accepted', deadline, daysLeft: null, reminderDays: null, consequences: [] };
  const msLeft = deadline - now;
  if (msLeft < 0) return { state: 'overdue', deadline, daysLeft: -Math.ceil(-msLeft / DAY_MS), reminderDays: null, consequences: OVERDUE_CONSEQUENCES };
  const daysLeft = Math.floor(msLeft / DAY_MS);
  // The smallest threshold not yet passed: within 30 days the 30-day reminder shows, not the 180-day one.
  const reminderDays = [...REMINDER_DAYS].reverse().find((d) => msLeft <= d * DAY_MS) ?? null;
  return { state: reminderDays === null ? 'on_track' : 'due', deadline, daysLeft, reminderDays, consequences: [] };
}

/**
 * The latest approval (of a project never traded) and the latest first trade whose deadline can have
 * reached its first reminder by `now`, given the shortest periods ever in force: a deadline is at least
 * 365 days a year after its start, so anything later is on track. Lets a query skip the projects no reminder can concern yet.
 */
export function reminderHorizon(now: number, shortest: ReclamationYears = DEFAULT_RECLAMATION_YEARS): { approvedBy: number; firstTradedBy: number } {
  const earliest = (years: number) => now - (365 * years - Math.max(...REMINDER_DAYS)) * DAY_MS;
  return { approvedBy: earliest(shortest.afterApproval), firstTradedBy: earliest(shortest.afterTrade) };
}
