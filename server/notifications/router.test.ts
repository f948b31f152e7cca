// 站内消息 and 待办 through tRPC callers and the services: each kind written once, in its event's
// transaction (a refused or rolled-back action writes none); the sweep's reminders once however often
// it runs; every message visible to its own organisation only; marking read. Each test has its own
// temporary database and manual clock.
import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inTransaction } from '@/db/client';
import { formatTime } from '@/lib/format';
import { addYearsCst } from '@/server/projects/domain/reclamation';
import { sweep } from '@/server/market/closing';
import { placeBidInTx } from '@/server/market/bidding';
import { type Harness, T0, makeHarness } from '@/server/testing/harness';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const CJK = /[\u4e00-\u9fff]/;
/** The demo auction of 偏关县: 300 mu, minimum lot 50 mu, reserve 20,000 元/亩, increment 1,000, closes in 7 days. */
const DEMO = 1;

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const org = async (username: string) => (await h.actor(username)).organisationId;

/** Every stored message of an organisation, oldest first, optionally of one kind. */
const stored = async (username: string, kind?: string) =>
  ((await h.db.connection.prepare('select * from notifications where organisation_id = ? order by id').all(await org(username))) as { id: number; kind: string; key: string; href: string; read_at: number | null }[]).filter(
    (n) => kind === undefined || n.kind === kind,
  );
const total = async () => ((await h.db.connection.prepare('select count(*) n from notifications').get()) as { n: number }).n;

async function refusal(p: Promise<unknown>): Promise<TRPCError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TRPCError);
  return e as TRPCError;
}

/** Places, closes and awards the demo auction to `zone` (300 mu at 21,000); returns the trade. */
async function awarded(zone = 'zone') {
  await h.as(zone).bids.place({ listingId: DEMO, price: '21000', qty: '300' });
  h.clock.set(T0 + 7 * DAY);
  await sweep(h.services);
  return (await h.as(zone).trades.list()).trades[0]!;
}

describe('outbid', () => {
  it('a zone pushed out of the award is told once, with a link to the listing; the bidder is not', async () => {
    await h.as('zone').bids.place({ listingId: DEMO, price: '20000', qty: '300' });
    expect(await stored('zone', 'outbid')).toEqual([]);
    h.clock.advance(60_000);
    const placed = await h.as('zone2').bids.place({ listingId: DEMO, price: '21000', qty: '300' });
    expect(await stored('zone', 'outbid')).toMatchObject([{ href: `/listings/${DEMO}`, key: `outbid:bid:${placed.bid.id}` }]);
    expect(await stored('zone2')).toEqual([]);

    const [message] = (await h.as('zone').notifications.list()).messages;
    expect(message).toMatchObject({ kind: 'outbid', href: `/listings/${DEMO}`, readAt: null });
    expect(message!.text).toBe('挂牌 GP2026-00001：您的报价 20,000.00 元/亩已被超过（新报价 21,000.00 元/亩）。按当前排序可成交 0.000 亩，此前为 300.000 亩。');
    const [en] = (await h.as('zone', 'en').notifications.list()).messages;
    expect(en!.text).toBe('Listing GP2026-00001: your bid of 20,000.00 yuan/mu has been outbid (new bid 21,000.00 yuan/mu). At the current ranking it would win 0.000 mu, 300.000 mu before.');
    expect(await h.as('zone').notifications.unreadCount()).toBe(1);

    // zone raises its own bid past zone2: zone2 is told, zone is not told again.
    await h.as('zone').bids.place({ listingId: DEMO, price: '22000', qty: '300' });
    expect(await stored('zone', 'outbid')).toHaveLength(1);
    expect(await stored('zone2', 'outbid')).toHaveLength(1);
  });

  it('a higher bid that leaves a zone’s bid filled in full outbids nobody', async () => {
    await h.as('zone').bids.place({ listingId: DEMO, price: '20000', qty: '100' });
    await h.as('zone2').bids.place({ listingId: DEMO, price: '21000', qty: '100' });
    expect(await stored('zone')).toEqual([]);
    expect(await stored('zone2')).toEqual([]);
  });

  it('a refused bid writes none, and a bid rolled back with its transaction writes none', async () => {
    await h.as('zone').bids.place({ listingId: DEMO, price: '20000', qty: '300' });
    const before = await total();
    // Below best + increment.
    expect((await refusal(h.as('zone2').bids.place({ listingId: DEMO, price: '20500', qty: '300' }))).code).toBe('BAD_REQUEST');
    // Beyond zone3's free funds: refused after the standing bids were read.
    expect((await refusal(h.as('zone3').bids.place({ listingId: DEMO, price: '400000', qty: '300' }))).code).toBe('CONFLICT');
    expect(await total()).toBe(before);
    // The bid itself is valid and would outbid zone; the transaction around it fails afterwards.
    await expect(inTransaction(h.db, async (tx) => {
        await placeBidInTx(tx, h.clock.now(), (await h.actor('zone2')), { listingId: DEMO, priceFenPerMu: 2_100_000, qtyMilliMu: 300_000 });
        expect(await stored('zone', 'outbid')).toHaveLength(1);
        throw new Error('rolled back');
      })).rejects.toThrow('rolled back');
    expect(await total()).toBe(before);
    expect((await h.as('zone2').bids.mine()).bids).toEqual([]);
  });
});

