// The settled packs behind the dashboards' prices (settled_trade_packs): what a settlement writes, how
// a month is read back from them, and the migration that packed the trades settled before them.
import fs from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { inTransaction } from '@/db/client';
import { seedSynthetic } from '@/server/demo/synthetic';
import { MAX_PRICE_FEN_PER_MU, MAX_QTY_MILLI_MU } from '@/server/kernel/fields';
import { monthsRangeCst } from '@/server/kernel/china-time';
import { type Harness, makeHarness } from '@/server/testing/harness';
import { testEngine } from '@/server/testing/databases';
import { TRADES_PER_PACK, recordSettledTrade, settledInMonths } from './queries';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});
const harness = async () => {
  const h = await makeHarness();
  harnesses.push(h);
  return h;
};
const everyScope = { cityId: null, countyId: null, buyerId: null };
/** The migration's statement that packs the trades settled before it. */
const fill = fs.readFileSync('db/migrations/0011_settled_trade_packs.sql', 'utf8').split('--> statement-breakpoint')[1]!;
const packsOf = async (h: Harness) => (await h.db.connection.prepare('select * from settled_trade_packs order by month, seller_id, buyer_id, pack').all()) as Record<string, unknown>[];

describe('settled packs', () => {
  it('hold a month, county and zone 256 trades to a pack, and give back its prices and its trades in time order', async () => {
    const h = await harness();
    const county = (await h.actor('pianguan')).organisationId;
    const other = (await h.actor('hequ')).organisationId;
    const zone = (await h.actor('zone')).organisationId;
    // December 2026 in China time: its first and last millisecond are inside it.
    const { from, to } = monthsRangeCst('2026-12', '2026-12');
    const trade = fc.record({
      at: fc.integer({ min: from, max: to - 1 }),
      price: fc.integer({ min: 1, max: MAX_PRICE_FEN_PER_MU }),
      qty: fc.integer({ min: 1, max: MAX_QTY_MILLI_MU }),
      other: fc.boolean(),
    });
    const edges = [
      { at: from, price: MAX_PRICE_FEN_PER_MU, qty: MAX_QTY_MILLI_MU, other: false },
      { at: to - 1, price: 1, qty: 1, other: false },
    ];
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(trade, { minLength: 2 * TRADES_PER_PACK + 1, maxLength: 700, selector: (t) => t.at }), async (drawn) => {
        // One month per run, so each run starts with empty packs.
        await h.db.connection.exec('delete from settled_trade_packs; delete from settled_totals');
        const trades = [...edges, ...drawn.filter((t) => t.at !== from && t.at !== to - 1)];
        await inTransaction(h.db, async (tx) => {
          for (const t of trades) await recordSettledTrade(tx, { settledAt: t.at, sellerId: t.other ? other : county, buyerId: zone, priceFenPerMu: t.price, qtyMilliMu: t.qty, amountFen: t.price * 10 });
        });
        const mine = trades.filter((t) => !t.other);
        const packs = (await packsOf(h)).filter((p) => p.seller_id === county);
        expect(packs.map((p) => [p.pack, (p.price_fen_per_mu as Buffer).length / 4])).toEqual(
          Array.from({ length: Math.ceil(mine.length / TRADES_PER_PACK) }, (_, i) => [i, Math.min(TRADES_PER_PACK, mine.length - i * TRADES_PER_PACK)]),
        );

        const read = await settledInMonths(h.db, '2026-12', '2026-12', everyScope, 100_000);
        expect(read.count).toBe(trades.length);
        expect(read.points).toEqual([...trades].sort((a, b) => a.at - b.at).map((t) => ({ at: t.at, priceFenPerMu: t.price, qtyMilliMu: t.qty })));
        const piece = read.countyMonths.find((p) => p.countyId === county)!;
        // Its prices: a list per pack, each ascending, together the county's prices.
        expect(piece.prices).toHaveLength(Math.ceil(mine.length / TRADES_PER_PACK));
        for (const list of piece.prices) expect(Array.from(list)).toEqual(Array.from(list).sort((a, b) => a - b));
        expect(piece.prices.flatMap((l) => Array.from(l)).sort((a, b) => a - b)).toEqual(mine.map((t) => t.price).sort((a, b) => a - b));
        expect(piece).toMatchObject({ month: '2026-12', zoneId: zone, volumeMilliMu: mine.reduce((n, t) => n + t.qty, 0), amountFen: mine.reduce((n, t) => n + t.price * 10, 0) });
        // A county's scope is its pieces and its trades alone.
        const own = await settledInMonths(h.db, '2026-12', '2026-12', { ...everyScope, countyId: county }, 100_000);
        expect(own.points).toHaveLength(mine.length);
        expect(own.countyMonths.map((p) => p.countyId)).toEqual([county]);
        run++;
      }),
      { numRuns: 8 },
    );
    expect(run).toBe(8);
  });

  it('the price chart takes at most its number of points, at an even step, from every county in proportion, in time order', async () => {
    const h = await harness();
    const counties: number[] = [];
    for (const u of ['pianguan', 'hequ', 'baode']) counties.push((await h.actor(u)).organisationId);
    const zone = (await h.actor('zone')).organisationId;
    const { from } = monthsRangeCst('2026-12', '2026-12');
    // 600, 300 and 90 trades, one a minute from the month's start, each county's prices falling.
    const sizes = [600, 300, 90];
    const trades = counties.flatMap((county, c) => Array.from({ length: sizes[c]! }, (_, i) => ({ county, at: from + (i * 3 + c) * 60_000, price: 5_000_000 - i, qty: 1000 + c })));
    await inTransaction(h.db, async (tx) => {
      for (const t of trades) await recordSettledTrade(tx, { settledAt: t.at, sellerId: t.county, buyerId: zone, priceFenPerMu: t.price, qtyMilliMu: t.qty, amountFen: 1 });
    });
    const read = await settledInMonths(h.db, '2026-12', '2026-12', everyScope, 100);
    const step = Math.ceil(990 / 100);
    expect(read.points).toHaveLength(Math.ceil(990 / step));
    expect(read.points.map((p) => p.at)).toEqual(read.points.map((p) => p.at).sort((a, b) => a - b));
    const known = new Set(trades.map((t) => `${t.at}:${t.price}:${t.qty}`));
    expect(read.points.filter((p) => !known.has(`${p.at}:${p.priceFenPerMu}:${p.qtyMilliMu}`))).toEqual([]);
    // Each county in proportion to its trades (within one point), across its prices.
    for (const [c, size] of sizes.entries()) {
      const its = read.points.filter((p) => p.qtyMilliMu === 1000 + c);
      expect(Math.abs(its.length - size / step)).toBeLessThanOrEqual(1);
      expect(Math.max(...its.map((p) => p.priceFenPerMu)) - Math.min(...its.map((p) => p.priceFenPerMu))).toBeGreaterThan(size * 0.8);
    }
    // A county's chart: its own trades alone, the step worked out on them.
    const own = await settledInMonths(h.db, '2026-12', '2026-12', { ...everyScope, countyId: counties[2]! }, 100);
    expect(own.points).toHaveLength(90);
  });

  it('a pack keeps its entries ordered by price, then time, whatever order the trades settle in', async () => {
    const h = await harness();
    const [county, zone] = [(await h.actor('pianguan')).organisationId, (await h.actor('zone')).organisationId];
    const { from } = monthsRangeCst('2026-12', '2026-12');
    const settle = (ms: number, price: number) => inTransaction(h.db, (tx) => recordSettledTrade(tx, { settledAt: from + ms, sellerId: county, buyerId: zone, priceFenPerMu: price, qtyMilliMu: 1000 + ms, amountFen: price }));
    for (const [ms, price] of [[50, 3_000_000], [10, 2_000_000], [40, 3_000_000], [60, 1], [30, 3_000_000], [20, MAX_PRICE_FEN_PER_MU]]) await settle(ms!, price!);
    const [pack] = await packsOf(h);
    const column = (name: string) => Array.from({ length: 6 }, (_, i) => (pack![name] as Buffer).readUInt32LE(4 * i));
    expect(column('price_fen_per_mu')).toEqual([1, 2_000_000, 3_000_000, 3_000_000, 3_000_000, MAX_PRICE_FEN_PER_MU]);
    expect(column('ms_into_month')).toEqual([60, 10, 30, 40, 50, 20]);
    expect(column('qty_milli_mu')).toEqual([1060, 1010, 1030, 1040, 1050, 1020]);
  });

  // The SQLite migration's own statement (PostgreSQL starts from its baseline schema).
  it.skipIf(testEngine() === 'pg')('the migration packs trades as the settlements do, 256 to a pack, to the first and last millisecond of a month', async () => {
    const h = await harness();
    const [county, zone] = [(await h.actor('pianguan')).organisationId, (await h.actor('zone')).organisationId];
    const { from, to } = monthsRangeCst('2026-12', '2026-12');
    const trades = [
      { at: from, price: MAX_PRICE_FEN_PER_MU, qty: MAX_QTY_MILLI_MU },
      ...Array.from({ length: 2 * TRADES_PER_PACK + 7 }, (_, i) => ({ at: from + 1 + i * 3_600_000, price: 2_000_000 + i, qty: 1000 + i })),
      { at: to - 1, price: 1, qty: 1 },
    ];
    await inTransaction(h.db, async (tx) => {
      for (const t of trades) await recordSettledTrade(tx, { settledAt: t.at, sellerId: county, buyerId: zone, priceFenPerMu: t.price, qtyMilliMu: t.qty, amountFen: 1 });
    });
    const written = await packsOf(h);
    expect(written.map((p) => p.pack)).toEqual([0, 1, 2]);
    // The same trades in a table that stands in for the trades (a temporary table is found first by name).
    await h.db.connection.exec('create temp table trades (id integer primary key, status text, settled_at integer, seller_id integer, buyer_id integer, price_fen_per_mu integer, qty_milli_mu integer)');
    const insert = h.db.connection.prepare("insert into temp.trades (status, settled_at, seller_id, buyer_id, price_fen_per_mu, qty_milli_mu) values ('settled', ?, ?, ?, ?, ?)");
    for (const t of trades) await insert.run(t.at, county, zone, t.price, t.qty);
    await insert.run(to, county, zone, 5, 5); // the next month's first millisecond
    await h.db.connection.exec('delete from settled_trade_packs');
    await h.db.connection.exec(fill);
    expect((await packsOf(h)).filter((p) => p.month === '2026-12')).toEqual(written);
    expect((await packsOf(h)).filter((p) => p.month === '2027-01').map((p) => [p.pack, p.ms_into_month])).toEqual([[0, Buffer.alloc(4)]]);
  });

  // The SQLite migration's own statement (PostgreSQL starts from its baseline schema).
  it.skipIf(testEngine() === 'pg')('the migration packs the trades settled before it as the settlements did', async () => {
    const h = await harness();
    const now = h.clock.now();
    await seedSynthetic(h.services, { trades: 160, seed: 5, from: now - 90 * 24 * 3_600_000, to: now - 3_600_000 });
    const written = await packsOf(h);
    expect(written.length).toBeGreaterThan(20);
    await h.db.connection.exec('delete from settled_trade_packs');
    await h.db.connection.exec(fill);
    expect(await packsOf(h)).toEqual(written);
  });
});
