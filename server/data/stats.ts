// The queries behind the dashboards (issue 4). Each reads settled trades through the index on
// (status, settled_at), or small tables (counties, targets, spendings); aggregation is in
// server/domain/stats.ts.
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '@/db/client';
import { accounts, cities, countyTargets, journalEntries, organisations, postings, proceedsSpendings, trades } from '@/db/schema';
import type { TradeFact } from '@/server/domain/stats';

const seller = alias(organisations, 'seller');

export interface TradeScope {
  from: number;
  to: number;
  cityId?: number | null;
  countyId?: number | null;
  buyerId?: number | null;
}

/** Settled trades in [from, to), with the seller's county and city. */
export const tradeFacts = (db: DbOrTx, s: TradeScope): TradeFact[] =>
  db
    .select({
      settledAt: sql<number>`${trades.settledAt}`,
      priceFenPerMu: trades.priceFenPerMu,
      qtyMilliMu: trades.qtyMilliMu,
      amountFen: trades.amountFen,
      countyId: trades.sellerId,
      cityId: sql<number>`${seller.cityId}`,
    })
    .from(trades)
    .innerJoin(seller, eq(trades.sellerId, seller.id))
    .where(
      and(
        eq(trades.status, 'settled'),
        gte(trades.settledAt, s.from),
        lt(trades.settledAt, s.to),
        s.cityId ? eq(seller.cityId, s.cityId) : undefined,
        s.countyId ? eq(trades.sellerId, s.countyId) : undefined,
        s.buyerId ? eq(trades.buyerId, s.buyerId) : undefined,
      ),
    )
    .all();

/** Quantity sold per county in [from, to). */
export const tradedByCounty = (db: DbOrTx, from: number, to: number) =>
  new Map(
    db
      .select({ countyId: trades.sellerId, qty: sql<number>`sum(${trades.qtyMilliMu})` })
      .from(trades)
      .where(and(eq(trades.status, 'settled'), gte(trades.settledAt, from), lt(trades.settledAt, to)))
      .groupBy(trades.sellerId)
      .all()
      .map((r) => [r.countyId, Number(r.qty)]),
  );

/** The counties with their city and poverty flags. */
export const countiesWithCity = (db: DbOrTx) =>
  db
    .select({
      id: organisations.id,
      name: organisations.name,
      cityId: sql<number>`${organisations.cityId}`,
      cityName: cities.name,
      nationalPoverty: organisations.nationalPoverty,
      provincialPoverty: organisations.provincialPoverty,
    })
    .from(organisations)
    .innerJoin(cities, eq(organisations.cityId, cities.id))
    .where(eq(organisations.kind, 'county'))
    .orderBy(organisations.id)
    .all();

export const citiesList = (db: DbOrTx) => db.select().from(cities).orderBy(cities.id).all();

/** Targets set for a year, by county. */
export const targetsOf = (db: DbOrTx, year: number) =>
  new Map(
    db
      .select({ countyId: countyTargets.countyId, qty: countyTargets.qtyMilliMu })
      .from(countyTargets)
      .where(eq(countyTargets.year, year))
      .all()
      .map((r) => [r.countyId, r.qty]),
  );

export const upsertTarget = (db: DbOrTx, values: typeof countyTargets.$inferInsert) =>
  db
    .insert(countyTargets)
    .values(values)
    .onConflictDoUpdate({ target: [countyTargets.countyId, countyTargets.year], set: { qtyMilliMu: values.qtyMilliMu, setAt: values.setAt, setBy: values.setBy } })
    .run();

/** Proceeds credited to each county in [from, to) (sale amounts and forfeited deposits), from the journal. */
export const receivedByCounty = (db: DbOrTx, from: number, to: number) =>
  new Map(
    db
      .select({ countyId: accounts.organisationId, fen: sql<number>`sum(${postings.amount})` })
      .from(postings)
      .innerJoin(accounts, eq(postings.accountId, accounts.id))
      .innerJoin(journalEntries, eq(postings.entryId, journalEntries.id))
      .where(
        and(eq(accounts.asset, 'CNY'), eq(accounts.bucket, 'proceeds'), sql`${postings.amount} > 0`, gte(journalEntries.at, from), lt(journalEntries.at, to)),
      )
      .groupBy(accounts.organisationId)
      .all()
      .map((r) => [r.countyId, Number(r.fen)]),
  );

/** Spending per county and category with a date in [fromDate, toDate] (YYYY-MM-DD, inclusive). */
export const spentByCountyAndCategory = (db: DbOrTx, fromDate: string, toDate: string) =>
  db
    .select({ countyId: proceedsSpendings.countyId, category: proceedsSpendings.category, fen: sql<number>`sum(${proceedsSpendings.amountFen})` })
    .from(proceedsSpendings)
    .where(and(gte(proceedsSpendings.spentOn, fromDate), sql`${proceedsSpendings.spentOn} <= ${toDate}`))
    .groupBy(proceedsSpendings.countyId, proceedsSpendings.category)
    .all()
    .map((r) => ({ ...r, fen: Number(r.fen) }));
