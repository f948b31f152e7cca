// Queries of linking projects, their plots, documents and reclamation reports, and of what followed
// from them: uses of rights, spending of proceeds, plan allocations. Rows for an organisation put it in
// the `where` clause, so another organisation's row is simply not found.
import 'server-only';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { type DbOrTx, reusable } from '@/db/client';
import {
  accounts,
  auditLog,
  cities,
  journalEntries,
  lots,
  organisations,
  planAllocations,
  postings,
  proceedsSpendings,
  projectDocuments,
  projectPlots,
  projects,
  reclamationReports,
  rightsUses,
  trades,
  users,
} from '@/db/schema';

export type ProjectRow = typeof projects.$inferSelect;
export type PlotRow = typeof projectPlots.$inferSelect;

const county = alias(organisations, 'county');
const buyer = alias(organisations, 'buyer');

export const projectById = async (db: DbOrTx, id: number) => (await db.select().from(projects).where(eq(projects.id, id)).all())[0];

export const findProjectOfCounty = async (db: DbOrTx, id: number, countyId: number) =>
  (await db.select().from(projects).where(and(eq(projects.id, id), eq(projects.countyId, countyId))).all())[0];

/** The project with its county's city and 扩权强县 flag, for the review and visibility rules. */
export const projectWithCounty = async (db: DbOrTx, id: number) =>
  (await db
    .select({ project: projects, countyName: county.name, cityId: county.cityId, expandedPower: county.expandedPower })
    .from(projects)
    .innerJoin(county, eq(projects.countyId, county.id))
    .where(eq(projects.id, id))
    .all())[0];

export const insertProject = async (db: DbOrTx, values: typeof projects.$inferInsert) => (await db.insert(projects).values(values).returning().all())[0]!;

export const updateProject = async (db: DbOrTx, id: number, values: Partial<typeof projects.$inferInsert>) =>
  (await db.update(projects).set(values).where(eq(projects.id, id)).returning().all())[0]!;

export const plotsOf = (db: DbOrTx, projectId: number) => db.select().from(projectPlots).where(eq(projectPlots.projectId, projectId)).orderBy(projectPlots.id).all();

/** Replaces a project's plots with the plan's (the plan is edited as a whole). */
export async function replacePlots(db: DbOrTx, projectId: number, plots: Omit<typeof projectPlots.$inferInsert, 'projectId' | 'id'>[]) {
  await db.delete(projectPlots).where(eq(projectPlots.projectId, projectId)).run();
  if (plots.length > 0) await db.insert(projectPlots).values(plots.map((p) => ({ ...p, projectId }))).run();
  return plotsOf(db, projectId);
}

export const documentsOf = (db: DbOrTx, projectId: number) =>
  db.select().from(projectDocuments).where(eq(projectDocuments.projectId, projectId)).orderBy(projectDocuments.id).all();

export const documentById = async (db: DbOrTx, id: number) => (await db.select().from(projectDocuments).where(eq(projectDocuments.id, id)).all())[0];

export const insertDocument = async (db: DbOrTx, values: typeof projectDocuments.$inferInsert) => (await db.insert(projectDocuments).values(values).returning().all())[0]!;

export const deleteDocument = (db: DbOrTx, id: number) => db.delete(projectDocuments).where(eq(projectDocuments.id, id)).run();

export const reportsOf = (db: DbOrTx, projectId: number) =>
  db.select().from(reclamationReports).where(eq(reclamationReports.projectId, projectId)).orderBy(desc(reclamationReports.id)).all();

export const insertReport = async (db: DbOrTx, values: typeof reclamationReports.$inferInsert) => (await db.insert(reclamationReports).values(values).returning().all())[0]!;

export const lotOfProject = async (db: DbOrTx, projectId: number) => (await db.select().from(lots).where(eq(lots.projectId, projectId)).all())[0];

/** The first settlement of a project's quota starts its 2-year reclamation clock; later ones do not move it. */
const markFirstTradeQuery = (db: DbOrTx) =>
  db
    .update(projects)
    .set({ firstTradedAt: sql`${sql.placeholder('at')}` })
    .where(and(eq(projects.id, sql.placeholder('projectId')), isNull(projects.firstTradedAt)))
    .prepare();
export async function markFirstTrade(db: DbOrTx, projectId: number, at: number) {
  await reusable(db, markFirstTradeQuery).run({ projectId, at });
}

/** Whether a project's reclamation has been accepted: asked by every settlement (the holdback), so prepared once. */
const reclamationAcceptedQuery = (db: DbOrTx) =>
  db.select({ at: projects.reclamationAcceptedAt }).from(projects).where(eq(projects.id, sql.placeholder('projectId'))).prepare();
