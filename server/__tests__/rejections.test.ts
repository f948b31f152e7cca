// Every refused action through tRPC callers: the right code, a clear message in the
// caller's language, and nothing written. One database for the whole file: since no refusal may
// write, the scenario built in beforeAll must survive every test unchanged.
import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '@/lib/i18n/define';
import { appRouter } from '@/server/app-router';
import type { Role } from '@/server/kernel/roles';
import { sessionUser } from '@/server/users/queries';
import { sweep } from '@/server/market/closing';
import { THRESHOLD_DEFAULTS, THRESHOLD_KEYS } from '@/server/integrity/domain/thresholds';
import { type Harness, T0, makeHarness } from '@/server/testing/harness';
import { dumpTables, refused as refusedIn } from '@/server/testing/refusals';

type Caller = ReturnType<Harness['as']>;

const HOUR = 3_600_000;
const DAY = 86_400_000;
const CJK = /[\u4e00-\u9fff]/;

let h: Harness;
const s = {
  lot1: 0, // 偏关县's first lot, 1348.888 mu
  lot2: 0,
  lot3: 0, // 河曲县's lot
  pending: 0, // P: pianguan, awaiting review
  upcoming: 0, // U: approved, opens in two days
  negotiated: 0, // N: approved, open, with zone2's offer
  offerN: 0,
  fresh: 0, // A2: approved auction without bids, reserve 25,000
  demo: 1, // the seed's auction, with zone's bid of 20,000 × 100
  bidDemo: 0,
  shortClosed: 0, // S: 河曲县, closed, awarded to zone
  trade: 0, // T: zone's award on S, awaiting payment
  proposal: 0, // a transfer to zone2 proposed by province, awaiting its checker
  message: 0, // zone's message of its award T
  apiKey: 0, // zone2's API key
};

beforeAll(async () => {
  h = await makeHarness();
  const county = h.as('pianguan');
  const province = h.as('province');
  const lots = await county.accounts.quota();
  s.lot1 = lots[0]!.id;
  s.lot2 = lots[1]!.id;
  s.lot3 = (await h.as('hequ').accounts.quota())[0]!.id;
  const base = { mode: 'auction' as const, reservePrice: '30000', minLot: '10', increment: '500', opensAt: T0 };

  s.pending = (await county.listings.create({ ...base, lotId: s.lot1, qty: '100', closesAt: T0 + 3 * DAY })).id;
  s.upcoming = (await county.listings.create({ ...base, lotId: s.lot1, qty: '50', opensAt: T0 + 2 * DAY, closesAt: T0 + 5 * DAY })).id;
  s.negotiated = (await county.listings.create({ ...base, mode: 'negotiated', increment: undefined, lotId: s.lot1, qty: '100', closesAt: T0 + 30 * DAY })).id;
  s.fresh = (await county.listings.create({ ...base, lotId: s.lot2, qty: '100', reservePrice: '25000', closesAt: T0 + 3 * DAY })).id;
  for (const id of [s.upcoming, s.negotiated, s.fresh]) await province.listings.review({ listingId: id, approve: true });
  s.offerN = (await h.as('zone2').bids.offer({ listingId: s.negotiated, price: '30000', qty: '40' })).bid.id;
  s.bidDemo = (await h.as('zone').bids.place({ listingId: s.demo, price: '20000', qty: '100' })).bid.id;

  const hequ = h.as('hequ');
  s.shortClosed = (await hequ.listings.create({ ...base, lotId: s.lot3, qty: '10', increment: '100', closesAt: T0 + HOUR })).id;
  await province.listings.review({ listingId: s.shortClosed, approve: true });
  await h.as('zone').bids.place({ listingId: s.shortClosed, price: '30000', qty: '10' });
  h.clock.advance(HOUR);
  expect(await sweep(h.services)).toEqual({ closed: 1, lapsed: 0 });
  s.trade = (await h.as('zone').trades.list()).trades[0]!.id;
  s.proposal = (await province.accounts.proposeTransfer({ zoneId: (await h.actor('zone2')).organisationId, amount: '1000', bankRef: 'WAIT-0001' })).id;
  s.message = (await h.as('zone').notifications.list()).messages.find((m) => m.kind === 'won')!.id;
  s.apiKey = (await h.as('zone2').apiKeys.create({ name: '监测系统', scopes: ['read:market'], expiresAt: h.clock.now() + DAY })).key.id;
  // A city of another jurisdiction, for the cross-organisation checks.
  const datongCity = ((await h.db.connection.prepare("select id from cities where name = '大同市'").get()) as { id: number }).id;
  const datongOrg = (await h.db.connection.prepare<{ id: number }>("insert into organisations (kind, name, city_id) values ('city', '大同市自然资源局', ?) returning id").get(datongCity))!.id;
  await province.users.create({ username: 'datong', displayName: '大同市局审查员', organisationId: datongOrg, password: 'Datong2026x' });
  await h.as('datong').me.changePassword({ currentPassword: 'Datong2026x', newPassword: 'Datong2027y' });
  expect(await h.checkLedger()).toEqual({ mismatches: [], unbalanced: [], nonZeroTotals: [] });
});
afterAll(() => h.close());

/** Calls, expects a refusal with `code`, and checks that no row of any table changed. */
const refused = (call: () => Promise<unknown>, code: TRPC_ERROR_CODE_KEY, message?: string | RegExp) => refusedIn(h.db, call, code, message);

