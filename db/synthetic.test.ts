// The synthetic history goes through the app's own workflows: the ledger stays balanced, every trade
// is settled and traceable to an approved project, and the same seed gives the same market.
import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { lots, projects, trades } from '@/db/schema';
import { type Harness, T0, makeHarness } from '@/server/testing/harness';
import { seedSynthetic } from './synthetic';

const DAY = 86_400_000;
const harnesses: Harness[] = [];
afterEach(() => harnesses.splice(0).forEach((h) => h.close()));

async function generated(seed: number) {
  const h = await makeHarness();
  harnesses.push(h);
  const result = seedSynthetic(h.services, { trades: 60, seed, from: T0 - 400 * DAY, to: T0 - DAY });
  const rows = h.db.select({ price: trades.priceFenPerMu, qty: trades.qtyMilliMu, status: trades.status, settledAt: trades.settledAt, approved: projects.status }).from(trades).innerJoin(lots, eq(trades.lotId, lots.id)).innerJoin(projects, eq(lots.projectId, projects.id)).orderBy(trades.id).all();
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
    expect(a.h.checkLedger()).toEqual({ mismatches: [], unbalanced: [], nonZeroTotals: [] });
    // Spread over more than one county and city.
    const counties = a.h.db.select({ n: sql<number>`count(distinct ${trades.sellerId})` }).from(trades).all()[0]!.n;
    expect(counties).toBeGreaterThan(5);

    const b = await generated(7);
    expect(b.rows.map((r) => [r.price, r.qty])).toEqual(a.rows.map((r) => [r.price, r.qty]));
    const c = await generated(8);
    expect(c.rows.map((r) => [r.price, r.qty])).not.toEqual(a.rows.map((r) => [r.price, r.qty]));
  });
});
