// A data folder's first start settles its mode for life: a production start gets the places and no
// user (no known password anywhere), a demo start the demo's users, data and a year of history; a
// folder of one mode is never started as the other.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '@/db/client';
import { DEMO_HISTORY_TRADES } from '@/server/demo/seed-demo-history';
import { seedDemo } from '@/server/demo/seed-demo';
import { ManualClock } from '@/server/kernel/clock';
import { documentStore } from '@/server/kernel/document-store';
import { ModeMismatch, prepareDatabase } from './prepare';
import type { Services } from '@/server/kernel/deps';

const T0 = Date.UTC(2026, 11, 4, 2, 0, 0);
const opened: { db: Db; dir: string }[] = [];
async function fresh(): Promise<Services> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qx-prepare-'));
  const db = await openDatabase(path.join(dir, 'q.db'));
  opened.push({ db, dir });
  return { db, clock: new ManualClock(T0), documents: documentStore(path.join(dir, 'documents')) };
}
afterEach(async () => {
  for (const { db, dir } of opened.splice(0)) {
    await db.connection.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
const count = async (s: Services, sql: string) => ((await s.db.connection.prepare(sql).get()) as { n: number }).n;

describe('preparing a data folder', () => {
  it('a production start: the places of seed 000, every city bureau, no user, no money', async () => {
    const s = await fresh();
    expect(await prepareDatabase(s, { demo: false })).toEqual({ mode: 'production', users: 0 });
    expect(await count(s, 'select count(*) n from users')).toBe(0);
    expect(await count(s, "select count(*) n from organisations where kind = 'province'")).toBe(1);
    expect(await count(s, "select count(*) n from organisations where kind = 'city'")).toBe(11);
    expect(await count(s, "select count(*) n from organisations where kind = 'county'")).toBe(36);
    expect(await count(s, "select count(*) n from organisations where kind = 'zone'")).toBe(0);
    expect(await count(s, 'select count(*) n from postings')).toBe(0);
    // Started again, it is the same installation; started as the demo, it refuses.
    expect(await prepareDatabase(s, { demo: false })).toEqual({ mode: 'production', users: 0 });
    await expect(prepareDatabase(s, { demo: true })).rejects.toThrow(ModeMismatch);
    expect(await count(s, 'select count(*) n from users')).toBe(0);
    // Nor does it run with a test clock.
    await expect(prepareDatabase(s, { demo: false, testClock: true })).rejects.toThrow(/production data folder refuses it/);
  });

  it('a demo start: the demo users and a year of settled history before this month, among organisations nobody signs in as', async () => {
    const s = await fresh();
    const prepared = await prepareDatabase(s, { demo: true });
    expect(prepared.mode).toBe('demo');
    expect(prepared.users).toBeGreaterThanOrEqual(8);
    expect(await count(s, "select count(*) n from trades where status = 'settled'")).toBe(DEMO_HISTORY_TRADES);
    const monthStart = Date.UTC(2026, 11, 1) - 8 * 3_600_000;
    expect(await count(s, `select count(*) n from trades where settled_at >= ${monthStart}`)).toBe(0);
    expect(await count(s, `select count(*) n from trades where awarded_at < ${monthStart - 366 * 86_400_000}`)).toBe(0);
    // The demo users' organisations are untouched by the history.
    const signedIn = 'select organisation_id from users where disabled = 0';
    expect(await count(s, `select count(*) n from trades where seller_id in (${signedIn}) or buyer_id in (${signedIn})`)).toBe(0);
    await expect(prepareDatabase(s, { demo: false })).rejects.toThrow(/demo's data, whose password is published/);
  });

  it('a database the demo seed made before modes were recorded is the demo', async () => {
    const s = await fresh();
    await seedDemo(s);
    expect((await prepareDatabase(s, { demo: true })).mode).toBe('demo');
    const t = await fresh();
    await seedDemo(t);
    await expect(prepareDatabase(t, { demo: false })).rejects.toThrow(ModeMismatch);
  });
});
