// Market settings as versioned rules, through tRPC callers: who may record a version, past dates
// refused, a future version applying only from its date (bids, awards, the confirmation), any past day
// read back with its document, refusals naming the document, versions append-only, the migration.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayCst, isoDateCst } from '@/server/kernel/china-time';
import { sweep } from '@/server/market/closing';
import { type Harness, T0, makeHarness } from '@/server/testing/harness';
import { caught, refused } from '@/server/testing/refusals';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const DOC = '晋自然资发〔2026〕30号';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const province = () => h.as('province');
const no = (call: () => Promise<unknown>, code: Parameters<typeof refused>[2], message?: string | RegExp) => refused(h.db, call, code, message);
const row = <R extends { key: string }>(rows: R[], key: string) => rows.find((r) => r.key === key)!;

/** An auction of 偏关县 open from now for `days` days. */
async function openAuction(days = 3) {
  const lot = (await h.as('pianguan').accounts.quota())[0]!;
  const now = h.clock.now();
  const listing = await h.as('pianguan').listings.create({ lotId: lot.id, mode: 'auction', qty: '150', reservePrice: '30000', minLot: '50', increment: '500', opensAt: now, closesAt: now + days * DAY });
  await province().listings.review({ listingId: listing.id, approve: true });
  return listing;
}

describe('who may read and record versions', () => {
  it('the province only: other roles are forbidden, the signed-out unauthorised, nothing written', async () => {
    const input = { depositRateBp: 3000, documentNo: DOC, effectiveDate: '2026-11-03' };
    for (const user of ['pianguan', 'zone', 'xinzhou']) {
      await no(async () => h.as(user).settings.addVersion(input), 'FORBIDDEN');
      await no(async () => h.as(user).settings.history(), 'FORBIDDEN');
      await no(async () => h.as(user).settings.onDate({ date: '2026-11-02' }), 'FORBIDDEN');
    }
    await no(async () => h.as(null).settings.addVersion(input), 'UNAUTHORIZED');
    await no(async () => h.as(null).settings.current(), 'UNAUTHORIZED');
    expect((await province().settings.addVersion(input)).versions).toHaveLength(1);
  });
});

describe('a change never rewrites the past', () => {
  it('an effective date before today is refused, in Chinese and in English, and nothing is written', async () => {
    const input = { depositRateBp: 3000, documentNo: DOC, effectiveDate: '2026-11-01' };
    await no(() => province().settings.addVersion(input), 'BAD_REQUEST', '生效日期不能早于今天：设置的变更不改变过去，请选择今天或以后的日期。');
    await no(async () => h.as('province', 'en').settings.addVersion(input), 'BAD_REQUEST', /cannot be before today/);
    // Not a real day, no document, nothing to change: each refused, nothing written.
    await no(() => province().settings.addVersion({ ...input, effectiveDate: '2026-02-30' }), 'BAD_REQUEST');
    await no(() => province().settings.addVersion({ ...input, documentNo: '  ' }), 'BAD_REQUEST');
    await no(() => province().settings.addVersion({ ...input, documentNo: '晋\u202e发〔2026〕1号' }), 'BAD_REQUEST');
    await no(() => province().settings.addVersion({ ...input, documentNo: '文'.repeat(101) }), 'BAD_REQUEST');
    await no(() => province().settings.addVersion({ documentNo: DOC, effectiveDate: '2026-11-03' }), 'BAD_REQUEST', /noSettingChanged/);
  });

  it('today takes effect at once; the audit log records the document, the moment and the values before and after', async () => {
    const r = await province().settings.addVersion({ paymentDays: 15, holdbackBp: 500, documentNo: DOC, effectiveDate: isoDateCst(T0) });
    expect(r).toMatchObject({ effectiveFrom: T0, documentNo: DOC });
    expect(await h.as(null).accounts.settings()).toMatchObject({ paymentDays: 15, holdbackBp: 500, depositRateBp: 2000 });
    const audit = (await h.db.connection.prepare("select actor_user_id, before, after from audit_log where action = 'settings.update'").all()) as { actor_user_id: number; before: string; after: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_user_id).toBe(await h.userId('province'));
    expect(JSON.parse(audit[0]!.before)).toEqual({ paymentDays: 10, holdbackBp: 0 });
    expect(JSON.parse(audit[0]!.after)).toEqual({ paymentDays: 15, holdbackBp: 500, documentNo: DOC, effectiveFrom: T0 });
  });

  it('versions are only ever added: the database refuses to change or delete one', async () => {
    await h.setSettings({ depositRateBp: 3000 });
    await expect(h.db.connection.prepare('update setting_versions set value = 1').run()).rejects.toThrow(/append-only/);
    await expect(h.db.connection.prepare('delete from setting_versions').run()).rejects.toThrow(/append-only/);
  });
});

