// Group commit (inGroupCommit) on SQLite: writes of one turn share a transaction, each in its own savepoint (on both engines: server/__tests__/write-turns.test.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Db, inGroupCommit, inTransaction, openDatabase, sqliteOf } from './client';

let dir: string;
let db: Db;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qx-group-'));
  db = await openDatabase(path.join(dir, 'test.db'));
  await db.connection.exec('create table t (x integer not null check (x >= 0))');
});
afterEach(async () => {
  await db.connection.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const rows = async () => ((await db.connection.prepare('select x from t order by rowid').all()) as { x: number }[]).map((r) => r.x);
const insert = (x: number) => async () =>
  (await db.connection.prepare<{ id: number }>('insert into t (x) values (?) returning rowid as id').get(x))!.id;
/** What another connection sees: only what is committed. */
const committedRows = () => {
  const other = new Database(path.join(dir, 'test.db'), { readonly: true });
  try {
    return (other.prepare('select x from t order by rowid').all() as { x: number }[]).map((r) => r.x);
  } finally {
    other.close();
  }
};

it('commits the writes of one turn together, in order, each answered with its own result', async () => {
  const seenByOthers: number[][] = [];
  const results = await Promise.all(
    [1, 2, 3, 4, 5].map((x) =>
      inGroupCommit(db, () => {
        seenByOthers.push(committedRows());
        return insert(x)();
      }),
    ),
  );
  expect(await rows()).toEqual([1, 2, 3, 4, 5]);
  expect(committedRows()).toEqual([1, 2, 3, 4, 5]);
  expect(results.map(Number)).toEqual([1, 2, 3, 4, 5]);
  // One transaction: until the group commits, another connection sees none of its writes.
  expect(seenByOthers).toEqual([[], [], [], [], []]);
  expect(sqliteOf(db)!.inTransaction).toBe(false);
});

it('a write alone in its turn runs in a transaction of its own, rolled back whole when it throws', async () => {
  await expect(
    inGroupCommit(db, async () => {
      await insert(7)();
      throw new Error('no');
    }),
  ).rejects.toThrow('no');
  expect(await rows()).toEqual([]);
  await inGroupCommit(db, insert(8));
  expect(await rows()).toEqual([8]);
});

it('when SQLite ends the transaction under a write, nothing of the group stands and every caller hears of it', async () => {
  const outcomes = await Promise.allSettled([
    inGroupCommit(db, insert(1)),
    inGroupCommit(db, async () => {
      await db.connection.exec('rollback'); // as SQLite does on a full disk
      throw new Error('disk full');
    }),
    inGroupCommit(db, insert(3)),
  ]);
  expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
  expect(await rows()).toEqual([]);
  expect(sqliteOf(db)!.inTransaction).toBe(false);
  // The connection goes on working.
  await inGroupCommit(db, insert(4));
  expect(await rows()).toEqual([4]);
});

it('writes of later turns form later groups, after the earlier ones', async () => {
  const first = inGroupCommit(db, insert(1));
  await first;
  const [a, b] = await Promise.all([inGroupCommit(db, () => rows()), inGroupCommit(db, insert(2))]);
  expect(a).toEqual([1]);
  expect(b).toBeDefined();
  expect(await rows()).toEqual([1, 2]);
});

it('a timer started inside a transaction writes outside it once it has ended, in a transaction of its own', async () => {
  let later: Promise<unknown> | undefined;
  await inTransaction(db, async () => {
    later = new Promise((resolve) => setTimeout(resolve, 20)).then(() => inTransaction(db, insert(2)));
  });
  // A later transaction, open when the timer fires and then rolled back: the timer's write is not in it.
  const failing = inTransaction(db, async () => {
    await insert(3)();
    await new Promise((resolve) => setTimeout(resolve, 60));
    throw new Error('rolled back');
  });
  await expect(failing).rejects.toThrow('rolled back');
  await later;
  expect(await rows()).toEqual([2]);
});

it('a turn with more writes than a group holds commits them all, in order, in groups that follow one another', async () => {
  const seenByOthers: number[] = [];
  const results = await Promise.all(
    Array.from({ length: 70 }, (_, i) =>
      inGroupCommit(db, async () => {
        seenByOthers.push(committedRows().length);
        return insert(i + 1)();
      }),
    ),
  );
  expect(await rows()).toEqual(Array.from({ length: 70 }, (_, i) => i + 1));
  expect(results).toEqual(Array.from({ length: 70 }, (_, i) => i + 1));
  // Three groups of at most 32: each sees the groups before it committed, and none of its own writes.
  expect([...new Set(seenByOthers)]).toEqual([0, 32, 64]);
});