describe('listings', () => {
  const terms = () => ({ lotId: s.lot1, mode: 'auction' as const, qty: '100', reservePrice: '30000', minLot: '10', increment: '500', opensAt: T0, closesAt: T0 + 2 * DAY });

  it('a listing over the lot’s free quota is refused and nothing is written', async () => {
    // 1348.888 − 100 (P) − 50 (U) − 100 (N) = 1098.888 mu free.
    expect((await h.as('pianguan').accounts.quota()).find((l) => l.id === s.lot1)!.freeMilliMu).toBe(1_098_888);
    const zh = await refused(async () => h.as('pianguan').listings.create({ ...terms(), qty: '1098.889' }), 'CONFLICT');
    expect(zh.message).toBe('挂牌数量超过该批次的可用指标（可用 1,098.888 亩）。');
    const en = await refused(async () => h.as('pianguan', 'en').listings.create({ ...terms(), qty: '1098.889' }), 'CONFLICT');
    expect(en.message).toBe('The quantity is more than the lot’s free quota (1,098.888 mu free).');
  });

  it('incoherent terms are refused', async () => {
    const c = h.as('pianguan');
    await refused(() => c.listings.create({ ...terms(), minLot: '100.001' }), 'BAD_REQUEST', '最小成交量不能大于挂牌数量。');
    await refused(() => c.listings.create({ ...terms(), closesAt: T0 - 1 }), 'BAD_REQUEST', '截止时间必须晚于开始时间。');
    await refused(() => c.listings.create({ ...terms(), closesAt: T0 }), 'BAD_REQUEST', '截止时间必须晚于开始时间。');
    await refused(() => c.listings.create({ ...terms(), opensAt: T0 - DAY, closesAt: T0 + HOUR - 1 }), 'BAD_REQUEST', /截止时间已过/);
    await refused(() => c.listings.create({ ...terms(), increment: undefined }), 'BAD_REQUEST', /加价幅度/);
    await refused(() => c.listings.create({ ...terms(), qty: '0.002', minLot: '0.001', reservePrice: '0.01' }), 'BAD_REQUEST', /0\.01 元/);
  });

  it('a county cannot list another county’s lot', async () => {
    await refused(async () => h.as('hequ').listings.create({ ...terms() }), 'NOT_FOUND', '未找到该指标批次，或它不属于本县。');
  });

  it('a listing with bids cannot be edited or withdrawn', async () => {
    const c = h.as('pianguan');
    const demoTerms = { ...terms(), lotId: s.lot2, qty: '300', listingId: s.demo, closesAt: T0 + 7 * DAY };
    await refused(() => c.listings.update(demoTerms), 'CONFLICT', '该挂牌已有报价，不能再修改或撤回。');
    await refused(() => c.listings.withdraw({ id: s.demo }), 'CONFLICT', '该挂牌已有报价，不能再修改或撤回。');
    // Nor may an edit move a listing to another lot, nor touch a closed listing.
    await refused(() => c.listings.update({ ...terms(), lotId: s.lot2, listingId: s.pending }), 'CONFLICT');
    await refused(async () => h.as('hequ').listings.update({ ...terms(), lotId: s.lot3, qty: '10', listingId: s.shortClosed }), 'CONFLICT');
  });

  it('another county cannot see, edit, withdraw or accept on 偏关县’s listing: NOT_FOUND', async () => {
    const hequ = h.as('hequ');
    await refused(() => hequ.listings.withdraw({ id: s.pending }), 'NOT_FOUND', '未找到该挂牌，或您无权查看。');
    await refused(() => hequ.listings.update({ ...terms(), listingId: s.pending }), 'NOT_FOUND');
    await refused(() => hequ.listings.update({ ...terms(), lotId: s.lot3, listingId: s.pending }), 'NOT_FOUND');
    await refused(() => hequ.bids.accept({ id: s.offerN }), 'NOT_FOUND');
    await refused(() => hequ.listings.get({ id: s.pending }), 'NOT_FOUND');
    await refused(async () => h.as('baode').listings.withdraw({ id: s.fresh }), 'NOT_FOUND');
  });

  it('the province’s review: only pending listings, and a rejection needs a reason', async () => {
    const p = h.as('province');
    await refused(() => p.listings.review({ listingId: s.demo, approve: true }), 'CONFLICT', '该挂牌不在待审核状态。');
    await refused(() => p.listings.review({ listingId: s.pending, approve: false }), 'BAD_REQUEST', '驳回时必须填写理由。');
    await refused(() => p.listings.review({ listingId: s.pending, approve: false, reason: ' \n ' }), 'BAD_REQUEST');
    await refused(() => p.listings.review({ listingId: 9999, approve: true }), 'NOT_FOUND');
    const en = await refused(async () => h.as('province', 'en').listings.review({ listingId: s.pending, approve: false }), 'BAD_REQUEST');
    expect(en.message).toBe('A rejection needs a reason.');
  });
});

describe('bids and offers', () => {
  const zone2 = () => h.as('zone2');

  it('below the reserve, and below best + increment', async () => {
    await refused(() => zone2().bids.place({ listingId: s.fresh, price: '24999.99', qty: '50' }), 'BAD_REQUEST', '报价低于底价（25,000.00 元/亩）。');
    await refused(() => zone2().bids.place({ listingId: s.demo, price: '20500', qty: '100' }), 'BAD_REQUEST', '报价须不低于 21,000.00 元/亩（当前最高价 20,000.00 元/亩加上加价幅度）。');
    await refused(() => zone2().bids.place({ listingId: s.demo, price: '20000', qty: '100' }), 'BAD_REQUEST');
    const en = await refused(async () => h.as('zone2', 'en').bids.place({ listingId: s.demo, price: '20999.99', qty: '100' }), 'BAD_REQUEST');
    expect(en.message).toBe('The bid must be at least 21,000.00 yuan/mu (best bid 20,000.00 plus the increment).');
  });

  it('quantity above what is offered, or below the minimum lot', async () => {
    await refused(() => zone2().bids.place({ listingId: s.demo, price: '21000', qty: '300.001' }), 'BAD_REQUEST', '数量超过可供数量（最多 300.000 亩）。');
    await refused(() => zone2().bids.place({ listingId: s.demo, price: '21000', qty: '49.999' }), 'BAD_REQUEST', '数量低于最小成交量（至少 50.000 亩）。');
  });

  it('before the opening, after the close, and on a listing not yet approved', async () => {
    await refused(() => zone2().bids.place({ listingId: s.upcoming, price: '30000', qty: '50' }), 'CONFLICT', '该挂牌尚未开始，请在开始时间后报价。');
    await refused(() => zone2().bids.place({ listingId: s.shortClosed, price: '40000', qty: '10' }), 'CONFLICT', '该挂牌已截止，不再接受报价。');
    await refused(() => zone2().bids.place({ listingId: s.pending, price: '30000', qty: '50' }), 'NOT_FOUND', '未找到该挂牌，或您无权查看。');
    await refused(() => zone2().bids.place({ listingId: 9999, price: '30000', qty: '50' }), 'NOT_FOUND');
  });

  it('without the free funds for the deposit', async () => {
    // 300 mu × 400,000 元/亩 × 20% = 24,000,000 元 > zone3's 20,000,000 元.
    await refused(async () => h.as('zone3').bids.place({ listingId: s.demo, price: '400000', qty: '300' }), 'CONFLICT', '可用资金不足以冻结竞买保证金：需要 24,000,000.00 元（报价金额的 20%，依据 平台默认设置），可用 20,000,000.00 元。');
    await refused(async () => h.as('zone3').bids.offer({ listingId: s.negotiated, price: '1500000', qty: '100' }), 'CONFLICT', /可用资金不足以冻结竞买保证金/);
    // A bid replacing the zone's earlier one counts the deposit it replaces, and the message says so.
    await refused(async () => h.as('zone').bids.place({ listingId: s.demo, price: '900000', qty: '300' }), 'CONFLICT', /^可用资金不足以冻结新报价的保证金：需要 54,000,000\.00 元（报价金额的 20%，依据 平台默认设置），可用 [\d,]+\.00 元（含您在本挂牌已冻结的 400,000\.00 元）。$/);
  });

  it('the wrong procedure for the listing’s mode', async () => {
    await refused(() => zone2().bids.place({ listingId: s.negotiated, price: '30000', qty: '50' }), 'CONFLICT', '该挂牌的交易方式不支持此操作。');
    await refused(() => zone2().bids.offer({ listingId: s.demo, price: '30000', qty: '50' }), 'CONFLICT');
  });

  it('offers below the reserve, above what is left, below the minimum lot', async () => {
    await refused(async () => h.as('zone').bids.offer({ listingId: s.negotiated, price: '29999.99', qty: '50' }), 'BAD_REQUEST', /30,000\.00/);
    await refused(async () => h.as('zone').bids.offer({ listingId: s.negotiated, price: '30000', qty: '100.001' }), 'BAD_REQUEST', /100\.000/);
    await refused(async () => h.as('zone').bids.offer({ listingId: s.negotiated, price: '30000', qty: '9.999' }), 'BAD_REQUEST', /10\.000/);
  });

  it('not someone else’s offer, and a bid is not an offer', async () => {
    await refused(async () => h.as('zone').bids.withdrawOffer({ id: s.offerN }), 'NOT_FOUND', '未找到该报价，或它不属于您的单位。');
    await refused(async () => h.as('zone').bids.withdrawOffer({ id: s.bidDemo }), 'NOT_FOUND');
    await refused(async () => h.as('pianguan').bids.accept({ id: s.bidDemo }), 'NOT_FOUND');
    await refused(async () => h.as('pianguan').bids.accept({ id: 9999 }), 'NOT_FOUND');
  });

  it('a county cannot bid at all, so not on its own listing either', async () => {
    await refused(async () => h.as('pianguan').bids.place({ listingId: s.fresh, price: '30000', qty: '50' }), 'FORBIDDEN', '您的角色（县）无权执行此操作。');
  });
});

