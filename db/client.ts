// The database connection: one per process, WAL, foreign keys on, migrations applied on open.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { sealAuditLog } from '@/server/data/audit';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** A transaction handle; data functions accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  // Bounds the WAL file after checkpoints (stack-notes.md, the `.get()` trap).
  sqlite.pragma('journal_size_limit = 67108864');
  const db = drizzle(sqlite, { schema });
  // A migration that rebuilds a table must run with foreign keys off (a PRAGMA inside its transaction is
  // ignored); they are checked as a whole before being switched on (sqlite.org/lang_altertable.html).
  sqlite.pragma('foreign_keys = OFF');
  migrate(db, { migrationsFolder });
  const broken = sqlite.pragma('foreign_key_check') as unknown[];
  if (broken.length > 0) throw new Error(`migration left ${broken.length} broken foreign keys`);
  sqlite.pragma('foreign_keys = ON');
  sealAuditLog(db);
  return db;
}

/**
 * Runs `fn` in one IMMEDIATE transaction: it takes the write lock at once, so two writers never
 * both read a balance and then both spend it. Synchronous: no await inside (conventions.md).
 */
export function inTransaction<T>(db: Db, fn: (tx: Tx) => T): T {
  return db.transaction(fn, { behavior: 'immediate' });
}

const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement<unknown[]>>>();

/**
 * A raw statement prepared once per connection, for the few statements every mutation runs (journal
 * postings, audit records): drizzle builds and prepares a statement on each call, which costs more
 * than SQLite running it (stack-notes.md; `npm run bench`). A transaction handle shares its
 * database's connection.
 */
export function prepared(db: DbOrTx, text: string): Database.Statement<unknown[]> {
  const client = (db as { $client?: Database.Database }).$client ?? (db as unknown as { session: { client: Database.Database } }).session.client;
  let cache = statementCache.get(client);
  if (!cache) statementCache.set(client, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) cache.set(text, (statement = client.prepare(text)));
  return statement;
}
