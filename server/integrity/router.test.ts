// The market-integrity screens through tRPC callers, on a market generated through the app's own
// services: a county whose every listing drew one bidder at the reserve is flagged, with its listings;
// a county whose listings were contested is not; the province alone may read the screens and change the
// thresholds, which are validated field by field and audited.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, integrityThresholds } from '@/db/schema';
import { sweep } from '@/server/market/closing';
import { THRESHOLD_DEFAULTS, THRESHOLD_KEYS, THRESHOLD_SPECS, type ThresholdKey } from '@/server/integrity/domain/thresholds';
import { formatScaled } from '@/server/kernel/units';
import { buildReport, reportSource } from '@/server/web/reports';
import { toCsv } from '@/server/web/report-files';
import { refused } from '@/server/testing/refusals';
import { type Harness, makeHarness } from '@/server/testing/harness';
import { PLACES } from './schemas';

const HOUR = 3_600_000;
const MINUTE = 60_000;

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

/**
 * 偏关县 lists 6 auctions that each draw one bid, from 山西转型综改示范区 at the reserve; 河曲县 lists 6
 * that three zones contest, the last raise of each by more than the increment and one in the final
 * minutes (extending the close). All close within the hour and are swept.
 */
async function generatedMarket() {
  const start = h.clock.now();
  const terms = { mode: 'auction' as const, qty: '10', minLot: '10', increment: '100', opensAt: start, closesAt: start + HOUR };
  const pianguanLot = (await h.as('pianguan').accounts.quota())[0]!.id;
  const hequLot = (await h.as('hequ').accounts.quota())[0]!.id;
  const lonely: number[] = [];
  const contested: number[] = [];
  for (let i = 0; i < 6; i++) {
    lonely.push((await h.as('pianguan').listings.create({ ...terms, lotId: pianguanLot, reservePrice: String(30_000 + i * 10) })).id);
    contested.push((await h.as('hequ').listings.create({ ...terms, lotId: hequLot, reservePrice: '30000' })).id);
  }
  for (const id of [...lonely, ...contested]) await h.as('province').listings.review({ listingId: id, approve: true });
  for (const [i, id] of lonely.entries()) await h.as('zone').bids.place({ listingId: id, price: String(30_000 + i * 10), qty: '10' });
  for (const [i, id] of contested.entries()) {
    const zones = i % 2 === 0 ? ['zone', 'zone2', 'zone3'] : ['zone2', 'zone3', 'zone'];
    await h.as(zones[0]!).bids.place({ listingId: id, price: '30000', qty: '10' });
    await h.as(zones[1]!).bids.place({ listingId: id, price: '30100', qty: '10' });
    await h.as(zones[2]!).bids.place({ listingId: id, price: String(33_000 + i * 500), qty: '10' });
  }
  // The last contested listing gets a late bid that extends its close.
  h.clock.advance(HOUR - 2 * MINUTE);
  await h.as('zone').bids.place({ listingId: contested[5]!, price: '40000', qty: '10' });
  h.clock.advance(10 * MINUTE);
  expect((await sweep(h.services)).closed).toBe(12);
  return { lonely, contested };
}

/** Every threshold as the form sends it (its default typed in its unit), with some changed. */
const thresholdsAsTyped = (over: Partial<Record<ThresholdKey, string>> = {}) =>
  Object.fromEntries(THRESHOLD_KEYS.map((k) => [k, over[k] ?? formatScaled(THRESHOLD_DEFAULTS[k], PLACES[THRESHOLD_SPECS[k].unit]).replace(/,/g, '')])) as Record<ThresholdKey, string>;

