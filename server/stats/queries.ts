// The queries behind the dashboards. Settled trades are read from what their settlements
// wrote beside them (sums per month, packs of prices: decision 0007), never one by one; the rest from
// small tables (counties, targets, spendings). Aggregation is in server/stats/domain/stats.ts.
import 'server-only';
import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { type DbOrTx, prepared, reusable } from '@/db/client';
import { cities, countyTargetVersions, countyTargets, organisations, proceedsSpendings, settledTotals, trades, users } from '@/db/schema';
import { monthsRangeCst } from '@/server/kernel/china-time';
import { type CountyMonth, monthOf } from '@/server/stats/domain/stats';

// A settlement adds its trade to its month's sum and to its month's packs, in the settlement's
// transaction. The sum's count, returned, numbers the trade within its month, county and zone: that
// number says which pack it goes in, so the packs agree with the sums by construction.
const $ = sql.placeholder;
const addToSettledTotalsQuery = (db: DbOrTx) =>
  db
    .insert(settledTotals)
    .values({ month: $('month'), sellerId: $('sellerId'), buyerId: $('buyerId'), trades: 1, qtyMilliMu: $('qtyMilliMu'), amountFen: $('amountFen') })
    .onConflictDoUpdate({
      target: [settledTotals.month, settledTotals.sellerId, settledTotals.buyerId],
      set: { trades: sql`${settledTotals.trades} + 1`, qtyMilliMu: sql`${settledTotals.qtyMilliMu} + excluded.qty_milli_mu`, amountFen: sql`${settledTotals.amountFen} + excluded.amount_fen` },
    })
    .returning({ trades: settledTotals.trades })
    .prepare();

/** Trades per pack: a pack's three columns stay within one database page (256 × 4 bytes each). */
export const TRADES_PER_PACK = 256;

const readPack = 'select ms_into_month, price_fen_per_mu, qty_milli_mu from settled_trade_packs where month = ? and seller_id = ? and buyer_id = ? and pack = ?';
const writePack = `insert into settled_trade_packs (month, seller_id, buyer_id, pack, ms_into_month, price_fen_per_mu, qty_milli_mu) values (?, ?, ?, ?, ?, ?, ?)
  on conflict (month, seller_id, buyer_id, pack) do update set ms_into_month = excluded.ms_into_month, price_fen_per_mu = excluded.price_fen_per_mu, qty_milli_mu = excluded.qty_milli_mu`;
const noEntries = Buffer.alloc(0);

export async function recordSettledTrade(db: DbOrTx, t: { settledAt: number; sellerId: number; buyerId: number; priceFenPerMu: number; qtyMilliMu: number; amountFen: number }) {
  const month = monthOf(t.settledAt);
  const { trades: count } = (await reusable(db, addToSettledTotalsQuery).get({ month, sellerId: t.sellerId, buyerId: t.buyerId, qtyMilliMu: t.qtyMilliMu, amountFen: t.amountFen }))!;
  const pack = Math.floor((count - 1) / TRADES_PER_PACK);
  const opens = (count - 1) % TRADES_PER_PACK === 0;
  const columns = (opens ? undefined : ((await prepared(db, readPack).raw().get(month, t.sellerId, t.buyerId, pack)) as PackColumns | undefined)) ?? [noEntries, noEntries, noEntries];
  const entry = { ms: t.settledAt - monthsRangeCst(month, month).from, price: t.priceFenPerMu, qty: t.qtyMilliMu };
  await prepared(db, writePack).run(month, t.sellerId, t.buyerId, pack, ...withEntry(columns, entry));
}

type PackColumns = [ms: Buffer, price: Buffer, qty: Buffer];

/** A pack's columns with one more entry, in its place by price, then time (after any equal to it: the migration's order). */
function withEntry([ms, price, qty]: PackColumns, entry: { ms: number; price: number; qty: number }): PackColumns {
  let lo = 0;
  let hi = price.length >> 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const p = price.readUInt32LE(mid << 2);
    if (p < entry.price || (p === entry.price && ms.readUInt32LE(mid << 2) <= entry.ms)) lo = mid + 1;
    else hi = mid;
  }
  const at = lo << 2;
  const spliced = (column: Buffer, value: number) => {
    const out = Buffer.allocUnsafe(column.length + 4);
    column.copy(out, 0, 0, at);
    out.writeUInt32LE(value, at);
    column.copy(out, at + 4, at);
    return out;
  };
  return [spliced(ms, entry.ms), spliced(price, entry.price), spliced(qty, entry.qty)];
}

