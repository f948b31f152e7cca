// Queries of the trading floor: lots, listings, bids, trades. Functions that act for an organisation
// put it in the `where` clause, so another organisation's row is simply not found. The queries a bid
// or a settlement runs are built once (`reusable`, placeholders `$`) rather than on every call.
import 'server-only';
import { and, desc, eq, getTableColumns, lte, max, sql } from 'drizzle-orm';
import { type DbOrTx, type Tx, prepared, reusable } from '@/db/client';
import { bidderNumbers, bids, lots, listings, organisations, trades } from '@/db/schema';
import { type BidderNumbers, bidderNumberOf } from './domain/auction';

export type ListingRow = typeof listings.$inferSelect;
export type BidRow = typeof bids.$inferSelect;
export type TradeRow = typeof trades.$inferSelect;
export type LotRow = typeof lots.$inferSelect;

export const findLotOfCounty = async (db: DbOrTx, lotId: number, countyId: number) =>
  (await db.select().from(lots).where(and(eq(lots.id, lotId), eq(lots.countyId, countyId))).all())[0];

const $ = sql.placeholder;

const lotByIdQuery = (db: DbOrTx) => db.select().from(lots).where(eq(lots.id, $('id'))).prepare();
export const lotById = (db: DbOrTx, lotId: number) => reusable(db, lotByIdQuery).get({ id: lotId });


const listingByIdQuery = (db: DbOrTx) => db.select().from(listings).where(eq(listings.id, $('id'))).prepare();
export const listingById = (db: DbOrTx, id: number) => reusable(db, listingByIdQuery).get({ id });

/** A listing with its lot's land type, which sets the guidance floor a bid or offer must reach: one read for a bid. */
const listingToBidOnQuery = (db: DbOrTx) =>
  db
    .select({ ...getTableColumns(listings), landType: lots.landType })
    .from(listings)
    .innerJoin(lots, eq(lots.id, listings.lotId))
    .where(eq(listings.id, $('id')))
    .prepare();
export const listingToBidOn = (db: DbOrTx, id: number) => reusable(db, listingToBidOnQuery).get({ id });

const listingOfCountyQuery = (db: DbOrTx) =>
  db.select().from(listings).where(and(eq(listings.id, $('id')), eq(listings.countyId, $('countyId')))).prepare();
export const findListingOfCounty = (db: DbOrTx, id: number, countyId: number) => reusable(db, listingOfCountyQuery).get({ id, countyId });

const lastIdQueries = {
  listings: (db: DbOrTx) => db.select({ m: max(listings.id) }).from(listings).prepare(),
  trades: (db: DbOrTx) => db.select({ m: max(trades.id) }).from(trades).prepare(),
  lots: (db: DbOrTx) => db.select({ m: max(lots.id) }).from(lots).prepare(),
  bids: (db: DbOrTx) => db.select({ m: max(bids.id) }).from(bids).prepare(),
};
/**
 * The id the next row will get, as SQLite numbers a rowid (and PostgreSQL's trigger does); callers
 * hold the write lock (inTransaction), so it cannot be taken.
 */
export async function nextId(db: DbOrTx, table: keyof typeof lastIdQueries): Promise<number> {
  const row = await reusable(db, lastIdQueries[table]).get();
  return (row?.m ?? 0) + 1;
}

export async function insertListing(db: DbOrTx, values: typeof listings.$inferInsert): Promise<ListingRow> {
  return (await db.insert(listings).values(values).returning().all())[0]!;
}

export async function updateListing(db: DbOrTx, id: number, values: Partial<typeof listings.$inferInsert>): Promise<ListingRow> {
  return (await db.update(listings).set(values).where(eq(listings.id, id)).returning().all())[0]!;
}

/** Approved listings whose close has come: the scheduler closes them. */
export const dueListingIds = async (db: DbOrTx, now: number) =>
  (await db
    .select({ id: listings.id })
    .from(listings)
    .where(and(eq(listings.status, 'approved'), lte(listings.closesAt, now)))
    .all())
    .map((r) => r.id);

const activeBidsQuery = (db: DbOrTx) => db.select().from(bids).where(and(eq(bids.listingId, $('listingId')), eq(bids.status, 'active'))).prepare();
export const activeBids = (db: DbOrTx, listingId: number) => reusable(db, activeBidsQuery).all({ listingId });

export const bidCount = async (db: DbOrTx, listingId: number) =>
  (await db.select({ n: sql<number>`count(*)` }).from(bids).where(eq(bids.listingId, listingId)).all())[0]?.n ?? 0;

const insertBidQuery = (db: DbOrTx) =>
  db
    .insert(bids)
    .values({
      id: $('id'),
      listingId: $('listingId'),
      zoneId: $('zoneId'),
      kind: $('kind'),
      status: $('status'),
      priceFenPerMu: $('priceFenPerMu'),
      qtyMilliMu: $('qtyMilliMu'),
      depositFen: $('depositFen'),
      placedAt: $('placedAt'),
      placedBy: $('placedBy'),
    })
    .prepare();
/** A bid with its id given (nextId): its deposit, audit record and notices can be written with it. */
export async function insertBid(db: DbOrTx, bid: BidRow): Promise<void> {
  await reusable(db, insertBidQuery).run(bid);
}