describe('award, payment due, lapse', () => {
  it('the winner is told at the close; the sweep’s reminders come 3 days and 1 day before, each once; the lapse goes to both sides', async () => {
    await h.as('zone2').bids.place({ listingId: DEMO, price: '20000', qty: '300' });
    const trade = await awarded('zone');
    expect(trade.dueAt).toBe(T0 + 17 * DAY);
    expect(await stored('zone', 'won')).toMatchObject([{ href: `/trades/${trade.id}`, key: `won:trade:${trade.id}` }]);
    expect(await stored('zone2', 'won')).toEqual([]);
    const won = (await h.as('zone').notifications.list()).messages.find((m) => m.kind === 'won')!;
    expect(won.text).toContain(`成交确认书 ${trade.confirmationNo}，300.000 亩 × 21,000.00 元/亩，价款 6,300,000.00 元。扣除保证金后应付 5,040,000.00 元，请于 2026/11/19 09:00:00 前付款`);

    const reminders = async () => (await stored('zone', 'payment_due')).map((n) => n.key);
    h.clock.set(trade.dueAt - 3 * DAY - 1);
    await sweep(h.services);
    expect(await reminders()).toEqual([]);
    h.clock.set(trade.dueAt - 3 * DAY);
    await sweep(h.services);
    await sweep(h.services);
    expect(await reminders()).toEqual([`payment_due_3d:trade:${trade.id}`]);
    h.clock.advance(HOUR);
    await sweep(h.services);
    expect(await reminders()).toHaveLength(1);
    h.clock.set(trade.dueAt - DAY);
    await sweep(h.services);
    await sweep(h.services);
    expect(await reminders()).toEqual([`payment_due_3d:trade:${trade.id}`, `payment_due_1d:trade:${trade.id}`]);
    const due = (await h.as('zone').notifications.list()).messages[0]!;
    expect(due).toMatchObject({ kind: 'payment_due', href: `/trades/${trade.id}` });
    expect(due.text).toBe(`成交确认书 ${trade.confirmationNo} 的付款期限将在 1 天内到期：请于 2026/11/19 09:00:00 前支付 5,040,000.00 元，逾期未付保证金不予退还。`);

    h.clock.set(trade.dueAt + 1);
    expect((await sweep(h.services)).lapsed).toBe(1);
    await sweep(h.services);
    expect(await stored('zone', 'lapsed')).toMatchObject([{ key: `lapsed:trade:${trade.id}`, href: `/trades/${trade.id}` }]);
    expect(await stored('pianguan', 'lapsed_seller')).toMatchObject([{ key: `lapsed:trade:${trade.id}`, href: `/trades/${trade.id}` }]);
    const seller = (await h.as('pianguan').notifications.list()).messages.find((m) => m.kind === 'lapsed_seller')!;
    expect(seller.text).toContain('保证金 1,260,000.00 元已计入本县收益，300.000 亩指标已退回可用指标');
    expect(await reminders()).toHaveLength(2);
  });

  it('a paid award gets no reminder; an award lapsed at payment tells both sides in the lapse’s transaction', async () => {
    const trade = await awarded('zone');
    await h.as('zone').trades.pay({ id: trade.id });
    h.clock.set(trade.dueAt - DAY);
    await sweep(h.services);
    expect(await stored('zone', 'payment_due')).toEqual([]);

    // A second award, negotiated: zone2's offer accepted by the county; not paid in time.
    const lot = (await h.as('pianguan').accounts.quota())[0]!;
    const now = h.clock.now();
    const listing = await h.as('pianguan').listings.create({ lotId: lot.id, mode: 'negotiated', qty: '50', reservePrice: '30000', minLot: '10', opensAt: now, closesAt: now + 30 * DAY });
    await h.as('province').listings.review({ listingId: listing.id, approve: true });
    const offer = await h.as('zone2').bids.offer({ listingId: listing.id, price: '30000', qty: '20' });
    expect(await stored('pianguan', 'lapsed_seller')).toEqual([]);
    const accepted = await h.as('pianguan').bids.accept({ id: offer.bid.id });
    expect(await stored('zone2', 'won')).toMatchObject([{ key: `won:trade:${accepted.id}` }]);
    h.clock.set(accepted.dueAt + 1);
    expect((await refusal(h.as('zone2').trades.pay({ id: accepted.id }))).code).toBe('CONFLICT');
    expect(await stored('zone2', 'lapsed')).toHaveLength(1);
    expect(await stored('pianguan', 'lapsed_seller')).toHaveLength(1);
    await sweep(h.services);
    expect(await stored('zone2', 'lapsed')).toHaveLength(1);
  });
});

