// Queries of an organisation's messages (站内消息) and of what the sweep reminds of and the 待办 lists
// show. Every read or change of a message puts its organisation in the `where` clause, so another
// organisation's message is simply not found. The statements every bid, sweep and page runs are
// built once (`reusable`).
import 'server-only';
import { and, asc, count, desc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { type DbOrTx, reusable } from '@/db/client';
import { bids, listings, notifications, organisations, projects, trades } from '@/db/schema';
import type { Notice, ObligationOwner } from '@/server/notifications/domain/notifications';

export type NotificationRow = typeof notifications.$inferSelect;

const $ = sql.placeholder;
const county = alias(organisations, 'county');

const insertQuery = (db: DbOrTx) =>
  db
    .insert(notifications)
    .values({ organisationId: $('organisationId'), kind: $('kind'), params: $('params'), href: $('href'), key: $('key'), createdAt: $('createdAt') })
    .onConflictDoNothing({ target: [notifications.organisationId, notifications.key] })
    .returning({ id: notifications.id })
    .prepare();

/** Writes the notices not written before (by organisation and key); returns how many were new. */
export async function insertNotices(db: DbOrTx, notices: readonly Notice[], at: number): Promise<number> {
  let written = 0;
  for (const n of notices) {
    const r = await reusable(db, insertQuery).all({ organisationId: n.organisationId, kind: n.kind, params: JSON.stringify(n.params), href: n.href, key: n.key, createdAt: at });
    written += r.length;
  }
  return written;
}

const existsQuery = (db: DbOrTx) =>
  db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.organisationId, $('organisationId')), eq(notifications.key, $('key'))))
    .prepare();
export const noticeWritten = async (db: DbOrTx, n: Pick<Notice, 'organisationId' | 'key'>) => await reusable(db, existsQuery).get({ organisationId: n.organisationId, key: n.key }) !== undefined;

const unreadQuery = (db: DbOrTx) =>
  db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.organisationId, $('organisationId')), isNull(notifications.readAt)))
    .prepare();
export const unreadCountOf = async (db: DbOrTx, organisationId: number) => (await reusable(db, unreadQuery).get({ organisationId }))?.n ?? 0;

/** One page of an organisation's messages, newest first, and how many it has. */
export async function notificationsPage(db: DbOrTx, organisationId: number, page: { offset: number; limit: number }) {
  const own = eq(notifications.organisationId, organisationId);
  return {
    rows: await db.select().from(notifications).where(own).orderBy(desc(notifications.id)).limit(page.limit).offset(page.offset).all(),
    total: (await db.select({ n: count() }).from(notifications).where(own).all())[0]?.n ?? 0,
  };
}

export const notificationOf = async (db: DbOrTx, organisationId: number, id: number) =>
  (await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.organisationId, organisationId)))
    .all())[0];

export const markRead = async (db: DbOrTx, organisationId: number, id: number, at: number) =>
  (await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.id, id), eq(notifications.organisationId, organisationId), isNull(notifications.readAt)))
    .returning({ id: notifications.id })
    .all()).length;

export const markAllRead = async (db: DbOrTx, organisationId: number, at: number) =>
  (await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.organisationId, organisationId), isNull(notifications.readAt)))
    .returning({ id: notifications.id })
    .all()).length;

// --- what the sweep reminds of ------------------------------------------------------------------------

const unpaidDueByQuery = (db: DbOrTx) =>
  db
    .select({ id: trades.id, buyerId: trades.buyerId, confirmationNo: trades.confirmationNo, amountFen: trades.amountFen, depositFen: trades.depositFen, dueAt: trades.dueAt })
    .from(trades)
    .where(and(eq(trades.status, 'awaiting_payment'), sql`${trades.dueAt} >= ${$('now')}`, lte(trades.dueAt, $('dueBy'))))
    .prepare();
/** Awards awaiting payment, not yet due, due by `dueBy`: through the index on (status, due date). */
export const unpaidAwardsDueBy = (db: DbOrTx, now: number, dueBy: number) => reusable(db, unpaidDueByQuery).all({ now, dueBy });

