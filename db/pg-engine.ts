// PostgreSQL, for operators who need a standby (docs/decisions/0017). A pool of connections
// (node-postgres) on the primary; reads outside a transaction run on any of them at once. Every
// transaction first takes the market's write lock (one advisory lock), so writers run one after
// another as on SQLite and every check-then-write the code makes stays true until its commit, in this
// process and any other. Statements arrive in SQLite's dialect: their `?` placeholders are numbered
// here, once per text. A URL may name several hosts (`postgres://u@h1:5432,h2:5432/db`): the pool
// goes to whichever of them is the primary, and looks again when its connections fail.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { type Engine, type Method, TransactionLost, type TransactionScope, currentTransaction, transactionScope } from './engine';

/** The key of the market's write lock (pg_advisory_xact_lock): any fixed number, the same in every process. */
const WRITE_LOCK = 2026_12_07;
/** Whole transactions tried again after a deadlock or serialization failure, at most: nothing of them was kept. */
const RETRIES = 3;
const RETRYABLE = new Set(['40001', '40P01']);

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

/** bigint (money in fen, times in ms) and numeric (sums of them) come back as numbers: every one stays below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 || oid === 1700 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** A statement that changes rows (what drizzle and the raw statements begin a write with). */
const WRITES = /^\s*(insert|update|delete|with\b[\s\S]*\b(insert|update|delete)\b)/i;

/** Errors after which the pool's host may no longer be the primary: its connections are given up. */
const LOST = /^(08|57P0)/;
const lostConnection = (e: unknown) => {
  const code = (e as { code?: string }).code ?? '';
  return LOST.test(code) || code === '25006' || code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EPIPE' || /Connection terminated|not queryable/.test(String((e as Error).message));
};

interface Target {
  user: string;
  password: string | undefined;
  database: string;
  hosts: { host: string; port: number }[];
}

/** Where PostgreSQL's Debian packages put the local socket: the host when a URL names none (as libpq). */
const DEBIAN_SOCKET_FOLDER = '/var/run/postgresql';

/**
 * A postgres:// URL with one host or several, comma-separated, as libpq reads it: in the address
 * (`postgres://u:p@db1:5432,db2:5432/db`) or as `?host=…&port=…`. A host that is a folder (`/var/run/
 * postgresql`, or `%2F…` in the address) is the server's Unix socket there; none at all is Debian's.
 */
export function parseUrl(url: string): Target {
  const m = /^postgres(?:ql)?:\/\/(?:([^:@/]+)(?::([^@/]*))?@)?([^/?]*)(?:\/([^?]*))?(?:\?(.*))?$/.exec(url);
  if (!m) throw new Error('not a postgres:// URL');
  const query = new URLSearchParams(m[5] ?? '');
  const named = (query.get('host') ?? m[3]!).split(',').filter((h) => h !== '');
  const ports = (query.get('port') ?? '').split(',').filter((p) => p !== '');
  const hosts = (named.length ? named : [DEBIAN_SOCKET_FOLDER]).map((h, i) => {
    const decoded = decodeURIComponent(h);
    // host:port in the address; a socket folder has no port of its own there
    const [host, port] = decoded.startsWith('/') || query.has('host') ? [decoded, undefined] : decoded.split(':');
    const given = port ?? ports[i] ?? ports[0] ?? '5432';
    const chosen = Number(given);
    if (!Number.isInteger(chosen) || chosen < 1 || chosen > 65535) throw new Error(`not a port: ${given}`);
    return { host: host!, port: chosen };
  });
  return { user: decodeURIComponent(m[1] ?? 'postgres'), password: m[2] === undefined ? undefined : decodeURIComponent(m[2]), database: decodeURIComponent(m[4] || 'postgres'), hosts };
}

/** A pool on whichever host is the primary; found again after a failover. */
export class PrimaryPool {
  private current: { pool: pg.Pool; host: string } | null = null;
  private finding: Promise<pg.Pool> | null = null;
  private closed = false;

  constructor(
    private readonly target: Target,
    private readonly max: number,
  ) {}

