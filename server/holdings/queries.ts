// Queries of the holdback of proceeds (docs/decisions/0015-holdback.md): what is held for each
// project's lot in the county's `holdback` account, and what became of it, from the journal. Rows for
// a county or a city put it in the `where` clause, so another's project is simply not there.
import 'server-only';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '@/db/client';
import { accounts, cities, journalEntries, lots, organisations, postings, projects } from '@/db/schema';
import type { ProjectScope } from '@/server/projects/queries';

const county = alias(organisations, 'county');

/** The county's holdback account of a lot: its id and balance, when anything was ever held for it. */
export const holdbackAccountOfLot = async (db: DbOrTx, countyId: number, lotId: number) =>
  (await db
    .select({ id: accounts.id, balance: accounts.balance })
    .from(accounts)
    .where(and(eq(accounts.organisationId, countyId), eq(accounts.asset, 'CNY'), eq(accounts.bucket, 'holdback'), eq(accounts.lotId, lotId)))
    .all())[0];

/** The province that issued a lot (its `issued` quota account): where a forfeited holdback goes. */
export const issuerOfLot = async (db: DbOrTx, lotId: number) =>
  (await db
    .select({ organisationId: accounts.organisationId })
    .from(accounts)
    .where(and(eq(accounts.asset, 'QUOTA'), eq(accounts.bucket, 'issued'), eq(accounts.lotId, lotId)))
    .all())[0]?.organisationId;

/** How many entries of one reason have moved an account: numbers a lot's successive forfeits for their keys. */
export const entriesOfAccount = async (db: DbOrTx, accountId: number, reason: 'holdback_forfeited' | 'holdback_released') =>
  (await db
    .select({ n: sql<number>`count(distinct ${postings.entryId})` })
    .from(postings)
    .innerJoin(journalEntries, eq(postings.entryId, journalEntries.id))
    .where(and(eq(postings.accountId, accountId), eq(journalEntries.reason, reason)))
    .all())[0]?.n ?? 0;

/** Projects not accepted yet with something held for them: the candidates for a forfeit (the deadline is the domain's to judge). */
export const heldForUnacceptedProjects = (db: DbOrTx) =>
  db
    .select({
      projectId: projects.id,
      lotId: lots.id,
      countyId: projects.countyId,
      approvedAt: projects.approvedAt,
      firstTradedAt: projects.firstTradedAt,
      reclamationAcceptedAt: projects.reclamationAcceptedAt,
    })
    .from(accounts)
    .innerJoin(lots, eq(accounts.lotId, lots.id))
    .innerJoin(projects, eq(lots.projectId, projects.id))
    .where(and(eq(accounts.asset, 'CNY'), eq(accounts.bucket, 'holdback'), gt(accounts.balance, 0), isNull(projects.reclamationAcceptedAt)))
    .orderBy(projects.id)
    .all();

/**
 * Per project of the scope with anything ever held back: held now, in all, released to the county and
 * forfeited to the province (each from the postings of the county's holdback account, by reason).
 */
export function holdbacksByProject(db: DbOrTx, scope: ProjectScope) {
  const moved = (reason: string) =>
    sql<number>`(select coalesce(-sum(p.amount), 0) from ${postings} p join ${journalEntries} e on e.id = p.entry_id where p.account_id = ${accounts.id} and e.reason = ${reason})`;
  return db
    .select({
      projectId: projects.id,
      projectName: projects.name,
      countyId: projects.countyId,
      countyName: county.name,
      cityName: cities.name,
      lotId: lots.id,
      lotCode: lots.code,
      approvedAt: projects.approvedAt,
      firstTradedAt: projects.firstTradedAt,
      reclamationAcceptedAt: projects.reclamationAcceptedAt,
      heldFen: accounts.balance,
      heldInAllFen: sql<number>`(select coalesce(sum(p.amount), 0) from ${postings} p where p.account_id = ${accounts.id} and p.amount > 0)`,
      releasedFen: moved('holdback_released'),
      forfeitedFen: moved('holdback_forfeited'),
    })
    .from(accounts)
    .innerJoin(lots, eq(accounts.lotId, lots.id))
    .innerJoin(projects, eq(lots.projectId, projects.id))
    .innerJoin(county, eq(projects.countyId, county.id))
    .innerJoin(cities, eq(county.cityId, cities.id))
    .where(
      and(
        eq(accounts.asset, 'CNY'),
        eq(accounts.bucket, 'holdback'),
        eq(accounts.organisationId, projects.countyId),
        scope === 'all' ? undefined : 'countyId' in scope ? eq(projects.countyId, scope.countyId) : eq(county.cityId, scope.cityId),
      ),
    )
    .orderBy(desc(accounts.balance), desc(projects.id))
    .limit(1000)
    .all();
}
