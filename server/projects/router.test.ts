// Through tRPC callers: where quota comes from (projects, review, approval issuing a lot),
// what a trade obliges (reclamation by a deadline), and what follows (use of rights, use of proceeds,
// plan quota), each with its refusals. Each test has its own temporary database and manual clock.
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PDF } from '@/server/demo/seed-demo';
import { auditLog, organisations, users } from '@/db/schema';
import { balanceOf } from '@/server/books/journal';
import type { Asset, Bucket } from '@/server/books/domain/ledger';
import { addYearsCst } from '@/server/projects/domain/reclamation';
import { sweep } from '@/server/market/closing';
import { attachDocument } from './projects';
import { type Harness, makeHarness } from '@/server/testing/harness';
import { refused } from '@/server/testing/refusals';

const HOUR = 3_600_000;
const DAY = 86_400_000;

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const org = async (username: string) => (await h.actor(username)).organisationId;
const bal = async (username: string, asset: Asset, bucket: Bucket, lotId: number | null = null) => balanceOf(h.db, { organisationId: await org(username), asset, bucket, lotId });
const ledgerClean = async () => expect(await h.checkLedger()).toEqual({ mismatches: [], unbalanced: [], nonZeroTotals: [] });
const no = (call: () => Promise<unknown>, code: Parameters<typeof refused>[2], message?: string | RegExp) => refused(h.db, call, code, message);

const plan = (over: Record<string, unknown> = {}) => ({
  name: '偏关县2026年度增减挂钩项目区（三）',
  villages: '水泉镇',
  forCrossRegion: true,
  landType: 'ordinary' as const,
  resettlement: '20',
  plots: [
    { code: 'SQ-01', village: '水泉村', currentUse: 'homestead' as const, area: '150.5', farmland: '140', farmlandGrade: 6 },
    { code: 'SQ-02', village: '水泉村', currentUse: 'public_facility' as const, area: '50', farmland: '0', farmlandGrade: null },
  ],
  ...over,
});

const attach = async (username: string, projectId: number, fileName = '实施方案.pdf', bytes: Uint8Array = DEMO_PDF) =>
  attachDocument(h.services, (await h.actor(username)), projectId, { fileName, bytes });

/** Drafts, attaches and submits a plan of 偏关县; returns its id. */
async function submitted(over: Record<string, unknown> = {}, county = 'pianguan') {
  const p = await h.as(county).projects.create(plan(over));
  await attach(county, p.id);
  await h.as(county).projects.submit({ id: p.id });
  return p.id;
}

/** A plan through city and province; returns the project and its lot. */
async function approved(over: Record<string, unknown> = {}) {
  const id = await submitted(over);
  await h.as('xinzhou').projects.cityReview({ projectId: id, approve: true });
  await h.as('province').projects.provinceReview({ projectId: id, approve: true, approvalRef: '晋自然资函〔2026〕201号' });
  const got = await h.as('pianguan').projects.get({ id });
  return { id, lot: got.lot! };
}

/** Sells `qty` mu of a lot to a zone through an auction and its payment; returns the trade. */
async function sell(lotId: number, qty: string, zone = 'zone', county = 'pianguan') {
  const now = h.clock.now();
  const listing = await h.as(county).listings.create({ lotId, mode: 'auction', qty, reservePrice: '30000', minLot: qty, increment: '100', opensAt: now, closesAt: now + HOUR });
  await h.as('province').listings.review({ listingId: listing.id, approve: true });
  await h.as(zone).bids.place({ listingId: listing.id, price: '30000', qty });
  h.clock.advance(HOUR);
  await sweep(h.services);
  const trade = (await h.as(zone).trades.list()).trades.find((t) => t.listingId === listing.id)!;
  return h.as(zone).trades.pay({ id: trade.id });
}