  private config(h: { host: string; port: number }): pg.PoolConfig {
    // Pipelined: a statement is sent without waiting for the answers to those before it on the same
    // connection (answers still come in order), so statements a transaction starts together share
    // one round trip. Connections stay open when idle: a new one is a new backend process, whose
    // first statements load its catalog caches and prepare every statement again, tens of ms in all,
    // and it would be opened just when bids crowd again after a quiet spell (an auction's close).
    return { host: h.host, port: h.port, user: this.target.user, password: this.target.password, database: this.target.database, max: this.max, idleTimeoutMillis: 0, types, application_name: 'quota-exchange', connectionTimeoutMillis: 5000, pipeline: true };
  }

  /** The pool on the primary, looking for it if there is none. */
  pool(): Promise<pg.Pool> {
    if (this.current) return Promise.resolve(this.current.pool);
    this.finding ??= this.find().finally(() => (this.finding = null));
    return this.finding;
  }

  private async find(): Promise<pg.Pool> {
    const errors: string[] = [];
    for (const h of this.target.hosts) {
      const client = new pg.Client(this.config(h));
      try {
        await client.connect();
        const { rows } = await client.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby');
        if (rows[0]!.standby && this.target.hosts.length > 1) {
          errors.push(`${h.host}:${h.port} is a standby`);
          continue;
        }
        if (this.closed) throw new Error('the database is closed');
        const pool = new pg.Pool(this.config(h));
        // An idle connection that breaks (the server gone) is dropped, and the primary looked for again.
        pool.on('error', () => this.lost(pool));
        // A connection that breaks while checked out (mid-transaction) fails its next query: that is
        // where the error is handled, not as an event that would end the process.
        pool.on('connect', (client) => client.on('error', () => this.lost(pool)));
        this.current = { pool, host: `${h.host}:${h.port}` };
        return pool;
      } catch (e) {
        errors.push(`${h.host}:${h.port}: ${(e as Error).message}`);
      } finally {
        await client.end().catch(() => undefined);
      }
    }
    throw Object.assign(new Error(`no primary among ${errors.join('; ')}`), { code: '08001' });
  }

  /** The pool's host failed: later callers look for the primary again. */
  lost(pool: pg.Pool) {
    if (this.current?.pool !== pool) return;
    this.current = null;
    void pool.end().catch(() => undefined);
  }

  async end() {
    this.closed = true;
    await this.current?.pool.end();
    this.current = null;
  }
}

export class PgEngine implements Engine {
  readonly kind = 'pg' as const;
  private readonly texts = new Map<string, { text: string; name: string }>();
  /** This process's writers, in turn: they wait here, not on the write lock with a connection the reads need; the next one goes to the lock as COMMIT is sent. */
  private writers: Promise<void> = Promise.resolve();

  constructor(
    readonly pools: PrimaryPool,
    readonly location: string,
  ) {}

  /** The statement as PostgreSQL reads it, and a name to prepare it under once per connection. */
  private statement(sqliteText: string) {
    let statement = this.texts.get(sqliteText);
    if (statement === undefined) {
      if (this.texts.size >= 5000) this.texts.clear();
      statement = { text: toPostgres(sqliteText), name: `qx${this.texts.size}_${hash(sqliteText)}` };
      this.texts.set(sqliteText, statement);
    }
    return statement;
  }

  /** Runs a query in the caller's transaction, or on the pool. */
  private async query(config: pg.QueryConfig | pg.QueryArrayConfig): Promise<pg.QueryResult> {
    const scope = currentTransaction(this);
    if (scope) return (scope.connection as pg.PoolClient).query(config as pg.QueryConfig);
    // A write outside a transaction takes the write lock like any other, as on SQLite: an id it
    // numbers or a row it changes is never another writer's at the same moment.
    if (WRITES.test(config.text)) return this.transaction(() => this.query(config));
    const pool = await this.pools.pool();
    try {
      return await pool.query(config as pg.QueryConfig);
    } catch (e) {
      if (lostConnection(e)) this.pools.lost(pool);
      throw e;
    }
  }

  async arrays(text: string, params: readonly unknown[], method: Method): Promise<unknown[]> {
    const { text: pgText, name } = this.statement(text);
    const result = await this.query({ text: pgText, name, values: params as unknown[], rowMode: 'array' });
    if (method === 'run') return [];
    return method === 'get' ? (result.rows[0] as unknown[]) : (result.rows as unknown[]);
  }

  async objects(text: string, params: readonly unknown[]): Promise<Record<string, unknown>[]> {
    const { text: pgText, name } = this.statement(text);
    return (await this.query({ text: pgText, name, values: params as unknown[] })).rows as Record<string, unknown>[];
  }

