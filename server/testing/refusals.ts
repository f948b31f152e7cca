// "Refused, and nothing written": a refusal must carry the expected tRPC code (never an internal
// error) and leave every row of every table as it was.
import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { expect } from 'vitest';
import type { Db } from '@/db/client';

const tablesOf = async (db: Db) =>
  ((await db.connection.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name`).all()) as { name: string }[]).map(
    (r) => r.name,
  );

/** Every row of every table, in rowid order. */
export async function dumpTables(db: Db) {
  const tables: Record<string, unknown[]> = {};
  for (const t of await tablesOf(db)) tables[t] = await db.connection.prepare(`select * from "${t}" order by rowid`).all();
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
  expect((await dumpTables(db))).toEqual(before);
  return e;
}
