// Answers kept until the data changes: every state change writes an audit record, so the newest
// record's id versions the whole database; the minute is part of the version too, for answers that
// move with the clock (an obligation falls due). Bounded, per database.
import 'server-only';
import type { Db } from '@/db/client';
import { auditHead } from './audit-log';

const MAX_ENTRIES = 200;
const stores = new WeakMap<object, Map<string, unknown>>();

export async function memo<T>(db: Db, now: number, key: string, compute: () => Promise<T>): Promise<T> {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = new Map()));
  const k = `${await auditHead(db)}:${Math.floor(now / 60_000)}:${key}`;
  if (store.has(k)) return store.get(k) as Promise<T>;
  // The answer being computed is kept too: callers at the same moment share it; a failure is not kept.
  const value = compute();
  store.set(k, value);
  value.catch(() => store.delete(k));
  // Map keeps insertion order: drop the oldest beyond the bound.
  for (const old of store.keys()) {
    if (store.size <= MAX_ENTRIES) break;
    store.delete(old);
  }
  return value;
}

/** Forgets every kept answer of a database (the benchmark measures answers computed afresh). */
export const forgetKept = (db: Db) => stores.delete(db);