describe('a linking project from draft to quota (seed 001 二(一))', () => {
  it('county drafts → city reviews → province approves: the surplus appears as a lot in the county’s free quota', async () => {
    const county = h.as('pianguan');
    const draft = await county.projects.create(plan());
    expect(draft.status).toBe('draft');
    // Nothing is issued before approval.
    const lotsBefore = (await county.accounts.quota()).length;

    await no(() => county.projects.submit({ id: draft.id }), 'BAD_REQUEST', '提交前请上传项目区实施方案（PDF）。');
    await attach('pianguan', draft.id);
    const sent = await county.projects.submit({ id: draft.id });
    expect(sent.status).toBe('city_review');
    await no(() => county.projects.update({ projectId: draft.id, ...plan() }), 'CONFLICT', /已提交审查/);

    expect((await h.as('xinzhou').projects.queue()).map((p) => p.id)).toContain(draft.id);
    expect((await h.as('province').projects.queue()).map((p) => p.id)).not.toContain(draft.id);
    await no(async () => h.as('province').projects.provinceReview({ projectId: draft.id, approve: true, approvalRef: 'X' }), 'CONFLICT', '该项目区不在您的审查环节。');

    await h.as('xinzhou').projects.cityReview({ projectId: draft.id, approve: true });
    expect((await h.as('province').projects.queue()).map((p) => p.id)).toContain(draft.id);
    await no(async () => h.as('province').projects.provinceReview({ projectId: draft.id, approve: true, approvalRef: ' ' }), 'BAD_REQUEST', '请填写批准文号。');
    const done = await h.as('province').projects.provinceReview({ projectId: draft.id, approve: true, approvalRef: '晋自然资函〔2026〕201号' });
    expect(done).toMatchObject({ status: 'approved', approvalRef: '晋自然资函〔2026〕201号', approvedAt: h.clock.now() });

    // 200.5 mu of plots less 20 mu of resettlement: 180.5 mu surplus carrying 140 mu of farmland.
    const lots = await county.accounts.quota();
    expect(lots).toHaveLength(lotsBefore + 1);
    const lot = lots.at(-1)!;
    expect(lot).toMatchObject({ qtyMilliMu: 180_500, farmlandMilliMu: 140_000, freeMilliMu: 180_500, landType: 'ordinary', approvalRef: '晋自然资函〔2026〕201号' });
    expect(await bal('pianguan', 'NEW_LAND', 'held', lot.id)).toBe(180_500);
    expect(await bal('pianguan', 'SCALE', 'held', lot.id)).toBe(180_500);
    expect(await bal('pianguan', 'FARMLAND', 'held', lot.id)).toBe(140_000);
    // Its serial range follows the last lot's: no unit shared.
    const { end } = (await h.db.connection.prepare('select max(serial_start + qty_milli_mu) as "end" from lots where id <> ?').get(lot.id)) as { end: number };
    expect(lot.serialStart).toBe(end);
    await ledgerClean();

    // Every step is in the history, by whom.
    const got = await h.as('province').projects.get({ id: draft.id });
    expect(got.history.map((x) => x.action)).toEqual(['project.draft', 'project.document.attach', 'project.submit', 'project.city_pass', 'project.approve']);
    expect(got.history.map((x) => x.organisationName)).toEqual(['偏关县', '偏关县', '偏关县', '忻州市自然资源局', '山西省自然资源厅']);
    await no(async () => h.as('province').projects.provinceReview({ projectId: draft.id, approve: true, approvalRef: 'again' }), 'CONFLICT');
  });

  it('a returned plan needs a reason, can be changed and resubmitted', async () => {
    const id = await submitted();
    await no(async () => h.as('xinzhou').projects.cityReview({ projectId: id, approve: false, reason: '  ' }), 'BAD_REQUEST', '驳回时必须填写理由。');
    const back = await h.as('xinzhou').projects.cityReview({ projectId: id, approve: false, reason: '地块 SQ-02 现状用途有误' });
    expect(back).toMatchObject({ status: 'returned', returnReason: '地块 SQ-02 现状用途有误' });
    await h.as('pianguan').projects.update({ projectId: id, ...plan({ name: '改后的名称' }) });
    const again = await h.as('pianguan').projects.submit({ id });
    expect(again).toMatchObject({ status: 'city_review', returnReason: null, name: '改后的名称' });
    await h.as('xinzhou').projects.cityReview({ projectId: id, approve: true });
    const provinceBack = await h.as('province').projects.provinceReview({ projectId: id, approve: false, reason: '缺少村民意见', approvalRef: '' });
    expect(provinceBack.status).toBe('returned');
    // Nothing issued: 偏关县 still has its two demo lots.
    expect(await h.as('pianguan').accounts.quota()).toHaveLength(2);
  });

  it('a 扩权强县 county’s plan skips the city (001 二(一))', async () => {
    await h.db.update(organisations).set({ expandedPower: true }).where(eq(organisations.id, (await org('pianguan')))).run();
    const id = await submitted();
    expect((await h.as('pianguan').projects.get({ id })).project.status).toBe('province_review');
    await no(async () => h.as('xinzhou').projects.cityReview({ projectId: id, approve: true }), 'CONFLICT');
    await h.as('province').projects.provinceReview({ projectId: id, approve: true, approvalRef: 'R1' });
  });

  it('nobody sees or decides another jurisdiction’s project', async () => {
    const id = await submitted();
    // A bureau of another city, and another county of the same city.
    const cityId = (await h.db.connection.prepare(`select id from cities where name = '大同市'`).get()) as { id: number };
    const datong = (await h.db.insert(organisations).values({ kind: 'city', name: '大同市自然资源局', cityId: cityId.id }).returning().all())[0]!;
    await h.db.insert(users).values({ username: 'datong', displayName: '大同市局', passwordHash: 'x', organisationId: datong.id, createdAt: 0 }).run();
    for (const [who, call] of [
      ['datong', async () => h.as('datong').projects.get({ id })],
      ['datong', async () => h.as('datong').projects.cityReview({ projectId: id, approve: true })],
      ['hequ', async () => h.as('hequ').projects.get({ id })],
      ['hequ', async () => h.as('hequ').projects.trace({ id })],
      ['hequ', async () => h.as('hequ').projects.update({ projectId: id, ...plan() })],
      ['hequ', async () => h.as('hequ').projects.submit({ id })],
    ] as const) {
      await no(call, 'NOT_FOUND', '未找到该项目区，或它不属于您的管辖范围。');
      void who;
    }
    expect((await h.as('datong').projects.list()).map((p) => p.id)).toEqual([]);
    expect((await h.as('hequ').projects.list()).every((p) => p.countyName === '河曲县')).toBe(true);
    await expect(attach('hequ', id)).rejects.toThrow('projectNotFound');
  });

  it.each([
    ['no plots', { plots: [] }, '请至少填写一个拆旧地块。'],
    ['farmland above the area', { plots: [{ code: 'A', village: 'v', currentUse: 'homestead', area: '10', farmland: '10.001', farmlandGrade: 5 }] }, '地块 A 的复垦为耕地面积不能大于地块面积。'],
    ['farmland without a grade', { plots: [{ code: 'A', village: 'v', currentUse: 'homestead', area: '10', farmland: '5', farmlandGrade: null }] }, /耕地质量等级/],
    ['resettlement taking it all', { resettlement: '200.5' }, '拆旧地块总面积须大于建新安置用地面积，才有节余指标。'],
    ['a duplicate plot number', { plots: [plan().plots[0], plan().plots[0]] }, '地块编号 SQ-01 重复。'],
  ])('refuses a plan with %s, writing nothing', async (_name, over, message) => {
    await no(async () => h.as('pianguan').projects.create(plan(over)), 'BAD_REQUEST', message);
  });

  it('refuses a farmland grade outside 1–10 and a negative area at the door', async () => {
    await no(async () => h.as('pianguan').projects.create(plan({ plots: [{ ...plan().plots[0], farmlandGrade: 11 }] })), 'BAD_REQUEST');
    await no(async () => h.as('pianguan').projects.create(plan({ plots: [{ ...plan().plots[0], area: '-5' }] })), 'BAD_REQUEST');
  });

  it('documents: only PDFs within the size limit; a refused upload leaves no file; removal only while editable', async () => {
    const county = h.as('pianguan');
    const p = await county.projects.create(plan());
    const dir = path.join(h.db.connection.folder, 'documents');
    const files = () => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => !f.startsWith('.')) : []);
    const before = files().length;
    await expect(attach('pianguan', p.id, 'plan.docx')).rejects.toThrow('documentNotPdf');
    await expect(attach('pianguan', p.id, 'plan.pdf', new TextEncoder().encode('MZ executable'))).rejects.toThrow('documentNotPdf');
    await expect(attach('hequ', p.id)).rejects.toThrow('projectNotFound');
    expect(files().length).toBe(before);
    const doc = await attach('pianguan', p.id);
    expect(files().length).toBe(before + 1);
    expect(h.services.documents.read(doc.storedName)).toEqual(Buffer.from(DEMO_PDF));
    await no(async () => h.as('hequ').projects.removeDocument({ id: doc.id }), 'NOT_FOUND');
    await county.projects.submit({ id: p.id });
    await no(() => county.projects.removeDocument({ id: doc.id }), 'CONFLICT');
    await expect(attach('pianguan', p.id)).rejects.toThrow('projectNotEditable');
    expect(files().length).toBe(before + 1);
  });

  it('quota of a project not for cross-region trading cannot be listed', async () => {
    const { lot } = await approved({ forCrossRegion: false });
    const now = h.clock.now();
    await no(
      async () => h.as('pianguan').listings.create({ lotId: lot.id, mode: 'auction', qty: '10', reservePrice: '30000', minLot: '10', increment: '100', opensAt: now, closesAt: now + HOUR }),
      'CONFLICT',
      '该批次所属项目区未批准用于易地交易，不能挂牌。',
    );
  });
});

