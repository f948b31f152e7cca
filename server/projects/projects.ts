// The linking-project workflow (seed 001 二(一); domain.md step 1): the county drafts and submits, the
// city reviews (扩权强县 counties skip it), the province approves, which issues the surplus quota as a
// lot with a serial range, or returns the plan with reasons. Every step is audited in its transaction.
import 'server-only';
import { documentNo } from '@/server/kernel/china-time';
import { inTransaction, type Tx } from '@/db/client';
import { writeAudit } from '@/server/books/audit-log';
import { postEntry } from '@/server/books/journal';
import { insertLot, nextSerial } from '@/server/lots/queries';
import * as market from '@/server/market/queries';
import * as data from './queries';
import { checkPdf } from '@/server/projects/domain/documents';
import { ensure } from '@/server/kernel/errors';
import { lotIssued } from '@/server/books/domain/ledger';
import { projectApprovedNotices, projectReturnedNotices } from '@/server/notifications/domain/notifications';
import { type LandType, type PlotPlan, checkPlan, isEditable, statusAfterSubmit } from '@/server/projects/domain/projects';
import { type Actor, type Services, inUseCase } from '@/server/kernel/deps';
import { notifyInTx } from '@/server/notifications/notifications';

export interface ProjectDraft {
  name: string;
  villages: string;
  forCrossRegion: boolean;
  landType: LandType;
  resettlementMilliMu: number;
  plots: PlotPlan[];
}

export interface Decision {
  approve: boolean;
  reason: string;
}

function draftColumns(d: ProjectDraft) {
  return { name: d.name, villages: d.villages, forCrossRegion: d.forCrossRegion, landType: d.landType, resettlementMilliMu: d.resettlementMilliMu };
}

/** A county drafts a project. The plan is checked whole now, so a draft is always a plan that adds up. */
export function draftProject(s: Services, actor: Actor, draft: ProjectDraft) {
  return inUseCase(s, async (tx, now) => {
    checkPlan(draft);
    const project = await data.insertProject(tx, { countyId: actor.organisationId, status: 'draft', createdAt: now, ...draftColumns(draft) });
    const plots = await data.replacePlots(tx, project.id, draft.plots);
    await writeAudit(tx, { at: now, actor, action: 'project.draft', entity: 'project', entityId: project.id, after: { ...project, plots } });
    return project;
  });
}

/** The county changes its plan while it is a draft or returned to it. */
export function updateProject(s: Services, actor: Actor, projectId: number, draft: ProjectDraft) {
  return inUseCase(s, async (tx, now) => {
    const before = await data.findProjectOfCounty(tx, projectId, actor.organisationId);
    ensure(before, 'projectNotFound');
    ensure(isEditable(before.status), 'projectNotEditable');
    checkPlan(draft);
    const beforePlots = await data.plotsOf(tx, projectId);
    const after = await data.updateProject(tx, projectId, draftColumns(draft));
    const plots = await data.replacePlots(tx, projectId, draft.plots);
    await writeAudit(tx, { at: now, actor, action: 'project.update', entity: 'project', entityId: projectId, before: { ...before, plots: beforePlots }, after: { ...after, plots } });
    return after;
  });
}

/**
 * Attaches a plan document. The file is written before the transaction and removed again if the
 * transaction refuses, so no row points at a missing file and no refused upload stays on disk.
 */
export async function attachDocument(s: Services, actor: Actor, projectId: number, file: { fileName: string; bytes: Uint8Array }) {
  checkPdf(file.fileName, file.bytes);
  const stored = s.documents.save(file.bytes);
  try {
    return await inTransaction(s.db, async (tx) => {
      const now = s.clock.now();
      const project = await data.findProjectOfCounty(tx, projectId, actor.organisationId);
      ensure(project, 'projectNotFound');
      ensure(isEditable(project.status), 'projectNotEditable');
      const doc = await data.insertDocument(tx, {
        projectId,
        fileName: file.fileName.trim().slice(0, 200),
        storedName: stored.storedName,
        sizeBytes: file.bytes.length,
        sha256: stored.sha256,
        uploadedAt: now,
        uploadedBy: actor.userId,
      });
      await writeAudit(tx, { at: now, actor, action: 'project.document.attach', entity: 'project', entityId: projectId, after: doc });
      return doc;
    });
  } catch (e) {
    s.documents.remove(stored.storedName);
    throw e;
  }
}

/** The county removes a document from a plan it may still change. */
export async function removeDocument(s: Services, actor: Actor, documentId: number) {
  const now = s.clock.now();
  const doc = await inTransaction(s.db, async (tx) => {
    const found = await data.documentById(tx, documentId);
    const project = found && await data.findProjectOfCounty(tx, found.projectId, actor.organisationId);
    ensure(found && project, 'documentNotFound');
    ensure(isEditable(project.status), 'projectNotEditable');
    await data.deleteDocument(tx, documentId);
    await writeAudit(tx, { at: now, actor, action: 'project.document.remove', entity: 'project', entityId: project.id, before: found });
    return found;
  });
  s.documents.remove(doc.storedName);
  return doc;
}

