// The audit log in words (lib/audit-view.ts): every action the services record has words, every field
// of every record they write has a label (or is deliberately not shown), every value is in its unit or
// its words, and the page's records name users, organisations and records by name and number.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PDF } from '@/server/demo/seed-demo';
import { HIDDEN_FIELDS, actionKey, auditView } from '@/lib/audit-view';
import { hasKey } from '@/lib/i18n';
import { sweep } from '@/server/market/closing';
import { publishCheckpoint } from './checkpoints';
import { attachDocument } from '@/server/projects/projects';
import { signOutEverywhere } from '@/server/users/users';
import { SECRET_PREFIX } from '@/server/apikeys/keys';
import { formatScaled } from '@/server/kernel/units';
import { type Harness, makeHarness } from '@/server/testing/harness';

const HOUR = 3_600_000;
const DAY = 86_400_000;

let h: Harness;
type Page = Awaited<ReturnType<ReturnType<Harness['as']>['audit']['list']>>;
/** Every record of the scenario, with the names the router gave each page. */
const pages: Page[] = [];

beforeAll(async () => {
  h = await makeHarness();
  const county = h.as('pianguan');
  const province = h.as('province');
  const lot = (await county.accounts.quota())[0]!;
  let now = h.clock.now();
  const terms = (over: Record<string, unknown> = {}) => ({ lotId: lot.id, mode: 'auction' as const, qty: '100', reservePrice: '30000', minLot: '50', increment: '100', opensAt: now, closesAt: now + HOUR, ...over });

  // Listings: changed, rejected, withdrawn; an auction with an extension, an award settled and one lapsed.
  const listing = await county.listings.create(terms());
  await county.listings.update({ ...terms({ reservePrice: '30500' }), listingId: listing.id });
  await province.listings.review({ listingId: listing.id, approve: true });
  await province.listings.review({ listingId: (await county.listings.create(terms({ qty: '1', minLot: '1' }))).id, approve: false, reason: '材料不全' });
  await county.listings.withdraw({ id: (await county.listings.create(terms({ qty: '1', minLot: '1' }))).id });
  await h.as('zone').bids.place({ listingId: listing.id, price: '30500', qty: '50' });
  await h.as('zone2').bids.place({ listingId: listing.id, price: '30600', qty: '50' });
  h.clock.advance(HOUR - 60_000);
  await h.as('zone3').bids.place({ listingId: listing.id, price: '31000', qty: '50' });
  h.clock.advance(HOUR);
  await sweep(h.services);
  const award = async (zone: string) => (await h.as(zone).trades.list()).trades.find((t) => t.listingId === listing.id)!;
  await h.as('zone3').trades.pay({ id: (await award('zone3')).id });
  void (await award('zone2'));
  h.clock.advance(11 * DAY);
  await sweep(h.services);

  // A negotiated listing: an offer withdrawn, another accepted.
  now = h.clock.now();
  const negotiated = await county.listings.create(terms({ mode: 'negotiated', qty: '10', minLot: '10', increment: undefined, closesAt: now + DAY }));
  await province.listings.review({ listingId: negotiated.id, approve: true });
  const withdrawn = await h.as('zone').bids.offer({ listingId: negotiated.id, price: '30000', qty: '10' });
  await h.as('zone').bids.withdrawOffer({ id: withdrawn.bid.id });
  const offer = await h.as('zone2').bids.offer({ listingId: negotiated.id, price: '30000', qty: '10' });
  await county.bids.accept({ id: offer.bid.id });

  // After the trade, the province's settings, targets, users; a project through every step.
  await county.proceeds.spend({ spentOn: '2026-11-13', amount: '5000', category: 'poverty_consolidation', purpose: '饮水工程', budgetRef: '偏财〔2026〕1号' });
  await h.as('zone3').outlook.declare({ year: 2026, area: '300', note: '二期' });
  await h.as('zone3').outlook.declare({ year: 2026, area: '350.5' });
  const apiKey = await h.as('zone3').apiKeys.create({ name: '用地审批系统', scopes: ['read:own'], expiresAt: h.clock.now() + 86_400_000 });
  await h.as('zone3').apiKeys.revoke({ id: apiKey.key.id });
  await h.as('zone3').rights.use({ applicationName: '某用地', approvalRef: '晋政地〔2026〕1号', area: '10', rights: ['NEW_LAND', 'SCALE', 'FARMLAND'] });
  const proposed = await province.accounts.proposeTransfer({ zoneId: (await h.actor('zone')).organisationId, amount: '1000000', bankRef: 'B-1' });
  await h.as('checker').accounts.confirmTransfer({ id: proposed.id });
  const wrong = await province.accounts.proposeTransfer({ zoneId: (await h.actor('zone')).organisationId, amount: '1', bankRef: 'B-2' });
  await h.as('checker').accounts.rejectTransfer({ id: wrong.id, reason: '金额不符' });
  await h.setSettings({ depositRateBp: 2500, paymentDays: 12, antiSnipingWindowSeconds: 300, antiSnipingExtensionSeconds: 600 }, '晋自然资发〔2026〕9号');
  await province.stats.setTarget({ year: 2027, qty: '900', documentRef: '晋自然资发〔2026〕30号', to: { group: 'poverty' } });
  const thresholds = await province.integrity.thresholds();
  await province.integrity.setThresholds(Object.fromEntries(thresholds.map((x) => [x.key, formatScaled(x.key === 'biddersAmberX100' ? 250 : x.value, x.unit === 'count' ? 0 : 2).replace(/,/g, '')])) as never);
  const user = await province.users.create({ username: 'audit-user', displayName: '测试用户', organisationId: (await h.actor('hequ')).organisationId, password: 'Passw0rd1' });
  await province.users.setDisabled({ userId: user.id, disabled: true });
  await province.users.setDisabled({ userId: user.id, disabled: false });
  await province.users.resetPassword({ userId: user.id, password: 'Passw0rd2' });
  await h.as('audit-user').me.changePassword({ currentPassword: 'Passw0rd2', newPassword: 'Passw0rd3' });
  await signOutEverywhere(h.services, (await h.actor('audit-user')));
  const message = (await h.as('pianguan').notifications.list()).messages[0]!;
  await h.as('pianguan').notifications.markRead({ id: message.id });
  await h.as('pianguan').notifications.markAllRead();
  const plan = { name: '审计项目区', villages: 'V', forCrossRegion: true, landType: 'ordinary' as const, resettlement: '1', plots: [{ code: 'A', village: 'v', currentUse: 'homestead' as const, area: '10', farmland: '5', farmlandGrade: 3 }] };
  const p = await county.projects.create(plan);
  await county.projects.update({ ...plan, projectId: p.id, villages: 'V2' });
  const doc = await attachDocument(h.services, (await h.actor('pianguan')), p.id, { fileName: 'a.pdf', bytes: DEMO_PDF });
  await county.projects.removeDocument({ id: doc.id });
  await attachDocument(h.services, (await h.actor('pianguan')), p.id, { fileName: 'b.pdf', bytes: DEMO_PDF });
  await county.projects.submit({ id: p.id });
  await h.as('xinzhou').projects.cityReview({ projectId: p.id, approve: false, reason: '地块不清' });
  await county.projects.submit({ id: p.id });
  await h.as('xinzhou').projects.cityReview({ projectId: p.id, approve: true });
  await province.projects.provinceReview({ projectId: p.id, approve: false, reason: '补充材料' });
  await county.projects.submit({ id: p.id });
  await h.as('xinzhou').projects.cityReview({ projectId: p.id, approve: true });
  await province.projects.provinceReview({ projectId: p.id, approve: true, approvalRef: '晋自然资函〔2026〕9号' });
  // With a holdback: p's sale is held until its acceptance releases it; a sale of the first lot is
  // held until its project's deadline passes and the sweep forfeits it.
  await h.setSettings({ holdbackBp: 1000 }, '晋自然资发〔2026〕10号');
  const sellAndPay = async (lotId: number) => {
    now = h.clock.now();
    const l = await county.listings.create(terms({ lotId, qty: '5', minLot: '5' }));
    await province.listings.review({ listingId: l.id, approve: true });
    await h.as('zone').bids.place({ listingId: l.id, price: '30000', qty: '5' });
    h.clock.advance(HOUR);
    await sweep(h.services);
    const t = (await h.as('zone').trades.list()).trades.find((x) => x.listingId === l.id)!;
    await h.as('zone').trades.pay({ id: t.id });
  };
  await sellAndPay((await county.projects.get({ id: p.id })).lot!.id);
  await sellAndPay(lot.id);
  await h.as('xinzhou').projects.approveDesign({ projectId: p.id, ref: '忻自然资〔2026〕1号' });
  await county.projects.reportProgress({ projectId: p.id, percent: 40, note: '进行中' });
  await h.as('xinzhou').projects.acceptReclamation({ projectId: p.id, ref: '忻自然资验〔2026〕1号' });
  h.clock.advance(3 * 366 * DAY);
  await sweep(h.services);
  await publishCheckpoint(h.services);

  let beforeId: number | null = null;
  do {
    const page: Page = await province.audit.list({ beforeId });
    pages.push(page);
    beforeId = page.nextBeforeId;
  } while (beforeId !== null);
}, 60_000); // a long scenario: slower than the default 10 s on PostgreSQL on a busy machine
afterAll(() => h.close());

