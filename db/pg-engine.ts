// PostgreSQL, for operators who need a standby (docs/decisions/0017). A pool of connections
// (postgres.js, which follows a multi-host URL to whichever host is the primary); reads outside a
// transaction run on any of them at once. Every transaction first takes the market's write lock (one
// advisory lock), so writers run one after another as on SQLite and every check-then-write the code
// makes stays true until its commit, in this process and any other. Statements arrive in SQLite's
// dialect: their `?` placeholders are numbered here, once per text.
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { type Engine, type Method, RETRYABLE, type TransactionScope, currentTransaction, transactionScope } from './engine';
import { TransactionLost } from './sqlite-engine';

/** The key of the market's write lock (pg_advisory_xact_lock): any fixed number, the same in every process. */
const WRITE_LOCK = 2026_12_07;
/** Whole transactions tried again after a deadlock or serialization failure, at most. */
const RETRIES = 3;

type Sql = postgres.Sql<Record<string, never>>;

/**
 * A statement of SQLite's dialect as PostgreSQL reads it: the `?` placeholders numbered, and the
 * columns of an ON CONFLICT target unqualified (drizzle's SQLite dialect writes them with the table).
 */
export function toPostgres(text: string): string {
  return numberPlaceholders(text).replace(/ on conflict \(([^)]*)\)/g, (_, columns: string) => ` on conflict (${columns.replace(/"[^"]+"\./g, '')})`);
}

/** `?` placeholders numbered as `$1, $2, …`, outside quoted strings and identifiers. */
export function numberPlaceholders(text: string): string {
  let out = '';
  let n = 0;
  let quote: string | null = null;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === '?') {
      out += `$${++n}`;
    } else {
      out += ch;
    }
  }
  return out;
}

export class PgEngine implements Engine {
  readonly kind = 'pg' as const;
  private readonly texts = new Map<string, string>();

  constructor(
    readonly sql: Sql,
    readonly location: string,
  ) {}

  private text(sqliteText: string): string {
    let text = this.texts.get(sqliteText);
    if (text === undefined) {
      text = toPostgres(sqliteText);
      if (this.texts.size >= 5000) this.texts.clear();
      this.texts.set(sqliteText, text);
    }
    return text;
  }

  private on(): Sql {
    return (currentTransaction(this)?.connection as Sql | undefined) ?? this.sql;
  }

  async arrays(text: string, params: readonly unknown[], method: Method): Promise<unknown[]> {
    const query = this.on().unsafe(this.text(text), params as never[], { prepare: true });
    if (method === 'run') {
      await query;
      return [];
    }
    const rows = (await query.values()) as unknown as unknown[][];
    return method === 'get' ? (rows[0] as unknown[]) : rows;
  }

  async objects(text: string, params: readonly unknown[]): Promise<Record<string, unknown>[]> {
    return [...(await this.on().unsafe(this.text(text), params as never[], { prepare: true }))] as Record<string, unknown>[];
  }

  async exec(text: string): Promise<void> {
    await this.on().unsafe(text);
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (currentTransaction(this)) return this.savepoint(work);
    for (let attempt = 1; ; attempt++) {
      try {
        return (await this.sql.begin(async (tx) => {
          await tx.unsafe(`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`);
          const scope: TransactionScope = { engine: this, depth: 0, connection: tx };
          return transactionScope.run(scope, work);
        })) as T;
      } catch (error) {
        if (attempt >= RETRIES || !RETRYABLE.has((error as { code?: string }).code ?? '')) throw error;
      }
    }
  }

  async savepoint<T>(work: () => Promise<T>): Promise<T> {
    const scope = currentTransaction(this);
    if (!scope) throw new Error('a savepoint needs a transaction');
    const tx = scope.connection as Sql;
    const name = `sp${++scope.depth}`;
    try {
      await tx.unsafe(`SAVEPOINT ${name}`);
      try {
        const result = await work();
        await tx.unsafe(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        try {
          await tx.unsafe(`ROLLBACK TO SAVEPOINT ${name}`);
          await tx.unsafe(`RELEASE SAVEPOINT ${name}`);
        } catch {
          throw new TransactionLost(error);
        }
        throw error;
      }
    } finally {
      scope.depth--;
    }
  }

  /** The primary's WAL insert position: it moves with every commit (and sometimes without one). */
  async version(): Promise<string> {
    const [row] = await this.sql.unsafe('SELECT pg_current_wal_insert_lsn()::text AS v');
    return String(row!.v);
  }

  async close() {
    await this.sql.end({ timeout: 5 });
  }
}

/**
 * A pool on the database at `url` (a `postgres://` URL; several hosts and `target_session_attrs=primary`
 * make it follow a failover). bigint and numeric come back as numbers: money is fen and every sum of it
 * stays below 2^53.
 */
export function connectPostgres(url: string, options: { max?: number } = {}): Sql {
  return postgres(url, {
    max: options.max ?? 10,
    onnotice: () => undefined,
    transform: { undefined: null },
    types: {
      bigint: { to: 20, from: [20, 1700], serialize: (x: number) => String(x), parse: (x: string) => Number(x) },
    },
    connection: { application_name: 'quota-exchange' },
  }) as unknown as Sql;
}

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations-pg');

/** Applies the PostgreSQL migrations not yet applied, in order, each in a transaction, under the write lock. */
export async function migratePostgres(sql: Sql) {
  await sql.begin(async (tx) => {
    await tx.unsafe(`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`);
    await tx.unsafe('CREATE TABLE IF NOT EXISTS qx_migrations (name text PRIMARY KEY, applied_at bigint NOT NULL)');
    const applied = new Set((await tx.unsafe('SELECT name FROM qx_migrations')).map((r) => r.name as string));
    for (const file of fs.readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql')).sort()) {
      const name = file.replace(/\.sql$/, '');
      if (applied.has(name)) continue;
      await tx.unsafe(fs.readFileSync(path.join(migrationsFolder, file), 'utf8'));
      await tx.unsafe('INSERT INTO qx_migrations (name, applied_at) VALUES ($1, $2)', [name, Date.now()]);
    }
  });
}
