// The holdback of proceeds until reclamation is accepted (seed 001 二(二); docs/decisions/0015-holdback.md).
// Settlement holds the share (server/market/settlement.ts); here what is held for a project is
// released to the county in the city's acceptance (验收) transaction, or forfeited to the province by
// the scheduler's sweep once the deadline has passed without acceptance: each once, by the balance.
import 'server-only';
import { inTransaction, type Tx } from '@/db/client';
import { writeAudit } from '@/server/books/audit-log';
import { postEntry } from '@/server/books/journal';
import { holdbackForfeited, holdbackReleased } from '@/server/books/domain/ledger';
import { holdbackForfeitable } from '@/server/holdings/domain/holdback';
import { projectById, lotOfProject } from '@/server/projects/queries';
import type { Actor, Services } from '@/server/kernel/deps';
import { log, loggableCause } from '@/server/kernel/log';
import * as data from './queries';

/**
 * In the acceptance's transaction, before the project is marked accepted: what is held for it is
 * released to the county; but if the deadline had already passed, the forfeit the sweep owed is made
 * now, so that the outcome follows the deadline and not when the sweep last ran.
 */
export async function settleHoldbackOnAcceptanceInTx(tx: Tx, now: number, actor: Actor, projectId: number) {
  if (await forfeitHoldbackInTx(tx, now, projectId) > 0) return;
  await releaseHoldbackInTx(tx, now, actor, projectId);
}

/**
 * Everything held for the project moves to the county's proceeds, audited. Nothing held (no holdback,
 * or already forfeited): nothing written. Returns the amount released.
 */
async function releaseHoldbackInTx(tx: Tx, now: number, actor: Actor, projectId: number): Promise<number> {
  const lot = await lotOfProject(tx, projectId);
  if (!lot) return 0;
  const account = await data.holdbackAccountOfLot(tx, lot.countyId, lot.id);
  const heldFen = account?.balance ?? 0;
  if (heldFen <= 0) return 0;
  await postEntry(
    tx,
    { idempotencyKey: `holdback-release:${lot.id}`, reason: 'holdback_released', actorUserId: actor.userId, at: now },
    holdbackReleased(lot.countyId, lot.id, heldFen),
  );
  await writeAudit(tx, { at: now, actor, action: 'holdback.release', entity: 'project', entityId: projectId, before: { lotId: lot.id, heldFen }, after: { lotId: lot.id, heldFen: 0, releasedFen: heldFen } });
  return heldFen;
}

/**
 * Forfeits what is held for a project whose reclamation deadline has passed without acceptance, to
 * the province that issued its lot. Reads the project and the balance in the transaction, so a second
 * run (or a sweep racing another) finds nothing held and writes nothing. Returns the amount forfeited.
 */
export async function forfeitHoldbackInTx(tx: Tx, now: number, projectId: number): Promise<number> {
  const project = await projectById(tx, projectId);
  const lot = await lotOfProject(tx, projectId);
  if (!project || !lot || project.approvedAt === null) return 0;
  if (!holdbackForfeitable({ approvedAt: project.approvedAt, firstTradedAt: project.firstTradedAt, reclamationAcceptedAt: project.reclamationAcceptedAt }, now)) return 0;
  const account = await data.holdbackAccountOfLot(tx, lot.countyId, lot.id);
  const heldFen = account?.balance ?? 0;
  if (!account || heldFen <= 0) return 0;
  const provinceId = await data.issuerOfLot(tx, lot.id);
  if (provinceId === undefined) throw new Error(`lot ${lot.id} has no issuer`);
  // A trade of an overdue project settled later holds again: each forfeit of the lot is numbered.
  const n = await data.entriesOfAccount(tx, account.id, 'holdback_forfeited') + 1;
  await postEntry(tx, { idempotencyKey: `holdback-forfeit:${lot.id}:${n}`, reason: 'holdback_forfeited', at: now }, holdbackForfeited(lot.countyId, provinceId, lot.id, heldFen));
  await writeAudit(tx, { at: now, actor: null, action: 'holdback.forfeit', entity: 'project', entityId: projectId, before: { lotId: lot.id, heldFen }, after: { lotId: lot.id, heldFen: 0, forfeitedFen: heldFen } });
  return heldFen;
}

/** The sweep's part: forfeits the holdback of every project past its deadline, each in its own transaction. */
export async function forfeitOverdueHoldbacks(s: Services): Promise<number> {
  const now = s.clock.now();
  const due = (await data
    .heldForUnacceptedProjects(s.db))
    .filter((p) => p.approvedAt !== null && holdbackForfeitable({ approvedAt: p.approvedAt, firstTradedAt: p.firstTradedAt, reclamationAcceptedAt: p.reclamationAcceptedAt }, now));
  let forfeited = 0;
  for (const p of due) {
    try {
      if (await inTransaction(s.db, (tx) => forfeitHoldbackInTx(tx, now, p.projectId)) > 0) forfeited += 1;
    } catch (e) {
      // One project that fails (rolled back whole) must not keep the others waiting.
      log().error({ event: 'internal-error', what: 'forfeiting holdback', id: p.projectId, ...loggableCause(e) }, `sweep: forfeiting holdback of project ${p.projectId} failed`);
    }
  }
  return forfeited;
}
