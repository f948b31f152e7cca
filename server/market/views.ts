// Read models for the pages: each function answers one screen's question in one or two queries.
import 'server-only';
import { type SQL, and, count, desc, eq, gt, gte, inArray, lte, sql } from 'drizzle-orm';
import { type SQLiteTable, alias } from 'drizzle-orm/sqlite-core';
import { type DbOrTx, prepared } from '@/db/client';
import type { ListingStatus, PhaseBounds } from '@/server/market/domain/auction';
import { accounts, bidderNumbers, bids, cities, listings, lots, organisations, projects, trades } from '@/db/schema';

const county = alias(organisations, 'county');
const buyer = alias(organisations, 'buyer');
const bidTrade = alias(trades, 'bid_trade');

const bestBid = sql<number | null>`(select max(${bids.priceFenPerMu}) from ${bids} where ${bids.listingId} = ${listings.id} and ${bids.status} = 'active' and ${bids.kind} = 'bid')`;
const bidCount = sql<number>`(select count(*) from ${bids} where ${bids.listingId} = ${listings.id} and ${bids.status} = 'active')`;
const bidsEver = sql<number>`(select count(*) from ${bids} where ${bids.listingId} = ${listings.id})`;
// Every award counts, lapsed ones too: a lapsed quantity returns to the county's free quota, not to the listing.
const awarded = sql<number>`(select coalesce(sum(${trades.qtyMilliMu}), 0) from ${trades} where ${trades.listingId} = ${listings.id})`;

const listingColumns = {
  id: listings.id,
  code: listings.code,
  mode: listings.mode,
  status: listings.status,
  qtyMilliMu: listings.qtyMilliMu,
  reservePriceFenPerMu: listings.reservePriceFenPerMu,
  minLotMilliMu: listings.minLotMilliMu,
  incrementFenPerMu: listings.incrementFenPerMu,
  opensAt: listings.opensAt,
  closesAt: listings.closesAt,
  scheduledClosesAt: listings.scheduledClosesAt,
  note: listings.note,
  reviewNote: listings.reviewNote,
  createdAt: listings.createdAt,
  countyId: listings.countyId,
  countyName: county.name,
  cityId: cities.id,
  cityName: cities.name,
  lotId: listings.lotId,
  lotCode: lots.code,
  landType: lots.landType,
  projectName: projects.name,
  bestPriceFenPerMu: bestBid,
  activeBids: bidCount,
  bidsEver,
  awardedMilliMu: awarded,
};

function listingQuery(db: DbOrTx) {
  return db
    .select(listingColumns)
    .from(listings)
    .innerJoin(county, eq(listings.countyId, county.id))
    .innerJoin(cities, eq(county.cityId, cities.id))
    .innerJoin(lots, eq(listings.lotId, lots.id))
    .innerJoin(projects, eq(lots.projectId, projects.id));
}

export type ListingView = Awaited<ReturnType<ReturnType<typeof listingQuery>['all']>>[number];

export interface MarketFilter {
  cityId?: number;
  countyId?: number;
  minPrice?: number;
  maxPrice?: number;
  minQty?: number;
  maxQty?: number;
}

/** Approved listings not yet closed (open, or announced and upcoming), filtered as the zone asks. */
function marketWhere(now: number, f: MarketFilter) {
  return and(
    eq(listings.status, 'approved'),
    sql`${listings.closesAt} > ${now}`,
    // By the county's city: the count below then needs no join with cities.
    f.cityId ? eq(county.cityId, f.cityId) : undefined,
    f.countyId ? eq(listings.countyId, f.countyId) : undefined,
    f.minPrice ? gte(sql`coalesce(${bestBid}, ${listings.reservePriceFenPerMu})`, f.minPrice) : undefined,
    f.maxPrice ? lte(sql`coalesce(${bestBid}, ${listings.reservePriceFenPerMu})`, f.maxPrice) : undefined,
    f.minQty ? gte(listings.qtyMilliMu, f.minQty) : undefined,
    f.maxQty ? lte(listings.qtyMilliMu, f.maxQty) : undefined,
  );
}

/** One page of the market, soonest to close first (ties by id, so pages never overlap). */
export function marketListings(db: DbOrTx, now: number, f: MarketFilter, page: Page) {
  return listingQuery(db).where(marketWhere(now, f)).orderBy(listings.closesAt, listings.id).limit(page.limit).offset(page.offset).all();
}

/** How many listings the market shows under the filter, over all pages: from the listings index alone unless a city is asked for. */
export async function marketCount(db: DbOrTx, now: number, f: MarketFilter): Promise<number> {
  const query = db.select({ n: sql<number>`count(*)` }).from(listings).$dynamic();
  if (f.cityId) query.innerJoin(county, eq(listings.countyId, county.id));
  return (await query.where(marketWhere(now, f)).all())[0]?.n ?? 0;
}