describe('a future version applies only from its date', () => {
  it('a bid before the date freezes the old deposit rate, one after it the new; awards and confirmations name the documents', async () => {
    const listing = await openAuction(3);
    const from = dayCst(2026, 11, 4);
    await province().settings.addVersion({ depositRateBp: 5000, documentNo: DOC, effectiveDate: '2026-11-04' });

    // Recorded, waiting: the rate in force is still 20%.
    const now = await province().settings.current();
    expect(row(now.rows, 'depositRateBp')).toMatchObject({ value: 2000, documentNo: '—' });
    expect(now.pending).toEqual([expect.objectContaining({ key: 'depositRateBp', value: 5000, documentNo: DOC, effectiveFrom: from })]);
    expect((await h.as(null).accounts.settings()).depositRateBp).toBe(2000);

    // 50 mu × 30,000 元/亩 × 20% = 300,000 元.
    const before = await h.as('zone').bids.place({ listingId: listing.id, price: '30000', qty: '50' });
    expect(before.bid.depositFen).toBe(30_000_000);
    h.clock.set(from - 1);
    const lastMoment = await h.as('zone2').bids.place({ listingId: listing.id, price: '31000', qty: '50' });
    expect(lastMoment.bid.depositFen).toBe(31_000_000);
    // From 00:00 China time of the date: 50 mu × 32,000 元/亩 × 50% = 800,000 元.
    h.clock.set(from);
    const after = await h.as('zone3').bids.place({ listingId: listing.id, price: '32000', qty: '50' });
    expect(after.bid.depositFen).toBe(80_000_000);
    expect(row((await province().settings.current()).rows, 'depositRateBp')).toMatchObject({ value: 5000, documentNo: DOC, effectiveFrom: from });

    // The awards at the close: each confirmation names the rate that applied to its bid and its document.
    h.clock.set(listing.closesAt);
    expect((await sweep(h.services)).closed).toBe(1);
    const confirmation = async (zone: string) => h.as(zone).trades.get({ id: (await h.as(zone).trades.list()).trades.find((t) => t.listingId === listing.id)!.id });
    const early = await confirmation('zone');
    expect(early.rules.depositRate).toEqual({ value: 2000, documentNo: '—', effectiveFrom: 0 });
    expect(early.rules.paymentDays).toEqual({ value: 10, documentNo: '—', effectiveFrom: 0 });
    expect(early.rules.reclamationYears).toMatchObject({ value: 2, documentNo: '晋政办发〔2018〕24号' });
    const late = await confirmation('zone3');
    expect(late.rules.depositRate).toEqual({ value: 5000, documentNo: DOC, effectiveFrom: from });
    expect(late.depositFen).toBe(80_000_000);

    // The lapse refusal names the document behind the payment term that applied to the award.
    h.clock.set(late.dueAt + 1);
    await expect(h.as('zone3').trades.pay({ id: late.id })).rejects.toThrow('该成交已因逾期未付款而失效（付款期限依据 平台默认设置），保证金已划归出让县。');
    expect(await h.checkLedger()).toEqual({ mismatches: [], unbalanced: [], nonZeroTotals: [] });
  });

  it('an award takes the payment term in force at its moment, not at the bid', async () => {
    const listing = await openAuction(2);
    await h.as('zone').bids.place({ listingId: listing.id, price: '30000', qty: '50' });
    await province().settings.addVersion({ paymentDays: 20, documentNo: DOC, effectiveDate: isoDateCst(T0 + DAY) });
    h.clock.set(listing.closesAt);
    await sweep(h.services);
    const trade = (await h.as('zone').trades.list()).trades.find((t) => t.listingId === listing.id)!;
    expect(trade.dueAt).toBe(trade.awardedAt + 20 * DAY);
    expect((await h.as('zone').trades.get({ id: trade.id })).rules.paymentDays).toMatchObject({ value: 20, documentNo: DOC });
  });
});

