// `npm run db:seed`: fills an empty database with the demo data (a demo database: serve it with QX_DEMO=1).
// `npm run db:seed -- --scale N [--seed S] [--years Y]`: then adds N synthetic settled trades over the
// past Y years (default 3) from random seed S (default 42), for the dashboards and the benchmark.
// `npm run db:seed -- --open-listings L --bids B`: then opens L auctions with B bids on them (the market page's
// benchmark).
import { parseArgs } from 'node:util';
import { openMarketDatabase } from '@/server/ops/open-market';
import { organisations } from '@/db/schema';
import { seedDemo } from '@/server/demo/seed-demo';
import { seedOpenMarket, seedSynthetic } from '@/server/demo/synthetic';
import { setInstanceMode } from '@/server/ops/instance';
import { documentStore } from '@/server/kernel/document-store';
import { env } from '@/server/kernel/env';
import { systemClock } from '@/server/kernel/clock';
import { DAY_MS } from '@/server/kernel/china-time';

const { values } = parseArgs({
  options: { scale: { type: 'string' }, seed: { type: 'string', default: '42' }, years: { type: 'string', default: '3' }, 'open-listings': { type: 'string' }, bids: { type: 'string' } },
});
const positiveInt = (name: string, v: string | undefined, max: number) => {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > max) {
    console.error(`--${name} must be a whole number from 1 to ${max}.`);
    process.exit(2);
  }
  return Number(v);
};
const scale = positiveInt('scale', values.scale, 5_000_000);
const seed = positiveInt('seed', values.seed, 2 ** 31)!;
const years = positiveInt('years', values.years, 20)!;
const openListings = positiveInt('open-listings', values['open-listings'], 1_000_000);
const openBids = positiveInt('bids', values.bids, 100_000_000) ?? 0;

async function main() {
  const services = { db: await openMarketDatabase(env.database), clock: systemClock, documents: documentStore(env.documentsDir) };
  const empty = (await services.db.select().from(organisations).limit(1).all()).length === 0;
  if (empty) {
    await seedDemo(services);
    await setInstanceMode(services.db, 'demo');
    console.log(`Seeded demo data into ${env.databaseFile} (serve it with QX_DEMO=1: npm run serve:demo).`);
  } else if (scale === undefined && openListings === undefined) {
    console.log(`${env.databaseFile} already holds data; nothing seeded.`);
  }
  if (scale !== undefined) {
    const to = systemClock.now() - DAY_MS;
    const started = performance.now();
    const result = await seedSynthetic(services, {
      trades: scale,
      seed,
      from: to - years * 365 * DAY_MS,
      to,
      onProgress: (n) => {
        if (n % 10_000 === 0 || n === scale) console.log(`  ${n} / ${scale} trades`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(`Added ${result.trades} synthetic trades across ${result.counties} counties in ${seconds.toFixed(1)} s (${Math.round(result.trades / seconds)} trades/s).`);
  }
  if (openListings !== undefined) {
    const started = performance.now();
    const result = await seedOpenMarket(services, {
      listings: openListings,
      bids: openBids,
      seed,
      now: systemClock.now(),
      onProgress: (n) => {
        if (n % 50_000 === 0 || n === openBids) console.log(`  ${n} / ${openBids} bids`);
      },
    });
    console.log(`Opened ${result.listings} auctions with ${result.bids} bids in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  }
  await services.db.connection.close();
}

void main();