/**
 * The next moment the market changes by the clock alone, or null: an approved listing opens or closes,
 * or a period of price guidance begins or ends (the page cache keeps the market page until then).
 */
export async function marketChangesAt(db: DbOrTx, now: number): Promise<number | null> {
  const row = (await prepared(
    db,
    `select min(t) t from (
       select min(opens_at) t from listings where status = 'approved' and opens_at > ?
       union all select min(closes_at) from listings where status = 'approved' and closes_at > ?
       union all select min(valid_from) from price_guidance where valid_from > ?
       union all select min(valid_to) from price_guidance where valid_to > ?) as changes`,
  ).get(now, now, now, now)) as { t: number | null };
  return row.t;
}

export const listingView = async (db: DbOrTx, id: number) => (await listingQuery(db).where(eq(listings.id, id)).all())[0];

/** How many rows of a table match: a paged list's total. */
const countOf = async (db: DbOrTx, table: SQLiteTable, where: SQL | undefined) => (await db.select({ n: count() }).from(table).where(where).all())[0]?.n ?? 0;

/** One page of a list: rows [offset, offset + limit). */
export interface Page {
  offset: number;
  limit: number;
}

/** Which listings a paged list shows: one county's, in some states, in one phase at a moment. */
export interface ListingSelection {
  countyId?: number;
  statuses?: ListingStatus[];
  phase?: PhaseBounds;
}

function listingWhere(f: ListingSelection) {
  const p = f.phase;
  return and(
    f.countyId !== undefined ? eq(listings.countyId, f.countyId) : undefined,
    f.statuses ? inArray(listings.status, f.statuses) : undefined,
    p ? eq(listings.status, p.status) : undefined,
    p?.opensAfter !== undefined ? gt(listings.opensAt, p.opensAfter) : undefined,
    p?.openedBy !== undefined ? lte(listings.opensAt, p.openedBy) : undefined,
    p?.closesAfter !== undefined ? gt(listings.closesAt, p.closesAfter) : undefined,
    p?.closedBy !== undefined ? lte(listings.closesAt, p.closedBy) : undefined,
  );
}

/** One page of the selected listings, newest first, and how many there are in all. */
export async function listingsPage(db: DbOrTx, f: ListingSelection, page: Page) {
  const where = listingWhere(f);
  return {
    rows: await listingQuery(db).where(where).orderBy(desc(listings.id)).limit(page.limit).offset(page.offset).all(),
    total: await countOf(db, listings, where),
  };
}

export const listingsByStatus = (db: DbOrTx, statuses: (typeof listings.$inferSelect)['status'][]) =>
  listingQuery(db).where(inArray(listings.status, statuses)).orderBy(desc(listings.id)).limit(500).all();

/** A bid's own terms, as every list of bids shows them. */
const bidColumns = {
  id: bids.id,
  kind: bids.kind,
  status: bids.status,
  priceFenPerMu: bids.priceFenPerMu,
  qtyMilliMu: bids.qtyMilliMu,
  depositFen: bids.depositFen,
  placedAt: bids.placedAt,
};

const listingBidColumns = {
  ...bidColumns,
  zoneId: bids.zoneId,
  zoneName: organisations.name,
  bidderNumber: bidderNumbers.number,
};

/**
 * The bids and offers shown with a listing (one zone's only, when `zoneId` is given): every active one
 * — at most one per zone, the ones a close or an acceptance acts on — every won or lost one (what each
 * zone's standing after the award is read from), and the newest `newest` of any state, newest first;
 * with how many there are in all. Bounded because every watcher of an auction polls it every 2 s, and
 * a busy auction's history grows with every raise.
 */
export async function bidsOfListing(db: DbOrTx, listingId: number, opts: { newest: number; zoneId?: number }) {
  const whose = and(eq(bids.listingId, listingId), opts.zoneId !== undefined ? eq(bids.zoneId, opts.zoneId) : undefined);
  const query = () =>
    db
      .select(listingBidColumns)
      .from(bids)
      .innerJoin(organisations, eq(bids.zoneId, organisations.id))
      .leftJoin(bidderNumbers, and(eq(bidderNumbers.listingId, bids.listingId), eq(bidderNumbers.zoneId, bids.zoneId)))
      .$dynamic();
  const active = await query().where(and(whose, inArray(bids.status, ['active', 'won', 'lost']))).all();
  const newest = await query().where(whose).orderBy(desc(bids.placedAt), desc(bids.id)).limit(opts.newest).all();
  const rows = [...new Map([...newest, ...active].map((b) => [b.id, b])).values()].sort((x, y) => y.placedAt - x.placedAt || y.id - x.id);
  return { rows, total: await countOf(db, bids, whose) };
}

