// What the rest of the code needs from a database engine: run a statement, run work in one
// transaction, and a savepoint inside it. Two engines keep it (docs/decisions/0017): embedded SQLite
// (db/sqlite-engine.ts, the default) and PostgreSQL (db/pg-engine.ts). Every statement is written once,
// in SQLite's dialect (drizzle's SQLite builder, or `?` placeholders); the PostgreSQL engine numbers the
// placeholders. Statements run where the caller is: inside a transaction, on its connection (an
// AsyncLocalStorage carries it across awaits), otherwise on any connection of the engine.
import { AsyncLocalStorage } from 'node:async_hooks';

export type EngineKind = 'sqlite' | 'pg';
/** How drizzle asks: all rows, one row, no rows, or all rows as arrays. */
export type Method = 'all' | 'get' | 'run' | 'values';

export interface Engine {
  readonly kind: EngineKind;
  /** Rows as arrays of column values (what drizzle's proxy maps), in the statement's column order. */
  arrays(text: string, params: readonly unknown[], method: Method): Promise<unknown[]>;
  /** Rows as objects keyed by column name (the raw statements below). */
  objects(text: string, params: readonly unknown[]): Promise<Record<string, unknown>[]>;
  /** Runs `work` in one transaction that holds the market's write lock; nested, in a savepoint. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /** Inside a transaction: runs `work` in a savepoint, rolled back alone if it throws. */
  savepoint<T>(work: () => Promise<T>): Promise<T>;
  /** Statements with no parameters, one after another (tests, scripts). */
  exec(text: string): Promise<void>;
  /** Changes whenever a commit has reached the database since it was last read (the page cache). */
  version(): Promise<string>;
  close(): Promise<void>;
  /** Where the data lives: the SQLite file, or the PostgreSQL database's name. */
  readonly location: string;
}

/** The transaction a piece of work runs in, carried across its awaits. */
export interface TransactionScope {
  readonly engine: Engine;
  depth: number;
  connection: unknown;
  /** False once the transaction has ended: a timer or promise it started is outside it from then on. */
  open: boolean;
}

const g = globalThis as unknown as { __qxTransactionScope?: AsyncLocalStorage<TransactionScope> };
export const transactionScope = (g.__qxTransactionScope ??= new AsyncLocalStorage<TransactionScope>());

/** The transaction of `engine` the caller is in, if any. */
export function currentTransaction(engine: Engine): TransactionScope | undefined {
  const scope = transactionScope.getStore();
  return scope?.engine === engine && scope.open ? scope : undefined;
}

/** The transaction was ended under the work (a full disk, a lost connection): nothing of it stands. */
export class TransactionLost extends Error {
  constructor(readonly reason: unknown) {
    super(`the transaction was ended: ${String(reason)}`, { cause: reason });
  }
}