describe('the screens', () => {
  it('flag the county whose listings each drew one bidder at the reserve, with the listings behind the flag; not the contested one', async () => {
    const { lonely, contested } = await generatedMarket();
    const r = await h.as('province').integrity.screens({ year: 2026, quarter: 4 });
    expect(r.label).toBe('2026-Q4');
    const pianguan = r.counties.find((c) => c.countyName === '偏关县')!;
    expect(pianguan.metrics.singleBidder).toMatchObject({ value: 10_000, count: 6, base: 6, level: 'red', more: 0 });
    expect(pianguan.metrics.singleBidder.listings.map((l) => l.id).sort()).toEqual([...lonely].sort());
    expect(pianguan.metrics.singleBidder.listings[0]!.code).toMatch(/^GP2026-\d{5}$/);
    expect(pianguan.metrics.atReserve).toMatchObject({ value: 10_000, level: 'red' });
    expect(pianguan.metrics.ratio).toMatchObject({ value: 10_000, level: 'red' });
    expect(pianguan.worst).toBe('red');

    const hequ = r.counties.find((c) => c.countyName === '河曲县')!;
    expect(hequ.metrics.singleBidder).toMatchObject({ value: 0, level: 'green' });
    expect(hequ.metrics.atReserve).toMatchObject({ value: 0, level: 'green' });
    expect(hequ.medianBiddersX100).toBe(300);
    // Two raises each (the first by the increment, the second by more), one more on the last listing.
    expect(hequ.metrics.minIncrement).toMatchObject({ count: 6, base: 13 });
    // The late bid is one of 19, and its listing's close was extended.
    expect(hequ.metrics.lateBids).toMatchObject({ count: 1, base: 19, listings: [{ id: contested[5] }] });
    expect(hequ.metrics.extensions).toMatchObject({ count: 1, base: 6, listings: [{ id: contested[5] }] });
    // Both counties are in 忻州市.
    expect(r.cities.map((c) => c.cityName)).toEqual(['忻州市']);
    expect(r.total.metrics.singleBidder).toMatchObject({ count: 6, base: 12, level: 'red' });
  });

  it('read the period and the place asked for', async () => {
    await generatedMarket();
    expect((await h.as('province').integrity.screens({ year: 2026, month: 10 })).total.listings).toBe(0);
    expect((await h.as('province').integrity.screens({ year: 2026, month: 11 })).total.listings).toBe(12);
    expect((await h.as('province').integrity.screens({ year: 2025 })).total.listings).toBe(0);
    const hequ = await h.orgId('河曲县');
    const only = await h.as('province').integrity.screens({ countyId: hequ });
    expect(only.counties.map((c) => c.countyId)).toEqual([hequ]);
    expect(only.total.worst).toBe('green');
  });

  it('are the province’s alone', async () => {
    for (const user of ['pianguan', 'zone', 'xinzhou']) {
      await refused(h.db, async () => h.as(user).integrity.screens({}), 'FORBIDDEN');
      await refused(h.db, async () => h.as(user).integrity.thresholds(), 'FORBIDDEN');
      await refused(h.db, async () => h.as(user).integrity.setThresholds(thresholdsAsTyped()), 'FORBIDDEN');
    }
    await refused(h.db, async () => h.as(null).integrity.screens({}), 'UNAUTHORIZED');
  });

  it('export per county, per city and the pairs, in the caller’s language, refused to a county', async () => {
    await generatedMarket();
    const filter = { year: 2026, cityId: null, countyId: null, quarter: 4, month: null };
    const counties = await buildReport('integrityCounties', reportSource(h.as('province'), filter), 'zh');
    expect(counties.title).toContain('2026-Q4');
    const pianguan = counties.rows.find((r) => r[0] === '偏关县')!;
    expect(pianguan).toContain(10_000);
    expect(pianguan).toContain('红色·警示');
    expect(new TextDecoder().decode(toCsv(counties))).toContain('偏关县');
    const en = await buildReport('integrityCities', reportSource(h.as('province', 'en'), filter), 'en');
    expect(en.rows[0]).toContain('Red · alert');
    await expect(buildReport('integrityPairs', reportSource(h.as('province'), filter), 'zh')).resolves.toMatchObject({ rows: [] });
    await expect(buildReport('integrityCounties', reportSource(h.as('pianguan'), filter), 'zh')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the thresholds', () => {
  it('default to their sources’ values, and a change is saved, audited and grades the next reading', async () => {
    await generatedMarket();
    const before = await h.as('province').integrity.thresholds();
    expect(before.find((t) => t.key === 'singleBidderRedBp')).toMatchObject({ value: 2000, defaultValue: 2000, source: 'eu_scoreboard', updatedAt: null });
    // Single bidders graded amber up to 100%: 偏关县's 100% is then amber, not red.
    const saved = await h.as('province').integrity.setThresholds(thresholdsAsTyped({ singleBidderRedBp: '100.00' }));
    expect(saved.changed).toBe(1);
    expect(await h.db.select().from(integrityThresholds).all()).toEqual([{ key: 'singleBidderRedBp', value: 10_000, updatedAt: h.clock.now(), updatedBy: await h.userId('province') }]);
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.action, 'integrity.thresholds')).all();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.before!).singleBidderRedBp).toBe(2000);
    expect(JSON.parse(audit[0]!.after!).singleBidderRedBp).toBe(10_000);
    const after = await h.as('province').integrity.thresholds();
    expect(after.find((t) => t.key === 'singleBidderRedBp')).toMatchObject({ value: 10_000, defaultValue: 2000, updatedByName: expect.any(String) });
    const r = await h.as('province').integrity.screens({ year: 2026 });
    expect(r.counties.find((c) => c.countyName === '偏关县')!.metrics.singleBidder.level).toBe('amber');
    // Saving the same values again changes and audits nothing.
    expect((await h.as('province').integrity.setThresholds(thresholdsAsTyped({ singleBidderRedBp: '100' }))).changed).toBe(0);
    expect(await h.db.select().from(auditLog).where(eq(auditLog.action, 'integrity.thresholds')).all()).toHaveLength(1);
  });

  // The messages as a browser gets them, field by field in zh and en: server/__tests__/rejections.test.ts.
  it('refuses incoherent or malformed values field by field, writing nothing', async () => {
    const p = h.as('province');
    const order = await refused(h.db, () => p.integrity.setThresholds(thresholdsAsTyped({ singleBidderAmberBp: '30', singleBidderRedBp: '20' })), 'BAD_REQUEST');
    expect((order.cause as unknown as { issues: { path: string[]; message: string }[] }).issues).toEqual([expect.objectContaining({ path: ['singleBidderRedBp'], message: 'thresholdOrder' })]);
    await refused(h.db, () => p.integrity.setThresholds(thresholdsAsTyped({ unsoldRedBp: '100.01' })), 'BAD_REQUEST');
    await refused(h.db, () => p.integrity.setThresholds(thresholdsAsTyped({ ratioRedBp: '99.99' })), 'BAD_REQUEST');
    await refused(h.db, () => p.integrity.setThresholds(thresholdsAsTyped({ minListings: '2.5' })), 'BAD_REQUEST');
    await refused(h.db, () => p.integrity.setThresholds(thresholdsAsTyped({ biddersAmberX100: 'many' })), 'BAD_REQUEST');
    const { minListings: _, ...missing } = thresholdsAsTyped();
    await refused(h.db, () => p.integrity.setThresholds(missing as never), 'BAD_REQUEST');
  });
});