const tradeColumns = {
  id: trades.id,
  confirmationNo: trades.confirmationNo,
  status: trades.status,
  listingId: trades.listingId,
  listingCode: listings.code,
  mode: listings.mode,
  lotCode: lots.code,
  projectName: projects.name,
  landType: lots.landType,
  sellerId: trades.sellerId,
  sellerName: county.name,
  buyerId: trades.buyerId,
  buyerName: buyer.name,
  qtyMilliMu: trades.qtyMilliMu,
  priceFenPerMu: trades.priceFenPerMu,
  amountFen: trades.amountFen,
  depositFen: trades.depositFen,
  farmlandMilliMu: trades.farmlandMilliMu,
  lotFarmlandMilliMu: lots.farmlandMilliMu,
  lotQtyMilliMu: lots.qtyMilliMu,
  awardedAt: trades.awardedAt,
  dueAt: trades.dueAt,
  settledAt: trades.settledAt,
  lapsedAt: trades.lapsedAt,
  /** The bid the trade awarded, for its standing (awarded in full or in part). */
  bid: { id: bids.id, kind: bids.kind, status: bids.status, priceFenPerMu: bids.priceFenPerMu, qtyMilliMu: bids.qtyMilliMu, placedAt: bids.placedAt },
};

function tradeQuery(db: DbOrTx) {
  return db
    .select(tradeColumns)
    .from(trades)
    .innerJoin(bids, eq(trades.bidId, bids.id))
    .innerJoin(listings, eq(trades.listingId, listings.id))
    .innerJoin(lots, eq(trades.lotId, lots.id))
    .innerJoin(projects, eq(lots.projectId, projects.id))
    .innerJoin(county, eq(trades.sellerId, county.id))
    .innerJoin(buyer, eq(trades.buyerId, buyer.id));
}

export type TradeView = Awaited<ReturnType<ReturnType<typeof tradeQuery>['all']>>[number];

/** A party's own trades, as seller or buyer; no condition for the province ('all'). */
const tradesOf = (party: { organisationId: number } | 'all') =>
  party === 'all' ? undefined : sql`(${trades.sellerId} = ${party.organisationId} or ${trades.buyerId} = ${party.organisationId})`;

/** Trades seen by a party (its own, as seller or buyer) or by the province (all). */
export function tradesFor(db: DbOrTx, party: { organisationId: number } | 'all', listingId?: number) {
  return tradeQuery(db)
    .where(and(tradesOf(party), listingId ? eq(trades.listingId, listingId) : undefined))
    .orderBy(desc(trades.id))
    .limit(1000)
    .all();
}

/**
 * One page of the trades a party sees (its own, as seller or buyer; the province all), and how many
 * there are. A party's awaiting payment come first, so a zone finds what it has to pay on the first
 * page; the province's are newest first, read in the order of the index.
 */
export async function tradesPageFor(db: DbOrTx, party: { organisationId: number } | 'all', page: Page) {
  const own = tradesOf(party);
  const order = party === 'all' ? [desc(trades.id)] : [desc(sql`${trades.status} = 'awaiting_payment'`), desc(trades.id)];
  return {
    rows: await tradeQuery(db).where(own).orderBy(...order).limit(page.limit).offset(page.offset).all(),
    total: await countOf(db, trades, own),
  };
}

/** What a zone has still to pay: its awards awaiting payment, and their balances after the deposits. */
export async function awaitingPaymentOf(db: DbOrTx, zoneId: number) {
  const row = (await db
    .select({ count: sql<number>`count(*)`, dueFen: sql<number>`coalesce(sum(${trades.amountFen} - ${trades.depositFen}), 0)` })
    .from(trades)
    .where(and(eq(trades.buyerId, zoneId), eq(trades.status, 'awaiting_payment')))
    .all())[0];
  return { count: row?.count ?? 0, dueFen: row?.dueFen ?? 0 };
}

/** The trades of several listings in one query, newest first (a page of results, not one query per listing). */
export const tradesOfListings = async (db: DbOrTx, listingIds: number[]) =>
  listingIds.length === 0 ? [] : await tradeQuery(db).where(inArray(trades.listingId, listingIds)).orderBy(desc(trades.id)).all();

export const tradeView = async (db: DbOrTx, id: number) => (await tradeQuery(db).where(eq(trades.id, id)).all())[0];