const obligationColumns = {
  id: projects.id,
  name: projects.name,
  countyId: projects.countyId,
  countyName: county.name,
  cityId: county.cityId,
  approvedAt: sql<number>`${projects.approvedAt}`,
  firstTradedAt: projects.firstTradedAt,
  reclamationAcceptedAt: projects.reclamationAcceptedAt,
};

const obligationsNearQuery = (db: DbOrTx) =>
  db
    .select(obligationColumns)
    .from(projects)
    .innerJoin(county, eq(projects.countyId, county.id))
    .where(
      and(
        eq(projects.status, 'approved'),
        isNull(projects.reclamationAcceptedAt),
        or(
          and(isNull(projects.firstTradedAt), lte(projects.approvedAt, $('approvedBy'))),
          lte(projects.firstTradedAt, $('firstTradedBy')),
        ),
      ),
    )
    .prepare();
/** Open reclamation obligations old enough that a reminder may be due (bounds from reminderHorizon). */
export const obligationsNear = (db: DbOrTx, horizon: { approvedBy: number; firstTradedBy: number }): Promise<(ObligationOwner & { cityId: number | null })[]> =>
  reusable(db, obligationsNearQuery).all(horizon);

/** The city bureaus (市局) of each city, for the reminders of their counties' obligations. */
export async function cityBureausByCity(db: DbOrTx, cityIds: readonly number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (cityIds.length === 0) return out;
  const rows = await db
    .select({ id: organisations.id, cityId: organisations.cityId })
    .from(organisations)
    .where(and(eq(organisations.kind, 'city'), inArray(organisations.cityId, [...cityIds])))
    .orderBy(asc(organisations.id))
    .all();
  for (const r of rows) out.set(r.cityId!, [...(out.get(r.cityId!) ?? []), r.id]);
  return out;
}

// --- what waits for an organisation (待办) ---------------------------------------------------------------

export const unpaidAwardsOf = (db: DbOrTx, zoneId: number) =>
  db
    .select({ id: trades.id, confirmationNo: trades.confirmationNo, amountFen: trades.amountFen, depositFen: trades.depositFen, dueAt: trades.dueAt })
    .from(trades)
    .where(and(eq(trades.buyerId, zoneId), eq(trades.status, 'awaiting_payment')))
    .orderBy(asc(trades.dueAt))
    .limit(100)
    .all();

export const listingsAwaitingReview = (db: DbOrTx) =>
  db
    .select({ id: listings.id, code: listings.code, countyName: county.name })
    .from(listings)
    .innerJoin(county, eq(listings.countyId, county.id))
    .where(eq(listings.status, 'pending_review'))
    .orderBy(asc(listings.id))
    .limit(100)
    .all();

/** A county's negotiated listings still open with offers waiting for its answer, and how many each. */
export const listingsWithOpenOffers = (db: DbOrTx, countyId: number) =>
  db
    .select({ id: listings.id, code: listings.code, offers: count() })
    .from(bids)
    .innerJoin(listings, eq(bids.listingId, listings.id))
    .where(and(eq(listings.countyId, countyId), eq(listings.status, 'approved'), eq(bids.kind, 'offer'), eq(bids.status, 'active')))
    .groupBy(listings.id)
    .orderBy(asc(listings.closesAt))
    .limit(100)
    .all();

/** Approved projects with an open reclamation obligation: a county's own, or the counties' of a city. */
export const openObligations = (db: DbOrTx, scope: { countyId: number } | { cityId: number }): Promise<ObligationOwner[]> =>
  db
    .select(obligationColumns)
    .from(projects)
    .innerJoin(county, eq(projects.countyId, county.id))
    .where(
      and(
        eq(projects.status, 'approved'),
        isNull(projects.reclamationAcceptedAt),
        'countyId' in scope ? eq(projects.countyId, scope.countyId) : eq(county.cityId, scope.cityId),
      ),
    )
    .orderBy(asc(projects.id))
    .limit(1000)
    .all();
