// WAL checkpoints from a worker thread: the connection checkpoints less often only while the worker
// runs, the worker's checkpoints reach the database file, and a stopped worker hands back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startCheckpointer } from './checkpointer';
import { type Db, openDatabase, sqliteOf } from '@/db/client';

let dir: string;
let file: string;
let db: Db;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qx-ckpt-'));
  file = path.join(dir, 'test.db');
  db = await openDatabase(file);
  await db.connection.exec('create table t (x integer not null)');
});
afterEach(async () => {
  if (sqliteOf(db)!.open) await db.connection.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const autoCheckpoint = () => sqliteOf(db)!.pragma('wal_autocheckpoint', { simple: true }) as number;
const until = async (done: () => boolean, what: string) => {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(done(), what).toBe(true);
};

it('checkpoints in the worker while the connection waits for 16,000 pages; the rows reach the database file', async () => {
  const seen: { checkpointed: number; log: number }[] = [];
  const checkpointer = startCheckpointer(db, file, { busyMs: 60_000, idleMs: 60_000, onCheckpoint: (r) => seen.push(r) });
  await until(() => autoCheckpoint() === 16_000, 'the connection leaves most checkpoints to the worker');
  const insert = db.connection.prepare('insert into t (x) values (?)');
  for (let i = 0; i < 300; i++) await insert.run(i); // 300 commits, fewer pages than either mark
  checkpointer.now();
  await until(() => seen.some((r) => r.log > 0 && r.checkpointed === r.log), 'a complete checkpoint');
  // The database file alone, without its WAL, holds every row.
  const copy = path.join(dir, 'copy.db');
  fs.copyFileSync(file, copy);
  const alone = new Database(copy, { readonly: true });
  expect((alone.prepare('select count(*) n from t').get() as { n: number }).n).toBe(300);
  alone.close();
  await checkpointer.stop();
  expect(autoCheckpoint()).toBe(1000);
});

it('comes again soon while the WAL grows, and rarely once it has stopped', async () => {
  const seen: { checkpointed: number; log: number }[] = [];
  const checkpointer = startCheckpointer(db, file, { busyMs: 20, idleMs: 60_000, onCheckpoint: (r) => seen.push(r) });
  await until(() => autoCheckpoint() === 16_000, 'the worker runs');
  const insert = db.connection.prepare('insert into t (x) values (?)');
  checkpointer.now(); // the first look: from here on, a grown WAL brings the worker back within 20 ms
  for (let i = 0; i < 60; i++) {
    await insert.run(i);
    await new Promise((r) => setTimeout(r, 5));
  }
  expect(seen.length, 'checkpoints while writing').toBeGreaterThanOrEqual(5);
  const atRest = seen.length;
  await new Promise((r) => setTimeout(r, 300));
  // One more look finds the last writes, the next finds nothing new and waits the idle minute.
  expect(seen.length - atRest).toBeLessThanOrEqual(2);
  await checkpointer.stop();
});

it('a worker that cannot open the database leaves the connection checkpointing by itself', async () => {
  const errors: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(args);
  try {
    startCheckpointer(db, path.join(dir, 'no-such-folder', 'x.db'));
    await until(() => errors.length > 0, 'the failure reported');
    expect(autoCheckpoint()).toBe(1000);
  } finally {
    console.error = original;
  }
});
