// Embedded SQLite: one connection, WAL. Its statements run synchronously; a transaction's work awaits
// between them, so transactions take turns through a queue (SQLite has one writer anyway), and a
// statement outside a transaction waits while one is open, never seeing what is not yet committed.
import Database from 'better-sqlite3';
import { type Engine, type Method, TransactionLost, type TransactionScope, currentTransaction, transactionScope } from './engine';

const STATEMENT_CACHE_LIMIT = 1000;

export class SqliteEngine implements Engine {
  readonly kind = 'sqlite' as const;
  private busy = false;
  private waiting: (() => void)[] = [];
  private readonly cache = new Map<string, Database.Statement<unknown[]>>();
  private watcher: Database.Database | undefined;

  constructor(readonly sqlite: Database.Database) {}

  get location() {
    return this.sqlite.name;
  }

  /**
   * Every statement prepared once and kept (the least recently used beyond a thousand are dropped):
   * SQLite compiling a statement costs more than running it (`npm run bench`, docs/decisions/0005).
   */
  statement(text: string): Database.Statement<unknown[]> {
    let statement = this.cache.get(text);
    if (statement) {
      this.cache.delete(text); // re-inserted below as the most recently used
    } else {
      statement = this.sqlite.prepare(text);
      if (this.cache.size >= STATEMENT_CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    }
    this.cache.set(text, statement);
    return statement;
  }

  private acquire(): Promise<void> | void {
    if (!this.busy) {
      this.busy = true;
      return;
    }
    return new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release() {
    const next = this.waiting.shift();
    if (next) next();
    else this.busy = false;
  }

  /** Runs a statement now when no transaction is open or the caller is in it, else once it ends. */
  private async when<T>(run: () => T): Promise<T> {
    if (!this.busy || currentTransaction(this)) return run();
    await this.acquire();
    try {
      return run();
    } finally {
      this.release();
    }
  }

  arrays(text: string, params: readonly unknown[], method: Method): Promise<unknown[]> {
    return this.when(() => {
      const statement = this.statement(text);
      if (method === 'run' || !statement.reader) {
        statement.run(...params);
        return [];
      }
      statement.raw(true);
      return method === 'get' ? (statement.get(...params) as unknown[]) : (statement.all(...params) as unknown[]);
    });
  }

  objects(text: string, params: readonly unknown[]): Promise<Record<string, unknown>[]> {
    return this.when(() => {
      const statement = this.statement(text);
      if (!statement.reader) {
        statement.run(...params);
        return [];
      }
      statement.raw(false);
      return statement.all(...params) as Record<string, unknown>[];
    });
  }

  exec(text: string): Promise<void> {
    return this.when(() => void this.sqlite.exec(text));
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (currentTransaction(this)) return this.savepoint(work);
    await this.acquire();
    try {
      // IMMEDIATE: the write lock at once, so two writers never both read a balance and both spend it.
      this.statement('BEGIN IMMEDIATE').run();
      const scope: TransactionScope = { engine: this, depth: 0, connection: this.sqlite, open: true };
      try {
        const result = await transactionScope.run(scope, work);
        this.statement('COMMIT').run();
        return result;
      } catch (error) {
        if (this.sqlite.inTransaction) this.statement('ROLLBACK').run();
        throw error;
      } finally {
        scope.open = false;
      }
    } finally {
      this.release();
    }
  }

  async savepoint<T>(work: () => Promise<T>): Promise<T> {
    const scope = currentTransaction(this);
    if (!scope) throw new Error('a savepoint needs a transaction');
    const name = `sp${++scope.depth}`;
    try {
      this.sqlite.exec(`SAVEPOINT ${name}`);
      try {
        const result = await work();
        this.sqlite.exec(`RELEASE ${name}`);
        return result;
      } catch (error) {
        if (!this.sqlite.inTransaction) throw new TransactionLost(error);
        this.sqlite.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
        throw error;
      }
    } finally {
      scope.depth--;
    }
  }

  /** SQLite's `data_version`, read on a connection that never writes: it moves with every commit of another. */
  version(): Promise<string> {
    this.watcher ??= new Database(this.sqlite.name, { readonly: true, fileMustExist: true });
    return Promise.resolve(String(this.watcher.pragma('data_version', { simple: true })));
  }

  async close() {
    this.watcher?.close();
    if (this.sqlite.open) this.sqlite.close();
  }
}