/** A county's lots with the quota of each in every state (free / listed / awarded / sold). */
export function quotaOfCounty(db: DbOrTx, countyId: number) {
  const bucket = (b: string) =>
    sql<number>`coalesce((select ${accounts.balance} from ${accounts} where ${accounts.organisationId} = ${countyId} and ${accounts.asset} = 'QUOTA' and ${accounts.bucket} = ${b} and ${accounts.lotId} = ${lots.id}), 0)`;
  return db
    .select({
      id: lots.id,
      code: lots.code,
      projectName: projects.name,
      approvalRef: projects.approvalRef,
      landType: lots.landType,
      serialStart: lots.serialStart,
      qtyMilliMu: lots.qtyMilliMu,
      farmlandMilliMu: lots.farmlandMilliMu,
      freeMilliMu: bucket('free'),
      listedMilliMu: bucket('listed'),
      awardedMilliMu: bucket('awarded'),
      soldMilliMu: sql<number>`(select coalesce(sum(${trades.qtyMilliMu}), 0) from ${trades} where ${trades.lotId} = ${lots.id} and ${trades.sellerId} = ${countyId} and ${trades.status} = 'settled')`,
    })
    .from(lots)
    .innerJoin(projects, eq(lots.projectId, projects.id))
    .where(eq(lots.countyId, countyId))
    .orderBy(lots.id)
    .all();
}

/** An organisation's balances summed per asset and bucket (lots folded together). */
export function balancesOf(db: DbOrTx, organisationId: number) {
  return db
    .select({ asset: accounts.asset, bucket: accounts.bucket, balance: sql<number>`sum(${accounts.balance})` })
    .from(accounts)
    .where(eq(accounts.organisationId, organisationId))
    .groupBy(accounts.asset, accounts.bucket)
    .all();
}

/** A zone's holdings of quota and the three rights, per lot and its origin. */
export function holdingsOf(db: DbOrTx, organisationId: number) {
  return db
    .select({
      lotId: accounts.lotId,
      lotCode: lots.code,
      projectName: projects.name,
      countyName: county.name,
      asset: accounts.asset,
      balance: accounts.balance,
    })
    .from(accounts)
    .innerJoin(lots, eq(accounts.lotId, lots.id))
    .innerJoin(projects, eq(lots.projectId, projects.id))
    .innerJoin(county, eq(lots.countyId, county.id))
    .where(and(eq(accounts.organisationId, organisationId), eq(accounts.bucket, 'held'), sql`${accounts.balance} <> 0`))
    .orderBy(accounts.lotId, accounts.asset)
    .all();
}

/**
 * One page of a zone's bids and offers with their listing, newest first, and how many it has made;
 * with what a standing needs: the listing's terms and awards so far, the bid's own award if any.
 */
export async function bidsOfZone(db: DbOrTx, zoneId: number, page: Page) {
  const rows = await db
    .select({
      ...bidColumns,
      listingId: listings.id,
      listingCode: listings.code,
      listingStatus: listings.status,
      listingMode: listings.mode,
      listingQtyMilliMu: listings.qtyMilliMu,
      minLotMilliMu: listings.minLotMilliMu,
      listingAwardedMilliMu: awarded,
      closesAt: listings.closesAt,
      countyName: county.name,
      awardedMilliMu: bidTrade.qtyMilliMu,
    })
    .from(bids)
    .innerJoin(listings, eq(bids.listingId, listings.id))
    .innerJoin(county, eq(listings.countyId, county.id))
    .leftJoin(bidTrade, eq(bidTrade.bidId, bids.id))
    .where(eq(bids.zoneId, zoneId))
    .orderBy(desc(bids.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
  return { rows, total: await countOf(db, bids, eq(bids.zoneId, zoneId)) };
}

/** The active bids and offers of several listings in one query: what an open auction's standings are worked out from. */
export const activeBidsOfListings = async (db: DbOrTx, listingIds: number[]) =>
  listingIds.length === 0
    ? []
    : await db
        .select({ ...bidColumns, listingId: bids.listingId, zoneId: bids.zoneId })
        .from(bids)
        .where(and(inArray(bids.listingId, listingIds), eq(bids.status, 'active')))
        .all();

export const zones = (db: DbOrTx) =>
  db.select({ id: organisations.id, name: organisations.name, isDemo: organisations.isDemo }).from(organisations).where(eq(organisations.kind, 'zone')).orderBy(organisations.id).all();

export const citiesWithCounties = async (db: DbOrTx) => {
  const cityRows = await db.select().from(cities).orderBy(cities.id).all();
  const countyRows = await db
    .select({ id: organisations.id, name: organisations.name, cityId: organisations.cityId })
    .from(organisations)
    .where(eq(organisations.kind, 'county'))
    .orderBy(organisations.id)
    .all();
  return cityRows.map((c) => ({ ...c, counties: countyRows.filter((k) => k.cityId === c.id) }));
};
