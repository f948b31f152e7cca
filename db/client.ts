// The database: one per process, behind one seam for both engines (db/engine.ts). The code sees
// drizzle's asynchronous SQLite database whichever engine runs the statements, and `connection` for
// the few raw statements. Migrations are applied on open.
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle as drizzleSync } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { type SqliteRemoteDatabase, drizzle } from 'drizzle-orm/sqlite-proxy';
import { type Engine, type EngineKind, TransactionLost, currentTransaction } from './engine';
import { createOwnerOnlyFile, createOwnerOnlyFolder, makeOwnerOnly } from './owner-only';
import * as schema from './schema';
import { PgEngine, PrimaryPool, migratePostgres, parseUrl } from './pg-engine';
import { SqliteEngine } from './sqlite-engine';

/** A raw statement on the engine, in SQLite's dialect with `?` placeholders. */
export interface Statement<R = Record<string, unknown>> {
  all(...params: unknown[]): Promise<R[]>;
  get(...params: unknown[]): Promise<R | undefined>;
  run(...params: unknown[]): Promise<void>;
  /** Rows as arrays of column values, in the statement's column order. */
  raw(): { all(...params: unknown[]): Promise<unknown[][]>; get(...params: unknown[]): Promise<unknown[] | undefined> };
}

/** The engine under a database handle, for raw statements and what differs between engines. */
export interface Connection {
  readonly engine: Engine;
  readonly kind: EngineKind;
  /** The SQLite file, or the PostgreSQL database's name. */
  readonly name: string;
  /** The data folder that goes with the database: uploaded documents, the document secret, logs. */
  readonly folder: string;
  prepare<R = Record<string, unknown>>(text: string): Statement<R>;
  exec(text: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The database. drizzle's raw `db.all(sql…)` / `db.get(sql…)` answer rows as arrays of values (its proxy
 * maps only what its builder selected): raw statements that want objects go through `connection.prepare`.
 */
export type Db = SqliteRemoteDatabase<typeof schema> & { readonly connection: Connection };
declare const inTransactionBrand: unique symbol;
/**
 * The handle inside `inTransaction` and `inGroupCommit`: the database itself, its statements then in
 * the transaction, typed apart so that what writes (taking a Tx) cannot be called outside one.
 */
export type Tx = Db & { readonly [inTransactionBrand]: true };
/** What a read takes: the database, or a transaction reading what it has written so far. */
export type DbOrTx = Db | Tx;

function connectionOf(engine: Engine, folder: string): Connection {
  return {
    engine,
    kind: engine.kind,
    name: engine.location,
    folder,
    prepare<R>(text: string): Statement<R> {
      return {
        all: async (...params) => (await engine.objects(text, params)) as R[],
        get: async (...params) => (await engine.objects(text, params))[0] as R | undefined,
        run: async (...params) => void (await engine.arrays(text, params, 'run')),
        raw: () => ({
          all: async (...params) => (await engine.arrays(text, params, 'all')) as unknown[][],
          get: async (...params) => (await engine.arrays(text, params, 'get')) as unknown[] | undefined,
        }),
      };
    },
    exec: (text) => engine.exec(text),
    close: () => engine.close(),
  };
}

/** The drizzle database over an engine: drizzle builds SQLite's dialect, the engine runs it. */
export function databaseOn(engine: Engine, folder: string): Db {
  const db = drizzle(async (text, params, method) => ({ rows: await engine.arrays(text, params, method) }), { schema });
  return Object.assign(db, { connection: connectionOf(engine, folder) });
}

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/** The embedded SQLite database in `file`, created and migrated when needed. */
export async function openDatabase(file: string): Promise<Db> {
  createOwnerOnlyFolder(path.dirname(file));
  // Owner-only before SQLite opens it: SQLite gives the -wal and -shm files the main file's mode.
  createOwnerOnlyFile(file);
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  // Savepoints (a group commit's writes, below) journal the pages they change: in memory, not a temp file.
  sqlite.pragma('temp_store = MEMORY');
  // Bounds the WAL file after checkpoints (a write stepped by `.get()` never lets SQLite checkpoint its WAL).
  sqlite.pragma('journal_size_limit = 67108864');
  // A migration that rebuilds a table must run with foreign keys off (a PRAGMA inside its transaction is
  // ignored); they are checked as a whole before being switched on (sqlite.org/lang_altertable.html).
  sqlite.pragma('foreign_keys = OFF');
  const applied = migrationCount(sqlite);
  migrate(drizzleSync(sqlite), { migrationsFolder });
  // The check reads every table (seconds on a large market), so only after a migration ran.
  if (migrationCount(sqlite) !== applied) {
    const broken = sqlite.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`migration left ${broken.length} broken foreign keys`);
  }
  sqlite.pragma('foreign_keys = ON');
  // Left by an earlier process with another mode, they keep it: tighten them too.
  for (const suffix of ['-wal', '-shm']) makeOwnerOnly(`${file}${suffix}`);
  return databaseOn(new SqliteEngine(sqlite), path.dirname(path.resolve(file)));
}

/**
 * The PostgreSQL database at `url` (postgres://…), migrated when needed (db/migrations-pg); `folder` is
 * the data folder that goes with it.
 */
export async function openPostgresDatabase(url: string, folder: string, options: { max?: number } = {}): Promise<Db> {
  const target = parseUrl(url);
  const pools = new PrimaryPool(target, options.max ?? 10);
  try {
    await migratePostgres(pools);
  } catch (error) {
    await pools.end();
    throw error;
  }
  return databaseOn(new PgEngine(pools, target.database), folder);
}