/** The county submits its plan: to the city, or straight to the province for a 扩权强县 county. */
export function submitProject(s: Services, actor: Actor, projectId: number) {
  return inUseCase(s, async (tx, now) => {
    const found = await data.projectWithCounty(tx, projectId);
    ensure(found && found.project.countyId === actor.organisationId, 'projectNotFound');
    const before = found.project;
    ensure(isEditable(before.status), 'projectNotEditable');
    checkPlan({ plots: await data.plotsOf(tx, projectId), resettlementMilliMu: before.resettlementMilliMu });
    ensure((await data.documentsOf(tx, projectId)).length > 0, 'documentRequired');
    const after = await data.updateProject(tx, projectId, { status: statusAfterSubmit(found.expandedPower), submittedAt: now, returnReason: null });
    await writeAudit(tx, { at: now, actor, action: 'project.submit', entity: 'project', entityId: projectId, before, after });
    return after;
  });
}

/** The city reviews a plan of one of its counties: passes it to the province or returns it. */
export function cityReview(s: Services, actor: Actor, projectId: number, decision: Decision) {
  return inUseCase(s, async (tx, now) => {
    const before = await projectOfActorsCity(tx, actor, projectId);
    ensure(before.status === 'city_review', 'projectNotInReview');
    const after = decision.approve
      ? await data.updateProject(tx, projectId, { status: 'province_review', cityReviewedAt: now })
      : await returned(tx, projectId, decision, now);
    const reviewNo = await writeAudit(tx, { at: now, actor, action: decision.approve ? 'project.city_pass' : 'project.city_return', entity: 'project', entityId: projectId, before, after });
    if (!decision.approve) await notifyReturned(tx, now, actor, after, reviewNo);
    return after;
  });
}

/** The province approves a plan (立项), issuing its surplus quota as one lot, or returns it. */
export function provinceReview(s: Services, actor: Actor, projectId: number, decision: Decision & { approvalRef: string }) {
  return inUseCase(s, async (tx, now) => {
    const before = await data.projectById(tx, projectId);
    ensure(before, 'projectNotFound');
    ensure(before.status === 'province_review', 'projectNotInReview');
    if (!decision.approve) {
      const after = await returned(tx, projectId, decision, now);
      await notifyReturned(tx, now, actor, after, (await writeAudit(tx, { at: now, actor, action: 'project.province_return', entity: 'project', entityId: projectId, before, after })));
      return after;
    }
    ensure(decision.approvalRef.trim().length > 0, 'approvalRefRequired');
    const totals = checkPlan({ plots: await data.plotsOf(tx, projectId), resettlementMilliMu: before.resettlementMilliMu });
    const after = await data.updateProject(tx, projectId, { status: 'approved', approvedAt: now, approvalRef: decision.approvalRef.trim() });
    await writeAudit(tx, { at: now, actor, action: 'project.approve', entity: 'project', entityId: projectId, before, after });
    const id = await market.nextId(tx, 'lots');
    const lot = await insertLot(tx, {
      id,
      projectId,
      countyId: before.countyId,
      code: documentNo('ZB', id, now, 4),
      serialStart: await nextSerial(tx),
      qtyMilliMu: totals.surplusMilliMu,
      farmlandMilliMu: totals.surplusFarmlandMilliMu,
      landType: before.landType,
      issuedAt: now,
    });
    await postEntry(
      tx,
      { idempotencyKey: `issue:${lot.id}`, reason: 'lot_issued', actorUserId: actor.userId, at: now },
      lotIssued(actor.organisationId, lot.countyId, lot.id, lot.qtyMilliMu, lot.farmlandMilliMu),
    );
    await writeAudit(tx, { at: now, actor, action: 'lot.issue', entity: 'lot', entityId: lot.id, after: lot });
    await notifyInTx(tx, now, projectApprovedNotices(after, after.approvalRef!, lot));
    return after;
  });
}

/** The county is told who returned its plan and why. */
async function notifyReturned(tx: Tx, now: number, actor: Actor, project: data.ProjectRow, reviewNo: number) {
  const reviewer = await market.organisationById(tx, actor.organisationId);
  await notifyInTx(tx, now, projectReturnedNotices(project, reviewer?.name ?? '', project.returnReason ?? '', reviewNo));
}

function returned(tx: Tx, projectId: number, decision: Decision, now: number) {
  ensure(decision.reason.trim().length > 0, 'reasonRequired');
  return data.updateProject(tx, projectId, { status: 'returned', returnedAt: now, returnReason: decision.reason.trim() });
}

/** A project of a county in the acting city bureau's city; any other is simply not found. */
export async function projectOfActorsCity(tx: Tx, actor: Actor, projectId: number) {
  const found = await data.projectWithCounty(tx, projectId);
  const city = await market.organisationById(tx, actor.organisationId);
  ensure(found && city?.cityId != null && found.cityId === city.cityId, 'projectNotFound');
  return found.project;
}