describe('listings and projects, to the county', () => {
  it('approval and rejection of a listing; a refused review writes none; a second review after an edit is told again', async () => {
    const county = h.as('pianguan');
    const lot = (await county.accounts.quota())[0]!;
    const terms = { lotId: lot.id, mode: 'auction' as const, qty: '100', reservePrice: '30000', minLot: '10', increment: '500', opensAt: T0, closesAt: T0 + 3 * DAY };
    const a = await county.listings.create(terms);
    const b = await county.listings.create(terms);
    const before = await total();
    expect((await refusal(h.as('province').listings.review({ listingId: a.id, approve: false, reason: ' ' }))).code).toBe('BAD_REQUEST');
    expect(await total()).toBe(before);

    await h.as('province').listings.review({ listingId: a.id, approve: false, reason: '底价与实施方案不符' });
    await h.as('province').listings.review({ listingId: b.id, approve: true });
    await county.listings.update({ ...terms, listingId: b.id, qty: '90' });
    await h.as('province').listings.review({ listingId: b.id, approve: true });
    const mine = (await county.notifications.list()).messages;
    expect(mine.filter((m) => m.href === `/listings/${a.id}`).map((m) => [m.kind, m.text])).toEqual([
      ['listing_rejected', `挂牌 ${a.code} 未通过省厅审核，理由：底价与实施方案不符。挂牌数量已退回可用指标。`],
    ]);
    expect(mine.filter((m) => m.href === `/listings/${b.id}`).map((m) => m.kind)).toEqual(['listing_approved', 'listing_approved']);
    expect((await stored('hequ')).filter((n) => n.href.startsWith('/listings/'))).toEqual([]);
  });

  it('a plan returned by the city, then approved by the province, tells the county each time', async () => {
    const hequ = h.as('hequ');
    const waiting = (await hequ.projects.list()).find((p) => p.status === 'city_review')!;
    const returns = () => stored('hequ', 'project_returned');
    expect((await refusal(h.as('xinzhou').projects.cityReview({ projectId: waiting.id, approve: false, reason: '' }))).code).toBe('BAD_REQUEST');
    expect(await returns()).toEqual([]);

    await h.as('xinzhou').projects.cityReview({ projectId: waiting.id, approve: false, reason: '地块图斑不清' });
    await hequ.projects.submit({ id: waiting.id });
    await h.as('xinzhou').projects.cityReview({ projectId: waiting.id, approve: true });
    await h.as('province').projects.provinceReview({ projectId: waiting.id, approve: false, reason: '复垦耕地等级待核' });
    await hequ.projects.submit({ id: waiting.id });
    await h.as('xinzhou').projects.cityReview({ projectId: waiting.id, approve: true });
    await h.as('province').projects.provinceReview({ projectId: waiting.id, approve: true, approvalRef: '晋自然资函〔2026〕301号' });

    const messages = (await hequ.notifications.list()).messages.filter((m) => m.href === `/projects/${waiting.id}`);
    expect(messages.map((m) => m.kind)).toEqual(['project_approved', 'project_returned', 'project_returned']);
    expect(messages[2]!.text).toBe(`项目区“${waiting.name}”被忻州市自然资源局退回，理由：地块图斑不清。请修改后重新提交。`);
    expect(messages[1]!.text).toContain('被山西省自然资源厅退回，理由：复垦耕地等级待核');
    const lot = (await hequ.accounts.quota()).at(-1)!;
    expect(messages[0]!.text).toBe(`项目区“${waiting.name}”已批准立项（晋自然资函〔2026〕301号），节余指标 370.000 亩已作为批次 ${lot.code} 计入本县指标。`);
    expect(await stored('pianguan', 'project_returned')).toEqual([]);
  });
});

