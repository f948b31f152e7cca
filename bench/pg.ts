// `npm run bench -- --db pg`: figures 1 and 2 on PostgreSQL, beside the same figures on SQLite from the
// same run (bench/run.ts) and beside the bare `pg` driver replaying the same statements. A throwaway
// cluster from Debian's binaries with PostgreSQL's durable defaults (every commit flushed to disk).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { type Db, openPostgresDatabase } from '@/db/client';
import type { Engine } from '@/db/engine';
import { toPostgres } from '@/db/pg-engine';
import { ManualClock } from '@/server/kernel/clock';
import { documentStore } from '@/server/kernel/document-store';
import { payTrade } from '@/server/market/settlement';
import { type Cluster, postgresInstalled, runOn, startCluster } from '@/server/testing/pg-cluster';
import { awardsToPay } from './awards';
import { serveArgs } from './serve';

type Write = { text: string; args: unknown[] };

/** Settlements per second through the service on PostgreSQL, and the bare driver replaying their writes. */
export async function settlementOnPostgres(cluster: Cluster, tmp: string) {
  await runOn(cluster.url(), 'CREATE DATABASE bench_settle');
  const dir = path.join(tmp, 'pg-settle');
  const clock = new ManualClock(Date.UTC(2026, 0, 5));
  let db: Db = await openPostgresDatabase(cluster.url('bench_settle'), dir);
  const s = { db, clock, documents: documentStore(path.join(dir, 'documents')) };
  const { zone, trades } = await awardsToPay(s, { max: 2000, ms: 30_000 });
  await db.connection.close();
  // The copy the reference replays on: the same tables, indexes and rows as the service meets.
  await runOn(cluster.url(), 'CREATE DATABASE bench_replay TEMPLATE bench_settle');

  db = await openPostgresDatabase(cluster.url('bench_settle'), dir);
  s.db = db;
  // Each payment's inserts, updates and deletes as the engine runs them, for the reference.
  const writes: Write[][] = [];
  let current: Write[] = [];
  const engine = db.connection.engine as Engine;
  for (const method of ['arrays', 'objects'] as const) {
    const original = engine[method].bind(engine) as (text: string, params: readonly unknown[], m?: never) => Promise<unknown>;
    (engine as unknown as Record<string, unknown>)[method] = (text: string, params: readonly unknown[], m?: never) => {
      if (/^\s*(insert|update|delete)\b/i.test(text)) current.push({ text, args: [...params] });
      return original(text, params, m);
    };
  }
  const started = performance.now();
  for (const id of trades) {
    current = [];
    await payTrade(s, zone, id);
    writes.push(current);
    if (performance.now() - started > 10_000) break;
  }
  const perSecond = writes.length / ((performance.now() - started) / 1000);
  await db.connection.close();

  // The reference: one transaction per settlement, the same statements and values, nothing read.
  const bare = new pg.Client({ connectionString: cluster.url('bench_replay') });
  await bare.connect();
  const names = new Map<string, string>();
  const bareStart = performance.now();
  for (const payment of writes) {
    await bare.query('BEGIN');
    for (const w of payment) {
      let name = names.get(w.text);
      if (!name) names.set(w.text, (name = `w${names.size}`));
      await bare.query({ name, text: toPostgres(w.text), values: w.args });
    }
    await bare.query('COMMIT');
  }
  const barePerSecond = writes.length / ((performance.now() - bareStart) / 1000);
  await bare.end();
  return { perSecond, barePerSecond, statementsEach: writes[0]?.length ?? 0, paid: writes.length };
}

/** A database for the app on PostgreSQL, the demo and the open auctions seeded into it: its URL. */
export async function seedAppOnPostgres(cluster: Cluster, dataDir: string, listings: number): Promise<string> {
  await runOn(cluster.url(), 'CREATE DATABASE bench_app');
  const url = cluster.url('bench_app');
  const env = { ...process.env, QX_DATA_DIR: dataDir, QX_DB: 'pg', QX_DATABASE_URL: url };
  execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/seed.ts'], { env, stdio: 'ignore' });
  execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/seed.ts', '--open-listings', String(listings)], { env, stdio: 'ignore' });
  return url;
}

/** Starts the app on a PostgreSQL database as `npm start` starts it. */
export function startOnPostgres(url: string, dataDir: string, port: number): ChildProcess {
  return spawn(process.execPath, serveArgs(), {
    env: { ...process.env, QX_DATA_DIR: dataDir, QX_DB: 'pg', QX_DATABASE_URL: url, QX_DEMO: '1', QX_MUTATIONS_PER_MINUTE_USER: '10000000', QX_MUTATIONS_PER_MINUTE_ADDRESS: '10000000', NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), AUTH_SECRET: 'bench-secret-not-for-production-use-00000000' },
    stdio: 'ignore',
    detached: true,
  });
}

/** The open auctions the bid load goes round, read from the app's PostgreSQL database. */
export async function openAuctionsOnPostgres(cluster: Cluster) {
  const [r] = await runOn(
    cluster.url('bench_app'),
    "select id, qty_milli_mu as qty, increment_fen_per_mu as increment, reserve_price_fen_per_mu as next, 0 as round from listings where status = 'approved' and min_lot_milli_mu = qty_milli_mu order by id",
  );
  return r!.rows.map((row: Record<string, unknown>) => ({ id: Number(row.id), qty: Number(row.qty), increment: Number(row.increment), next: Number(row.next), round: 0 }));
}

export async function withCluster<T>(tmp: string, run: (cluster: Cluster) => Promise<T>): Promise<T> {
  if (!postgresInstalled()) throw new Error('--db pg needs PostgreSQL 15 from Debian (apt-get install postgresql)');
  const cluster = await startCluster();
  try {
    return await run(cluster);
  } finally {
    cluster.remove();
    fs.rmSync(path.join(tmp, 'pg-settle'), { recursive: true, force: true });
  }
}
