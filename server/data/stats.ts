// The queries behind the dashboards (issue 4). Each reads settled trades through the index on
// (status, settled_at), or small tables (counties, targets, spendings); aggregation is in
// server/domain/stats.ts.
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { type Db, type DbOrTx, clientOf, prepared, reusable } from '@/db/client';
import { cities, countyTargets, organisations, proceedsSpendings, settledTotals, trades } from '@/db/schema';
import { monthsRangeCst } from '@/server/domain/china-time';
import { type CountyMonth, type TradeFact, countyMonthsOf, median, monthOf, quarterOfMonth, withTradesAdded } from '@/server/domain/stats';


export interface TradeScope {
  from: number;
  to: number;
  cityId?: number | null;
  countyId?: number | null;
  buyerId?: number | null;
}

/**
 * Settled trades in [from, to), with the seller's county and city. Tens of thousands of rows for a
 * year of a large market: read as plain arrays from the covering index (trades_status_settled), the
 * city taken from a small map of counties rather than a join.
 */
export function tradeFacts(db: Db, s: TradeScope): TradeFact[] {
  const cityOf = new Map(countiesWithCity(db).map((c) => [c.id, c.cityId]));
  const rows = db
    .select({ settledAt: sql<number>`${trades.settledAt}`, price: trades.priceFenPerMu, qty: trades.qtyMilliMu, amount: trades.amountFen, seller: trades.sellerId })
    .from(trades)
    .where(
      and(
        eq(trades.status, 'settled'),
        gte(trades.settledAt, s.from),
        lt(trades.settledAt, s.to),
        s.cityId ? inArray(trades.sellerId, [...cityOf].filter(([, city]) => city === s.cityId).map(([id]) => id)) : undefined,
        s.countyId ? eq(trades.sellerId, s.countyId) : undefined,
        s.buyerId ? eq(trades.buyerId, s.buyerId) : undefined,
      ),
    )
    .prepare()
    .values() as [number, number, number, number, number][];
  return rows.map(([settledAt, priceFenPerMu, qtyMilliMu, amountFen, countyId]) => ({ settledAt, priceFenPerMu, qtyMilliMu, amountFen, countyId, cityId: cityOf.get(countyId) ?? 0 }));
}

/** A settlement adds its trade to its month's sum (same transaction as the settlement). */
const $ = sql.placeholder;
const addToSettledTotalsQuery = (db: DbOrTx) =>
  db
    .insert(settledTotals)
    .values({ month: $('month'), sellerId: $('sellerId'), buyerId: $('buyerId'), trades: 1, qtyMilliMu: $('qtyMilliMu'), amountFen: $('amountFen') })
    .onConflictDoUpdate({
      target: [settledTotals.month, settledTotals.sellerId, settledTotals.buyerId],
      set: { trades: sql`${settledTotals.trades} + 1`, qtyMilliMu: sql`${settledTotals.qtyMilliMu} + excluded.qty_milli_mu`, amountFen: sql`${settledTotals.amountFen} + excluded.amount_fen` },
    })
    .prepare();
export function addToSettledTotals(db: DbOrTx, t: { settledAt: number; sellerId: number; buyerId: number; qtyMilliMu: number; amountFen: number }) {
  reusable(db, addToSettledTotalsQuery).run({ month: monthOf(t.settledAt), sellerId: t.sellerId, buyerId: t.buyerId, qtyMilliMu: t.qtyMilliMu, amountFen: t.amountFen });
}

/** Settled quantity and amount per county over the months from `fromMonth` to `toMonth` ('YYYY-MM', inclusive). */
const settledByCounty = (db: DbOrTx, fromMonth: string, toMonth: string) =>
  db
    .select({ countyId: settledTotals.sellerId, qty: sql<number>`sum(${settledTotals.qtyMilliMu})`, fen: sql<number>`sum(${settledTotals.amountFen})` })
    .from(settledTotals)
    .where(and(gte(settledTotals.month, fromMonth), sql`${settledTotals.month} <= ${toMonth}`))
    .groupBy(settledTotals.sellerId)
    .all();

