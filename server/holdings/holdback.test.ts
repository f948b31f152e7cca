// The holdback of proceeds until reclamation is accepted (seed 001 二(二); docs/decisions/0015-holdback.md),
// through tRPC callers and the manual clock: settlement holds the province's share, the city's
// acceptance (验收) releases it to the county, a deadline passed without acceptance forfeits it to the
// province by the sweep, once. Each test has its own temporary database.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { balanceOf } from '@/server/books/journal';
import { accountsOf } from '@/server/books/domain/ledger';
import { verifyIntegrity } from '@/server/audit/integrity';
import { sweep } from '@/server/market/closing';
import { DEMO_PDF } from '@/server/demo/seed-demo';
import { attachDocument } from '@/server/projects/projects';
import { type Harness, makeHarness } from '@/server/testing/harness';

const HOUR = 3_600_000;
const DAY = 86_400_000;

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const org = async (username: string) => (await h.actor(username)).organisationId;
const proceeds = async (county = 'pianguan') => balanceOf(h.db, accountsOf.countyProceeds(await org(county)));
const held = async (lotId: number, county = 'pianguan') => balanceOf(h.db, accountsOf.countyHoldback((await org(county)), lotId));
const forfeited = async (lotId: number) => balanceOf(h.db, accountsOf.provinceForfeited((await org('province')), lotId));
const count = async (sql: string, ...args: unknown[]) => ((await h.db.connection.prepare(sql).get(...args)) as { n: number }).n;
const entries = (reason: string) => count('select count(*) n from journal_entries where reason = ?', reason);
const audits = (action: string) => count('select count(*) n from audit_log where action = ?', action);

/** The ledger and the audit chain as `npm run audit:verify` checks them. */
async function intact() {
  expect(await h.checkLedger()).toEqual({ mismatches: [], unbalanced: [], nonZeroTotals: [] });
  const r = await verifyIntegrity(h.db);
  expect(r.ledger.negative).toEqual([]);
  expect(r.ok).toBe(true);
}

const setHoldback = (holdbackBp: number) => h.setSettings({ holdbackBp });

/** A project of 偏关县 through city review and provincial approval, its design approved; returns it and its lot. */
async function approvedProject(name: string) {
  const county = h.as('pianguan');
  const p = await county.projects.create({
    name,
    villages: '水泉镇',
    forCrossRegion: true,
    landType: 'ordinary',
    resettlement: '0',
    plots: [{ code: 'SQ-01', village: '水泉村', currentUse: 'homestead', area: '200', farmland: '180', farmlandGrade: 6 }],
  });
  await attachDocument(h.services, (await h.actor('pianguan')), p.id, { fileName: '实施方案.pdf', bytes: DEMO_PDF });
  await county.projects.submit({ id: p.id });
  await h.as('xinzhou').projects.cityReview({ projectId: p.id, approve: true });
  await h.as('province').projects.provinceReview({ projectId: p.id, approve: true, approvalRef: '晋自然资函〔2026〕301号' });
  await h.as('xinzhou').projects.approveDesign({ projectId: p.id, ref: '忻自然资复〔2026〕5号' });
  const got = await county.projects.get({ id: p.id });
  return { id: p.id, lot: got.lot! };
}

/** Sells `qty` mu of a lot at 30,000 元/亩 through an auction, and the zone pays; returns the settled trade. */
async function sell(lotId: number, qty: string, zone = 'zone') {
  const now = h.clock.now();
  const listing = await h.as('pianguan').listings.create({ lotId, mode: 'auction', qty, reservePrice: '30000', minLot: qty, increment: '100', opensAt: now, closesAt: now + HOUR });
  await h.as('province').listings.review({ listingId: listing.id, approve: true });
  await h.as(zone).bids.place({ listingId: listing.id, price: '30000', qty });
  h.clock.advance(HOUR);
  await sweep(h.services);
  const trade = (await h.as(zone).trades.list()).trades.find((t) => t.listingId === listing.id)!;
  return h.as(zone).trades.pay({ id: trade.id });
}