  async exec(text: string): Promise<void> {
    await this.query({ text });
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (currentTransaction(this)) return this.savepoint(work);
    const turn = this.writers;
    let done!: () => void;
    this.writers = new Promise((resolve) => (done = resolve));
    await turn;
    try {
      return await this.transactionOnce(work, done);
    } finally {
      done();
    }
  }

  /**
   * One transaction, tried again after a deadlock or serialization failure. The write lock is asked
   * for in the same round trip as the work's first statements, which PostgreSQL runs once it is
   * granted; `committing` is called as COMMIT is sent, so that the next writer's lock and first
   * statements are already waiting in PostgreSQL when this one's commit lets them go.
   */
  private async transactionOnce<T>(work: () => Promise<T>, committing: () => void): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const pool = await this.pools.pool();
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (e) {
        if (lostConnection(e)) this.pools.lost(pool);
        throw e;
      }
      let broken: unknown;
      const begun = client.query(`BEGIN; SELECT pg_advisory_xact_lock(${WRITE_LOCK})`);
      begun.catch(() => undefined);
      try {
        const scope: TransactionScope = { engine: this, depth: 0, connection: client, open: true };
        try {
          const result = await transactionScope.run(scope, work);
          await begun;
          const committed = client.query('COMMIT');
          committing();
          await committed;
          return result;
        } finally {
          scope.open = false;
        }
      } catch (caught) {
        // When BEGIN or the lock failed, every statement after them did too: theirs is the reason.
        const error = (await begun.then(() => null, (e: unknown) => e)) ?? caught;
        await client.query('ROLLBACK').catch((e: unknown) => (broken = e));
        if (lostConnection(error)) {
          broken = error;
          this.pools.lost(pool);
        }
        if (attempt >= RETRIES || !RETRYABLE.has((error as { code?: string }).code ?? '')) throw error;
      } finally {
        client.release(broken instanceof Error ? broken : undefined);
      }
    }
  }

  /**
   * An outermost savepoint is released with the next command, not on its own (the group commit's
   * next member begins `RELEASE …; SAVEPOINT …` in one round trip); one never released is committed
   * with its transaction all the same.
   */
  private readonly unreleased = new WeakMap<TransactionScope, string>();

  async savepoint<T>(work: () => Promise<T>): Promise<T> {
    const scope = currentTransaction(this);
    if (!scope) throw new Error('a savepoint needs a transaction');
    const client = scope.connection as pg.PoolClient;
    const name = `sp${++scope.depth}`;
    try {
      const earlier = this.unreleased.get(scope);
      this.unreleased.delete(scope);
      // Not waited for: the work's first statement goes in the same round trip. If the savepoint
      // fails, so does every statement after it, and the work with them.
      const opened = client.query(`${earlier ? `RELEASE SAVEPOINT ${earlier}; ` : ''}SAVEPOINT ${name}`);
      opened.catch(() => undefined);
      try {
        const result = await work();
        await opened;
        if (scope.depth === 1) this.unreleased.set(scope, name);
        else await client.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        await opened.catch((e: unknown) => {
          throw new TransactionLost(e);
        });
        try {
          await client.query(`ROLLBACK TO SAVEPOINT ${name}; RELEASE SAVEPOINT ${name}`);
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
    const { rows } = await this.query({ text: 'SELECT pg_current_wal_insert_lsn()::text AS v' });
    return String(rows[0]!.v);
  }

  async close() {
    await this.pools.end();
  }
}

function hash(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations-pg');

/** Applies the PostgreSQL migrations not yet applied, in order, in one transaction, under the write lock. */
export async function migratePostgres(pools: PrimaryPool) {
  const client = await (await pools.pool()).connect();
  try {
    await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${WRITE_LOCK})`);
    await client.query('CREATE TABLE IF NOT EXISTS qx_migrations (name text PRIMARY KEY, applied_at bigint NOT NULL)');
    const applied = new Set((await client.query<{ name: string }>('SELECT name FROM qx_migrations')).rows.map((r) => r.name));
    for (const file of fs.readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql')).sort()) {
      const name = file.replace(/\.sql$/, '');
      if (applied.has(name)) continue;
      await client.query(fs.readFileSync(path.join(migrationsFolder, file), 'utf8'));
      await client.query('INSERT INTO qx_migrations (name, applied_at) VALUES ($1, $2)', [name, Date.now()]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
