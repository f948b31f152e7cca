// Generated bad input at every procedure: malformed, oversized and out-of-range values of
// every shape, from every role and signed out. Never an internal error, always a message, and a
// refused call writes nothing (SQLite's total_changes() is unchanged; on PostgreSQL a sequence every
// row written advances, which a rollback does not undo). The router is walked, so a new procedure is
// fuzzed without being listed.
import fc from 'fast-check';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '@/server/app-router';
import { isCleanText } from '@/server/kernel/text';
import { type Harness, makeHarness } from '@/server/testing/harness';
import { testEngine } from '@/server/testing/databases';

let h: Harness;
const tableNames = async () =>
  (
    (await h.db.connection
      .prepare(
        testEngine() === 'pg'
          ? "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'"
          : "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'",
      )
      .all()) as { name: string }[]
  ).map((r) => r.name);
beforeAll(async () => {
  h = await makeHarness();
  if (testEngine() === 'pg') {
    // PostgreSQL has no total_changes(): every row written advances a sequence (not undone by a rollback).
    await h.db.connection.exec(`create sequence qx_changes;
      create function qx_count_change() returns trigger language plpgsql as $$ begin perform nextval('qx_changes'); return null; end $$`);
    for (const name of await tableNames())
      await h.db.connection.exec(`create trigger "${name}_counted" after insert or update or delete on "${name}" for each row execute function qx_count_change()`);
  }
});
afterAll(() => h.close());

const USERS = [null, 'province', 'xinzhou', 'pianguan', 'zone'] as const;
const changes = async () =>
  ((await h.db.connection.prepare(testEngine() === 'pg' ? "select last_value + (case when is_called then 1 else 0 end) as n from qx_changes" : 'select total_changes() n').get()) as { n: number }).n;

// Values that break naive code: huge and tiny numbers, NaN-like strings, long and odd text (control
// characters, bidi overrides, lone surrogates), deep nesting, arrays where objects are expected, and
// plausible keys with wrong values.
const weird = fc.oneof(
  fc.constantFrom(null, undefined, true, '', ' ', '0', '-1', '1e309', 'NaN', '9'.repeat(40), '1.0001', '２０', '<script>', 'x'.repeat(5000), [], {}),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0, 2 ** 53, -1, 0, 1.5),
  fc.string({ maxLength: 50 }),
  fc.constantFrom('\u0000', '偏关\u0000县', 'a\u202Eb', '\u2066名\u2069', '\u200F1\u200E', 'x\u061C', '\u001B[31m', 'a\u0085b', '\uD800', 'line\nbreak'),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
const KEYS = ['id', 'listingId', 'lotId', 'projectId', 'userId', 'zoneId', 'countyId', 'qty', 'price', 'amount', 'reservePrice', 'minLot', 'increment', 'opensAt', 'closesAt', 'mode', 'approve', 'reason', 'year', 'kind', 'to', 'rights', 'plots', 'validFrom', 'floor', 'password', 'username', 'format', 'note', 'name', 'bankRef', 'documentRef', 'displayName', 'purpose'];
const input = fc.oneof(fc.anything({ maxDepth: 3 }), fc.dictionary(fc.constantFrom(...KEYS), weird, { maxKeys: 8 }), weird);

const procedures = Object.keys(appRouter._def.procedures).sort();
const callOf = (caller: unknown, path: string) => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller) as (i: unknown) => Promise<unknown>;

describe('generated bad input at every procedure', () => {
  it('walks the whole router', () => {
    expect(procedures.length).toBeGreaterThan(60);
  });

  for (const path of procedures) {
    it(`${path}: never an internal error; a refusal has a message and writes nothing`, { timeout: 60_000 }, async () => {
      // Mostly as the users who may call it, so the input is what gets tested, not the role check.
      const allowed: (typeof USERS)[number][] = [];
      for (const user of USERS) {
        const e = await callOf(h.as(user), path)(undefined).then(
          () => null,
          (err: unknown) => err as TRPCError,
        );
        if (e === null || (e.code !== 'FORBIDDEN' && e.code !== 'UNAUTHORIZED')) allowed.push(user);
      }
      expect(allowed.length, `${path} accepts nobody`).toBeGreaterThan(0);
      await fc.assert(
        fc.asyncProperty(fc.oneof({ arbitrary: fc.constantFrom(...allowed), weight: 4 }, { arbitrary: fc.constantFrom(...USERS), weight: 1 }), input, async (user, value) => {
          const before = await changes();
          const outcome = await callOf(h.as(user), path)(value).then(
            () => null,
            (e: unknown) => e,
          );
          if (outcome === null) return; // an input that happened to be valid
          expect(outcome).toBeInstanceOf(TRPCError);
          const e = outcome as TRPCError;
          expect(e.code, `${path} as ${user}: ${e.message}`).not.toBe('INTERNAL_SERVER_ERROR');
          expect(e.message.length).toBeGreaterThan(0);
          expect((await changes()), `${path} as ${user} wrote while refusing`).toBe(before);
        }),
        { numRuns: 40 },
      );
    });
  }

  it('no text that got through holds a control character (beyond line breaks) or a bidi control', async () => {
    for (const name of await tableNames())
      for (const row of (await h.db.connection.prepare(`select * from "${name}"`).all()) as Record<string, unknown>[])
        for (const [column, value] of Object.entries(row)) if (typeof value === 'string') expect(isCleanText(value, 'lines'), `${name}.${column}: ${JSON.stringify(value)}`).toBe(true);
  });
});