describe('selling splits the serial range, and every unit can be traced', () => {
  it('two sales take consecutive ranges; the project’s trace and the zone’s trace agree', async () => {
    const { id, lot } = await approved();
    const t1 = await sell(lot.id, '100');
    const t2 = await sell(lot.id, '30.5', 'zone2');
    expect(t1.serialStart).toBe(lot.serialStart);
    expect(t2.serialStart).toBe(lot.serialStart + 100_000);

    const trace = await h.as('xinzhou').projects.trace({ id });
    expect(trace.sales.map((s) => [s.buyerName, s.qtyMilliMu, s.serialStart])).toEqual([
      ['山西转型综改示范区', 100_000, lot.serialStart],
      ['晋中开发区（演示）', 30_500, lot.serialStart + 100_000],
    ]);
    expect(trace.remaining).toMatchObject({ qtyMilliMu: 50_000, freeMilliMu: 50_000, listedMilliMu: 0, awardedMilliMu: 0 });
    // Sold + remaining = the lot, with no gap.
    expect(trace.sales.reduce((a, s) => a + s.qtyMilliMu, 0) + trace.remaining!.qtyMilliMu).toBe(lot.qtyMilliMu);

    const mine = await h.as('zone').rights.trace({ lotId: lot.id });
    expect(mine.project.name).toBe('偏关县2026年度增减挂钩项目区（三）');
    expect(mine.plots.map((p) => p.code)).toEqual(['SQ-01', 'SQ-02']);
    expect(mine.purchases.map((p) => p.serialStart)).toEqual([lot.serialStart]);
    // A zone that bought none of this lot cannot trace it.
    // A zone is told what is true for it: it bought none of this lot (not that the lot is not its county's).
    await no(async () => h.as('zone3').rights.trace({ lotId: lot.id }), 'NOT_FOUND', '未找到该指标批次，或本单位未购得该批次的指标。');
    await ledgerClean();
  });
});

