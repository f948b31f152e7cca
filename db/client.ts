// The database connection: one per process, WAL, foreign keys on, migrations applied on open.
import path from 'node:path';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { createOwnerOnlyFile, createOwnerOnlyFolder, makeOwnerOnly } from './owner-only';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
declare const inTransactionBrand: unique symbol;
/**
 * The handle inside `inTransaction` and `inGroupCommit`: the database itself, its connection then in
 * the transaction, typed apart so that what writes (taking a Tx) cannot be called outside one.
 */
export type Tx = Db & { readonly [inTransactionBrand]: true };
/** What a read takes: the database, or a transaction reading what it has written so far. */
export type DbOrTx = Db | Tx;

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

export function openDatabase(file: string): Db {
  createOwnerOnlyFolder(path.dirname(file));
  // Owner-only before SQLite opens it: SQLite gives the -wal and -shm files the main file's mode.
  createOwnerOnlyFile(file);
  const sqlite = new Database(file);
  cacheStatements(sqlite);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  // Savepoints (a group commit's writes, below) journal the pages they change: in memory, not a temp file.
  sqlite.pragma('temp_store = MEMORY');
  // Bounds the WAL file after checkpoints (a write stepped by `.get()` never lets SQLite checkpoint its WAL).
  sqlite.pragma('journal_size_limit = 67108864');
  const db = drizzle(sqlite, { schema });
  // A migration that rebuilds a table must run with foreign keys off (a PRAGMA inside its transaction is
  // ignored); they are checked as a whole before being switched on (sqlite.org/lang_altertable.html).
  sqlite.pragma('foreign_keys = OFF');
  const applied = migrationCount(sqlite);
  migrate(db, { migrationsFolder });
  // The check reads every table (seconds on a large market), so only after a migration ran.
  if (migrationCount(sqlite) !== applied) {
    const broken = sqlite.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`migration left ${broken.length} broken foreign keys`);
  }
  sqlite.pragma('foreign_keys = ON');
  // Left by an earlier process with another mode, they keep it: tighten them too.
  for (const suffix of ['-wal', '-shm']) makeOwnerOnly(`${file}${suffix}`);
  return db;
}

function migrationCount(sqlite: Database.Database): number {
  const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  return table ? (sqlite.prepare('select count(*) n from __drizzle_migrations').get() as { n: number }).n : 0;
}

const transactionRunners = new WeakMap<Database.Database, Database.Transaction<(work: (tx: Tx) => unknown, tx: Tx) => unknown>>();

/**
 * Runs `fn` in one IMMEDIATE transaction: it takes the write lock at once, so two writers never
 * both read a balance and then both spend it. Synchronous: no await inside (docs/decisions/0011). Called
 * inside another, it runs in a savepoint of it. By better-sqlite3's own transaction on the connection,
 * handing `fn` the database itself: drizzle's `db.transaction` builds a transaction object with a query
 * builder for every table on each call, a twentieth of a bid's time (`npm run bench`, figure 2).
 */
export function inTransaction<T>(db: Db, fn: (tx: Tx) => T): T {
  let run = transactionRunners.get(db.$client);
  if (!run) transactionRunners.set(db.$client, (run = db.$client.transaction((work: (tx: Tx) => unknown, tx: Tx) => work(tx))));
  return run.immediate(fn, db as Tx) as T;
}

interface PendingWrite {
  work: (tx: Tx) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}
const pendingWrites = new WeakMap<Database.Database, PendingWrite[]>();

/**
 * Group commit: the writes submitted in one turn of the event loop run, in order, in one IMMEDIATE
 * transaction, each in its own savepoint, and each caller is answered once the whole group is
 * committed. A write that throws is rolled back to its savepoint alone and its caller gets the error;
 * the others stand. Committing costs a bid half its time when alone (the changed pages written to the
 * WAL), so the bids that crowd at an auction's close share it (`npm run bench`, figure 2;
 * docs/decisions/0005). `work` is synchronous, as every transaction here is.
 */
export function inGroupCommit<T>(db: Db, work: (tx: Tx) => T): Promise<T> {
  const client = clientOf(db);
  let group = pendingWrites.get(client);
  if (!group) {
    pendingWrites.set(client, (group = []));
    setImmediate(() => commitGroup(db, client));
  }
  const pending = group;
  return new Promise<T>((resolve, reject) => pending.push({ work, resolve: resolve as (value: unknown) => void, reject }));
}

function commitGroup(db: Db, client: Database.Database) {
  const group = pendingWrites.get(client) ?? [];
  pendingWrites.delete(client);
  if (group.length === 1) {
    const [only] = group as [PendingWrite];
    try {
      only.resolve(inTransaction(db, only.work));
    } catch (error) {
      only.reject(error);
    }
    return;
  }
  // better-sqlite3 runs a transaction function called inside a transaction as a savepoint.
  const inSavepoint = client.transaction((work: (tx: Tx) => unknown, tx: Tx) => work(tx));
  const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
  try {
    inTransaction(db, (tx) => {
      for (const { work } of group) {
        try {
          outcomes.push({ ok: true, value: inSavepoint(work, tx) });
        } catch (error) {
          // SQLite itself ended the transaction (a full disk, say): nothing of the group stands.
          if (!client.inTransaction) throw error;
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

const STATEMENT_CACHE_LIMIT = 1000;

/**
 * Every statement prepared once per connection and kept (the least recently used beyond a thousand
 * are dropped). drizzle prepares a fresh statement for each query it runs, and SQLite compiling it
 * costs more than running it (`npm run bench`, docs/decisions/0005). A statement is only ever run to
 * completion here (no iterate()), so sharing one is safe; drizzle switches a reader to raw rows when
 * it wants them, so a statement handed out again starts in the default mode.
 */
function cacheStatements(sqlite: Database.Database) {
  const compile = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement<unknown[]>>();
  sqlite.prepare = ((text: string) => {
    let statement = cache.get(text);
    if (statement) {
      cache.delete(text); // re-inserted below as the most recently used
      if (statement.reader) statement.raw(false);
    } else {
      statement = compile(text);
      if (cache.size >= STATEMENT_CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    }
    cache.set(text, statement);
    return statement;
  }) as typeof sqlite.prepare;
}

/** The connection behind a database or transaction handle (a transaction shares its database's). */
export function clientOf(db: DbOrTx): Database.Database {
  return (db as { $client?: Database.Database }).$client ?? (db as unknown as { session: { client: Database.Database } }).session.client;
}

/** A raw statement, for the few statements every mutation runs (journal postings, audit records). */
export function prepared(db: DbOrTx, text: string): Database.Statement<unknown[]> {
  return clientOf(db).prepare(text);
}

const reusableQueries = new WeakMap<Database.Database, Map<(db: DbOrTx) => unknown, unknown>>();

/**
 * A drizzle query built and prepared once per connection, then run with its `sql.placeholder`s filled
 * in: for the queries the hot paths (a bid, a settlement, every API call's user) run on each request,
 * where building the SQL costs drizzle several times what SQLite takes to run it (docs/decisions/0005).
 * `build` must be a module-level function: it is the cache key.
 */
export function reusable<T>(db: DbOrTx, build: (db: DbOrTx) => T): T {
  const client = clientOf(db);
  let queries = reusableQueries.get(client);
  if (!queries) reusableQueries.set(client, (queries = new Map()));
  let query = queries.get(build) as T | undefined;
  if (query === undefined) queries.set(build, (query = build(db)));
  return query;
}