/**
 * Where the monthly sums or the packs disagree with the settled trades (what `npm run audit:verify`
 * and every backup check): a month, county and zone whose sums are not those of its trades, whose
 * packs do not hold its number of trades, or whose packs are not numbered 0, 1, … with all but the
 * last full. Empty when all holds.
 */
export async function settledDisagreements(db: DbOrTx) {
  return (await prepared(db, db.connection.kind === 'pg' ? SETTLED_DISAGREEMENTS_PG : SETTLED_DISAGREEMENTS).all()) as { month: string; sellerId: number; buyerId: number; problem: 'sums' | 'packs' }[];
}

const SETTLED_DISAGREEMENTS = `with settled as (
       select strftime('%Y-%m', settled_at / 1000 + 28800, 'unixepoch') month, seller_id, buyer_id, count(*) trades, sum(qty_milli_mu) qty, sum(amount_fen) amount
       from trades where status = 'settled' group by 1, 2, 3),
     packs as (
       select month, seller_id, buyer_id, pack, length(price_fen_per_mu) bytes, length(ms_into_month) <> length(price_fen_per_mu) or length(qty_milli_mu) <> length(price_fen_per_mu) uneven,
         max(pack) over (partition by month, seller_id, buyer_id) last
       from settled_trade_packs),
     packed as (
       select month, seller_id, buyer_id, sum(bytes) / 4 trades, count(*) packs, max(last) last, sum(pack < last and bytes <> ${4 * TRADES_PER_PACK}) partial, sum(uneven) uneven
       from packs group by 1, 2, 3)
     select month, seller_id sellerId, buyer_id buyerId, 'sums' problem from (
       select * from (select month, seller_id, buyer_id, trades, qty, amount from settled except select month, seller_id, buyer_id, trades, qty_milli_mu, amount_fen from settled_totals)
       union all
       select * from (select month, seller_id, buyer_id, trades, qty_milli_mu, amount_fen from settled_totals except select month, seller_id, buyer_id, trades, qty, amount from settled))
     union
     select month, seller_id, buyer_id, 'packs' from (
       select * from (select month, seller_id, buyer_id, trades from settled_totals except select month, seller_id, buyer_id, trades from packed)
       union all
       select * from (select month, seller_id, buyer_id, trades from packed except select month, seller_id, buyer_id, trades from settled_totals))
     union
     select month, seller_id, buyer_id, 'packs' from packed where last <> packs - 1 or partial > 0 or uneven > 0
     order by 1, 2, 3, 4`;

/** The same on PostgreSQL: its month of a time, its booleans counted as integers, every alias named. */
const SETTLED_DISAGREEMENTS_PG = `with settled as (
       select to_char(to_timestamp(settled_at / 1000 + 28800) at time zone 'UTC', 'YYYY-MM') as month, seller_id, buyer_id, count(*) as trades, sum(qty_milli_mu) as qty, sum(amount_fen) as amount
       from trades where status = 'settled' group by 1, 2, 3),
     packs as (
       select month, seller_id, buyer_id, pack, length(price_fen_per_mu) as bytes, (length(ms_into_month) <> length(price_fen_per_mu) or length(qty_milli_mu) <> length(price_fen_per_mu))::int as uneven,
         max(pack) over (partition by month, seller_id, buyer_id) as last
       from settled_trade_packs),
     packed as (
       select month, seller_id, buyer_id, div(sum(bytes), 4) as trades, count(*) as packs, max(last) as last, sum((pack < last and bytes <> ${4 * TRADES_PER_PACK})::int) as partial, sum(uneven) as uneven
       from packs group by 1, 2, 3)
     select month, seller_id as "sellerId", buyer_id as "buyerId", 'sums' as problem from (
       (select month, seller_id, buyer_id, trades, qty, amount from settled except select month, seller_id, buyer_id, trades, qty_milli_mu, amount_fen from settled_totals)
       union all
       (select month, seller_id, buyer_id, trades, qty_milli_mu, amount_fen from settled_totals except select month, seller_id, buyer_id, trades, qty, amount from settled)) as sums
     union
     select month, seller_id, buyer_id, 'packs' from (
       (select month, seller_id, buyer_id, trades from settled_totals except select month, seller_id, buyer_id, trades from packed)
       union all
       (select month, seller_id, buyer_id, trades from packed except select month, seller_id, buyer_id, trades from settled_totals)) as counts
     union
     select month, seller_id, buyer_id, 'packs' from packed where last <> packs - 1 or partial > 0 or uneven > 0
     order by 1, 2, 3, 4`;