describe('reclamation obligations (seed 001 二(二))', () => {
  it('the periods are settings: each project keeps those in force at its approval and at its first trade', async () => {
    const { id: older, lot } = await approved();
    const olderApprovedAt = h.clock.now();
    h.clock.advance(DAY);
    await h.setSettings({ reclamationYearsAfterApproval: 5, reclamationYearsAfterTrade: 1 }, '晋自然资发〔2026〕50号');
    const { id: newer } = await approved({ name: '偏关县2026年度增减挂钩项目区（四）' });
    const newerApprovedAt = h.clock.now();
    const deadline = async (id: number) => (await h.as('province').projects.obligations()).find((p) => p.id === id)!.obligation!.deadline;
    // Approved before the change: 3 years, as it was; after it: 5.
    expect(await deadline(older)).toBe(addYearsCst(olderApprovedAt, 3));
    expect(await deadline(newer)).toBe(addYearsCst(newerApprovedAt, 5));
    expect((await h.as('pianguan').projects.get({ id: newer })).project.obligation!.deadline).toBe(addYearsCst(newerApprovedAt, 5));
    // Its first trade after the change: 1 year from the trade.
    h.clock.advance(DAY);
    const trade = await sell(lot.id, '10');
    expect(await deadline(older)).toBe(addYearsCst(trade.settledAt!, 1));
  });

  it('the first trade starts a 2-year clock; overdue flags the three consequences; acceptance clears them', async () => {
    const { id, lot } = await approved();
    const approvedAt = h.clock.now();
    const status = async () => (await h.as('province').projects.obligations()).find((p) => p.id === id)!.obligation!;
    expect((await status()).deadline).toBe(addYearsCst(approvedAt, 3));

    h.clock.advance(10 * DAY);
    const trade = await sell(lot.id, '10');
    expect((await status()).deadline).toBe(addYearsCst(trade.settledAt!, 2));
    // A second sale does not move the clock.
    h.clock.advance(DAY);
    await sell(lot.id, '10', 'zone2');
    expect((await status()).deadline).toBe(addYearsCst(trade.settledAt!, 2));

    await no(async () => h.as('pianguan').projects.reportProgress({ projectId: id, percent: 10, note: '' }), 'CONFLICT', '复垦设计报告尚未经市级审批。');
    await no(async () => h.as('xinzhou').projects.acceptReclamation({ projectId: id, ref: '验收1' }), 'CONFLICT');
    await h.as('xinzhou').projects.approveDesign({ projectId: id, ref: '忻自然资复〔2026〕3号' });
    await no(async () => h.as('xinzhou').projects.approveDesign({ projectId: id, ref: 'again' }), 'CONFLICT');
    await h.as('pianguan').projects.reportProgress({ projectId: id, percent: 60, note: '旧房拆除完成' });
    await no(async () => h.as('pianguan').projects.reportProgress({ projectId: id, percent: 101, note: '' }), 'BAD_REQUEST');

    const deadline = (await status()).deadline;
    h.clock.set(deadline - 100 * DAY);
    expect(await status()).toMatchObject({ state: 'due', reminderDays: 180 });
    h.clock.set(deadline - 30 * DAY);
    expect(await status()).toMatchObject({ state: 'due', reminderDays: 30 });
    h.clock.set(deadline + 1);
    expect(await status()).toMatchObject({ state: 'overdue', consequences: ['assessmentPointsLost', 'nextYearQuotaCut', 'landApprovalsSuspended'] });
    // Overdue first in every role's list: the county's own, the city's.
    expect((await h.as('pianguan').projects.obligations())[0]!.id).toBe(id);
    expect((await h.as('xinzhou').projects.obligations())[0]!.obligation!.state).toBe('overdue');

    await h.as('xinzhou').projects.acceptReclamation({ projectId: id, ref: '忻自然资验〔2028〕9号' });
    expect(await status()).toMatchObject({ state: 'accepted', consequences: [] });
    await no(async () => h.as('xinzhou').projects.acceptReclamation({ projectId: id, ref: 'again' }), 'CONFLICT', '该项目区已通过复垦验收。');
    await no(async () => h.as('pianguan').projects.reportProgress({ projectId: id, percent: 100, note: '' }), 'CONFLICT');
    expect((await h.as('pianguan').projects.get({ id })).reports.map((r) => r.percent)).toEqual([60]);
  });

  it('reclamation steps need an approved project, and the right city', async () => {
    const id = await submitted();
    await no(async () => h.as('xinzhou').projects.approveDesign({ projectId: id, ref: 'X' }), 'CONFLICT', '该项目区尚未批准立项。');
    await no(async () => h.as('xinzhou').projects.approveDesign({ projectId: 999, ref: 'X' }), 'NOT_FOUND');
  });
});