describe('trades and funds', () => {
  it('a zone cannot pay or read another zone’s trade; a county cannot read another county’s', async () => {
    await refused(async () => h.as('zone2').trades.pay({ id: s.trade }), 'NOT_FOUND', '未找到该成交记录，或它不属于您的单位。');
    await refused(async () => h.as('zone3').trades.get({ id: s.trade }), 'NOT_FOUND');
    await refused(async () => h.as('pianguan').trades.get({ id: s.trade }), 'NOT_FOUND');
    await refused(async () => h.as('zone').trades.pay({ id: 9999 }), 'NOT_FOUND');
    expect((await h.as('zone2').trades.list()).trades.map((t) => t.id)).not.toContain(s.trade);
  });

  it('a transfer to a non-zone or with a used bank reference is refused', async () => {
    const p = h.as('province');
    const county = (await h.actor('pianguan')).organisationId;
    const zone = (await h.actor('zone')).organisationId;
    await refused(() => p.accounts.proposeTransfer({ zoneId: county, amount: '100', bankRef: 'X-1' }), 'NOT_FOUND', '未找到该开发区。');
    await refused(() => p.accounts.proposeTransfer({ zoneId: zone, amount: '100', bankRef: `DEMO-${zone}-0001` }), 'CONFLICT', `银行流水号 DEMO-${zone}-0001 已登记过，不能重复入账。`);
    // A reference waiting for its checker is taken too.
    await refused(async () => h.as('checker').accounts.proposeTransfer({ zoneId: zone, amount: '100', bankRef: 'WAIT-0001' }), 'CONFLICT', '银行流水号 WAIT-0001 已登记过，不能重复入账。');
  });

  it('a proposal is decided by another province official, once, a rejection with a reason', async () => {
    const p = h.as('province');
    await refused(() => p.accounts.confirmTransfer({ id: s.proposal }), 'FORBIDDEN', '不能复核本人登记的入账：须由另一名省厅工作人员确认或驳回。');
    await refused(() => p.accounts.rejectTransfer({ id: s.proposal, reason: '金额有误' }), 'FORBIDDEN');
    const en = await refused(async () => h.as('province', 'en').accounts.confirmTransfer({ id: s.proposal }), 'FORBIDDEN');
    expect(en.message).toBe('You recorded this transfer yourself: another province official must confirm or reject it.');
    await refused(async () => h.as('checker').accounts.rejectTransfer({ id: s.proposal }), 'BAD_REQUEST', '驳回时必须填写理由。');
    await refused(async () => h.as('checker').accounts.rejectTransfer({ id: s.proposal, reason: '  ' }), 'BAD_REQUEST');
    await refused(async () => h.as('checker').accounts.confirmTransfer({ id: 9999 }), 'NOT_FOUND', '未找到该笔入账登记。');
    // The seed's transfers are decided already.
    const demo = (await p.accounts.transfers()).history.find((t) => t.status === 'confirmed')!;
    await refused(async () => h.as('checker').accounts.confirmTransfer({ id: demo.id }), 'CONFLICT', `银行流水号 ${demo.bankRef} 的入账已经确认，不能再次确认或驳回。`);
    await refused(() => p.accounts.rejectTransfer({ id: demo.id, reason: '重复' }), 'CONFLICT');
  });
});

// --- roles -----------------------------------------------------------------------------------------
const USER_OF_ROLE: Record<Role, string> = { province: 'province', city: 'xinzhou', county: 'pianguan', zone: 'zone' };
const ROLES = Object.keys(USER_OF_ROLE) as Role[];
const ROLE_NAME_ZH: Record<Role, string> = { province: '省厅', city: '市局', county: '县', zone: '开发区' };