describe('the value on any date, with its document', () => {
  it('reads back every past day as it was, and names who recorded each version', async () => {
    await province().settings.addVersion({ depositRateBp: 3000, antiSnipingWindowSeconds: 600, documentNo: DOC, effectiveDate: '2026-11-05' });
    h.clock.set(dayCst(2026, 11, 10) + 10 * HOUR);
    await province().settings.addVersion({ depositRateBp: 2500, documentNo: '晋自然资发〔2026〕40号', effectiveDate: '2026-11-20' });
    h.clock.set(dayCst(2026, 12, 1));

    const on = async (date: string) => (await province().settings.onDate({ date })).rows;
    expect(row(await on('2026-01-01'), 'depositRateBp')).toMatchObject({ value: 2000, documentNo: '—', id: 0 });
    expect(row(await on('2026-11-04'), 'depositRateBp')).toMatchObject({ value: 2000, documentNo: '—' });
    expect(row(await on('2026-11-05'), 'depositRateBp')).toMatchObject({ value: 3000, documentNo: DOC, effectiveFrom: dayCst(2026, 11, 5) });
    expect(row(await on('2026-11-05'), 'antiSnipingWindowSeconds')).toMatchObject({ value: 600, documentNo: DOC });
    expect(row(await on('2026-11-19'), 'depositRateBp')).toMatchObject({ value: 3000, documentNo: DOC });
    expect(row(await on('2026-11-20'), 'depositRateBp')).toMatchObject({ value: 2500, documentNo: '晋自然资发〔2026〕40号' });
    // Settings a version did not touch keep theirs: the window from the first document, the seed's reclamation period.
    expect(row(await on('2026-11-20'), 'antiSnipingWindowSeconds')).toMatchObject({ value: 600, documentNo: DOC });
    expect(row(await on('2026-11-20'), 'reclamationYearsAfterApproval')).toMatchObject({ value: 3, documentNo: '晋政办发〔2018〕24号' });
    expect((await on('2026-11-20')).map((r) => r.key)).toHaveLength(7);

    const history = await province().settings.history();
    expect(history.map((v) => [v.key, v.value, v.documentNo, v.recordedByName])).toEqual([
      ['depositRateBp', 2500, '晋自然资发〔2026〕40号', expect.any(String)],
      ['antiSnipingWindowSeconds', 600, DOC, expect.any(String)],
      ['depositRateBp', 3000, DOC, expect.any(String)],
    ]);
    const provinceUser = await h.userId('province');
    expect(history.every((v) => v.recordedBy === provinceUser)).toBe(true);
    expect((await caught(province().settings.onDate({ date: '2026-13-01' }))).code).toBe('BAD_REQUEST');
  });
});

describe('refusals name the document of the setting they apply', () => {
  it('a bid beyond the free funds for its deposit names the deposit-rate document, in Chinese and in English', async () => {
    await h.setSettings({ depositRateBp: 10000 }, DOC);
    // 300 mu × 100,000 元/亩 × 100% = 30,000,000 元 > zone3's 20,000,000 元.
    await no(async () => h.as('zone3').bids.place({ listingId: 1, price: '100000', qty: '300' }), 'CONFLICT', `可用资金不足以冻结竞买保证金：需要 30,000,000.00 元（报价金额的 100%，依据 ${DOC}），可用 20,000,000.00 元。`);
    await no(async () => h.as('zone3', 'en').bids.place({ listingId: 1, price: '100000', qty: '300' }), 'CONFLICT', `(100% of the bid, set by ${DOC})`);
  });
});

describe('the migration to versions', () => {
  it('moves each old setting into a version in force from the epoch, with no document, and drops the old table', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qx-migration-'));
    try {
      const sqlite = new Database(path.join(dir, 'm.db'));
      const folder = path.join(process.cwd(), 'db', 'migrations');
      const run = (file: string) => {
        for (const statement of fs.readFileSync(path.join(folder, file), 'utf8').split('--> statement-breakpoint')) if (statement.trim()) sqlite.exec(statement);
      };
      const files = fs.readdirSync(folder).filter((f) => f.endsWith('.sql')).sort();
      const at = files.indexOf('0016_setting_versions.sql');
      expect(at).toBeGreaterThan(0);
      sqlite.pragma('foreign_keys = OFF');
      for (const f of files.slice(0, at)) run(f);
      sqlite.prepare("insert into settings (key, value) values ('depositRateBp', 2500), ('paymentDays', 12)").run();
      run(files[at]!);
      expect(sqlite.prepare('select key, value, document_no, effective_from, recorded_at, recorded_by from setting_versions order by key').all()).toEqual([
        { key: 'depositRateBp', value: 2500, document_no: '—', effective_from: 0, recorded_at: 0, recorded_by: null },
        { key: 'paymentDays', value: 12, document_no: '—', effective_from: 0, recorded_at: 0, recorded_by: null },
      ]);
      expect(sqlite.prepare("select name from sqlite_master where type = 'table' and name = 'settings'").all()).toEqual([]);
      sqlite.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