describe('holdback of proceeds until reclamation is accepted', () => {
  it('settles with 20% held; the city accepts: all of it released to the county, in the acceptance, audited', async () => {
    await setHoldback(2000);
    const { id, lot } = await approvedProject('偏关县暂扣测试项目区（一）');
    const before = await proceeds();
    const trade = await sell(lot.id, '10'); // 10 mu × 30,000 元 = 300,000 元
    expect(trade.amountFen).toBe(30_000_000);
    expect(await held(lot.id)).toBe(6_000_000);
    expect(await proceeds() - before).toBe(24_000_000);
    // Money conserved: the amount is the county's proceeds plus what is held.
    expect(await proceeds() - before + await held(lot.id)).toBe(trade.amountFen);
    expect(await entries('holdback_released')).toBe(0);
    await intact();

    // Everyone in the jurisdiction sees it held; a city that is not the county's sees nothing.
    for (const who of ['pianguan', 'xinzhou', 'province']) {
      const got = await h.as(who).proceeds.holdbacks();
      expect(got.rows.find((r) => r.projectId === id)).toMatchObject({ heldFen: 6_000_000, heldInAllFen: 6_000_000, releasedFen: 0, forfeitedFen: 0, state: 'held', lotId: lot.id });
      expect(got.holdbackBp).toBe(2000);
    }
    const datongCity = ((await h.db.connection.prepare("select id from cities where name = '大同市'").get()) as { id: number }).id;
    const datongOrg = (await h.db.connection.prepare<{ id: number }>("insert into organisations (kind, name, city_id) values ('city', '大同市自然资源局', ?) returning id").get(datongCity))!.id;
    await h.as('province').users.create({ username: 'datong', displayName: '大同市局审查员', organisationId: datongOrg, password: 'Datong2026x' });
    await h.as('datong').me.changePassword({ currentPassword: 'Datong2026x', newPassword: 'Datong2027y' });
    expect((await h.as('datong').proceeds.holdbacks()).rows).toEqual([]);
    expect((await h.as('hequ').proceeds.holdbacks()).rows).toEqual([]);

    await h.as('xinzhou').projects.acceptReclamation({ projectId: id, ref: '忻自然资验〔2027〕1号' });
    expect(await held(lot.id)).toBe(0);
    expect(await proceeds() - before).toBe(trade.amountFen);
    expect(await entries('holdback_released')).toBe(1);
    expect(await audits('holdback.release')).toBe(1);
    const released = (await h.db.connection.prepare("select actor_user_id a from journal_entries where reason = 'holdback_released'").get()) as { a: number };
    expect(released.a).toBe((await h.actor('xinzhou')).userId);
    const row = (await h.as('province').proceeds.holdbacks()).rows.find((r) => r.projectId === id)!;
    expect(row).toMatchObject({ heldFen: 0, releasedFen: 6_000_000, forfeitedFen: 0, state: 'released' });
    expect((await h.as('pianguan').proceeds.mine()).receivedFen).toBeGreaterThanOrEqual(trade.amountFen);

    // A sale after acceptance holds nothing back: there is nothing left to wait for.
    const later = await sell(lot.id, '10', 'zone2');
    expect(await held(lot.id)).toBe(0);
    expect(await proceeds() - before).toBe(trade.amountFen + later.amountFen);
    await intact();
  });

  it('another project passes its deadline without acceptance: the sweep forfeits what is held to the province, once', async () => {
    await setHoldback(2000);
    const a = await approvedProject('偏关县暂扣测试项目区（二）');
    const b = await approvedProject('偏关县暂扣测试项目区（三）');
    await sell(a.lot.id, '10');
    await sell(b.lot.id, '5');
    expect(await held(a.lot.id)).toBe(6_000_000);
    expect(await held(b.lot.id)).toBe(3_000_000);

    // Two years from the first trade, and a day: b is accepted in time, a is not.
    await h.as('xinzhou').projects.acceptReclamation({ projectId: b.id, ref: '忻自然资验〔2027〕2号' });
    const deadline = (await h.as('province').proceeds.holdbacks()).rows.find((r) => r.projectId === a.id)!.deadline!;
    h.clock.set(deadline - 1);
    await sweep(h.services);
    expect(await held(a.lot.id)).toBe(6_000_000);
    h.clock.set(deadline + DAY);
    const proceedsBefore = await proceeds();
    await sweep(h.services);
    expect(await held(a.lot.id)).toBe(0);
    expect(await forfeited(a.lot.id)).toBe(6_000_000);
    expect(await proceeds()).toBe(proceedsBefore);
    // The sweep runs again: nothing more moves.
    await sweep(h.services);
    expect(await forfeited(a.lot.id)).toBe(6_000_000);
    expect(await entries('holdback_forfeited')).toBe(1);
    expect(await audits('holdback.forfeit')).toBe(1);
    await intact();

    const rows = (await h.as('province').proceeds.holdbacks()).rows;
    expect(rows.find((r) => r.projectId === a.id)).toMatchObject({ heldFen: 0, releasedFen: 0, forfeitedFen: 6_000_000, state: 'forfeited', overdue: true });
    expect(rows.find((r) => r.projectId === b.id)).toMatchObject({ heldFen: 0, releasedFen: 3_000_000, forfeitedFen: 0, state: 'released' });
    expect((await h.as('province').proceeds.holdbacks()).totals).toMatchObject({ forfeitedFen: 6_000_000, releasedFen: 3_000_000 });

    // Accepted late, the project gets nothing back: what was forfeited stays the province's.
    await h.as('xinzhou').projects.acceptReclamation({ projectId: a.id, ref: '忻自然资验〔2029〕1号' });
    expect(await forfeited(a.lot.id)).toBe(6_000_000);
    expect(await entries('holdback_released')).toBe(1); // b's alone
    await intact();
  });

  it('accepted after its deadline but before the sweep ran: forfeited in the acceptance, as the sweep would have', async () => {
    await setHoldback(1000);
    const { id, lot } = await approvedProject('偏关县暂扣测试项目区（四）');
    await sell(lot.id, '10');
    const deadline = (await h.as('xinzhou').proceeds.holdbacks()).rows.find((r) => r.projectId === id)!.deadline!;
    h.clock.set(deadline + HOUR);
    await h.as('xinzhou').projects.acceptReclamation({ projectId: id, ref: '忻自然资验〔2029〕2号' });
    expect(await held(lot.id)).toBe(0);
    expect(await forfeited(lot.id)).toBe(3_000_000);
    expect(await entries('holdback_released')).toBe(0);
    await sweep(h.services);
    await intact();
  });

  it('with 0% (the default) settlement posts exactly as before: no holdback account, the whole amount to proceeds', async () => {
    expect((await h.as('province').accounts.settings()).holdbackBp).toBe(0);
    const { id, lot } = await approvedProject('偏关县暂扣测试项目区（五）');
    const before = await proceeds();
    const trade = await sell(lot.id, '10');
    expect(await proceeds() - before).toBe(trade.amountFen);
    expect(await count("select count(*) n from accounts where bucket in ('holdback', 'forfeited')")).toBe(0);
    await h.as('xinzhou').projects.acceptReclamation({ projectId: id, ref: '忻自然资验〔2027〕3号' });
    expect(await entries('holdback_released')).toBe(0);
    expect(await audits('holdback.release')).toBe(0);
    expect((await h.as('province').proceeds.holdbacks()).rows).toEqual([]);
    await intact();
  });

  it('the province sets the rate; out of range is refused field by field', async () => {
    await setHoldback(1550);
    await expect(setHoldback(10_001)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(setHoldback(-1)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await h.as('province').accounts.settings()).holdbackBp).toBe(1550);
    const audit = (await h.db.connection.prepare("select after from audit_log where action = 'settings.update' order by id desc").get()) as { after: string };
    expect(JSON.parse(audit.after)).toMatchObject({ holdbackBp: 1550 });
  });
});