const procedures: { path: string; roles: Role[]; call: (c: Caller) => Promise<unknown> }[] = [
  { path: 'listings.market', roles: ['zone', 'province', 'county', 'city'], call: (c) => c.listings.market() },
  { path: 'listings.mine', roles: ['county'], call: (c) => c.listings.mine() },
  {
    path: 'listings.create',
    roles: ['county'],
    call: (c) => c.listings.create({ lotId: s.lot1, mode: 'auction', qty: '1', reservePrice: '1', minLot: '1', increment: '1', opensAt: T0, closesAt: T0 + DAY }),
  },
  {
    path: 'listings.update',
    roles: ['county'],
    call: (c) => c.listings.update({ listingId: s.pending, lotId: s.lot1, mode: 'auction', qty: '1', reservePrice: '1', minLot: '1', increment: '1', opensAt: T0, closesAt: T0 + DAY }),
  },
  { path: 'listings.withdraw', roles: ['county'], call: (c) => c.listings.withdraw({ id: s.pending }) },
  { path: 'listings.reviewQueue', roles: ['province'], call: (c) => c.listings.reviewQueue() },
  { path: 'listings.all', roles: ['province'], call: (c) => c.listings.all() },
  { path: 'listings.review', roles: ['province'], call: (c) => c.listings.review({ listingId: s.pending, approve: true }) },
  { path: 'bids.place', roles: ['zone'], call: (c) => c.bids.place({ listingId: s.demo, price: '21000', qty: '100' }) },
  { path: 'bids.offer', roles: ['zone'], call: (c) => c.bids.offer({ listingId: s.negotiated, price: '30000', qty: '10' }) },
  { path: 'bids.withdrawOffer', roles: ['zone'], call: (c) => c.bids.withdrawOffer({ id: s.offerN }) },
  { path: 'bids.accept', roles: ['county'], call: (c) => c.bids.accept({ id: s.offerN }) },
  { path: 'bids.mine', roles: ['zone'], call: (c) => c.bids.mine() },
  { path: 'trades.list', roles: ['county', 'zone', 'province'], call: (c) => c.trades.list() },
  { path: 'trades.get', roles: ['county', 'zone', 'province'], call: (c) => c.trades.get({ id: s.trade }) },
  { path: 'trades.pay', roles: ['zone'], call: (c) => c.trades.pay({ id: s.trade }) },
  { path: 'accounts.ledger', roles: ['county', 'zone'], call: (c) => c.accounts.ledger() },
  { path: 'accounts.quota', roles: ['county'], call: (c) => c.accounts.quota() },
  { path: 'accounts.zones', roles: ['province'], call: (c) => c.accounts.zones() },
  { path: 'accounts.transfers', roles: ['province'], call: (c) => c.accounts.transfers() },
  { path: 'accounts.proposeTransfer', roles: ['province'], call: async (c) => c.accounts.proposeTransfer({ zoneId: (await h.actor('zone')).organisationId, amount: '1', bankRef: 'ROLE-TEST' }) },
  { path: 'accounts.confirmTransfer', roles: ['province'], call: (c) => c.accounts.confirmTransfer({ id: s.proposal }) },
  { path: 'accounts.rejectTransfer', roles: ['province'], call: (c) => c.accounts.rejectTransfer({ id: s.proposal, reason: '测试' }) },
  { path: 'settings.current', roles: ['province'], call: (c) => c.settings.current() },
  { path: 'settings.history', roles: ['province'], call: (c) => c.settings.history() },
  { path: 'settings.onDate', roles: ['province'], call: (c) => c.settings.onDate({ date: '2026-01-01' }) },
  {
    path: 'settings.addVersion',
    roles: ['province'],
    call: (c) => c.settings.addVersion({ depositRateBp: 5000, paymentDays: 1, antiSnipingWindowSeconds: 0, antiSnipingExtensionSeconds: 0, documentNo: '测试', effectiveDate: '2099-01-01' }),
  },
  // Projects, reclamation, trace, uses of rights, proceeds, plan quota. Project 1 is 偏关县's first, approved.
  { path: 'projects.list', roles: ['county', 'city', 'province'], call: (c) => c.projects.list() },
  { path: 'projects.queue', roles: ['city', 'province'], call: (c) => c.projects.queue() },
  { path: 'projects.obligations', roles: ['county', 'city', 'province'], call: (c) => c.projects.obligations() },
  { path: 'projects.get', roles: ['county', 'city', 'province'], call: (c) => c.projects.get({ id: 1 }) },
  { path: 'projects.trace', roles: ['county', 'city', 'province'], call: (c) => c.projects.trace({ id: 1 }) },
  { path: 'projects.create', roles: ['county'], call: (c) => c.projects.create({ name: 'x', villages: 'y', forCrossRegion: true, landType: 'ordinary', plots: [] }) },
  { path: 'projects.update', roles: ['county'], call: (c) => c.projects.update({ projectId: 1, name: 'x', villages: 'y', forCrossRegion: true, landType: 'ordinary', plots: [] }) },
  { path: 'projects.removeDocument', roles: ['county'], call: (c) => c.projects.removeDocument({ id: 1 }) },
  { path: 'projects.submit', roles: ['county'], call: (c) => c.projects.submit({ id: 1 }) },
  { path: 'projects.cityReview', roles: ['city'], call: (c) => c.projects.cityReview({ projectId: 5, approve: true }) },
  { path: 'projects.provinceReview', roles: ['province'], call: (c) => c.projects.provinceReview({ projectId: 5, approve: true, approvalRef: 'X' }) },
  { path: 'projects.approveDesign', roles: ['city'], call: (c) => c.projects.approveDesign({ projectId: 1, ref: 'X' }) },
  { path: 'projects.reportProgress', roles: ['county'], call: (c) => c.projects.reportProgress({ projectId: 1, percent: 10 }) },
  { path: 'projects.acceptReclamation', roles: ['city'], call: (c) => c.projects.acceptReclamation({ projectId: 1, ref: 'X' }) },
  { path: 'rights.uses', roles: ['zone'], call: (c) => c.rights.uses() },
  { path: 'rights.held', roles: ['zone'], call: (c) => c.rights.held() },
  { path: 'rights.use', roles: ['zone'], call: (c) => c.rights.use({ applicationName: 'x', approvalRef: 'y', area: '1', rights: ['NEW_LAND'] }) },
  { path: 'rights.trace', roles: ['zone'], call: (c) => c.rights.trace({ lotId: s.lot1 }) },
  { path: 'proceeds.mine', roles: ['county'], call: (c) => c.proceeds.mine() },
  { path: 'proceeds.statement', roles: ['county'], call: (c) => c.proceeds.statement() },
  { path: 'proceeds.spend', roles: ['county'], call: (c) => c.proceeds.spend({ spentOn: '2026-11-01', amount: '1', category: 'other', purpose: 'x', budgetRef: 'y' }) },
  { path: 'proceeds.byCounty', roles: ['province'], call: (c) => c.proceeds.byCounty() },
  { path: 'plan.list', roles: ['province'], call: (c) => c.plan.list() },
  { path: 'plan.mine', roles: ['county'], call: (c) => c.plan.mine() },
  { path: 'plan.allocate', roles: ['province'], call: (c) => c.plan.allocate({ kind: 'PLAN_LINKING', year: 2030, qty: '1', documentRef: 'x', to: { group: 'poverty' } }) },
  { path: 'stats.market', roles: ['province', 'county', 'zone'], call: (c) => c.stats.market({ year: 2026, cityId: null, countyId: null }) },
  { path: 'stats.proceeds', roles: ['province', 'county'], call: (c) => c.stats.proceeds({ year: 2026, cityId: null, countyId: null }) },
  { path: 'stats.targetHistory', roles: ['province'], call: (c) => c.stats.targetHistory({ year: 2026, cityId: null, countyId: null }) },
  { path: 'stats.targets', roles: ['province', 'county'], call: (c) => c.stats.targets({ year: 2026, cityId: null, countyId: null }) },
  { path: 'stats.obligations', roles: ['province'], call: (c) => c.stats.obligations({ year: null, cityId: null, countyId: null }) },
  { path: 'stats.assessment', roles: ['province'], call: (c) => c.stats.assessment({ year: 2025, cityId: null, countyId: null }) },
  { path: 'stats.setTarget', roles: ['province'], call: (c) => c.stats.setTarget({ year: 2027, qty: '1', documentRef: '晋自然资发〔2026〕30号', to: { group: 'poverty' } }) },
  { path: 'stats.places', roles: ['province'], call: (c) => c.stats.places() },
  { path: 'users.list', roles: ['province'], call: (c) => c.users.list() },
  { path: 'users.organisations', roles: ['province'], call: (c) => c.users.organisations() },
  { path: 'users.create', roles: ['province'], call: (c) => c.users.create({ username: 'newuser', displayName: 'x', organisationId: 1, password: 'Passw0rd1' }) },
  { path: 'users.setDisabled', roles: ['province'], call: (c) => c.users.setDisabled({ userId: 3, disabled: true }) },
  { path: 'users.resetPassword', roles: ['province'], call: (c) => c.users.resetPassword({ userId: 3, password: 'Passw0rd1' }) },
  { path: 'users.signIns', roles: ['province'], call: (c) => c.users.signIns() },
  { path: 'me.changePassword', roles: ['province', 'city', 'county', 'zone'], call: (c) => c.me.changePassword({ currentPassword: 'not-the-password1', newPassword: 'Another2026x' }) },
  { path: 'audit.list', roles: ['province'], call: (c) => c.audit.list({}) },
  { path: 'audit.entities', roles: ['province'], call: (c) => c.audit.entities() },
  { path: 'guidance.history', roles: ['province'], call: (c) => c.guidance.history() },
  { path: 'proceeds.holdbacks', roles: ['county', 'city', 'province'], call: (c) => c.proceeds.holdbacks() },
  { path: 'integrity.screens', roles: ['province'], call: (c) => c.integrity.screens({ year: 2026 }) },
  { path: 'integrity.thresholds', roles: ['province'], call: (c) => c.integrity.thresholds() },
  { path: 'integrity.setThresholds', roles: ['province'], call: (c) => c.integrity.setThresholds(Object.fromEntries(THRESHOLD_KEYS.map((k) => [k, '1'])) as never) },
  { path: 'guidance.publish', roles: ['province'], call: (c) => c.guidance.publish({ validFrom: '2027-01-01', validTo: '', landType: 'all', reference: '2', floor: '1', documentRef: 'x' }) },
  // 站内消息 and 待办: every signed-in role has its own.
  { path: 'notifications.unreadCount', roles: ['county', 'zone', 'city', 'province'], call: (c) => c.notifications.unreadCount() },
  { path: 'notifications.list', roles: ['county', 'zone', 'city', 'province'], call: (c) => c.notifications.list() },
  { path: 'notifications.markRead', roles: ['county', 'zone', 'city', 'province'], call: (c) => c.notifications.markRead({ id: s.message }) },
  { path: 'notifications.markAllRead', roles: ['county', 'zone', 'city', 'province'], call: (c) => c.notifications.markAllRead() },
  { path: 'notifications.todo', roles: ['county', 'zone', 'city', 'province'], call: (c) => c.notifications.todo() },
  // The supply and demand outlook: a zone declares its own demand; the province and the cities read the outlook.
  { path: 'outlook.demand', roles: ['zone'], call: (c) => c.outlook.demand() },
  { path: 'outlook.declare', roles: ['zone'], call: (c) => c.outlook.declare({ year: 2026, area: '1' }) },
  { path: 'outlook.byCity', roles: ['province', 'city'], call: (c) => c.outlook.byCity({ year: 2026 }) },
  // The open API's keys and change feed: every signed-in role, for its own organisation.
  { path: 'apiKeys.list', roles: ['province', 'city', 'county', 'zone'], call: (c) => c.apiKeys.list() },
  { path: 'apiKeys.create', roles: ['province', 'city', 'county', 'zone'], call: (c) => c.apiKeys.create({ name: 'x', scopes: ['read:market'], expiresAt: T0 - 1 }) },
  { path: 'apiKeys.revoke', roles: ['province', 'city', 'county', 'zone'], call: (c) => c.apiKeys.revoke({ id: s.apiKey }) },
  { path: 'feed.changes', roles: ['province', 'city', 'county', 'zone'], call: (c) => c.feed.changes({}) },
];

