// "Refused, and nothing written": a refusal must carry the expected tRPC code (never an internal
// error) and leave every row of every table as it was.
import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { expect } from 'vitest';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import type { Db } from '@/db/client';
import { allTables, keyOf } from '@/db/tables';

/** Every row of every table, in the order of its key. */
export async function dumpTables(db: Db) {
  const tables: Record<string, unknown[]> = {};
  for (const t of allTables().map((table) => getTableConfig(table).name)) {
    tables[t] = await db.connection.prepare(`select * from "${t}" order by ${keyOf(t).map((c) => `"${c}"`).join(', ')}`).all();
  }
  return tables;
}

export async function caught(p: Promise<unknown>): Promise<TRPCError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, 'the call should have been refused').toBeInstanceOf(TRPCError);
  return e as TRPCError;
}

/** Calls, expects a refusal with `code` (never INTERNAL_SERVER_ERROR), and checks nothing was written. */
export async function refused(db: Db, call: () => Promise<unknown>, code: TRPC_ERROR_CODE_KEY, message?: string | RegExp) {
  const before = await dumpTables(db);
  const e = await caught(call());
  expect(e.code).not.toBe('INTERNAL_SERVER_ERROR');
  expect(e.code).toBe(code);
  if (message !== undefined) expect(e.message).toMatch(message);
  expect(await dumpTables(db)).toEqual(before);
  return e;
}
