// `npm run bench:dashboards [-- --scale N]`: times every dashboard query in process on a database of
// N synthetic trades (default 100,000; made once by the seed generator and kept in bench/data), and
// prints p50/p95 per query. Writes bench/results/dashboards-N.md and .json. Figures, not assertions.
// `-- --db pg` also makes the same N trades on a throwaway PostgreSQL cluster (about 100 trades a
// second here: keep N small) and prints both engines side by side (dashboards-N-pg.md).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { type Db, openDatabase, openPostgresDatabase } from '@/db/client';
import { organisations, trades, users } from '@/db/schema';
import { seedDemo } from '@/server/demo/seed-demo';
import { seedSynthetic } from '@/server/demo/synthetic';
import { forgetKept } from '@/server/books/memo';
import { createCaller } from '@/server/app-router';
import { systemClock } from '@/server/kernel/clock';
import { sessionUser } from '@/server/users/queries';
import { documentStore } from '@/server/kernel/document-store';
import { DAY_MS } from '@/server/kernel/china-time';
import { type Cluster, runOn, startCluster } from '@/server/testing/pg-cluster';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '100000' }, runs: { type: 'string', default: '30' }, db: { type: 'string', default: 'sqlite' } } });
if (values.db !== 'sqlite' && values.db !== 'pg') throw new Error('--db is sqlite or pg');
const scale = Number(values.scale);
const runs = Number(values.runs);
const dir = path.resolve('bench/data', `dashboards-${scale}`);

/** The database of `scale` settled trades: the kept SQLite file, or a database on `cluster`. */
async function database(cluster?: Cluster) {
  let db: Db;
  let folder = dir;
  if (cluster) {
    await runOn(cluster.url(), 'CREATE DATABASE dashboards');
    folder = path.join(cluster.dir, 'app');
    db = await openPostgresDatabase(cluster.url('dashboards'), folder);
  } else {
    fs.mkdirSync(dir, { recursive: true });
    db = await openDatabase(path.join(dir, 'quota-exchange.db'));
  }
  const s = { db, clock: systemClock, documents: documentStore(path.join(folder, 'documents')) };
  if ((await s.db.select().from(organisations).limit(1).all()).length === 0) await seedDemo(s);
  const have = Number((await s.db.select({ n: sql<number>`count(*)` }).from(trades).where(eq(trades.status, 'settled')).all())[0]!.n);
  if (have < scale) {
    console.log(`Generating ${scale - have} synthetic trades (${cluster ? 'on PostgreSQL' : `once; kept in ${dir}`}) …`);
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

type Row = { query: string; p50: number; p95: number; keptP95: number };

async function measure(s: { db: Db; clock: typeof systemClock; documents: ReturnType<typeof documentStore> }): Promise<{ settled: number; rows: Row[] }> {
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
  const rows: Row[] = [];
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
  return { settled, rows };
}

function write(name: string, table: string, json: unknown) {
  console.log(table);
  fs.mkdirSync('bench/results', { recursive: true });
  fs.writeFileSync(`bench/results/${name}.md`, `${table}\n`);
  fs.writeFileSync(`bench/results/${name}.json`, JSON.stringify(json, null, 2));
}

async function main() {
  const s = await database();
  const { settled, rows } = await measure(s);
  await s.db.connection.close();
  if (values.db === 'pg') {
    const cluster = await startCluster();
    try {
      const p = await database(cluster);
      const onPg = await measure(p);
      await p.db.connection.close();
      const table = [
        `Dashboard queries in process on both engines, ${settled.toLocaleString('en')} settled trades on SQLite and ${onPg.settled.toLocaleString('en')} on PostgreSQL (the same generator and seed), ${runs} runs each (${new Date().toISOString()})`,
        '',
        '| query | SQLite from nothing p50 ms | p95 | PostgreSQL from nothing p50 ms | p95 | PostgreSQL p95 ÷ SQLite p95 | kept p95 ms, SQLite | PostgreSQL |',
        '|---|---:|---:|---:|---:|---:|---:|---:|',
        ...rows.map((r, i) => {
          const q = onPg.rows[i]!;
          return `| ${r.query} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${q.p50.toFixed(1)} | ${q.p95.toFixed(1)} | ${(q.p95 / r.p95).toFixed(2)}× | ${r.keptP95.toFixed(2)} | ${q.keptP95.toFixed(2)} |`;
        }),
      ].join('\n');
      write(`dashboards-${scale}-pg`, table, { settled, runs, sqlite: rows, pg: onPg });
    } finally {
      cluster.remove();
    }
    return;
  }
  const table = [
    `Dashboard queries in process, ${settled.toLocaleString('en')} settled trades, ${runs} runs each (${new Date().toISOString()})`,
    '',
    '| query | from nothing p50 ms | from nothing p95 ms | unchanged, kept p95 ms |',
    '|---|---:|---:|---:|',
    ...rows.map((r) => `| ${r.query} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.keptP95.toFixed(2)} |`),
  ].join('\n');
  write(`dashboards-${scale}`, table, { settled, runs, rows });
}

void main();
