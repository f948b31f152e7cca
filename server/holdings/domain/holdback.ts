// Holdback of proceeds until reclamation is accepted (seed 001 二(二): a traded project must pass
// reclamation acceptance, 复垦验收, within 2 years of the trade). The province sets a share of every
// trade's proceeds (holdbackBp) that the county receives only once the city has accepted the project's
// reclamation; if the deadline passes without acceptance, what is held goes to the province.
import { type ObligationFacts, obligationStatus } from '@/server/projects/domain/reclamation';
import { basisPoints, fen, shareOf } from '@/server/kernel/units';

/**
 * How a trade's amount is split at settlement: `heldFen` (holdbackBp of the amount, rounded half-up
 * to the fen by the one rounding function) and the rest to the county's proceeds; held + rest is the
 * amount exactly. A project already accepted holds nothing back: there is nothing left to wait for.
 */
export function splitProceeds(amountFen: number, holdbackBp: number, reclamationAccepted: boolean): { heldFen: number; proceedsFen: number } {
  if (!Number.isSafeInteger(holdbackBp) || holdbackBp < 0 || holdbackBp > 10_000) throw new RangeError(`bad holdback rate ${holdbackBp}`);
  const heldFen = reclamationAccepted ? 0 : shareOf(fen(amountFen), basisPoints(holdbackBp));
  return { heldFen, proceedsFen: amountFen - heldFen };
}

/** Whether what is held for a project is forfeited now: its reclamation deadline has passed without acceptance. */
export const holdbackForfeitable = (p: ObligationFacts, now: number) => obligationStatus(p, now).state === 'overdue';

/** What the county, the city and the province see per project: held now, released, forfeited. */
export type HoldbackState = 'held' | 'released' | 'forfeited' | 'none';

/** One word for a project's holdback: held while anything is held, else what became of it. */
export function holdbackState(r: { heldFen: number; releasedFen: number; forfeitedFen: number }): HoldbackState {
  if (r.heldFen > 0) return 'held';
  if (r.forfeitedFen > 0) return 'forfeited';
  if (r.releasedFen > 0) return 'released';
  return 'none';
}

export interface HoldbackRowFacts {
  approvedAt: number | null;
  firstTradedAt: number | null;
  reclamationAcceptedAt: number | null;
  heldFen: number;
  releasedFen: number;
  forfeitedFen: number;
}

/** A project's holdback as shown: its state, and the reclamation deadline it waits for (null before approval). */
export function holdbackView<T extends HoldbackRowFacts>(r: T, now: number) {
  const obligation = r.approvedAt === null ? null : obligationStatus({ approvedAt: r.approvedAt, firstTradedAt: r.firstTradedAt, reclamationAcceptedAt: r.reclamationAcceptedAt }, now);
  return { ...r, state: holdbackState(r), deadline: obligation?.deadline ?? null, overdue: obligation?.state === 'overdue' };
}

/** The totals of a list of projects' holdbacks: held now, released to counties, forfeited to the province. */
export function holdbackTotals(rows: readonly Pick<HoldbackRowFacts, 'heldFen' | 'releasedFen' | 'forfeitedFen'>[]) {
  return rows.reduce((t, r) => ({ heldFen: t.heldFen + r.heldFen, releasedFen: t.releasedFen + r.releasedFen, forfeitedFen: t.forfeitedFen + r.forfeitedFen }), { heldFen: 0, releasedFen: 0, forfeitedFen: 0 });
}