describe('reclamation', () => {
  it('reminders at 180, 90 and 30 days and the overdue flag, to the county and its city, each once; design and acceptance to the county', async () => {
    const project = (await h.as('pianguan').projects.obligations())[0]!;
    const deadline = project.obligation!.deadline;
    expect(deadline).toBe(addYearsCst(project.approvedAt!, 3));
    const forProject = async (username: string) => (await stored(username)).filter((n) => n.href === `/projects/${project.id}` && (n.kind === 'reclamation_due' || n.kind === 'reclamation_overdue'));

    h.clock.set(deadline - 181 * DAY);
    await sweep(h.services);
    expect(await forProject('pianguan')).toEqual([]);
    for (const days of [180, 90, 30]) {
      h.clock.set(deadline - days * DAY);
      await sweep(h.services);
      await sweep(h.services);
      h.clock.advance(HOUR);
      await sweep(h.services);
    }
    h.clock.set(deadline + 1);
    await sweep(h.services);
    await sweep(h.services);
    const keys = [180, 90, 30].map((d) => `reclamation_due_${d}d:project:${project.id}:${deadline}`).concat(`reclamation_overdue:project:${project.id}:${deadline}`);
    expect((await forProject('pianguan')).map((n) => n.key)).toEqual(keys);
    expect((await forProject('xinzhou')).map((n) => n.key)).toEqual(keys);
    expect(await forProject('hequ')).toEqual([]);
    const overdue = (await h.as('xinzhou').notifications.list()).messages.find((m) => m.kind === 'reclamation_overdue' && m.href === `/projects/${project.id}`)!;
    expect(overdue.text).toBe(`偏关县项目区“${project.name}”已超过复垦验收期限（${formatTime(deadline, 'zh')}）：扣减考核分、核减下一年度新增建设用地计划指标、暂停新的用地审批。`);

    // Both see it among their 待办 as overdue, the overdue first (偏关县's two projects share the deadline).
    const countyTodo = (await h.as('pianguan').notifications.todo()).items;
    expect(countyTodo.find((i) => i.href === `/projects/${project.id}`)).toMatchObject({ kind: 'reclaim_overdue', dueAt: deadline });
    expect(countyTodo.map((i) => i.kind)).toEqual(['reclaim_overdue', 'reclaim_overdue']);
    const cityTodo = (await h.as('xinzhou').notifications.todo()).items;
    expect(cityTodo.filter((i) => i.kind === 'reclaim_overdue')).toHaveLength(4);
    expect(cityTodo.at(-1)).toMatchObject({ kind: 'review_project' });

    await h.as('xinzhou').projects.approveDesign({ projectId: project.id, ref: '忻自然资复〔2029〕1号' });
    await h.as('xinzhou').projects.acceptReclamation({ projectId: project.id, ref: '忻自然资验〔2029〕2号' });
    expect((await stored('pianguan')).filter((n) => n.href === `/projects/${project.id}`).map((n) => n.kind).slice(-2)).toEqual(['design_approved', 'reclamation_accepted']);
    // Accepted: no more reminders, and off the 待办.
    h.clock.advance(400 * DAY);
    await sweep(h.services);
    expect(await forProject('pianguan')).toHaveLength(4);
    expect((await h.as('pianguan').notifications.todo()).items.some((i) => i.href === `/projects/${project.id}`)).toBe(false);
  });
});

