// `npm run bench:dashboards [-- --scale N]`: times every dashboard query in process on a database of
// N synthetic trades (default 100,000; made once by the seed generator and kept in bench/data), and
// prints p50/p95 per query. Writes bench/results/dashboards-N.md and .json. Figures, not assertions.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { organisations, trades, users } from '@/db/schema';
import { seedDemo } from '@/server/demo/seed-demo';
import { seedSynthetic } from '@/server/demo/synthetic';
import { forgetKept } from '@/server/books/memo';
import { createCaller } from '@/server/app-router';
import { systemClock } from '@/server/kernel/clock';
import { sessionUser } from '@/server/users/queries';
import { documentStore } from '@/server/kernel/document-store';
import { DAY_MS } from '@/server/kernel/china-time';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '100000' }, runs: { type: 'string', default: '30' } } });
const scale = Number(values.scale);
const runs = Number(values.runs);
const dir = path.resolve('bench/data', `dashboards-${scale}`);

async function database() {
  fs.mkdirSync(dir, { recursive: true });
  const s = { db: await openDatabase(path.join(dir, 'quota-exchange.db')), clock: systemClock, documents: documentStore(path.join(dir, 'documents')) };
  if ((await s.db.select().from(organisations).limit(1).all()).length === 0) await seedDemo(s);
  const have = Number((await s.db.select({ n: sql<number>`count(*)` }).from(trades).where(eq(trades.status, 'settled')).all())[0]!.n);
  if (have < scale) {
    console.log(`Generating ${scale - have} synthetic trades (once; kept in ${dir}) …`);
    const to = systemClock.now() - DAY_MS;
    await seedSynthetic(s, { trades: scale - have, seed: 42, from: to - 3 * 365 * DAY_MS, to, onProgress: (n) => n % 10_000 === 0 && console.log(`  ${n}`) });
  }
  return s;
}

function time(fn: () => Promise<unknown>) {
  return async () => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
}

const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)]!;

async function main() {
  const s = await database();
  const provinceUser = (await s.db.select().from(users).where(eq(users.username, 'province')).all())[0]!;
  const caller = createCaller({ services: s, user: await sessionUser(s.db, provinceUser.id), locale: 'zh' });
  const year = new Date(systemClock.now() + 8 * 3_600_000).getUTCFullYear();
  const all = { year, cityId: null, countyId: null };
  const queries: [string, () => Promise<unknown>][] = [
    ['stats.market (year)', () => caller.stats.market(all)],
    ['stats.market (one city)', () => caller.stats.market({ ...all, cityId: 9 })],
    ['stats.proceeds', () => caller.stats.proceeds(all)],
    ['stats.targets', () => caller.stats.targets(all)],
    ['stats.obligations', () => caller.stats.obligations(all)],
    ['stats.assessment', () => caller.stats.assessment({ ...all, year: year - 1 })],
    ['stats.public', () => caller.stats.public()],
  ];
  // From nothing: the answer worked out afresh, as for the first question after a start or after any
  // change (a settlement, a new target). Kept: the same question again before the next change,
  // answered from server/books/memo.ts.
  const rows: { query: string; p50: number; p95: number; keptP95: number }[] = [];
  for (const [name, q] of queries) {
    await q(); // warm the code paths
    const cold: number[] = [];
    const kept: number[] = [];
    for (let i = 0; i < runs; i++) {
      forgetKept(s.db);
      cold.push(await time(q)());
      kept.push(await time(q)());
    }
    rows.push({ query: name, p50: pct(cold, 0.5), p95: pct(cold, 0.95), keptP95: pct(kept, 0.95) });
  }
  const settled = Number((await s.db.select({ n: sql<number>`count(*)` }).from(trades).where(eq(trades.status, 'settled')).all())[0]!.n);
  const table = [
    `Dashboard queries in process, ${settled.toLocaleString('en')} settled trades, ${runs} runs each (${new Date().toISOString()})`,
    '',
    '| query | from nothing p50 ms | from nothing p95 ms | unchanged, kept p95 ms |',
    '|---|---:|---:|---:|',
    ...rows.map((r) => `| ${r.query} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.keptP95.toFixed(2)} |`),
  ].join('\n');
  console.log(table);
  fs.mkdirSync('bench/results', { recursive: true });
  fs.writeFileSync(`bench/results/dashboards-${scale}.md`, `${table}\n`);
  fs.writeFileSync(`bench/results/dashboards-${scale}.json`, JSON.stringify({ settled, runs, rows }, null, 2));
  await s.db.connection.close();
}

void main();
