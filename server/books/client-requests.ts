// A client's request id makes a call safe to send again: the first call's answer is kept with the id
// in its transaction, so a retry after an answer that never arrived (a timeout, a failover) gets that
// answer and acts no second time. Ids are the caller's (8–64 letters, digits and dashes), per organisation.
import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { clientRequests } from '@/db/schema';
import { DomainError } from '@/server/kernel/errors';

/**
 * Runs `work` once per `requestId` of the organisation, inside the caller's transaction: again with the
 * same id it answers what the first call answered; with the id of another kind of call, it refuses.
 */
export async function answerOnce<T>(tx: Tx, at: number, who: { organisationId: number; requestId: string | undefined; kind: string }, work: () => Promise<T>): Promise<T> {
  const { organisationId, requestId, kind } = who;
  if (requestId === undefined) return work();
  const [kept] = await tx
    .select({ kind: clientRequests.kind, answer: clientRequests.answer })
    .from(clientRequests)
    .where(and(eq(clientRequests.organisationId, organisationId), eq(clientRequests.requestId, requestId)))
    .all();
  if (kept) {
    if (kept.kind !== kind) throw new DomainError('requestIdReused');
    return JSON.parse(kept.answer) as T;
  }
  const answer = await work();
  await tx.insert(clientRequests).values({ organisationId, requestId, kind, answer: JSON.stringify(answer), at }).run();
  return answer;
}