describe('use of rights (domain.md step 8)', () => {
  it('a zone uses rights oldest lot first, never beyond what it holds; uses show in the trace and ledger', async () => {
    const { id, lot } = await approved();
    await sell(lot.id, '100');
    const zone = h.as('zone');
    await no(
      () => zone.rights.use({ applicationName: '综改区2026年第1批次用地', approvalRef: '晋政地〔2026〕1号', area: '100.001', rights: ['NEW_LAND'] }),
      'CONFLICT',
      '新增建设用地指标持有量不足：现有 100.000 亩。',
    );
    const e = await no(async () => h.as('zone', 'en').rights.use({ applicationName: 'a', approvalRef: 'b', area: '100.001', rights: ['SCALE'] }), 'CONFLICT');
    expect(e.message).toBe('Not enough Construction land scale: 100.000 mu held.');
    // Refused by the input schema, beside any other field (its message over HTTP: field-errors.test.ts).
    await no(() => zone.rights.use({ applicationName: 'a', approvalRef: 'b', area: '1', rights: [] }), 'BAD_REQUEST');

    const use = await zone.rights.use({ applicationName: '综改区2026年第1批次用地', approvalRef: '晋政地〔2026〕1号', area: '60', rights: ['FARMLAND', 'NEW_LAND', 'SCALE'] });
    expect(use.rights).toBe('FARMLAND,NEW_LAND,SCALE');
    expect(await bal('zone', 'NEW_LAND', 'held', lot.id)).toBe(40_000);
    expect(await bal('zone', 'NEW_LAND', 'used', lot.id)).toBe(60_000);
    // The trade carried 100 × 140/180.5 mu of farmland; 60 of it is used.
    const farmland = await bal('zone', 'FARMLAND', 'used', lot.id) + await bal('zone', 'FARMLAND', 'held', lot.id);
    expect(await bal('zone', 'FARMLAND', 'used', lot.id)).toBe(60_000);
    expect(farmland).toBe(77_562);

    const trace = await h.as('province').projects.trace({ id });
    expect(trace.uses.map((u) => [u.zoneName, u.asset, u.qtyMilliMu])).toEqual([
      ['山西转型综改示范区', 'FARMLAND', 60_000],
      ['山西转型综改示范区', 'NEW_LAND', 60_000],
      ['山西转型综改示范区', 'SCALE', 60_000],
    ]);
    expect((await zone.rights.uses()).map((u) => u.id)).toEqual([use.id]);
    await no(() => zone.rights.use({ applicationName: 'b', approvalRef: 'c', area: '17.563', rights: ['FARMLAND'] }), 'CONFLICT');
    await zone.rights.use({ applicationName: 'b', approvalRef: 'c', area: '17.562', rights: ['FARMLAND'] });
    await ledgerClean();
  });

  it('a use sent again with its request id is recorded once and answered as the first time', async () => {
    const { lot } = await approved();
    await sell(lot.id, '10');
    const zone = h.as('zone');
    const input = { applicationName: '综改区重发测试', approvalRef: '晋政地〔2026〕9号', area: '2', rights: ['NEW_LAND' as const], requestId: 'use-retry-0001' };
    const first = await zone.rights.use(input);
    const again = await zone.rights.use(input);
    expect(again).toEqual(first);
    expect((await zone.rights.uses()).map((u) => u.id)).toEqual([first.id]);
    expect(await bal('zone', 'NEW_LAND', 'used', lot.id)).toBe(2_000);
    // Another id is another use; an id that is not 8–64 letters, digits and dashes is refused.
    await zone.rights.use({ ...input, requestId: 'use-retry-0002' });
    expect(await bal('zone', 'NEW_LAND', 'used', lot.id)).toBe(4_000);
    await no(() => zone.rights.use({ ...input, requestId: 'bad id' }), 'BAD_REQUEST');
    await ledgerClean();
  });
});