const records = () => pages.flatMap((p) => p.rows.map((r) => ({ r, names: p.names })));
const fieldsOf = (json: string | null) => Object.entries((json ? JSON.parse(json) : {}) as Record<string, unknown>);

describe('the audit log in words', () => {
  it('the scenario wrote every action the services record', () => {
    // The actions named in the use cases' writeAudit calls (a `${kind}.place` is a bid's or an offer's).
    const dir = path.join(process.cwd(), 'server');
    const named = new Set<string>();
    for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const call of source.match(/writeAudit\([^;]*?\);/gs) ?? []) {
        for (const m of call.matchAll(/['`]([a-z_${}]+(?:\.[a-z_]+)+)['`]/g)) {
          for (const action of m[1]!.startsWith('${kind}') ? ['bid', 'offer'].map((k) => m[1]!.replace('${kind}', k)) : [m[1]!]) named.add(action);
        }
      }
    }
    expect(named.size).toBeGreaterThan(30);
    const written = new Set(records().map(({ r }) => r.action));
    for (const action of named) expect(actionKey(action), `words for ${action}`).not.toBeNull();
    expect([...named].filter((a) => !written.has(a))).toEqual([]);
  });

  it('every field every record holds has a label, or is one the page deliberately leaves out', () => {
    const unlabelled = new Set<string>();
    for (const { r } of records()) for (const [field] of [...fieldsOf(r.before), ...fieldsOf(r.after)]) if (!HIDDEN_FIELDS.has(field) && !hasKey('audit', `field_${field}`)) unlabelled.add(`${r.action}: ${field}`);
    expect([...unlabelled]).toEqual([]);
  });

  it('shows no code, id, raw number or JSON: actions and records in words, names for ids, values in their units', () => {
    for (const { r, names } of records()) {
      for (const locale of ['zh', 'en'] as const) {
        const v = auditView(locale, r, names);
        expect(v.action, r.action).not.toBeNull();
        expect(v.entity, r.entity).not.toBe(r.entity);
        // Words: no action code, record kind or field name; values: no id, epoch, JSON or enumerated code.
        for (const words of [v.action!, v.entity, ...v.changes.map((c) => c.label)]) expect(words, `${r.action} (${locale})`).not.toMatch(/[a-z]\.[a-z]|_|[a-z][A-Z]/);
        for (const value of [v.object?.text ?? '', ...v.changes.flatMap((c) => [c.before?.text ?? '', c.after?.text ?? ''])]) {
          // An API key's shown beginning is random text, all letters now and then.
          if (value.startsWith(SECRET_PREFIX)) continue;
          expect(value, `${r.action} (${locale})`).not.toMatch(/^#\d+$|[{}[\]"]|^\d{10,}$|^[a-z]+(_[a-z]+)+$|^[A-Z]+(_[A-Z]+)+$|^(true|false|null)$/);
        }
      }
    }
  });

  it('a bid, a settlement and a settings change, as the province reads them', () => {
    // The log comes newest first: the first of an action is its last.
    const find = (action: string) => records().filter(({ r }) => r.action === action).at(-1)!;
    const bid = find('bid.place');
    const bv = auditView('zh', bid.r, bid.names);
    expect(bv.action).toBe('竞价出价');
    expect(bv.object).toEqual({ text: 'GP2026-00002 的竞价出价（竞买号 001）', href: expect.stringMatching(/^\/listings\/\d+$/) });
    expect(bv.changes.map((c) => [c.label, c.after?.text])).toEqual(
      expect.arrayContaining([
        ['开发区', '山西转型综改示范区'],
        ['单价', '30,500.00 元/亩'],
        ['数量', '50.000 亩'],
        ['保证金', '305,000.00 元'],
        ['出价人', '综改区土地分局'],
        ['状态', '有效'],
      ]),
    );
    const settle = find('trade.settle');
    const sv = auditView('zh', settle.r, settle.names);
    expect(sv.object).toEqual({ text: expect.stringMatching(/^QX2026-\d{6}$/), href: expect.stringMatching(/^\/trades\/\d+$/) });
    expect(sv.changes.find((c) => c.field === 'status')).toMatchObject({ label: '状态', before: { text: '待付款' }, after: { text: '已结算' } });
    const settings = find('settings.update');
    const st = auditView('en', settings.r, settings.names);
    expect(st.changes.map((c) => [c.label, c.before?.text, c.after?.text])).toEqual([
      ['Deposit rate', '20.00%', '25.00%'],
      ['Payment term', '10 days', '12 days'],
      ['Extension', '5 min', '10 min'],
      ['Policy document', undefined, '晋自然资发〔2026〕9号'],
      ['In force from', undefined, expect.stringMatching(/2026/)],
    ]);
  });
});