// The right role but another organisation: each call names an object of someone else (偏关县's
// listing, offer-taking and project; zone's trade and bid; zone2's offer) and is refused as if the
// object did not exist, with nothing written; lists show only the caller's own.
const others: { path: string; name: string; user: string; call: (c: Caller) => Promise<unknown> }[] = [
  { path: 'listings.update', name: "hequ changes 偏关县's listing", user: 'hequ', call: (c) => c.listings.update({ listingId: s.pending, lotId: s.lot1, mode: 'auction', qty: '10', reservePrice: '30000', minLot: '10', increment: '500', opensAt: T0, closesAt: T0 + 3 * DAY }) },
  { path: 'listings.withdraw', name: "hequ withdraws 偏关县's listing", user: 'hequ', call: (c) => c.listings.withdraw({ id: s.pending }) },
  { path: 'listings.create', name: "hequ lists from 偏关县's lot", user: 'hequ', call: (c) => c.listings.create({ lotId: s.lot1, mode: 'auction', qty: '10', reservePrice: '30000', minLot: '10', increment: '500', opensAt: T0, closesAt: T0 + 3 * DAY }) },
  { path: 'bids.accept', name: "hequ accepts an offer on 偏关县's listing", user: 'hequ', call: (c) => c.bids.accept({ id: s.offerN }) },
  { path: 'bids.withdrawOffer', name: "zone withdraws zone2's offer", user: 'zone', call: (c) => c.bids.withdrawOffer({ id: s.offerN }) },
  { path: 'trades.pay', name: "zone2 pays zone's trade", user: 'zone2', call: (c) => c.trades.pay({ id: s.trade }) },
  { path: 'trades.get', name: "zone2 reads zone's trade", user: 'zone2', call: (c) => c.trades.get({ id: s.trade }) },
  { path: 'trades.get', name: "pianguan reads 河曲县's trade", user: 'pianguan', call: (c) => c.trades.get({ id: s.trade }) },
  { path: 'rights.trace', name: "zone2 traces a lot it never bought", user: 'zone2', call: (c) => c.rights.trace({ lotId: s.lot3 }) },
  { path: 'projects.get', name: "hequ reads 偏关县's project", user: 'hequ', call: (c) => c.projects.get({ id: 1 }) },
  { path: 'projects.trace', name: "hequ traces 偏关县's project", user: 'hequ', call: (c) => c.projects.trace({ id: 1 }) },
  { path: 'projects.update', name: "hequ edits 偏关县's project", user: 'hequ', call: (c) => c.projects.update({ projectId: 1, name: 'x', villages: 'y', forCrossRegion: true, landType: 'ordinary', plots: [] }) },
  { path: 'projects.submit', name: "hequ submits 偏关县's project", user: 'hequ', call: (c) => c.projects.submit({ id: 1 }) },
  { path: 'projects.reportProgress', name: "hequ reports progress on 偏关县's project", user: 'hequ', call: (c) => c.projects.reportProgress({ projectId: 1, percent: 10 }) },
  { path: 'projects.removeDocument', name: "hequ removes 偏关县's document", user: 'hequ', call: (c) => c.projects.removeDocument({ id: 1 }) },
  // A city of another jurisdiction (大同市, made in beforeAll) and 忻州市's projects.
  { path: 'projects.get', name: "大同市 reads a 忻州市 county's project", user: 'datong', call: (c) => c.projects.get({ id: 1 }) },
  { path: 'projects.trace', name: "大同市 traces a 忻州市 county's project", user: 'datong', call: (c) => c.projects.trace({ id: 1 }) },
  { path: 'projects.cityReview', name: "大同市 reviews 河曲县's plan", user: 'datong', call: (c) => c.projects.cityReview({ projectId: 5, approve: true }) },
  { path: 'projects.approveDesign', name: "大同市 approves 偏关县's reclamation design", user: 'datong', call: (c) => c.projects.approveDesign({ projectId: 1, ref: 'X' }) },
  { path: 'projects.acceptReclamation', name: "大同市 accepts 偏关县's reclamation", user: 'datong', call: (c) => c.projects.acceptReclamation({ projectId: 1, ref: 'X' }) },
  { path: 'notifications.markRead', name: "zone2 marks zone's message read", user: 'zone2', call: (c) => c.notifications.markRead({ id: s.message }) },
  { path: 'notifications.markRead', name: "hequ, the seller, marks zone's message read", user: 'hequ', call: (c) => c.notifications.markRead({ id: s.message }) },
  { path: 'apiKeys.revoke', name: "zone revokes zone2's API key", user: 'zone', call: (c) => c.apiKeys.revoke({ id: s.apiKey }) },
  { path: 'apiKeys.revoke', name: "hequ revokes zone2's API key", user: 'hequ', call: (c) => c.apiKeys.revoke({ id: s.apiKey }) },
];

describe('another organisation of the right role', () => {
  for (const o of others) {
    it(`${o.name}: NOT_FOUND, nothing written`, async () => {
      await refused(async () => o.call(h.as(o.user)), 'NOT_FOUND');
    });
  }

  it('lists show only the caller\'s own', async () => {
    const pianguanLots = new Set((await h.as('pianguan').accounts.quota()).map((l) => l.id));
    expect((await h.as('hequ').accounts.quota()).some((l) => pianguanLots.has(l.id))).toBe(false);
    expect((await h.as('zone2').trades.list()).trades.some((t) => t.id === s.trade)).toBe(false);
    expect((await h.as('zone3').bids.mine()).bids.length).toBe(0);
    expect((await h.as('hequ').listings.mine()).listings.some((l) => l.id === s.pending)).toBe(false);
    expect((await h.as('hequ').projects.list()).every((p) => p.countyName === '河曲县')).toBe(true);
    expect((await h.as('zone2').rights.uses()).length).toBe(0);
    expect(await h.as('datong').projects.list()).toEqual([]);
    expect(await h.as('datong').projects.queue()).toEqual([]);
    expect(await h.as('datong').projects.obligations()).toEqual([]);
    expect((await h.as('datong').proceeds.holdbacks()).rows).toEqual([]);
    // zone's award is zone's message; zone2, hequ (the seller) and 大同市 have none of it.
    expect((await h.as('zone').notifications.list()).messages.map((m) => m.id)).toContain(s.message);
    for (const other of ['zone2', 'hequ', 'datong']) expect((await h.as(other).notifications.list()).messages.map((m) => m.id)).not.toContain(s.message);
    expect(await h.as('zone').notifications.unreadCount()).toBeGreaterThan(0);
    expect(await h.as('zone3').notifications.unreadCount()).toBe(0);
    expect((await h.as('zone').notifications.todo()).items.map((i) => i.href)).toEqual([`/trades/${s.trade}`]);
    expect((await h.as('zone2').notifications.todo()).items).toEqual([]);
    expect((await h.as('zone2').apiKeys.list()).map((k) => k.id)).toContain(s.apiKey);
    for (const other of ['zone', 'hequ', 'datong']) expect((await h.as(other).apiKeys.list()).map((k) => k.id)).not.toContain(s.apiKey);
    expect((await h.as('province').apiKeys.list()).map((k) => k.id)).toContain(s.apiKey);
  });
});