describe('use of proceeds (seed 001 三(三))', () => {
  it('a county spends what it received, not more; the province sees received vs spent', async () => {
    const { lot } = await approved();
    await sell(lot.id, '10'); // 10 mu × 30,000 = 300,000 yuan
    const county = h.as('pianguan');
    const today = new Date(h.clock.now() + 8 * HOUR).toISOString().slice(0, 10);
    const spend = (amount: string, spentOn = today) =>
      county.proceeds.spend({ spentOn, amount, category: 'poverty_consolidation', purpose: '易地扶贫搬迁后续扶持', budgetRef: '偏财预〔2026〕12号' });
    await no(() => spend('300000.01'), 'CONFLICT', '支出金额超过可用收益（可用 300,000.00 元）。');
    await no(() => spend('1', '2099-01-01'), 'BAD_REQUEST', '日期不能晚于今天。');
    await no(() => spend('1', '2026-02-30'), 'BAD_REQUEST', '请输入有效日期（年-月-日）。');
    await spend('120000');
    await spend('180000');
    await no(() => spend('0.01'), 'CONFLICT');
    const mine = await county.proceeds.mine();
    expect(mine).toMatchObject({ receivedFen: 30_000_000, spentFen: 30_000_000, availableFen: 0 });
    expect(mine.spendings).toHaveLength(2);
    const all = await h.as('province').proceeds.byCounty();
    expect(all.find((r) => r.countyName === '偏关县')).toMatchObject({ receivedFen: 30_000_000, spentFen: 30_000_000 });
    expect(all.find((r) => r.countyName === '河曲县')).toMatchObject({ receivedFen: 0, spentFen: 0 });
    expect(all).toHaveLength(36);
    await ledgerClean();
  });
});