export const isReclamationAccepted = async (db: DbOrTx, projectId: number) => ((await reusable(db, reclamationAcceptedQuery).all({ projectId }))[0]?.at ?? null) !== null;

/** The steps of a project's workflow as the audit log recorded them, oldest first. */
export const historyOf = (db: DbOrTx, projectId: number) =>
  db
    .select({ at: auditLog.at, action: auditLog.action, actorName: users.displayName, organisationName: organisations.name, after: auditLog.after })
    .from(auditLog)
    .leftJoin(users, eq(auditLog.actorUserId, users.id))
    .leftJoin(organisations, eq(auditLog.actorOrganisationId, organisations.id))
    .where(and(eq(auditLog.entity, 'project'), eq(auditLog.entityId, projectId)))
    .orderBy(asc(auditLog.id))
    .all();

export type ProjectScope = { countyId: number } | { cityId: number } | 'all';

const plotTotals = {
  areaMilliMu: sql<number>`(select coalesce(sum(${projectPlots.areaMilliMu}), 0) from ${projectPlots} where ${projectPlots.projectId} = ${projects.id})`,
  farmlandMilliMu: sql<number>`(select coalesce(sum(${projectPlots.farmlandMilliMu}), 0) from ${projectPlots} where ${projectPlots.projectId} = ${projects.id})`,
};

/** Projects as a list, for a county, the counties of a city, or all; optionally in some states only. */
export function projectList(db: DbOrTx, scope: ProjectScope, statuses?: ProjectRow['status'][]) {
  return db
    .select({
      id: projects.id,
      name: projects.name,
      status: projects.status,
      countyId: projects.countyId,
      countyName: county.name,
      cityName: cities.name,
      expandedPower: county.expandedPower,
      forCrossRegion: projects.forCrossRegion,
      resettlementMilliMu: projects.resettlementMilliMu,
      submittedAt: projects.submittedAt,
      approvedAt: projects.approvedAt,
      approvalRef: projects.approvalRef,
      firstTradedAt: projects.firstTradedAt,
      designApprovedAt: projects.designApprovedAt,
      reclamationAcceptedAt: projects.reclamationAcceptedAt,
      lotId: lots.id,
      lotCode: lots.code,
      ...plotTotals,
    })
    .from(projects)
    .innerJoin(county, eq(projects.countyId, county.id))
    .innerJoin(cities, eq(county.cityId, cities.id))
    .leftJoin(lots, eq(lots.projectId, projects.id))
    .where(
      and(
        scope === 'all' ? undefined : 'countyId' in scope ? eq(projects.countyId, scope.countyId) : eq(county.cityId, scope.cityId),
        statuses ? inArray(projects.status, statuses) : undefined,
      ),
    )
    .orderBy(desc(projects.id))
    .limit(1000)
    .all();
}

/** Where the units of a lot went: its settled trades with their serial ranges and buyers. */
export const salesOfLot = (db: DbOrTx, lotId: number, buyerId?: number) =>
  db
    .select({
      tradeId: trades.id,
      confirmationNo: trades.confirmationNo,
      buyerId: trades.buyerId,
      buyerName: buyer.name,
      qtyMilliMu: trades.qtyMilliMu,
      farmlandMilliMu: trades.farmlandMilliMu,
      priceFenPerMu: trades.priceFenPerMu,
      serialStart: trades.serialStart,
      settledAt: trades.settledAt,
    })
    .from(trades)
    .innerJoin(buyer, eq(trades.buyerId, buyer.id))
    .where(and(eq(trades.lotId, lotId), eq(trades.status, 'settled'), buyerId === undefined ? undefined : eq(trades.buyerId, buyerId)))
    .orderBy(asc(trades.serialStart))
    .all();

/** Rights of a lot used by zones: each use with the amount of each right drawn from this lot. */
export const usesOfLot = (db: DbOrTx, lotId: number, zoneId?: number) =>
  db
    .select({
      useId: rightsUses.id,
      zoneId: rightsUses.zoneId,
      zoneName: organisations.name,
      applicationName: rightsUses.applicationName,
      approvalRef: rightsUses.approvalRef,
      asset: accounts.asset,
      qtyMilliMu: postings.amount,
      at: rightsUses.at,
    })
    .from(postings)
    .innerJoin(accounts, eq(postings.accountId, accounts.id))
    .innerJoin(journalEntries, eq(postings.entryId, journalEntries.id))
    .innerJoin(rightsUses, eq(journalEntries.useId, rightsUses.id))
    .innerJoin(organisations, eq(rightsUses.zoneId, organisations.id))
    .where(
      and(eq(accounts.lotId, lotId), eq(accounts.bucket, 'used'), sql`${postings.amount} > 0`, zoneId === undefined ? undefined : eq(rightsUses.zoneId, zoneId)),
    )
    .orderBy(asc(rightsUses.id), asc(accounts.asset))
    .all();

