// How writers take turns, on the engine under test (`npm test` on SQLite, `npm run test:pg` on
// PostgreSQL): the group commit gathers what arrives while a group commits, a refused write rolls back
// alone, and on PostgreSQL a writer waiting for its turn holds no connection the reads need and one
// whose lock is refused is told why.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Db, inGroupCommit, inTransaction, together } from '@/db/client';
import { openTestDatabase, reopenTestDatabase, testEngine } from '@/server/testing/databases';
import { recordSignIn } from '@/server/users/queries';

let dir: string;
let db: Db;
let other: Db;
let drop: () => Promise<void>;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qx-turns-'));
  ({ db, drop } = await openTestDatabase(dir));
  await db.connection.exec('create table t (x integer not null check (x >= 0))');
  other = await reopenTestDatabase(db);
});
afterEach(async () => {
  await other.connection.close();
  await drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const insert = (x: number) => async () => (await db.connection.prepare<{ x: number }>('insert into t (x) values (?) returning x').get(x))!.x;
/** What another connection sees: only what is committed. */
const committed = async (on: Db = other) => ((await on.connection.prepare<{ x: number }>('select x from t order by x').all()) as { x: number }[]).map((r) => r.x);
const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 5));

it('writes that arrive, in different turns, while a group commits form the next group together', async () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const first = inGroupCommit(db, async () => {
    await gate;
    return insert(1)();
  });
  await nextTurn(); // the first group has begun
  const second = inGroupCommit(db, insert(2));
  await nextTurn();
  let seenByThird: number[] = [];
  const third = inGroupCommit(db, async () => {
    seenByThird = await committed();
    return insert(3)();
  });
  release();
  expect(await Promise.all([first, second, third])).toEqual([1, 2, 3]);
  // The second's write was not yet committed when the third ran: one transaction held both.
  expect(seenByThird).toEqual([1]);
  expect(await committed()).toEqual([1, 2, 3]);
});

it('a group write made inside a transaction runs in it, even inside a group', async () => {
  const inner = await inGroupCommit(db, async () => {
    await insert(1)();
    return inGroupCommit(db, insert(2));
  });
  expect(inner).toBe(2);
  await expect(
    inTransaction(db, async () => {
      await inGroupCommit(db, insert(3));
      throw new Error('rolled back');
    }),
  ).rejects.toThrow('rolled back');
  expect(await committed()).toEqual([1, 2]);
});

it('a refused write in a group rolls back alone and the writes after it stand', async () => {
  const outcomes = await Promise.allSettled([
    inGroupCommit(db, insert(1)),
    inGroupCommit(db, async () => {
      await insert(2)();
      throw new Error('refused after writing');
    }),
    inGroupCommit(db, insert(-1)), // the CHECK constraint
    inGroupCommit(db, insert(4)),
  ]);
  expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
  expect(String((outcomes[1] as PromiseRejectedResult).reason)).toContain('refused after writing');
  expect(String((outcomes[2] as PromiseRejectedResult).reason)).toMatch(/CHECK|check constraint/);
  expect(await committed()).toEqual([1, 4]);
});

it('writes started together: a failure is thrown once every one has ended, so nothing of them outlives its rollback', async () => {
  let lateWriteEnded = false;
  const outcomes = await Promise.allSettled([
    inGroupCommit(db, insert(1)),
    inGroupCommit(db, () =>
      together([
        insert(2)(),
        (async () => {
          await insert(3)();
          await new Promise((resolve) => setTimeout(resolve, 50)); // still running when the next one fails
          try {
            return await insert(5)();
          } finally {
            lateWriteEnded = true;
          }
        })(),
        insert(-1)(), // the CHECK constraint
      ]),
    ),
    inGroupCommit(db, insert(4)),
  ]);
  expect(lateWriteEnded).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 100)); // anything still running would have written by now
  expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  // The first failure is the one thrown, not what followed from it.
  expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/CHECK|check constraint/);
  expect(await committed()).toEqual([1, 4]);
  expect(await together([insert(6)(), insert(7)()])).toEqual([6, 7]);
});

it.skipIf(testEngine() !== 'pg')('on PostgreSQL, writers waiting for their turn leave the pool to the reads', async () => {
  // `other` has a pool of two connections: one writer holds one, and the waiting writers hold none.
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const writes = [
    inTransaction(other, async () => {
      await gate;
      await other.connection.prepare('insert into t (x) values (?)').run(1);
    }),
    ...[2, 3, 4].map((x) => inTransaction(other, async () => void (await other.connection.prepare('insert into t (x) values (?)').run(x)))),
  ];
  await nextTurn();
  const read = committed(other);
  const answered = await Promise.race([read.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 3000))]);
  release();
  await Promise.all(writes);
  expect(answered).toBe(true);
  expect(await read).toEqual([]);
  expect(await committed()).toEqual([1, 2, 3, 4]);
});

it.skipIf(testEngine() !== 'pg')('on PostgreSQL, a writer whose lock is refused is told why, not what followed from it', async () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const holding = inTransaction(db, async () => {
    await insert(1)();
    await gate;
  });
  await nextTurn();
  // Its lock is asked for in the same round trip as its first statement.
  const refused = inTransaction(other, async () => void (await other.connection.prepare('insert into t (x) values (?)').run(2)));
  refused.catch(() => undefined);
  // The wait for the lock cancelled from outside, as an operator's pg_cancel_backend or a lock_timeout does.
  const cancel = db.connection.prepare("select pg_cancel_backend(pid) as cancelled from pg_stat_activity where wait_event_type = 'Lock' and query like '%pg_advisory_xact_lock%'");
  for (let i = 0; i < 200 && (await cancel.all()).length === 0; i++) await nextTurn();
  await expect(refused).rejects.toMatchObject({ code: '57014' });
  release();
  await holding;
  expect(await committed()).toEqual([1]);
});

it('writes outside a transaction take turns with every writer, from any process: each sign-in gets its own number', async () => {
  const at = Date.UTC(2026, 0, 5);
  // Two processes' worth of connections, each recording sign-ins at once, as users sign in together.
  await Promise.all(Array.from({ length: 24 }, (_, i) => recordSignIn(i % 2 ? db : other, { at, username: `user${i}`, userId: null, address: '127.0.0.1', outcome: 'failure' })));
  const ids = (await db.connection.prepare<{ id: number }>('select id from sign_ins order by id').all()).map((r) => r.id);
  expect(ids).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
});