describe('plan quota (seed 000)', () => {
  it('the seed gave this year’s standard quota; a new year goes to a group once, to one county once', async () => {
    const ledger = await h.as('pianguan').accounts.ledger();
    const balance = (asset: string) => ledger.balances.find((b) => b.asset === asset && b.bucket === 'held')?.balance;
    expect(balance('PLAN_NEW_LAND')).toBe(600_000);
    expect(balance('PLAN_LINKING')).toBe(1_000_000);

    const province = h.as('province');
    const r = await province.plan.allocate({ kind: 'PLAN_NEW_LAND', year: 2027, qty: '600', documentRef: '晋自然资发〔2027〕1号', to: { group: 'national_poverty' } });
    expect(r).toEqual({ allocated: 36, skipped: 0 });
    await no(() => province.plan.allocate({ kind: 'PLAN_NEW_LAND', year: 2027, qty: '600', documentRef: 'x', to: { group: 'poverty' } }), 'CONFLICT', '2027 年度该类计划指标已下达，不能重复下达。');
    await no(async () => province.plan.allocate({ kind: 'PLAN_NEW_LAND', year: 2027, qty: '1', documentRef: 'x', to: { countyId: await org('hequ') } }), 'CONFLICT');
    await no(async () => province.plan.allocate({ kind: 'PLAN_NEW_LAND', year: 2028, qty: '1', documentRef: 'x', to: { countyId: await org('zone') } }), 'NOT_FOUND', '未找到该县。');
    await province.plan.allocate({ kind: 'PLAN_LINKING', year: 2028, qty: '1000', documentRef: 'x', to: { countyId: await org('hequ') } });
    expect(await bal('hequ', 'PLAN_LINKING', 'held')).toBe(2_000_000);
    expect((await h.as('hequ').plan.mine()).map((a) => [a.year, a.kind])).toEqual([
      [2028, 'PLAN_LINKING'],
      [2027, 'PLAN_NEW_LAND'],
      [2026, 'PLAN_LINKING'],
      [2026, 'PLAN_NEW_LAND'],
    ]);
    await ledgerClean();
  });
});

describe('quota has one source', () => {
  it('every lot was issued by a province approval of its project, in the same transaction', async () => {
    await approved();
    const lots = (await h.db.connection.prepare('select l.id, l.issued_at, p.status, p.approved_at from lots l join projects p on p.id = l.project_id').all()) as {
      id: number;
      issued_at: number;
      status: string;
      approved_at: number;
    }[];
    expect(lots.length).toBe(5);
    for (const l of lots) expect([l.status, l.issued_at]).toEqual(['approved', l.approved_at]);
    const issues = await h.db.select().from(auditLog).where(eq(auditLog.action, 'lot.issue')).all();
    expect(issues.map((a) => a.entityId).sort()).toEqual(lots.map((l) => l.id).sort());
  });
});