/** Province-wide settled count, quantity and amount per quarter with trades over the months (inclusive), ascending. */
export function quarterTotals(db: DbOrTx, fromMonth: string, toMonth: string) {
  const quarters = new Map<string, { quarter: string; count: number; volumeMilliMu: number; amountFen: number; fromMonth: string; toMonth: string }>();
  const months = db
    .select({ month: settledTotals.month, n: sql<number>`sum(${settledTotals.trades})`, qty: sql<number>`sum(${settledTotals.qtyMilliMu})`, fen: sql<number>`sum(${settledTotals.amountFen})` })
    .from(settledTotals)
    .where(and(gte(settledTotals.month, fromMonth), sql`${settledTotals.month} <= ${toMonth}`))
    .groupBy(settledTotals.month)
    .orderBy(settledTotals.month)
    .all();
  for (const m of months) {
    const key = quarterOfMonth(m.month);
    const first = (Number(key.slice(-1)) - 1) * 3 + 1;
    const month = (n: number) => `${key.slice(0, 4)}-${String(n).padStart(2, '0')}`;
    const q = quarters.get(key) ?? { quarter: key, count: 0, volumeMilliMu: 0, amountFen: 0, fromMonth: month(first), toMonth: month(first + 2) };
    quarters.set(key, { ...q, count: q.count + Number(m.n), volumeMilliMu: q.volumeMilliMu + Number(m.qty), amountFen: q.amountFen + Number(m.fen) });
  }
  return [...quarters.values()];
}

/** One month's settled trades as read once: in time order as columns, and as county-months. */
interface SettledMonth {
  check: string;
  at: Float64Array;
  price: Float64Array;
  qty: Float64Array;
  amount: Float64Array;
  seller: Int32Array;
  buyer: Int32Array;
  countyMonths: CountyMonth[];
}

// What is kept lives on globalThis: `npm start`'s server and Next.js's pages load this module each on
// their own but share the process's connection (server/runtime.ts), so what one reads (the server's
// read-ahead after start-up, server/main.ts) the other finds.
const shared = globalThis as unknown as { __qxKeptSettled?: { months: WeakMap<object, Map<string, SettledMonth>>; medians: WeakMap<object, Map<string, number | null>> } };
shared.__qxKeptSettled ??= { months: new WeakMap(), medians: new WeakMap() };
const keptMonths = shared.__qxKeptSettled.months;
const MAX_KEPT_MONTHS = 36;

/**
 * A month's settled trades, kept per connection under the month's count and amount from the monthly
 * sums: settled trades are only ever added, so a month whose sums have not moved has not changed, and
 * a past month is read once. A month whose sums moved (this month, after a settlement) grows by the
 * trades settled after its last one, and is read whole again only if the sums still disagree (a trade
 * settled at the same moment as that last one, or with an earlier time).
 */
function settledMonth(db: DbOrTx, month: string, check: { trades: number; amountFen: number }): SettledMonth {
  const client = clientOf(db);
  let kept = keptMonths.get(client);
  if (!kept) keptMonths.set(client, (kept = new Map()));
  const key = `${check.trades}:${check.amountFen}`;
  const found = kept.get(month);
  if (found?.check === key) {
    kept.delete(month); // most recently used last
    kept.set(month, found);
    return found;
  }
  const { from, to } = monthsRangeCst(month, month);
  const grown = found && found.at.length > 0 ? grownMonth(found, settledRows(db, found.at[found.at.length - 1]! + 1, to), key) : null;
  const read = grown && agrees(grown, check) ? grown : monthOfRows(settledRows(db, from, to), key);
  kept.delete(month);
  kept.set(month, read);
  for (const old of kept.keys()) {
    if (kept.size <= MAX_KEPT_MONTHS) break;
    kept.delete(old);
  }
  return read;
}

type SettledRow = [settledAt: number, price: number, qty: number, amount: number, seller: number, buyer: number];

const settledRows = (db: DbOrTx, from: number, to: number) =>
  prepared(db, "select settled_at, price_fen_per_mu, qty_milli_mu, amount_fen, seller_id, buyer_id from trades where status = 'settled' and settled_at >= ? and settled_at < ? order by settled_at")
    .raw()
    .all(from, to) as SettledRow[];

