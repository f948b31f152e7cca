// Use of proceeds, seed 001 三(三); domain.md step 9: the county spends what its quota earned, through
// its budget, on consolidating poverty alleviation and rural revitalisation, and records each spending.
import { isoDateCst } from '@/server/kernel/china-time';
import { ensure } from '@/server/kernel/errors';

export const SPENDING_CATEGORIES = ['poverty_consolidation', 'rural_revitalisation', 'relocation_subsidy', 'reclamation_incentive', 'other'] as const;
export type SpendingCategory = (typeof SPENDING_CATEGORIES)[number];

/** A county cannot record spending beyond the proceeds it has left. */
export function checkSpending(availableFen: number, amountFen: number) {
  ensure(amountFen <= availableFen, 'overSpend', { availableFen });
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A spending date is a real calendar date (YYYY-MM-DD) not after today in China. */
export function checkSpendingDate(isoDate: string, now: number) {
  const m = ISO_DATE.exec(isoDate);
  const valid = m !== null && new Date(`${isoDate}T00:00:00Z`).toISOString().slice(0, 10) === isoDate;
  ensure(valid, 'invalidDate');
  const todayCst = isoDateCst(now);
  ensure(isoDate <= todayCst, 'dateInFuture');
}