/** The lists checked above to hold only the caller's own. */
const ownLists = ['apiKeys.list', 'accounts.quota', 'trades.list', 'bids.mine', 'listings.mine', 'projects.list', 'projects.queue', 'projects.obligations', 'proceeds.holdbacks', 'rights.uses', 'notifications.list', 'notifications.unreadCount', 'notifications.todo'];
/** Scoped to the caller by construction (no other organisation's object can be named), or checked elsewhere. */
const ownByConstruction: Record<string, string> = {
  'accounts.ledger': "the caller's own accounts",
  'projects.create': "drafts for the caller's county",
  'rights.use': "draws from the caller's own holdings",
  'me.changePassword': "the caller's own account",
  'rights.held': "the caller's own holdings",
  'proceeds.mine': "the caller's own proceeds",
  'proceeds.statement': "the caller's own proceeds account",
  'proceeds.spend': "spends the caller's own proceeds",
  'plan.mine': "the caller's own allocations",
  'bids.place': "names a public listing; the bid and deposit are the caller's",
  'bids.offer': "names a public listing; the offer and deposit are the caller's",
  'listings.market': 'approved listings are public',
  'stats.market': 'scoped to the caller in stats.test.ts ("a zone sees its own purchases only")',
  'stats.proceeds': 'scoped to the caller in stats.test.ts',
  'stats.targets': 'scoped to the caller in stats.test.ts',
  'notifications.markAllRead': "marks the caller's own messages; per organisation in notifications.test.ts",
  'outlook.demand': "the caller's own declarations; per zone in server/outlook/router.test.ts",
  'outlook.declare': "declares for the caller's own zone (the input names none); checked in server/outlook/router.test.ts",
  'outlook.byCity': 'a city bureau sees only its own city: server/outlook/router.test.ts',
  'apiKeys.create': "makes a key for the caller's own organisation (the input names none)",
  'feed.changes': "cut to the caller's organisation by server/apikeys/feed.ts; checked in server/web/open-api.test.ts",
};

describe('whose data each procedure reaches', () => {
  const procs = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { data?: string } } }>;

  it('every procedure declares it', () => {
    expect(Object.entries(procs).filter(([, p]) => !p._def.meta?.data).map(([path]) => path)).toEqual([]);
  });

  it("every procedure that reaches one organisation's or one jurisdiction's data has its cross-organisation check", () => {
    const covered = new Set([...others.map((o) => o.path), ...ownLists, ...Object.keys(ownByConstruction)]);
    const scoped = Object.entries(procs)
      .filter(([, p]) => p._def.meta?.data === 'own organisation' || p._def.meta?.data === 'jurisdiction')
      .map(([path]) => path);
    expect(scoped.filter((path) => !covered.has(path))).toEqual([]);
  });
});

describe('who may call what', () => {
  it('lists every procedure of the app router that needs a role', () => {
    const all = Object.keys(appRouter._def.procedures).sort();
    const open = ['listings.get', 'listings.announcements', 'accounts.places', 'accounts.settings', 'me.get', 'guidance.current', 'stats.public', 'verify.document', 'verify.serials', 'verify.checkpoints'];
    expect(all).toEqual([...procedures.map((p) => p.path), ...open].sort());
  });

  for (const p of procedures) {
    for (const role of ROLES.filter((r) => !p.roles.includes(r))) {
      it(`${p.path}: ${role} gets FORBIDDEN, nothing written`, async () => {
        const e = await refused(async () => p.call(h.as(USER_OF_ROLE[role])), 'FORBIDDEN', `您的角色（${ROLE_NAME_ZH[role]}）无权执行此操作。`);
        expect(e.message).toMatch(CJK);
        const en = await refused(async () => p.call(h.as(USER_OF_ROLE[role], 'en')), 'FORBIDDEN');
        expect(en.message).toMatch(/^Your role \(.+\) may not do this\.$/);
      });
    }
    it(`${p.path}: signed out gets UNAUTHORIZED, nothing written`, async () => {
      await refused(async () => p.call(h.as(null)), 'UNAUTHORIZED', '请先登录。');
    });
  }

  it('allowed roles can read their queries', async () => {
    for (const p of procedures.filter((x) => /\.(market|mine|reviewQueue|all|list|get|ledger|quota|zones|transfers)$/.test(x.path))) {
      for (const role of p.roles) {
        const username = p.path === 'trades.get' && role === 'county' ? 'hequ' : USER_OF_ROLE[role];
        await expect(p.call(h.as(username)), `${p.path} as ${role}`).resolves.toBeDefined();
      }
    }
  });
});

// --- malformed input: BAD_REQUEST with field messages in zh and en, never INTERNAL_SERVER_ERROR -------
/** The real HTTP path (the route handler's fetch adapter), so the error formatter runs as for a browser. */
async function http(path: string, type: 'query' | 'mutation', username: string | null, locale: Locale, input: unknown) {
  const user = username ? await sessionUser(h.db, (await h.userId(username))) : null;
  const query = type === 'query' && input !== undefined ? `?input=${encodeURIComponent(JSON.stringify(input))}` : '';
  const req = new Request(`http://localhost/api/trpc/${path}${query}`, {
    method: type === 'query' ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: type === 'mutation' && input !== undefined ? JSON.stringify(input) : undefined,
  });
  const res = await fetchRequestHandler({ endpoint: '/api/trpc', req, router: appRouter, createContext: () => ({ services: h.services, user, locale }) });
  return { status: res.status, body: (await res.json()) as { error?: { message: string; data: { code: string; httpStatus: number; fieldErrors?: Record<string, string> } } } };
}

