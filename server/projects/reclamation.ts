// Reclamation of a project's demolition plots (seed 001 二(二); domain.md step 7): the city approves
// the design, the county reports progress, the city accepts the finished work (验收), which clears the
// obligation. Deadlines and flags are computed by server/projects/domain/reclamation.ts.
import 'server-only';
import { writeAudit } from '@/server/books/audit-log';
import * as data from './queries';
import { ensure } from '@/server/kernel/errors';
import { designApprovedNotices, reclamationAcceptedNotices } from '@/server/notifications/domain/notifications';
import { type Actor, type Services, inUseCase } from '@/server/kernel/deps';
import { notifyInTx } from '@/server/notifications/notifications';
import { projectOfActorsCity } from './projects';
import { settleHoldbackOnAcceptanceInTx } from '@/server/holdings/holdback';

/** The city approves the reclamation design report of an approved project of its county. */
export function approveDesign(s: Services, actor: Actor, projectId: number, designRef: string) {
  return inUseCase(s, async (tx, now) => {
    const before = await projectOfActorsCity(tx, actor, projectId);
    ensure(before.status === 'approved', 'projectNotApproved');
    ensure(before.designApprovedAt === null, 'designAlreadyApproved');
    ensure(designRef.trim().length > 0, 'approvalRefRequired');
    const after = await data.updateProject(tx, projectId, { designApprovedAt: now, designRef: designRef.trim() });
    await writeAudit(tx, { at: now, actor, action: 'reclamation.design_approve', entity: 'project', entityId: projectId, before, after });
    await notifyInTx(tx, now, designApprovedNotices(after, after.designRef!));
    return after;
  });
}

/** The county reports how far reclamation has come, once the design is approved. */
export function reportProgress(s: Services, actor: Actor, projectId: number, report: { percent: number; note: string }) {
  return inUseCase(s, async (tx, now) => {
    const project = await data.findProjectOfCounty(tx, projectId, actor.organisationId);
    ensure(project, 'projectNotFound');
    ensure(project.status === 'approved', 'projectNotApproved');
    ensure(project.designApprovedAt !== null, 'designNotApproved');
    ensure(project.reclamationAcceptedAt === null, 'reclamationAccepted');
    const row = await data.insertReport(tx, { projectId, percent: report.percent, note: report.note.trim(), at: now, reportedBy: actor.userId });
    await writeAudit(tx, { at: now, actor, action: 'reclamation.report', entity: 'project', entityId: projectId, after: row });
    return row;
  });
}

/**
 * The city accepts the finished reclamation (验收); the obligation and any overdue flag clear, and
 * what was held back of the project's proceeds is released to the county in the same transaction (or,
 * accepted only after its deadline, forfeited to the province as the sweep would have).
 */
export function acceptReclamation(s: Services, actor: Actor, projectId: number, acceptanceRef: string) {
  return inUseCase(s, async (tx, now) => {
    const before = await projectOfActorsCity(tx, actor, projectId);
    ensure(before.status === 'approved', 'projectNotApproved');
    ensure(before.designApprovedAt !== null, 'designNotApproved');
    ensure(before.reclamationAcceptedAt === null, 'reclamationAccepted');
    ensure(acceptanceRef.trim().length > 0, 'approvalRefRequired');
    // Before the project is marked accepted: whether the deadline had passed decides release or forfeit.
    await settleHoldbackOnAcceptanceInTx(tx, now, actor, projectId);
    const after = await data.updateProject(tx, projectId, { reclamationAcceptedAt: now, acceptanceRef: acceptanceRef.trim() });
    await writeAudit(tx, { at: now, actor, action: 'reclamation.accept', entity: 'project', entityId: projectId, before, after });
    await notifyInTx(tx, now, reclamationAcceptedNotices(after, after.acceptanceRef!));
    return after;
  });
}