describe('whose messages, and reading them', () => {
  it('a message is visible to its organisation only; marking read is per organisation, and audited', async () => {
    await h.as('zone').bids.place({ listingId: DEMO, price: '20000', qty: '300' });
    await h.as('zone2').bids.place({ listingId: DEMO, price: '21000', qty: '300' });
    await h.as('zone').bids.place({ listingId: DEMO, price: '22000', qty: '300' });
    const zoneMessage = (await h.as('zone').notifications.list()).messages[0]!;
    const zone2Message = (await h.as('zone2').notifications.list()).messages[0]!;
    expect((await h.as('zone3').notifications.list()).messages).toEqual([]);
    expect((await h.as('zone2').notifications.list()).messages.map((m) => m.id)).not.toContain(zoneMessage.id);

    const e = await refusal(h.as('zone2').notifications.markRead({ id: zoneMessage.id }));
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toBe('未找到该消息，或它不属于您的单位。');
    expect((await stored('zone'))[0]!.read_at).toBeNull();

    h.clock.advance(60_000);
    const read = await h.as('zone').notifications.markRead({ id: zoneMessage.id });
    expect(read.readAt).toBe(h.clock.now());
    expect(await h.as('zone').notifications.unreadCount()).toBe(0);
    expect(await h.as('zone2').notifications.unreadCount()).toBe(1);
    // Reading it again changes nothing.
    const audits = async () => ((await h.db.connection.prepare("select count(*) n from audit_log where action like 'notification.%'").get()) as { n: number }).n;
    expect(await audits()).toBe(1);
    h.clock.advance(60_000);
    expect((await h.as('zone').notifications.markRead({ id: zoneMessage.id })).readAt).toBe(read.readAt);
    expect(await audits()).toBe(1);

    expect(await h.as('zone2').notifications.markAllRead()).toEqual({ marked: 1 });
    expect(await h.as('zone2').notifications.markAllRead()).toEqual({ marked: 0 });
    expect(await audits()).toBe(2);
    expect((await h.as('zone2').notifications.list()).messages.find((m) => m.id === zone2Message.id)!.readAt).toBe(h.clock.now());
  });

  it('pages newest first, twenty a page, with the unread count', async () => {
    // 25 raises between zone and zone2: each outbids the other.
    for (let i = 0; i < 26; i++) {
      h.clock.advance(1000);
      await h.as(i % 2 === 0 ? 'zone' : 'zone2').bids.place({ listingId: DEMO, price: String(20000 + i * 1000), qty: '300' });
    }
    const first = await h.as('zone').notifications.list();
    expect(first).toMatchObject({ total: 13, unread: 13, page: 1, pageSize: 20 });
    expect(first.messages).toHaveLength(13);
    const ids = first.messages.map((m) => m.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const zone2 = await h.as('zone2').notifications.list({ page: 1 });
    expect(zone2.total).toBe(12);
    for (let i = 0; i < 30; i++) {
      h.clock.advance(1000);
      await h.as(i % 2 === 0 ? 'zone' : 'zone2').bids.place({ listingId: DEMO, price: String(46000 + i * 1000), qty: '300' });
    }
    const page2 = await h.as('zone').notifications.list({ page: 2 });
    expect(page2).toMatchObject({ total: 28, page: 2 });
    expect(page2.messages).toHaveLength(8);
    expect(Math.max(...page2.messages.map((m) => m.id))).toBeLessThan(Math.min(...(await h.as('zone').notifications.list()).messages.map((m) => m.id)));
  });

  it('every message and 待办 reads in Chinese and in English, with every placeholder filled', async () => {
    await h.as('zone2').bids.place({ listingId: DEMO, price: '20000', qty: '300' });
    const trade = await awarded('zone');
    h.clock.set(trade.dueAt - DAY);
    await sweep(h.services);
    const lot = (await h.as('pianguan').accounts.quota())[0]!;
    const l = await h.as('pianguan').listings.create({ lotId: lot.id, mode: 'auction', qty: '10', reservePrice: '30000', minLot: '10', increment: '500', opensAt: h.clock.now(), closesAt: h.clock.now() + DAY });
    await h.as('province').listings.review({ listingId: l.id, approve: false, reason: '测试' });
    h.clock.set(addYearsCst(T0, 3) + DAY);
    await sweep(h.services);
    const kinds = new Set<string>();
    for (const user of ['zone', 'zone2', 'pianguan', 'hequ', 'baode', 'xinzhou', 'province']) {
      for (const locale of ['zh', 'en'] as const) {
        const c = h.as(user, locale);
        const texts = [...(await c.notifications.list()).messages.map((m) => (kinds.add(m.kind), m.text)), ...(await c.notifications.todo()).items.map((i) => (kinds.add(i.kind), i.text))];
        for (const text of texts) {
          expect(text).not.toMatch(/\{\w+\}/);
          if (locale === 'zh') expect(text).toMatch(CJK);
          // Names of places and projects stay Chinese in English.
          else expect(text.replace(/[\u4e00-\u9fff（）〔〕“”，]+/g, '')).toMatch(/^[\w ,.:;()“”’\-/{}+×]+$/);
        }
      }
    }
    expect([...kinds].sort()).toEqual(
      ['outbid', 'won', 'payment_due', 'lapsed', 'lapsed_seller', 'listing_approved', 'listing_rejected', 'project_approved', 'reclamation_overdue', 'review_project', 'reclaim_overdue'].sort(),
    );
  });
});

describe('待办', () => {
  it('each role sees what waits for it, and it goes once done', async () => {
    const trade = await awarded('zone');
    expect((await h.as('zone').notifications.todo()).items).toMatchObject([{ kind: 'pay_award', href: `/trades/${trade.id}`, dueAt: trade.dueAt }]);
    expect((await h.as('zone2').notifications.todo()).items).toEqual([]);
    await h.as('zone').trades.pay({ id: trade.id });
    expect((await h.as('zone').notifications.todo()).items).toEqual([]);

    const county = h.as('pianguan');
    const lot = (await county.accounts.quota())[0]!;
    const now = h.clock.now();
    const listing = await county.listings.create({ lotId: lot.id, mode: 'negotiated', qty: '50', reservePrice: '30000', minLot: '10', opensAt: now, closesAt: now + 30 * DAY });
    expect((await h.as('province').notifications.todo()).items.map((i) => [i.kind, i.href])).toEqual([
      ['review_listing', `/province#review-${listing.id}`],
    ]);
    await h.as('province').listings.review({ listingId: listing.id, approve: true });
    expect((await h.as('province').notifications.todo()).items).toEqual([]);
    await h.as('zone2').bids.offer({ listingId: listing.id, price: '30000', qty: '20' });
    await h.as('zone3').bids.offer({ listingId: listing.id, price: '30500', qty: '20' });
    const countyTodo = await county.notifications.todo();
    expect(countyTodo.items.map((i) => [i.kind, i.href, i.text])).toEqual([['answer_offers', `/listings/${listing.id}`, `挂牌 ${listing.code} 有 2 个报价待处理`]]);
    expect((await h.as('hequ').notifications.todo()).items).toEqual([]);

    // The city reviews 河曲县's waiting plan; then it waits for the province.
    const waiting = (await h.as('xinzhou').projects.queue())[0]!;
    expect((await h.as('xinzhou').notifications.todo()).items).toMatchObject([{ kind: 'review_project', href: `/projects/${waiting.id}` }]);
    await h.as('xinzhou').projects.cityReview({ projectId: waiting.id, approve: false, reason: '补充材料' });
    expect((await h.as('xinzhou').notifications.todo()).items).toEqual([]);
    expect((await h.as('hequ').notifications.todo()).items).toMatchObject([{ kind: 'resubmit_project', href: `/projects/${waiting.id}` }]);
    await h.as('hequ').projects.submit({ id: waiting.id });
    await h.as('xinzhou').projects.cityReview({ projectId: waiting.id, approve: true });
    expect((await h.as('province').notifications.todo()).items).toMatchObject([{ kind: 'review_project', href: `/projects/${waiting.id}` }]);
    expect((await h.as('hequ').notifications.todo()).items).toEqual([]);
  });
});
