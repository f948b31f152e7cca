// The PostgreSQL migrations give the same schema as SQLite's: every table, column (type, null,
// default), key, index and check (run by `npm run test:pg`; on SQLite alone there is nothing to compare).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase, sqliteOf } from '@/db/client';
import { openTestDatabase, testEngine } from '@/server/testing/databases';

const TYPES: Record<string, string> = { INTEGER: 'bigint', TEXT: 'text', BLOB: 'bytea', REAL: 'double precision' };

interface Shape {
  columns: Record<string, string[]>;
  indexes: string[];
  checks: string[];
}

describe.skipIf(testEngine() !== 'pg')('the PostgreSQL schema', () => {
  let dir: string;
  let sqlite: Db;
  let pg: { db: Db; drop: () => Promise<void> };
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qx-schema-'));
    sqlite = await openDatabase(path.join(dir, 'schema.db'));
    pg = await openTestDatabase(dir);
  });
  afterAll(async () => {
    await sqlite.connection.close();
    await pg.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const ofSqlite = (): Shape => {
    const raw = sqliteOf(sqlite)!;
    const tables = (raw.prepare("select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'").all() as { name: string; sql: string }[]);
    const columns: Record<string, string[]> = {};
    const checks: string[] = [];
    for (const t of tables) {
      for (const c of raw.prepare(`select name, type, "notnull" as nn, dflt_value as d, pk from pragma_table_info(?)`).all(t.name) as { name: string; type: string; nn: number; d: string | null; pk: number }[]) {
        columns[`${t.name}.${c.name}`] = [TYPES[c.type.toUpperCase()] ?? c.type, c.nn || c.pk ? 'not null' : 'null', c.d === null ? 'no default' : 'default', c.pk ? 'key' : ''];
      }
      for (const m of t.sql.matchAll(/CONSTRAINT "([^"]+)" CHECK/g)) checks.push(m[1]!);
    }
    const indexes = (raw.prepare("select name from sqlite_master where type = 'index' and name not like 'sqlite_%'").all() as { name: string }[]).map((r) => r.name);
    return { columns, indexes: indexes.sort(), checks: checks.sort() };
  };

  const ofPostgres = async (): Promise<Shape> => {
    const c = pg.db.connection;
    const cols = await c
      .prepare<{ t: string; c: string; type: string; nullable: string; d: string | null; key: number }>(
        `select c.table_name as t, c.column_name as c, c.data_type as type, c.is_nullable as nullable, c.column_default as d,
           (select count(*) from information_schema.key_column_usage k join information_schema.table_constraints tc on tc.constraint_name = k.constraint_name and tc.constraint_type = 'PRIMARY KEY'
            where k.table_name = c.table_name and k.column_name = c.column_name) as key
         from information_schema.columns c where c.table_schema = 'public' and c.table_name <> 'qx_migrations'`,
      )
      .all();
    const columns: Record<string, string[]> = {};
    for (const r of cols) columns[`${r.t}.${r.c}`] = [r.type, r.nullable === 'NO' ? 'not null' : 'null', r.d === null ? 'no default' : 'default', Number(r.key) > 0 ? 'key' : ''];
    const indexes = (await c.prepare<{ name: string }>("select indexname as name from pg_indexes where schemaname = 'public' and indexname not like '%_pkey' and indexname <> 'qx_migrations_pkey'").all()).map((r) => r.name);
    const checks = (await c.prepare<{ name: string }>("select conname as name from pg_constraint where contype = 'c' and connamespace = 'public'::regnamespace").all()).map((r) => r.name);
    return { columns, indexes: indexes.sort(), checks: checks.sort() };
  };

  it('has the same tables, columns, keys, indexes and checks as SQLite', async () => {
    const want = ofSqlite();
    const got = await ofPostgres();
    expect(Object.keys(want.columns).length).toBeGreaterThan(200);
    expect(want.checks.length).toBeGreaterThan(20);
    expect(got.columns).toEqual(want.columns);
    // SQLite names a column's UNIQUE constraint's index itself; PostgreSQL by the constraint's name.
    const uniqueConstraints = got.indexes.filter((n) => n.endsWith('_unique'));
    expect(got.indexes.filter((n) => !uniqueConstraints.includes(n))).toEqual(want.indexes.filter((n) => !n.endsWith('_unique')));
    expect(got.checks).toEqual(want.checks);
  });

});