/** A zone's held balance of one right per lot, oldest lot first: the order uses draw from. */
export const rightHoldings = (db: DbOrTx, zoneId: number, asset: 'NEW_LAND' | 'SCALE' | 'FARMLAND') =>
  db
    .select({ lotId: sql<number>`${accounts.lotId}`, heldMilliMu: accounts.balance })
    .from(accounts)
    .where(and(eq(accounts.organisationId, zoneId), eq(accounts.asset, asset), eq(accounts.bucket, 'held'), sql`${accounts.balance} > 0`))
    .orderBy(asc(accounts.lotId))
    .all();

export const insertUse = async (db: DbOrTx, values: typeof rightsUses.$inferInsert) => (await db.insert(rightsUses).values(values).returning().all())[0]!;

export const usesOfZone = (db: DbOrTx, zoneId: number) =>
  db.select().from(rightsUses).where(eq(rightsUses.zoneId, zoneId)).orderBy(desc(rightsUses.id)).limit(500).all();

export const insertSpending = async (db: DbOrTx, values: typeof proceedsSpendings.$inferInsert) =>
  (await db.insert(proceedsSpendings).values(values).returning().all())[0]!;

export const spendingsOfCounty = (db: DbOrTx, countyId: number) =>
  db.select().from(proceedsSpendings).where(eq(proceedsSpendings.countyId, countyId)).orderBy(desc(proceedsSpendings.spentOn), desc(proceedsSpendings.id)).limit(1000).all();

/**
 * Every county's proceeds: received (all credits to its proceeds: sale amounts and forfeited
 * deposits) and spent, from the journal, so the figures cannot drift from the ledger.
 */
export function proceedsByCounty(db: DbOrTx) {
  const credited = (bucket: string) =>
    sql<number>`(select coalesce(sum(${postings.amount}), 0) from ${postings} join ${accounts} on ${postings.accountId} = ${accounts.id} where ${accounts.organisationId} = ${organisations.id} and ${accounts.asset} = 'CNY' and ${accounts.bucket} = ${bucket} and ${postings.amount} > 0)`;
  return db
    .select({ countyId: organisations.id, countyName: organisations.name, cityName: cities.name, receivedFen: credited('proceeds'), spentFen: credited('spent') })
    .from(organisations)
    .innerJoin(cities, eq(organisations.cityId, cities.id))
    .where(eq(organisations.kind, 'county'))
    .orderBy(organisations.id)
    .all();
}

export const countiesForPlan = (db: DbOrTx) =>
  db
    .select({ id: organisations.id, name: organisations.name, nationalPoverty: organisations.nationalPoverty, provincialPoverty: organisations.provincialPoverty })
    .from(organisations)
    .where(eq(organisations.kind, 'county'))
    .orderBy(organisations.id)
    .all();

export const allocationExists = async (db: DbOrTx, countyId: number, year: number, kind: 'PLAN_NEW_LAND' | 'PLAN_LINKING') =>
  (await db
    .select({ id: planAllocations.id })
    .from(planAllocations)
    .where(and(eq(planAllocations.countyId, countyId), eq(planAllocations.year, year), eq(planAllocations.kind, kind)))
    .all()).length > 0;

export const insertAllocation = async (db: DbOrTx, values: typeof planAllocations.$inferInsert) => (await db.insert(planAllocations).values(values).returning().all())[0]!;

export const allocations = (db: DbOrTx, countyId?: number) =>
  db
    .select({
      id: planAllocations.id,
      countyId: planAllocations.countyId,
      countyName: organisations.name,
      year: planAllocations.year,
      kind: planAllocations.kind,
      qtyMilliMu: planAllocations.qtyMilliMu,
      documentRef: planAllocations.documentRef,
      at: planAllocations.at,
    })
    .from(planAllocations)
    .innerJoin(organisations, eq(planAllocations.countyId, organisations.id))
    .where(countyId === undefined ? undefined : eq(planAllocations.countyId, countyId))
    .orderBy(desc(planAllocations.year), asc(planAllocations.countyId), asc(planAllocations.kind))
    .limit(2000)
    .all();
