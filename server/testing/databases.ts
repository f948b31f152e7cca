// A test's own database on the engine under test: a new SQLite file in `dir`, or (QX_TEST_DB=pg, from
// `npm run test:pg`) a new PostgreSQL database copied from the migrated template.
import path from 'node:path';
import { type Db, openDatabase, openPostgresDatabase } from '@/db/client';
import { runOn } from './pg-cluster';
import { TEMPLATE, onDatabase } from './pg-global-setup';

export const testEngine = (): 'sqlite' | 'pg' => (process.env.QX_TEST_DB === 'pg' ? 'pg' : 'sqlite');

let made = 0;

export async function openTestDatabase(dir: string): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (testEngine() === 'sqlite') {
    const db = await openDatabase(path.join(dir, 'test.db'));
    return { db, drop: () => db.connection.close() };
  }
  const base = process.env.QX_TEST_PG_URL;
  if (!base) throw new Error('QX_TEST_DB=pg: run through `npm run test:pg` (its global setup starts the cluster)');
  const name = `qx_test_${process.pid}_${++made}`;
  await runOn(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`);
  const db = await openPostgresDatabase(onDatabase(base, name), dir, { max: 4 });
  return {
    db,
    drop: async () => {
      await db.connection.close();
      await runOn(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** A second handle on a test database, as after a restart: the same SQLite file, or the same PostgreSQL database and data folder. */
export async function reopenTestDatabase(db: Db): Promise<Db> {
  if (db.connection.kind === 'sqlite') return openDatabase(db.connection.name);
  const base = process.env.QX_TEST_PG_URL!;
  return openPostgresDatabase(onDatabase(base, db.connection.name), db.connection.folder, { max: 2 });
}
