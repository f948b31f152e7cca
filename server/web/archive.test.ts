// The province's bulk export: one ZIP of every table's CSV for a period, the events of that period only,
// nothing private; refused to anyone but the province and for a period that is not one.
import { unzipSync, strFromU8 } from 'fflate';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '@/lib/i18n/define';
import { isoDateCst } from '@/server/kernel/china-time';
import type { Context } from '@/server/kernel/trpc';
import { sessionUser } from '@/server/users/queries';
import { type Harness, makeHarness } from '@/server/testing/harness';
import { archiveResponse } from './archive';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(() => h.close());

const ctxOf = async (username: string | null, locale: Locale = 'zh'): Promise<Context> => ({ services: h.services, user: username ? await sessionUser(h.db, (await h.userId(username))) : null, locale });
const get = async (username: string | null, query: string, locale: Locale = 'zh') => archiveResponse((await ctxOf(username, locale)), new Request(`http://127.0.0.1/api/archive?${query}`));
const csvOf = (files: Record<string, Uint8Array>, name: string) => parse(strFromU8(files[name]!), { columns: true }) as Record<string, string>[];

describe('the bulk export', () => {
  it('gives the province every table of the period as CSV in one ZIP, with the units explained', async () => {
    const today = isoDateCst(h.clock.now());
    const res = await get('province', `from=${today}&to=${today}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toContain(`quota-exchange-${today}-${today}.zip`);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    for (const name of ['trades.csv', 'bids.csv', 'listings.csv', 'journal_entries.csv', 'postings.csv', 'audit_log.csv', 'organisations.csv', 'setting_versions.csv', 'README.txt']) expect(Object.keys(files)).toContain(name);
    // Today's events are in it: the demo's open auction was listed today, and its audit records.
    const listings = csvOf(files, 'listings.csv');
    expect(listings.length).toBeGreaterThan(0);
    expect(listings.every((l) => isoDateCst(Number(l.created_at)) === today)).toBe(true);
    const entries = new Set(csvOf(files, 'journal_entries.csv').map((e) => e.id));
    expect(csvOf(files, 'postings.csv').every((p) => entries.has(p.entry_id))).toBe(true);
    // The places and organisations are whole whatever the period.
    expect(csvOf(files, 'organisations.csv').some((o) => o.name === '偏关县')).toBe(true);
    const readme = strFromU8(files['README.txt']!);
    expect(readme).toContain('千分之一亩');
    expect(readme).toContain(`listings.csv: ${listings.length}`);
  });

  it('leaves out the period’s neighbours and everything private', async () => {
    const res = await get('province', 'from=2020-01-01&to=2020-12-31');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(csvOf(files, 'listings.csv')).toEqual([]);
    expect(csvOf(files, 'audit_log.csv')).toEqual([]);
    const users = csvOf(files, 'users.csv');
    expect(users.length).toBeGreaterThan(0);
    expect(Object.keys(users[0]!)).not.toContain('password_hash');
    for (const name of Object.keys(files)) expect(['sign_ins.csv', 'session_activity.csv', 'api_keys.csv', 'notifications.csv', 'instance.csv']).not.toContain(name);
  });

  it('is the province’s alone, and refuses a period that is not one, in the caller’s language', async () => {
    expect((await get(null, 'from=2026-01-01&to=2026-12-31')).status).toBe(401);
    for (const user of ['pianguan', 'zone', 'xinzhou']) expect((await get(user, 'from=2026-01-01&to=2026-12-31')).status).toBe(403);
    expect(await (await get('zone', 'from=2026-01-01&to=2026-12-31')).json()).toMatchObject({ error: { message: '您的角色（开发区）无权执行此操作。' } });
    const bad = await get('province', 'from=2026-02-30&to=2026-12-31');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: 'invalidDate', message: '请输入有效日期（年-月-日）。', fieldErrors: { from: '请输入有效日期（年-月-日）。' } } });
    const backwards = await get('province', 'from=2026-12-31&to=2026-01-01', 'en');
    expect(backwards.status).toBe(400);
    expect((await backwards.json()).error.message).toContain('367 days at most');
    expect((await get('province', 'from=2025-01-01&to=2026-12-31')).status).toBe(400);
    expect((await get('province', 'from=2024-01-01&to=2024-12-31')).status).toBe(200);
  });
});
