// Migration 0019 (journal reasons of the holdback, docs/decisions/0015-holdback.md) rebuilds the journal
// table for its CHECK: on a database holding entries and postings made before it, every row and index
// survives, foreign keys still hold, the new reasons are taken and unknown ones still refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { expect, it } from 'vitest';
import { openDatabase, sqliteOf } from '@/db/client';

it('upgrades a populated 0018 database to 0019 without losing an entry', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qx-up-'));
  const old = path.join(dir, 'migrations');
  fs.cpSync(path.join(import.meta.dirname, 'migrations'), old, { recursive: true });
  fs.rmSync(path.join(old, '0019_journal_reasons_holdback.sql'));
  const j = JSON.parse(fs.readFileSync(path.join(old, 'meta/_journal.json'), 'utf8'));
  j.entries = j.entries.filter((e: { idx: number }) => e.idx < 19);
  fs.writeFileSync(path.join(old, 'meta/_journal.json'), JSON.stringify(j));
  const file = path.join(dir, 'x.db');
  const raw = new Database(file);
  raw.pragma('foreign_keys = OFF');
  migrate(drizzle(raw), { migrationsFolder: old });
  raw.pragma('foreign_keys = ON');
  raw.prepare("insert into organisations (id, kind, name) values (1, 'province', 'P'), (2, 'zone', 'Z')").run();
  raw.prepare("insert into accounts (id, organisation_id, asset, bucket, allow_negative, balance) values (1, 1, 'CNY', 'bank', 1, -500), (2, 2, 'CNY', 'funds', 0, 500)").run();
  raw.prepare("insert into journal_entries (id, idempotency_key, reason, at) values (7, 'bank:1', 'funds_received', 1)").run();
  raw.prepare('insert into postings (entry_id, account_id, amount) values (7, 1, -500), (7, 2, 500)').run();
  expect(() => raw.prepare("insert into journal_entries (idempotency_key, reason, at) values ('x', 'holdback_released', 1)").run()).toThrow(/CHECK/);
  raw.close();

  const db = await openDatabase(file);
  const c = db.connection;
  expect(await c.prepare('select id, idempotency_key k, reason from journal_entries').all()).toEqual([{ id: 7, k: 'bank:1', reason: 'funds_received' }]);
  expect(((await c.prepare('select count(*) n from postings where entry_id = 7').get()) as { n: number }).n).toBe(2);
  expect(sqliteOf(db)!.pragma('foreign_key_check')).toEqual([]);
  expect(sqliteOf(db)!.pragma('foreign_keys', { simple: true })).toBe(1);
  await c.prepare("insert into journal_entries (idempotency_key, reason, at) values ('y', 'holdback_released', 1)").run();
  await c.prepare("insert into journal_entries (idempotency_key, reason, at) values ('z', 'holdback_forfeited', 1)").run();
  await expect(c.prepare("insert into journal_entries (idempotency_key, reason, at) values ('w', 'gift', 1)").run()).rejects.toThrow(/CHECK/);
  await expect(c.prepare("insert into journal_entries (idempotency_key, reason, at) values ('bank:1', 'award', 1)").run()).rejects.toThrow(/UNIQUE/);
  const idx = ((await c.prepare("select name from sqlite_master where type = 'index' and tbl_name = 'journal_entries' order by name").all()) as { name: string }[]).map((r) => r.name);
  expect(idx).toEqual(expect.arrayContaining(['journal_entries_idempotency_key_unique', 'journal_entries_trade', 'journal_entries_use']));
  await c.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