const HUGE_ID = 2 ** 60;
/** The integrity thresholds' defaults as the form sends them: percentages and bidders with 2 decimals. */
const defaultThresholds = () => Object.fromEntries(THRESHOLD_KEYS.map((k) => [k, (THRESHOLD_DEFAULTS[k] / (k.endsWith('Bp') || k.endsWith('X100') ? 100 : 1)).toFixed(2).replace(/\.00$/, '')]));
const bad: { name: string; path: string; type: 'query' | 'mutation'; user: string | null; input: unknown; fields: string[]; call: (c: Caller, input: never) => Promise<unknown> }[] = [
  { name: 'a negative price', path: 'bids.place', type: 'mutation', user: 'zone2', input: { listingId: 1, price: '-21000', qty: '100' }, fields: ['price'], call: (c, i) => c.bids.place(i) },
  { name: 'a negative number', path: 'bids.place', type: 'mutation', user: 'zone2', input: { listingId: 1, price: 21000, qty: -100 }, fields: ['qty'], call: (c, i) => c.bids.place(i) },
  { name: 'a zero price', path: 'bids.place', type: 'mutation', user: 'zone2', input: { listingId: 1, price: '0', qty: '100' }, fields: ['price'], call: (c, i) => c.bids.place(i) },
  { name: 'too many decimals', path: 'bids.place', type: 'mutation', user: 'zone2', input: { listingId: 1, price: '21000.001', qty: '100.0001' }, fields: ['price', 'qty'], call: (c, i) => c.bids.place(i) },
  { name: 'a float with too many decimals', path: 'bids.place', type: 'mutation', user: 'zone2', input: { listingId: 1, price: 21000, qty: 0.1 + 0.2 }, fields: ['qty'], call: (c, i) => c.bids.place(i) },
  { name: 'a string for an id', path: 'bids.place', type: 'mutation', user: 'zone2', input: { listingId: '1', price: '21000', qty: '100' }, fields: ['listingId'], call: (c, i) => c.bids.place(i) },
  { name: 'a fractional, negative or unsafe id', path: 'trades.pay', type: 'mutation', user: 'zone', input: { id: 1.5 }, fields: ['id'], call: (c, i) => c.trades.pay(i) },
  { name: 'a negative id', path: 'bids.withdrawOffer', type: 'mutation', user: 'zone', input: { id: -1 }, fields: ['id'], call: (c, i) => c.bids.withdrawOffer(i) },
  { name: 'an unsafe id', path: 'bids.accept', type: 'mutation', user: 'pianguan', input: { id: HUGE_ID }, fields: ['id'], call: (c, i) => c.bids.accept(i) },
  { name: 'a missing field', path: 'bids.place', type: 'mutation', user: 'zone2', input: { listingId: 1, price: '21000' }, fields: ['qty'], call: (c, i) => c.bids.place(i) },
  { name: 'null', path: 'bids.place', type: 'mutation', user: 'zone2', input: null, fields: [], call: (c, i) => c.bids.place(i) },
  { name: 'an empty object', path: 'bids.place', type: 'mutation', user: 'zone2', input: {}, fields: ['listingId', 'price', 'qty'], call: (c, i) => c.bids.place(i) },
  { name: 'a string instead of an object', path: 'bids.place', type: 'mutation', user: 'zone2', input: 'bid 21000', fields: [], call: (c, i) => c.bids.place(i) },
  { name: 'blank strings', path: 'bids.place', type: 'mutation', user: 'zone2', input: { listingId: 1, price: ' ', qty: '' }, fields: ['price', 'qty'], call: (c, i) => c.bids.place(i) },
  { name: 'a huge quantity (above 100,000 mu)', path: 'bids.place', type: 'mutation', user: 'zone2', input: { listingId: 1, price: '21000', qty: '100000.001' }, fields: ['qty'], call: (c, i) => c.bids.place(i) },
  { name: 'a huge number of digits', path: 'bids.place', type: 'mutation', user: 'zone2', input: { listingId: 1, price: '99999999999999999999999', qty: '1e9' }, fields: ['price', 'qty'], call: (c, i) => c.bids.place(i) },
  { name: 'a huge number', path: 'bids.place', type: 'mutation', user: 'zone2', input: { listingId: 1, price: 1e21, qty: Number.MAX_VALUE }, fields: ['price', 'qty'], call: (c, i) => c.bids.place(i) },
  {
    name: 'a bad mode and bad times',
    path: 'listings.create',
    type: 'mutation',
    user: 'pianguan',
    input: { lotId: 1, mode: 'fixed', qty: '10', reservePrice: '1', minLot: '1', opensAt: 'tomorrow', closesAt: 0 },
    fields: ['mode', 'opensAt', 'closesAt'],
    call: (c, i) => c.listings.create(i),
  },
  {
    name: 'a note too long',
    path: 'listings.create',
    type: 'mutation',
    user: 'pianguan',
    input: { lotId: 1, mode: 'auction', qty: '10', reservePrice: '1', minLot: '1', increment: '1', opensAt: T0, closesAt: T0 + DAY, note: '长'.repeat(501) },
    fields: ['note'],
    call: (c, i) => c.listings.create(i),
  },
  {
    name: 'a plot with a bad grade, a negative area and an unknown use',
    path: 'projects.create',
    type: 'mutation',
    user: 'pianguan',
    input: { name: 'x', villages: 'y', forCrossRegion: true, landType: 'ordinary', plots: [{ code: 'A', village: 'v', currentUse: 'castle', area: '-1', farmland: '1', farmlandGrade: 11 }] },
    fields: ['plots.0.currentUse', 'plots.0.area', 'plots.0.farmlandGrade'],
    call: (c, i) => c.projects.create(i),
  },
  { name: 'a blank project name and no land type', path: 'projects.create', type: 'mutation', user: 'pianguan', input: { name: ' ', villages: 'y', forCrossRegion: 'yes', plots: [] }, fields: ['name', 'forCrossRegion', 'landType'], call: (c, i) => c.projects.create(i) },
  { name: 'a percent above 100', path: 'projects.reportProgress', type: 'mutation', user: 'pianguan', input: { projectId: 1, percent: 100.5 }, fields: ['percent'], call: (c, i) => c.projects.reportProgress(i) },
  { name: 'an unknown right and a bad area', path: 'rights.use', type: 'mutation', user: 'zone', input: { applicationName: 'a', approvalRef: 'b', area: 'abc', rights: ['WATER'] }, fields: ['area', 'rights.0'], call: (c, i) => c.rights.use(i) },
  { name: 'a negative spending of an unknown category', path: 'proceeds.spend', type: 'mutation', user: 'pianguan', input: { spentOn: '2026-11-01', amount: '-1', category: 'party', purpose: 'x', budgetRef: 'y' }, fields: ['amount', 'category'], call: (c, i) => c.proceeds.spend(i) },
  { name: 'a plan year out of range, to nobody', path: 'plan.allocate', type: 'mutation', user: 'province', input: { kind: 'PLAN_LINKING', year: 1999, qty: '1', documentRef: 'x', to: {} }, fields: ['year', 'to'], call: (c, i) => c.plan.allocate(i) },
  { name: 'guidance with a bad date, an unknown land type and a zero floor', path: 'guidance.publish', type: 'mutation', user: 'province', input: { validFrom: '2027/01/01', validTo: 'soon', landType: 'paddy', reference: '1', floor: '0', documentRef: '' }, fields: ['validFrom', 'validTo', 'landType', 'floor', 'documentRef'], call: (c, i) => c.guidance.publish(i) },
  { name: 'a target with a fractional year, a negative area, no document and an unknown group', path: 'stats.setTarget', type: 'mutation', user: 'province', input: { year: 2027.5, qty: '-1', documentRef: '', to: { group: 'rich' } }, fields: ['year', 'qty', 'documentRef', 'to'], call: (c, i) => c.stats.setTarget(i) },
  { name: 'a statement cursor that is not an entry id', path: 'accounts.ledger', type: 'query', user: 'zone', input: { before: 0 }, fields: ['before'], call: (c, i) => c.accounts.ledger(i) },
  {
    name: 'integrity thresholds with an amber band past the red',
    path: 'integrity.setThresholds',
    type: 'mutation',
    user: 'province',
    input: { ...defaultThresholds(), singleBidderAmberBp: '30', singleBidderRedBp: '20' },
    fields: ['singleBidderRedBp'],
    call: (c, i) => c.integrity.setThresholds(i),
  },
  {
    name: 'integrity thresholds with a share over 100%, a ratio under 100%, a fraction of a listing and a word',
    path: 'integrity.setThresholds',
    type: 'mutation',
    user: 'province',
    input: { ...defaultThresholds(), unsoldRedBp: '100.01', ratioRedBp: '99', minListings: '2.5', biddersAmberX100: 'many' },
    fields: ['unsoldRedBp', 'minListings', 'biddersAmberX100'],
    call: (c, i) => c.integrity.setThresholds(i),
  },
  { name: 'an integrity filter with a fifth quarter and a thirteenth month', path: 'integrity.screens', type: 'query', user: 'province', input: { quarter: 5, month: 13 }, fields: ['quarter', 'month'], call: (c, i) => c.integrity.screens(i) },
  { name: 'a dashboard filter with a text year and a negative city', path: 'stats.market', type: 'query', user: 'province', input: { year: 'this', cityId: -1 }, fields: ['year', 'cityId'], call: (c, i) => c.stats.market(i) },
  { name: 'an audit filter with a bad date and a text organisation', path: 'audit.list', type: 'query', user: 'province', input: { from: '2026-13', organisationId: 'x' }, fields: ['from', 'organisationId'], call: (c, i) => c.audit.list(i) },
  { name: 'a user name with capitals and spaces and no organisation', path: 'users.create', type: 'mutation', user: 'province', input: { username: 'Big Name', displayName: 'x', password: 'Passw0rd1' }, fields: ['username', 'organisationId'], call: (c, i) => c.users.create(i) },
  { name: 'an API key with no name, an unknown scope and a text expiry', path: 'apiKeys.create', type: 'mutation', user: 'zone', input: { name: ' ', scopes: ['admin:all'], expiresAt: 'next year' }, fields: ['name', 'scopes.0', 'expiresAt'], call: (c, i) => c.apiKeys.create(i) },
  { name: 'a feed with a negative cursor and too large a page', path: 'feed.changes', type: 'query', user: 'zone', input: { after: -1, limit: 501 }, fields: ['after', 'limit'], call: (c, i) => c.feed.changes(i) },
  { name: 'a non-boolean decision', path: 'listings.review', type: 'mutation', user: 'province', input: { listingId: 2, approve: 'yes' }, fields: ['approve'], call: (c, i) => c.listings.review(i) },
  { name: 'a zero transfer with no reference', path: 'accounts.proposeTransfer', type: 'mutation', user: 'province', input: { zoneId: 1, amount: '0', bankRef: '' }, fields: ['amount', 'bankRef'], call: (c, i) => c.accounts.proposeTransfer(i) },
  { name: 'a transfer too large', path: 'accounts.proposeTransfer', type: 'mutation', user: 'province', input: { zoneId: 1, amount: '10000000000.01', bankRef: 'X' }, fields: ['amount'], call: (c, i) => c.accounts.proposeTransfer(i) },
  { name: 'a confirmation of a text id', path: 'accounts.confirmTransfer', type: 'mutation', user: 'checker', input: { id: 'WAIT-0001' }, fields: ['id'], call: (c, i) => c.accounts.confirmTransfer(i) },
  { name: 'a rejection with a fractional id and a reason too long', path: 'accounts.rejectTransfer', type: 'mutation', user: 'checker', input: { id: 1.5, reason: '长'.repeat(501) }, fields: ['id', 'reason'], call: (c, i) => c.accounts.rejectTransfer(i) },
  {
    name: 'settings out of range',
    path: 'settings.addVersion',
    type: 'mutation',
    user: 'province',
    input: { depositRateBp: 10001, paymentDays: 0, antiSnipingWindowSeconds: -1, antiSnipingExtensionSeconds: 1.5, reclamationYearsAfterTrade: 0, holdbackBp: -5, documentNo: '', effectiveDate: '2026/12/01' },
    fields: ['depositRateBp', 'paymentDays', 'antiSnipingWindowSeconds', 'antiSnipingExtensionSeconds', 'reclamationYearsAfterTrade', 'holdbackBp', 'documentNo', 'effectiveDate'],
    call: (c, i) => c.settings.addVersion(i),
  },
  { name: 'a demand with a year out of range, a negative area and a control character', path: 'outlook.declare', type: 'mutation', user: 'zone', input: { year: 1999, area: '-1', note: 'a\u202eb' }, fields: ['year', 'area', 'note'], call: (c, i) => c.outlook.declare(i) },
  { name: 'an outlook of a text year', path: 'outlook.byCity', type: 'query', user: 'province', input: { year: 'this' }, fields: ['year'], call: (c, i) => c.outlook.byCity(i) },
  { name: 'a text message id', path: 'notifications.markRead', type: 'mutation', user: 'zone', input: { id: 'x' }, fields: ['id'], call: (c, i) => c.notifications.markRead(i) },
  { name: 'a page of messages below the first', path: 'notifications.list', type: 'query', user: 'zone', input: { page: 0 }, fields: ['page'], call: (c, i) => c.notifications.list(i) },
  { name: 'a string id in a public query', path: 'listings.get', type: 'query', user: null, input: { id: 'abc' }, fields: ['id'], call: (c, i) => c.listings.get(i) },
  { name: 'a negative market filter', path: 'listings.market', type: 'query', user: 'zone', input: { minPrice: '-1', maxQty: 'lots' }, fields: ['minPrice', 'maxQty'], call: (c, i) => c.listings.market(i) },
];

