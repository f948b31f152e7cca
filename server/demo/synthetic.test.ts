// The synthetic history goes through the app's own workflows: the ledger stays balanced, every trade
// is settled and traceable to an approved project, and the same seed gives the same market.
import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { bids, listings, lots, projects, trades } from '@/db/schema';
import { type Harness, T0, makeHarness } from '@/server/testing/harness';
import { seedOpenMarket, seedSynthetic } from './synthetic';

const DAY = 86_400_000;
const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

async function generated(seed: number) {
  const h = await makeHarness();
  harnesses.push(h);
  const result = await seedSynthetic(h.services, { trades: 60, seed, from: T0 - 400 * DAY, to: T0 - DAY });
  const rows = await h.db.select({ price: trades.priceFenPerMu, qty: trades.qtyMilliMu, status: trades.status, settledAt: trades.settledAt, approved: projects.status }).from(trades).innerJoin(lots, eq(trades.lotId, lots.id)).innerJoin(projects, eq(lots.projectId, projects.id)).orderBy(trades.id).all();
  return { h, result, rows };
}

describe('synthetic market history', () => {
  it('settles every trade through the workflows, keeps the ledger balanced, and is reproducible from its seed', async () => {
    const a = await generated(7);
    expect(a.result.trades).toBe(60);
    expect(a.rows).toHaveLength(60);
    expect(a.rows.every((r) => r.status === 'settled' && r.approved === 'approved')).toBe(true);
    expect(a.rows.every((r) => r.settledAt! >= T0 - 400 * DAY && r.settledAt! < T0)).toBe(true);
    expect(a.rows.every((r) => r.price >= 2_100_000)).toBe(true);
    expect(await a.h.checkLedger()).toEqual({ mismatches: [], unbalanced: [], nonZeroTotals: [] });
    // Spread over more than one county and city.
    const counties = (await a.h.db.select({ n: sql<number>`count(distinct ${trades.sellerId})` }).from(trades).all())[0]!.n;
    expect(counties).toBeGreaterThan(5);

    const b = await generated(7);
    expect(b.rows.map((r) => [r.price, r.qty])).toEqual(a.rows.map((r) => [r.price, r.qty]));
    const c = await generated(8);
    expect(c.rows.map((r) => [r.price, r.qty])).not.toEqual(a.rows.map((r) => [r.price, r.qty]));
  });
});

describe('synthetic open market', () => {
  it('opens approved auctions through the workflows and bids on them in rounds, each bid a step above the last', async () => {
    const h = await makeHarness();
    harnesses.push(h);
    const before = (await h.db.select({ n: sql<number>`count(*)` }).from(listings).all())[0]!.n;
    const result = await seedOpenMarket(h.services, { listings: 40, bids: 200, seed: 3, now: T0 });
    expect(result).toEqual({ listings: 40, bids: 200 });
    const open = (await h.db
      .select({ id: listings.id, reserve: listings.reservePriceFenPerMu, opensAt: listings.opensAt, closesAt: listings.closesAt })
      .from(listings)
      .where(eq(listings.status, 'approved'))
      .orderBy(listings.id)
      .all())
      .slice(-40);
    expect((await h.db.select({ n: sql<number>`count(*)` }).from(listings).all())[0]!.n).toBe(before + 40);
    expect(open.every((l) => l.opensAt <= T0 && l.closesAt > T0 + 29 * DAY)).toBe(true);
    // 200 bids over 40 listings: five rounds each; the best active bid is the reserve plus four steps.
    for (const l of open) {
      const placed = await h.db.select({ price: bids.priceFenPerMu, status: bids.status }).from(bids).where(eq(bids.listingId, l.id)).all();
      expect(placed).toHaveLength(5);
      expect(Math.max(...placed.filter((b) => b.status === 'active').map((b) => b.price))).toBe(l.reserve + 4 * 10_000);
    }
    expect(await h.checkLedger()).toEqual({ mismatches: [], unbalanced: [], nonZeroTotals: [] });
  });
});
