// The demo's past: a year of settled trades before this month, so that the dashboards, the public
// statistics and the assessment show a market on the first visit. Made by the synthetic generator
// (server/demo/synthetic.ts: every trade through the app's own workflows) among counties nobody signs in as
// and three zones of its own, so the demo users' pages stay as the demo made them.
import 'server-only';
import { eq } from 'drizzle-orm';
import { inTransaction } from '@/db/client';
import { cities, organisations } from '@/db/schema';
import { seedSynthetic } from './synthetic';
import { cstDate, dayCst } from '@/server/kernel/china-time';
import { DAY_MS } from '@/server/kernel/china-time';
import type { Services } from '@/server/kernel/deps';

const HISTORY_ZONES = [
  ['太原经济技术开发区（演示历史）', '太原市'],
  ['长治高新技术产业开发区（演示历史）', '长治市'],
  ['运城经济技术开发区（演示历史）', '运城市'],
] as const;

export const DEMO_HISTORY_TRADES = 360;

export async function seedDemoHistory(s: Services) {
  await inTransaction(s.db, async (tx) => {
    for (const [name, city] of HISTORY_ZONES) {
      const cityId = (await tx.select({ id: cities.id }).from(cities).where(eq(cities.name, city)).all())[0]!.id;
      await tx.insert(organisations).values({ kind: 'zone', name, cityId, isDemo: true }).run();
    }
  });
  const today = cstDate(s.clock.now());
  const to = dayCst(today.getUTCFullYear(), today.getUTCMonth() + 1, 1); // the start of this month, China time
  return seedSynthetic(s, { trades: DEMO_HISTORY_TRADES, seed: 2026, from: to - 365 * DAY_MS, to, apartFromUsers: true });
}