/** Settled quantity and amount per county over the months from `fromMonth` to `toMonth` ('YYYY-MM', inclusive). */
const settledByCounty = (db: DbOrTx, fromMonth: string, toMonth: string) =>
  db
    .select({ countyId: settledTotals.sellerId, qty: sql<number>`sum(${settledTotals.qtyMilliMu})`, fen: sql<number>`sum(${settledTotals.amountFen})` })
    .from(settledTotals)
    .where(and(gte(settledTotals.month, fromMonth), sql`${settledTotals.month} <= ${toMonth}`))
    .groupBy(settledTotals.sellerId)
    .all();

export interface MarketScope {
  cityId: number | null;
  countyId: number | null;
  buyerId: number | null;
}

type PackRow = [month: string, seller: number, buyer: number, ...PackColumns];

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** A pack's column as numbers: a view of its bytes where the machine's byte order and their alignment allow. */
function uint32s(bytes: Buffer): Uint32Array {
  if (LITTLE_ENDIAN && bytes.byteOffset % 4 === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
  return Uint32Array.from({ length: bytes.byteLength >> 2 }, (_, i) => bytes.readUInt32LE(i << 2));
}

/**
 * The settled trades of the months from `fromMonth` to `toMonth` (inclusive) in a scope, read from
 * their packs: a piece per county, zone and month, its prices the packs' (each ascending), for the
 * series, spreads and medians; and for the price chart at most `maxPoints` of them, in time order,
 * taken at an even step through the packs (so from every county, zone and month in proportion, and
 * across each pack's prices).
 */
export async function settledInMonths(db: DbOrTx, fromMonth: string, toMonth: string, scope: MarketScope, maxPoints = 0) {
  const cityOf = new Map((await countiesWithCity(db)).map((c) => [c.id, c.cityId]));
  const inScope = (seller: number, buyer: number) =>
    (scope.countyId === null || seller === scope.countyId) && (scope.cityId === null || cityOf.get(seller) === scope.cityId) && (scope.buyerId === null || buyer === scope.buyerId);
  const packs = (
    (await prepared(db, 'select month, seller_id, buyer_id, ms_into_month, price_fen_per_mu, qty_milli_mu from settled_trade_packs where month >= ? and month <= ? order by month, seller_id, buyer_id, pack')
      .raw()
      .all(fromMonth, toMonth)) as PackRow[]
  ).filter(([, seller, buyer]) => inScope(seller, buyer));
  const sums = new Map(
    ((await prepared(db, 'select month, seller_id, buyer_id, qty_milli_mu, amount_fen from settled_totals where month >= ? and month <= ?').raw().all(fromMonth, toMonth)) as [string, number, number, number, number][]).map(
      ([month, seller, buyer, qty, amount]) => [`${month}:${seller}:${buyer}`, { qty, amount }],
    ),
  );
  const countyMonths: (CountyMonth & { zoneId: number })[] = [];
  let count = 0;
  for (const [month, seller, buyer, , price] of packs) {
    const last = countyMonths[countyMonths.length - 1];
    const prices = uint32s(price);
    count += prices.length;
    if (last?.month === month && last.countyId === seller && last.zoneId === buyer) (last.prices as Uint32Array[]).push(prices);
    else {
      const sum = sums.get(`${month}:${seller}:${buyer}`);
      countyMonths.push({ month, countyId: seller, zoneId: buyer, cityId: cityOf.get(seller) ?? 0, prices: [prices], volumeMilliMu: sum?.qty ?? 0, amountFen: sum?.amount ?? 0 });
    }
  }
  const points: { at: number; priceFenPerMu: number; qtyMilliMu: number }[] = [];
  if (maxPoints > 0) {
    const step = Math.max(1, Math.ceil(count / maxPoints));
    let index = 0; // of the pack's first entry, counted through the packs in scope
    for (const [month, , , ms, price, qty] of packs) {
      const start = monthsRangeCst(month, month).from;
      const n = price.length >> 2;
      for (let i = (step - (index % step)) % step; i < n; i += step) {
        points.push({ at: start + ms.readUInt32LE(i << 2), priceFenPerMu: price.readUInt32LE(i << 2), qtyMilliMu: qty.readUInt32LE(i << 2) });
      }
      index += n;
    }
    points.sort((a, b) => a.at - b.at || a.priceFenPerMu - b.priceFenPerMu || a.qtyMilliMu - b.qtyMilliMu);
  }
  return { count, countyMonths, points };
}

/** Quantity sold per county over the months from `fromMonth` to `toMonth` (inclusive). */
export const tradedByCounty = async (db: DbOrTx, fromMonth: string, toMonth: string) =>
  new Map((await settledByCounty(db, fromMonth, toMonth)).map((r) => [r.countyId, Number(r.qty)]));

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
export const targetsOf = async (db: DbOrTx, year: number) =>
  new Map(
    (await db
      .select({ countyId: countyTargets.countyId, qty: countyTargets.qtyMilliMu })
      .from(countyTargets)
      .where(eq(countyTargets.year, year))
      .all())
      .map((r) => [r.countyId, r.qty]),
  );

/** The documents the year's targets were set by, by county. */
export const targetDocumentsOf = async (db: DbOrTx, year: number) =>
  new Map(
    (await db
      .select({ countyId: countyTargets.countyId, documentRef: countyTargets.documentRef })
      .from(countyTargets)
      .where(eq(countyTargets.year, year))
      .all())
      .map((r) => [r.countyId, r.documentRef]),
  );

/** Sets a county's target for a year: a new version kept for ever, and the target in force replaced. */
export async function setTarget(db: DbOrTx, values: { countyId: number; year: number; qtyMilliMu: number; documentRef: string; setAt: number; setBy: number }) {
  await db.insert(countyTargetVersions).values(values).run();
  await db.insert(countyTargets)
    .values(values)
    .onConflictDoUpdate({ target: [countyTargets.countyId, countyTargets.year], set: { qtyMilliMu: values.qtyMilliMu, documentRef: values.documentRef, setAt: values.setAt, setBy: values.setBy } })
    .run();
}

/** Every target set for a year, newest first, with the county, the document and who set it. */
export const targetVersionsOf = (db: DbOrTx, year: number) =>
  db
    .select({
      countyId: countyTargetVersions.countyId,
      countyName: organisations.name,
      qtyMilliMu: countyTargetVersions.qtyMilliMu,
      documentRef: countyTargetVersions.documentRef,
      setAt: countyTargetVersions.setAt,
      setBy: users.displayName,
    })
    .from(countyTargetVersions)
    .innerJoin(organisations, eq(organisations.id, countyTargetVersions.countyId))
    .leftJoin(users, eq(users.id, countyTargetVersions.setBy))
    .where(eq(countyTargetVersions.year, year))
    .orderBy(desc(countyTargetVersions.setAt), desc(countyTargetVersions.id))
    .all();

/**
 * Proceeds credited to each county over the months from `fromMonth` to `toMonth` (inclusive): a
 * settlement credits the trade's amount (summed per month at settlement), a lapse the forfeited
 * deposit, and nothing else credits proceeds. The property test checks it equals the journal's credits.
 */
export async function receivedByCounty(db: DbOrTx, fromMonth: string, toMonth: string) {
  const { from, to } = monthsRangeCst(fromMonth, toMonth);
  const forfeited = await db
    .select({ countyId: trades.sellerId, fen: sql<number>`sum(${trades.depositFen})` })
    .from(trades)
    .where(and(eq(trades.status, 'lapsed'), gte(trades.lapsedAt, from), lt(trades.lapsedAt, to)))
    .groupBy(trades.sellerId)
    .all();
  const out = new Map<number, number>();
  for (const r of [...await settledByCounty(db, fromMonth, toMonth), ...forfeited]) out.set(r.countyId, (out.get(r.countyId) ?? 0) + Number(r.fen));
  return out;
}

/** Spending per county and category with a date in [fromDate, toDate] (YYYY-MM-DD, inclusive). */
export const spentByCountyAndCategory = async (db: DbOrTx, fromDate: string, toDate: string) =>
  (await db
    .select({ countyId: proceedsSpendings.countyId, category: proceedsSpendings.category, fen: sql<number>`sum(${proceedsSpendings.amountFen})` })
    .from(proceedsSpendings)
    .where(and(gte(proceedsSpendings.spentOn, fromDate), sql`${proceedsSpendings.spentOn} <= ${toDate}`))
    .groupBy(proceedsSpendings.countyId, proceedsSpendings.category)
    .all())
    .map((r) => ({ ...r, fen: Number(r.fen) }));