const setBidStatusQuery = (db: DbOrTx) => db.update(bids).set({ status: sql`${$('status')}` }).where(eq(bids.id, $('id'))).prepare();
export async function setBidStatus(db: DbOrTx, id: number, status: BidRow['status']) {
  await reusable(db, setBidStatusQuery).run({ id, status });
}

const bidByIdQuery = (db: DbOrTx) => db.select().from(bids).where(eq(bids.id, $('id'))).prepare();
export const bidById = (db: DbOrTx, id: number) => reusable(db, bidByIdQuery).get({ id });

/** The zone's bidder number (竞买号) in a listing, and how many the listing has given, in one read. */
const bidderNumberQuery = (db: DbOrTx) =>
  prepared<BidderNumbers>(
    db,
    'select (select number from bidder_numbers where listing_id = ? and zone_id = ?) as number, (select count(*) from bidder_numbers where listing_id = ?) as given',
  );
export const bidderNumbersOf = async (db: DbOrTx, listingId: number, zoneId: number): Promise<BidderNumbers> => (await reusable(db, bidderNumberQuery).get(listingId, zoneId, listingId))!;

/** Records a zone's bidder number (bidderNumberOf) with its first bid or offer on the listing; one it has is kept. */
export async function recordBidderNumber(db: Tx, listingId: number, zoneId: number, read: BidderNumbers): Promise<void> {
  if (read.number === null) await db.insert(bidderNumbers).values({ listingId, zoneId, number: bidderNumberOf(read) }).run();
}

/**
 * Quantity a listing has awarded, lapsed awards included: what it has no longer to offer. A lapsed
 * award's quantity went back to the county's free quota, not to the listing.
 */
const awardedQtyQuery = (db: DbOrTx) =>
  db
    .select({ q: sql<number>`coalesce(sum(${trades.qtyMilliMu}), 0)` })
    .from(trades)
    .where(eq(trades.listingId, $('listingId')))
    .prepare();
export const awardedQty = async (db: DbOrTx, listingId: number) => (await reusable(db, awardedQtyQuery).get({ listingId }))?.q ?? 0;

export async function insertTrade(db: DbOrTx, values: typeof trades.$inferInsert): Promise<TradeRow> {
  return (await db.insert(trades).values(values).returning().all())[0]!;
}

export async function updateTrade(db: DbOrTx, id: number, values: Partial<typeof trades.$inferInsert>): Promise<TradeRow> {
  return (await db.update(trades).set(values).where(eq(trades.id, id)).returning().all())[0]!;
}

const settleTradeQuery = (db: DbOrTx) =>
  db
    .update(trades)
    .set({ status: 'settled', settledAt: sql`${$('settledAt')}`, farmlandMilliMu: sql`${$('farmlandMilliMu')}`, serialStart: sql`${$('serialStart')}` })
    .where(eq(trades.id, $('id')))
    .returning()
    .prepare();
/** The trade as paid: settled at `settledAt` with the farmland and the first serial of the units it moved. */
export const markTradeSettled = async (db: DbOrTx, id: number, paid: { settledAt: number; farmlandMilliMu: number; serialStart: number }): Promise<TradeRow> =>
  (await reusable(db, settleTradeQuery).get({ id, ...paid }))!;

const tradeByIdQuery = (db: DbOrTx) => db.select().from(trades).where(eq(trades.id, $('id'))).prepare();
export const tradeById = (db: DbOrTx, id: number) => reusable(db, tradeByIdQuery).get({ id });

const tradeOfBuyerQuery = (db: DbOrTx) => db.select().from(trades).where(and(eq(trades.id, $('id')), eq(trades.buyerId, $('buyerId')))).prepare();
export const findTradeOfBuyer = (db: DbOrTx, id: number, buyerId: number) => reusable(db, tradeOfBuyerQuery).get({ id, buyerId });

export const overdueTradeIds = async (db: DbOrTx, now: number) =>
  (await db
    .select({ id: trades.id })
    .from(trades)
    .where(and(eq(trades.status, 'awaiting_payment'), sql`${trades.dueAt} < ${now}`))
    .all())
    .map((r) => r.id);

export const organisationById = async (db: DbOrTx, id: number) => (await db.select().from(organisations).where(eq(organisations.id, id)).all())[0];


/**
 * Quantity of a lot sold so far. Sales take the lot's units from the front in order, so it is where the
 * last settled range ends; read through the index on (lot, status, serial start) rather than summed.
 */
const lastSoldRangeQuery = (db: DbOrTx) =>
  db
    .select({ start: trades.serialStart, qty: trades.qtyMilliMu })
    .from(trades)
    .where(and(eq(trades.lotId, $('lotId')), eq(trades.status, 'settled')))
    .orderBy(desc(trades.serialStart))
    .limit(1)
    .prepare();
export async function settledQtyOfLot(db: DbOrTx, lot: { id: number; serialStart: number }): Promise<number> {
  const last = await reusable(db, lastSoldRangeQuery).get({ lotId: lot.id });
  return last && last.start !== null ? last.start + last.qty - lot.serialStart : 0;
}
