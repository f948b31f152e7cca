// The supply and demand outlook through tRPC callers: a zone declares and revises its own demand, no
// one else can declare for it, bad input is refused field by field; the province sees every city, a
// city bureau only its own; supply and demand are those of the ledger, the projects and the trades.
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { appRouter } from '@/server/app-router';
import { sessionUser } from '@/server/users/queries';
import { sweep } from '@/server/market/closing';
import { refused as refusedIn } from '@/server/testing/refusals';
import { type Harness, T0, makeHarness } from '@/server/testing/harness';

const HOUR = 3_600_000;

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

/** A call through the route handler's fetch adapter, so the error formatter runs as for a browser. */
async function http(username: string, locale: 'zh' | 'en', input: unknown) {
  const req = new Request('http://localhost/api/trpc/outlook.declare', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  const res = await fetchRequestHandler({ endpoint: '/api/trpc', req, router: appRouter, createContext: async () => ({ services: h.services, user: await sessionUser(h.db, (await h.userId(username))), locale }) });
  return { status: res.status, body: (await res.json()) as { error: { message: string; data: { fieldErrors: Record<string, string> } } } };
}

const refused = (call: () => Promise<unknown>, code: Parameters<typeof refusedIn>[2], message?: string | RegExp) => refusedIn(h.db, call, code, message);

/** The demo's figures at T0 (server/demo/seed-demo.ts), in milli-mu. */
const DEMO = {
  // 偏关县: 1348.888 + 600 issued, 300 listed in the open auction; 河曲县 820.45; 保德县 1000.
  pianguanFree: 1_348_888 + 600_000 - 300_000,
  pianguanListed: 300_000,
  hequFree: 820_450,
  baodeFree: 1_000_000,
  // 河曲县's second plan waits for the city: 420 mu of plots less 50 mu of resettlement.
  hequPipeline: 370_000,
};

/** 偏关县 sells 100 mu to `zone` at 30,000 元/亩, settled. */
async function sale(zone: string) {
  const lot = (await h.as('pianguan').accounts.quota())[0]!;
  const now = h.clock.now();
  const listing = await h.as('pianguan').listings.create({ lotId: lot.id, mode: 'auction', qty: '100', reservePrice: '30000', minLot: '100', increment: '100', opensAt: now, closesAt: now + HOUR });
  await h.as('province').listings.review({ listingId: listing.id, approve: true });
  await h.as(zone).bids.place({ listingId: listing.id, price: '30000', qty: '100' });
  h.clock.advance(HOUR);
  await sweep(h.services);
  const trade = (await h.as(zone).trades.list()).trades.find((t) => t.listingId === listing.id)!;
  return h.as(zone).trades.pay({ id: trade.id });
}

describe('a zone declares its demand', () => {
  it('for this year and the next, revisable, every revision kept and audited with the one it replaces', async () => {
    const zone = h.as('zone');
    expect(await zone.outlook.demand()).toEqual({ years: [2026, 2027], current: [{ year: 2026, declaration: null }, { year: 2027, declaration: null }], revisions: [] });

    const first = await zone.outlook.declare({ year: 2026, area: '1500.5', note: '一期园区用地' });
    expect(first).toMatchObject({ zoneId: (await h.actor('zone')).organisationId, year: 2026, revision: 1, areaMilliMu: 1_500_500, note: '一期园区用地', declaredAt: T0 });
    h.clock.advance(HOUR);
    const second = await zone.outlook.declare({ year: 2026, area: 2000, note: '' });
    expect(second).toMatchObject({ revision: 2, areaMilliMu: 2_000_000 });
    await zone.outlook.declare({ year: 2027, area: '0' });

    const mine = await zone.outlook.demand();
    expect(mine.current.map((c) => [c.year, c.declaration?.areaMilliMu, c.declaration?.revision])).toEqual([
      [2026, 2_000_000, 2],
      [2027, 0, 1],
    ]);
    expect(mine.revisions.map((r) => [r.year, r.revision, r.areaMilliMu, r.declaredByName])).toEqual([
      [2027, 1, 0, '综改区土地分局'],
      [2026, 2, 2_000_000, '综改区土地分局'],
      [2026, 1, 1_500_500, '综改区土地分局'],
    ]);

    const audit = await h.db.select().from(auditLog).where(eq(auditLog.action, 'demand.declare')).all();
    expect(audit).toHaveLength(3);
    const revision = audit.find((a) => a.entityId === second.id)!;
    expect(JSON.parse(revision.before!)).toMatchObject({ id: first.id, areaMilliMu: 1_500_500, revision: 1 });
    expect(JSON.parse(revision.after!)).toMatchObject({ id: second.id, areaMilliMu: 2_000_000, revision: 2 });
    expect(revision.actorOrganisationId).toBe((await h.actor('zone')).organisationId);
  });

  it('for itself only: another zone’s declaration is its own, and a county, a city or the province cannot declare at all', async () => {
    await h.as('zone').outlook.declare({ year: 2026, area: '800' });
    await h.as('zone2').outlook.declare({ year: 2026, area: '50' });
    // zone2's declaration did not touch zone's, and each sees only its own.
    expect((await h.as('zone').outlook.demand()).current[0]!.declaration).toMatchObject({ areaMilliMu: 800_000, revision: 1 });
    expect((await h.as('zone2').outlook.demand()).revisions.map((r) => r.areaMilliMu)).toEqual([50_000]);
    expect((await h.as('zone3').outlook.demand()).revisions).toEqual([]);
    // The input names no zone: what another caller sends about one is ignored, not obeyed.
    await h.as('zone2').outlook.declare({ year: 2026, area: '60', zoneId: (await h.actor('zone')).organisationId } as never);
    expect((await h.as('zone').outlook.demand()).current[0]!.declaration!.areaMilliMu).toBe(800_000);

    for (const user of ['pianguan', 'xinzhou', 'province']) {
      await refused(async () => h.as(user).outlook.declare({ year: 2026, area: '1' }), 'FORBIDDEN', /^您的角色（.+）无权执行此操作。$/);
      await refused(async () => h.as(user).outlook.demand(), 'FORBIDDEN');
    }
    await refused(async () => h.as(null).outlook.declare({ year: 2026, area: '1' }), 'UNAUTHORIZED', '请先登录。');
  });

  it('bad input is refused with a clear message in Chinese (and English), nothing written', async () => {
    const zone = h.as('zone');
    await refused(() => zone.outlook.declare({ year: 2026, area: '-1' }), 'BAD_REQUEST');
    // Through the route handler, as a browser gets it: each field's note in the caller's language.
    const zh = await http('zone', 'zh', { year: 1999, area: '-1', note: 'a\u202eb' });
    expect(zh.status).toBe(400);
    expect(zh.body.error.message).toBe('有 3 项填写有误，请按各项旁的提示修改。');
    expect(zh.body.error.data.fieldErrors).toEqual({ year: '请输入 2000—2100 之间的年份。', area: '不能为负数。', note: '不能含有控制字符或文字方向控制符。' });
    const en = await http('zone', 'en', { year: 2026, area: 'abc' });
    expect(en.body.error.data.fieldErrors.area).toMatch(/^[^\u4e00-\u9fff]+$/);
    await refused(() => zone.outlook.declare({ year: 2026, area: '1.0001' }), 'BAD_REQUEST');
    await refused(() => zone.outlook.declare({ year: 2026, area: 'abc' }), 'BAD_REQUEST');
    await refused(() => zone.outlook.declare({ year: 2026, area: '100000.001' }), 'BAD_REQUEST');
    await refused(() => zone.outlook.declare({ year: 1999, area: '1' }), 'BAD_REQUEST');
    await refused(() => zone.outlook.declare({ year: 2026, area: '1', note: '长'.repeat(501) }), 'BAD_REQUEST');
    await refused(() => zone.outlook.declare({ year: 2026, area: '1', note: 'a\u202eb' }), 'BAD_REQUEST');
    // A year that can be read but not declared: only this year and the next.
    await refused(() => zone.outlook.declare({ year: 2025, area: '1' }), 'BAD_REQUEST', '只能申报 2026 年或 2027 年的用地需求。');
    await refused(() => zone.outlook.declare({ year: 2028, area: '1' }), 'BAD_REQUEST', '只能申报 2026 年或 2027 年的用地需求。');
    await refused(async () => h.as('zone', 'en').outlook.declare({ year: 2028, area: '1' }), 'BAD_REQUEST', 'Demand can be declared only for 2026 or 2027.');
  });
});

describe('the outlook by city', () => {
  it('the province sees every city: supply from the ledger and the projects in review, demand from the declarations less purchases', async () => {
    await h.as('zone').outlook.declare({ year: 2026, area: '5000' }); // 太原市
    await h.as('zone2').outlook.declare({ year: 2026, area: '100' }); // 晋中市
    await h.as('zone2').outlook.declare({ year: 2027, area: '9999' }); // another year: not in 2026's outlook
    await sale('zone2'); // zone2 buys 100 mu from 偏关县: its demand is met
    await sale('zone');

    const o = await h.as('province').outlook.byCity({ year: 2026 });
    expect(o.year).toBe(2026);
    expect(o.cities).toHaveLength(11);
    const city = (name: string) => o.cities.find((c) => c.cityName === name)!;
    const xinzhou = city('忻州市');
    expect(xinzhou.freeMilliMu).toBe(DEMO.pianguanFree - 200_000 + DEMO.hequFree + DEMO.baodeFree);
    expect(xinzhou.listedMilliMu).toBe(DEMO.pianguanListed);
    expect(xinzhou.pipelineMilliMu).toBe(DEMO.hequPipeline);
    expect(xinzhou.soldMilliMu).toBe(200_000);
    expect(xinzhou.counties.find((c) => c.name === '河曲县')).toMatchObject({ pipelineMilliMu: DEMO.hequPipeline, freeMilliMu: DEMO.hequFree, supplyMilliMu: DEMO.hequFree + DEMO.hequPipeline });
    expect(city('太原市')).toMatchObject({ declaredMilliMu: 5_000_000, boughtMilliMu: 100_000, remainingMilliMu: 4_900_000, supplyMilliMu: 0, gapMilliMu: -4_900_000, thin: true, level: 'short' });
    expect(city('晋中市')).toMatchObject({ declaredMilliMu: 100_000, boughtMilliMu: 100_000, remainingMilliMu: 0, thin: false });
    expect(city('太原市').zones.map((z) => z.name)).toEqual(['山西转型综改示范区']);

    // Province-wide: 3,468.888 mu free or listed against 4,900 mu still wanted: thin, but the pipeline does not close the gap.
    const supply = DEMO.pianguanFree - 200_000 + DEMO.hequFree + DEMO.baodeFree + DEMO.pianguanListed + DEMO.hequPipeline;
    expect(o.totals).toMatchObject({ supplyMilliMu: supply, remainingMilliMu: 4_900_000, gapMilliMu: supply - 4_900_000, thin: true, level: 'short' });

    // Next year: the declarations for it; nothing bought or sold in it yet.
    const next = await h.as('province').outlook.byCity({ year: 2027 });
    expect(next.totals).toMatchObject({ declaredMilliMu: 9_999_000, soldMilliMu: 0, boughtMilliMu: 0 });
    // Without a year: this year.
    expect((await h.as('province').outlook.byCity()).year).toBe(2026);
  });

  it('the demand it shows is the latest revision', async () => {
    await h.as('zone').outlook.declare({ year: 2026, area: '5000' });
    await h.as('zone').outlook.declare({ year: 2026, area: '10' });
    const taiyuan = (await h.as('province').outlook.byCity({ year: 2026 })).cities.find((c) => c.cityName === '太原市')!;
    expect(taiyuan.declaredMilliMu).toBe(10_000);
  });

  it('a city bureau sees only its own city; counties and zones none', async () => {
    await h.as('zone').outlook.declare({ year: 2026, area: '5000' });
    const mine = await h.as('xinzhou').outlook.byCity({ year: 2026 });
    expect(mine.cities.map((c) => c.cityName)).toEqual(['忻州市']);
    expect(mine.totals).toMatchObject({ declaredMilliMu: 0, pipelineMilliMu: DEMO.hequPipeline, freeMilliMu: mine.cities[0]!.freeMilliMu });

    // 大同市's bureau: its own city, with 大同开发区's demand and none of 忻州市's supply.
    const datongCity = ((await h.db.connection.prepare("select id from cities where name = '大同市'").get()) as { id: number }).id;
    const datongOrg = (await h.db.connection.prepare<{ id: number }>("insert into organisations (kind, name, city_id) values ('city', '大同市自然资源局', ?) returning id").get(datongCity))!.id;
    await h.as('province').users.create({ username: 'datong', displayName: '大同市局审查员', organisationId: datongOrg, password: 'Datong2026x' });
    await h.as('datong').me.changePassword({ currentPassword: 'Datong2026x', newPassword: 'Datong2027y' });
    await h.as('zone3').outlook.declare({ year: 2026, area: '30' });
    const datong = await h.as('datong').outlook.byCity({ year: 2026 });
    expect(datong.cities.map((c) => c.cityName)).toEqual(['大同市']);
    expect(datong.totals).toMatchObject({ declaredMilliMu: 30_000, supplyMilliMu: 0, thin: true });

    for (const user of ['pianguan', 'zone']) await refused(async () => h.as(user).outlook.byCity({ year: 2026 }), 'FORBIDDEN');
    await refused(async () => h.as('province').outlook.byCity({ year: 'this' } as never), 'BAD_REQUEST');
  });
});