function migrationCount(sqlite: Database.Database): number {
  const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  return table ? (sqlite.prepare('select count(*) n from __drizzle_migrations').get() as { n: number }).n : 0;
}

/** The better-sqlite3 connection under an SQLite database, for what only SQLite has (backup, pragmas); null on PostgreSQL. */
export function sqliteOf(db: DbOrTx): Database.Database | null {
  const engine = db.connection.engine;
  return engine instanceof SqliteEngine ? engine.sqlite : null;
}

/**
 * Runs `fn` in one transaction holding the market's write lock, so two writers never both read a
 * balance and then both spend it (docs/decisions/0017). Called inside another, it runs in a savepoint
 * of it. The handle `fn` gets is the database itself: its statements run in the transaction.
 */
export function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.connection.engine.transaction(() => fn(db as Tx));
}

interface PendingWrite {
  work: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}
/** An engine's groups not yet begun, in order, and whether one is being committed. */
interface Groups {
  queued: PendingWrite[][];
  committing: boolean;
}
const groupsOf = new WeakMap<Engine, Groups>();
/** Writes in one group at the most: PostgreSQL slows down past 64 subtransactions in one transaction. */
const MAX_GROUP = 32;

/**
 * Group commit: the writes submitted while the engine's previous group commits (or in one turn of the
 * event loop, when none does) run, in order, in one transaction, each in its own savepoint, and each
 * caller is answered once the whole group is committed. A write that throws is rolled back to its
 * savepoint alone and its caller gets the error; the others stand. Committing costs a bid half its time
 * when alone (the changed pages written to disk), so the bids that crowd at an auction's close share it
 * (`npm run bench`, figure 2; docs/decisions/0005). One group at a time: a second would only wait for
 * the write lock, holding a connection the reads need.
 */
export function inGroupCommit<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  const engine = db.connection.engine;
  // Already in a transaction (a group's own write among them): a savepoint of it, never a later group it would wait for.
  if (currentTransaction(engine)) return inTransaction(db, work);
  let groups = groupsOf.get(engine);
  if (!groups) groupsOf.set(engine, (groups = { queued: [], committing: false }));
  let group = groups.queued.at(-1);
  if (!group || group.length >= MAX_GROUP) groups.queued.push((group = []));
  if (!groups.committing) {
    groups.committing = true;
    const all = groups;
    setImmediate(() => void commitGroups(db, all));
  }
  const pending = group;
  return new Promise<T>((resolve, reject) => pending.push({ work, resolve: resolve as (value: unknown) => void, reject }));
}

async function commitGroups(db: Db, groups: Groups) {
  try {
    for (let group = groups.queued.shift(); group; group = groups.queued.shift()) await commitGroup(db, group);
  } finally {
    groups.committing = false;
  }
}

async function commitGroup(db: Db, group: PendingWrite[]) {
  const engine = db.connection.engine;
  if (group.length === 1) {
    const [only] = group as [PendingWrite];
    try {
      only.resolve(await inTransaction(db, only.work));
    } catch (error) {
      only.reject(error);
    }
    return;
  }
  const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
  try {
    await inTransaction(db, async (tx) => {
      for (const { work } of group) {
        try {
          outcomes.push({ ok: true, value: await engine.savepoint(() => work(tx)) });
        } catch (error) {
          // The engine ended the transaction itself (a full disk, a lost connection): nothing of the group stands.
          if (error instanceof TransactionLost) throw error.reason;
          outcomes.push({ ok: false, error });
        }
      }
    });
  } catch (error) {
    for (const { reject } of group) reject(error);
    return;
  }
  group.forEach(({ resolve, reject }, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) resolve(outcome.value);
    else reject(outcome.error);
  });
}

/**
 * Statements started together: on PostgreSQL, pipelined into one round trip in a transaction, or on
 * several of the pool's connections at once outside one. Their results in order, or the first error to
 * arrive, thrown only once every one of them has ended, so that nothing a failed write began still
 * runs after its savepoint is rolled back.
 */
export async function together<const T extends readonly Promise<unknown>[]>(work: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  let failed: { error: unknown } | undefined;
  const settled = await Promise.allSettled(
    work.map((p) =>
      p.catch((error: unknown) => {
        failed ??= { error };
        throw error;
      }),
    ),
  );
  if (failed) throw failed.error;
  return settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> };
}

/** A raw statement, for the few statements every mutation runs (journal postings, audit records). */
export function prepared<R = Record<string, unknown>>(db: DbOrTx, text: string): Statement<R> {
  return db.connection.prepare<R>(text);
}

const reusableQueries = new WeakMap<DbOrTx, Map<(db: DbOrTx) => unknown, unknown>>();

/**
 * A drizzle query built and prepared once per database handle, then run with its `sql.placeholder`s filled
 * in: for the queries the hot paths (a bid, a settlement, every API call's user) run on each request,
 * where building the SQL costs drizzle several times what SQLite takes to run it (docs/decisions/0005).
 * `build` must be a module-level function: it is the cache key.
 */
export function reusable<T>(db: DbOrTx, build: (db: DbOrTx) => T): T {
  let queries = reusableQueries.get(db);
  if (!queries) reusableQueries.set(db, (queries = new Map()));
  let query = queries.get(build) as T | undefined;
  if (query === undefined) queries.set(build, (query = build(db)));
  return query;
}