describe('malformed input', () => {
  for (const b of bad) {
    it(`${b.path}, ${b.name}: BAD_REQUEST through the caller, nothing written`, async () => {
      await refused(async () => b.call(h.as(b.user), b.input as never), 'BAD_REQUEST');
    });

    it(`${b.path}, ${b.name}: a field-by-field message in Chinese, and in English with locale en`, async () => {
      const before = await dumpTables(h.db);
      const zh = await http(b.path, b.type, b.user, 'zh', b.input);
      const en = await http(b.path, b.type, b.user, 'en', b.input);
      expect(await dumpTables(h.db)).toEqual(before);
      for (const r of [zh, en]) {
        expect(r.status).toBe(400);
        expect(r.body.error?.data.code).toBe('BAD_REQUEST');
        expect(r.body.error?.message.length).toBeGreaterThan(0);
        for (const f of b.fields) expect(Object.keys(r.body.error?.data.fieldErrors ?? {}), f).toContain(f);
      }
      for (const r of [zh, en]) {
        // Every placeholder filled in.
        expect(r.body.error!.message).not.toMatch(/\{\w+\}/);
        for (const m of Object.values(r.body.error!.data.fieldErrors ?? {})) expect(m).not.toMatch(/\{\w+\}/);
      }
      expect(zh.body.error!.message).toMatch(CJK);
      for (const m of Object.values(zh.body.error!.data.fieldErrors ?? {})) expect(m).toMatch(CJK);
      expect(en.body.error!.message).not.toMatch(CJK);
      expect(en.body.error!.message).toMatch(/[A-Za-z]{3,}/);
      for (const m of Object.values(en.body.error!.data.fieldErrors ?? {})) expect(m).not.toMatch(CJK);
    });
  }

  it('a mutation without a body, or with broken JSON, is a BAD_REQUEST too, and writes nothing', async () => {
    const before = await dumpTables(h.db);
    const noInput = await http('bids.place', 'mutation', 'zone2', 'zh', undefined);
    expect(noInput.status).toBe(400);
    expect(noInput.body.error!.data.code).toBe('BAD_REQUEST');
    expect(await refused(async () => h.as('zone2').bids.place(undefined as never), 'BAD_REQUEST')).toBeInstanceOf(TRPCError);
    const user = await sessionUser(h.db, (await h.userId('zone2')));
    const req = new Request('http://localhost/api/trpc/bids.place', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"listingId": 1, "price": ' });
    const res = await fetchRequestHandler({ endpoint: '/api/trpc', req, router: appRouter, createContext: () => ({ services: h.services, user, locale: 'zh' as const }) });
    expect(res.status).toBe(400);
    expect(await dumpTables(h.db)).toEqual(before);
  });

  it('names the limit in a too-long message', async () => {
    const r = await http('listings.create', 'mutation', 'pianguan', 'zh', bad.find((b) => b.name === 'a note too long')!.input);
    expect(r.body.error!.data.fieldErrors!.note).toBe('内容过长（最多 500 个字）。');
  });

  it('domain refusals reach the browser with the same code and message', async () => {
    const r = await http('bids.place', 'mutation', 'zone2', 'en', { listingId: s.demo, price: '20500', qty: '100' });
    expect(r.status).toBe(400);
    expect(r.body.error!.message).toBe('The bid must be at least 21,000.00 yuan/mu (best bid 20,000.00 plus the increment).');
    const f = await http('bids.place', 'mutation', 'pianguan', 'zh', { listingId: s.demo, price: '21000', qty: '100' });
    expect(f.status).toBe(403);
    expect(f.body.error!.data.code).toBe('FORBIDDEN');
  });
});

describe('after all the refusals', () => {
  it('the scenario is intact: the ledger balances and the refused trade is still payable by its buyer', async () => {
    expect(await h.checkLedger()).toEqual({ mismatches: [], unbalanced: [], nonZeroTotals: [] });
    expect((await h.as('zone').trades.pay({ id: s.trade })).status).toBe('settled');
    expect((await h.as('zone2').bids.place({ listingId: s.demo, price: '21000', qty: '100' })).bidderNumber).toBe('002');
    expect((await h.as('checker').accounts.confirmTransfer({ id: s.proposal })).status).toBe('confirmed');
    expect(await h.checkLedger()).toEqual({ mismatches: [], unbalanced: [], nonZeroTotals: [] });
  });
});