// The city is set when the months are put together: a county-month is the county's alone.
const factsOf = (rows: SettledRow[]): TradeFact[] => rows.map(([settledAt, priceFenPerMu, qtyMilliMu, amountFen, countyId]) => ({ settledAt, priceFenPerMu, qtyMilliMu, amountFen, countyId, cityId: 0 }));

function monthOfRows(rows: SettledRow[], check: string): SettledMonth {
  return {
    check,
    at: Float64Array.from(rows, (r) => r[0]),
    price: Float64Array.from(rows, (r) => r[1]),
    qty: Float64Array.from(rows, (r) => r[2]),
    amount: Float64Array.from(rows, (r) => r[3]),
    seller: Int32Array.from(rows, (r) => r[4]),
    buyer: Int32Array.from(rows, (r) => r[5]),
    countyMonths: countyMonthsOf(factsOf(rows)),
  };
}

function grownMonth(month: SettledMonth, rows: SettledRow[], check: string): SettledMonth {
  const more = monthOfRows(rows, check);
  const joined = <A extends Float64Array | Int32Array>(a: A, b: A): A => {
    const out = new (a.constructor as new (n: number) => A)(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
  };
  return {
    check,
    at: joined(month.at, more.at),
    price: joined(month.price, more.price),
    qty: joined(month.qty, more.qty),
    amount: joined(month.amount, more.amount),
    seller: joined(month.seller, more.seller),
    buyer: joined(month.buyer, more.buyer),
    countyMonths: withTradesAdded(month.countyMonths, factsOf(rows)),
  };
}

const agrees = (month: SettledMonth, check: { trades: number; amountFen: number }) =>
  month.at.length === check.trades && month.amount.reduce((a, b) => a + b, 0) === check.amountFen;

export interface MarketScope {
  cityId: number | null;
  countyId: number | null;
  buyerId: number | null;
}

/**
 * The settled trades of the months from `fromMonth` to `toMonth` (inclusive) in a scope, as
 * county-months for the series and spreads, and an even sample of at most `maxPoints` of them in time
 * order for the price chart.
 */
export function settledInMonths(db: DbOrTx, fromMonth: string, toMonth: string, scope: MarketScope, maxPoints: number) {
  const cityOf = new Map(countiesWithCity(db).map((c) => [c.id, c.cityId]));
  const checks = db
    .select({ month: settledTotals.month, n: sql<number>`sum(${settledTotals.trades})`, fen: sql<number>`sum(${settledTotals.amountFen})` })
    .from(settledTotals)
    .where(and(gte(settledTotals.month, fromMonth), sql`${settledTotals.month} <= ${toMonth}`))
    .groupBy(settledTotals.month)
    .orderBy(settledTotals.month)
    .all();
  const months = checks.map((c) => settledMonth(db, c.month, { trades: Number(c.n), amountFen: Number(c.fen) }));
  const inScope = (seller: number, buyer: number) =>
    (scope.countyId === null || seller === scope.countyId) && (scope.cityId === null || cityOf.get(seller) === scope.cityId) && (scope.buyerId === null || buyer === scope.buyerId);
  const countyMonths: CountyMonth[] = [];
  for (const m of months) {
    if (scope.buyerId === null) {
      for (const p of m.countyMonths) if (inScope(p.countyId, 0)) countyMonths.push({ ...p, cityId: cityOf.get(p.countyId) ?? 0 });
    } else {
      // A zone's own purchases are a small share of a month: picked out and grouped afresh.
      const mine: TradeFact[] = [];
      for (let i = 0; i < m.at.length; i++) {
        const seller = m.seller[i]!;
        if (inScope(seller, m.buyer[i]!)) mine.push({ settledAt: m.at[i]!, priceFenPerMu: m.price[i]!, qtyMilliMu: m.qty[i]!, amountFen: m.amount[i]!, countyId: seller, cityId: cityOf.get(seller) ?? 0 });
      }
      countyMonths.push(...countyMonthsOf(mine));
    }
  }
  const count = countyMonths.reduce((n, p) => n + p.pricesAscending.length, 0);
  const step = Math.max(1, Math.ceil(count / maxPoints));
  const points: { at: number; priceFenPerMu: number; qtyMilliMu: number }[] = [];
  let index = 0;
  for (const m of months) {
    for (let i = 0; i < m.at.length; i++) {
      if (!inScope(m.seller[i]!, m.buyer[i]!)) continue;
      if (index++ % step === 0) points.push({ at: m.at[i]!, priceFenPerMu: m.price[i]!, qtyMilliMu: m.qty[i]! });
    }
  }
  return { count, countyMonths, points };
}

const keptMedians = shared.__qxKeptSettled.medians;

/**
 * The median price of the trades settled province-wide in [from, to). Settled trades are only ever
 * added, and in the present, so a period's median changes only when its count (or sum) does: it is
 * kept under those, and a past quarter is read once. The prices alone come from the covering index.
 */
export function medianSettledPrice(db: DbOrTx, from: number, to: number, check: { count: number; amountFen: number }): number | null {
  const client = clientOf(db);
  let kept = keptMedians.get(client);
  if (!kept) keptMedians.set(client, (kept = new Map()));
  const key = `${from}:${to}:${check.count}:${check.amountFen}`;
  if (kept.has(key)) return kept.get(key)!;
  const prices = prepared(db, "select price_fen_per_mu from trades where status = 'settled' and settled_at >= ? and settled_at < ?").pluck().all(from, to) as number[];
  const value = median(prices);
  if (kept.size >= 1000) kept.clear();
  kept.set(key, value);
  return value;
}

/**
 * Forgets what was kept of a database's settled trades (the benchmark measures answers worked out
 * from nothing): all of it, or, with `at`, what a settlement at `at` makes stale (its month is then
 * grown by the trades after its last, as after a settlement; the medians of periods around it go).
 */
export function forgetKeptSettled(db: DbOrTx, at?: number) {
  const client = clientOf(db);
  if (at === undefined) {
    keptMonths.delete(client);
    keptMedians.delete(client);
    return;
  }
  const months = keptMonths.get(client);
  const month = months?.get(monthOf(at));
  if (month) months!.set(monthOf(at), { ...month, check: 'stale' });
  const medians = keptMedians.get(client);
  for (const key of medians?.keys() ?? []) {
    const [from, to] = key.split(':').map(Number) as [number, number];
    if (from <= at && at < to) medians!.delete(key);
  }
}

/** Quantity sold per county over the months from `fromMonth` to `toMonth` (inclusive). */
export const tradedByCounty = (db: DbOrTx, fromMonth: string, toMonth: string) =>
  new Map(settledByCounty(db, fromMonth, toMonth).map((r) => [r.countyId, Number(r.qty)]));

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

/**
 * Proceeds credited to each county over the months from `fromMonth` to `toMonth` (inclusive): a
 * settlement credits the trade's amount (summed per month at settlement), a lapse the forfeited
 * deposit, and nothing else credits proceeds. The property test checks it equals the journal's credits.
 */
export function receivedByCounty(db: DbOrTx, fromMonth: string, toMonth: string) {
  const { from, to } = monthsRangeCst(fromMonth, toMonth);
  const forfeited = db
    .select({ countyId: trades.sellerId, fen: sql<number>`sum(${trades.depositFen})` })
    .from(trades)
    .where(and(eq(trades.status, 'lapsed'), gte(trades.lapsedAt, from), lt(trades.lapsedAt, to)))
    .groupBy(trades.sellerId)
    .all();
  const out = new Map<number, number>();
  for (const r of [...settledByCounty(db, fromMonth, toMonth), ...forfeited]) out.set(r.countyId, (out.get(r.countyId) ?? 0) + Number(r.fen));
  return out;
}

/** Spending per county and category with a date in [fromDate, toDate] (YYYY-MM-DD, inclusive). */
export const spentByCountyAndCategory = (db: DbOrTx, fromDate: string, toDate: string) =>
  db
    .select({ countyId: proceedsSpendings.countyId, category: proceedsSpendings.category, fen: sql<number>`sum(${proceedsSpendings.amountFen})` })
    .from(proceedsSpendings)
    .where(and(gte(proceedsSpendings.spentOn, fromDate), sql`${proceedsSpendings.spentOn} <= ${toDate}`))
    .groupBy(proceedsSpendings.countyId, proceedsSpendings.category)
    .all()
    .map((r) => ({ ...r, fen: Number(r.fen) }));
