// The dashboards through tRPC callers: one known trade's figures in every table, empty
// periods, a county and a zone seeing only themselves, targets and the assessment, and the exports.
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { trades } from '@/db/schema';
import { seedSynthetic } from '@/server/demo/synthetic';
import { countiesWithCity } from './queries';
import { yearRangeCst } from '@/server/kernel/china-time';
import { type TradeFact, monthlySeries, monthsBetween, quarterlySeries, spreadBy, yearOf } from '@/server/stats/domain/stats';
import { toCsv, toXlsx } from '@/server/web/report-files';
import { buildReport, reportSource } from '@/server/web/reports';
import { sweep } from '@/server/market/closing';
import { caught as refusal } from '@/server/testing/refusals';
import { type Harness, makeHarness } from '@/server/testing/harness';

interface TradeScope {
  from: number;
  to: number;
  cityId?: number | null;
  countyId?: number | null;
  buyerId?: number | null;
}

/** The definition's input: the settled trades in [from, to) in a scope, read one by one, with the seller's county and city. */
async function tradeFacts(db: Db, s: TradeScope): Promise<TradeFact[]> {
  const cityOf = new Map((await countiesWithCity(db)).map((c) => [c.id, c.cityId]));
  const rows = (await db
    .select({ settledAt: sql<number>`${trades.settledAt}`, price: trades.priceFenPerMu, qty: trades.qtyMilliMu, amount: trades.amountFen, seller: trades.sellerId })
    .from(trades)
    .where(
      and(
        eq(trades.status, 'settled'),
        gte(trades.settledAt, s.from),
        lt(trades.settledAt, s.to),
        s.cityId ? inArray(trades.sellerId, [...cityOf].filter(([, city]) => city === s.cityId).map(([id]) => id)) : undefined,
        s.countyId ? eq(trades.sellerId, s.countyId) : undefined,
        s.buyerId ? eq(trades.buyerId, s.buyerId) : undefined,
      ),
    )
    .prepare()
    .values()) as [number, number, number, number, number][];
  return rows.map(([settledAt, priceFenPerMu, qtyMilliMu, amountFen, countyId]) => ({ settledAt, priceFenPerMu, qtyMilliMu, amountFen, countyId, cityId: cityOf.get(countyId) ?? 0 }));
}

const HOUR = 3_600_000;

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

/** 偏关县 sells 100 mu at 30,000 元/亩 to 山西转型综改示范区, settled on 2026-11-02 (China time). */
async function knownTrade() {
  const lot = (await h.as('pianguan').accounts.quota())[0]!;
  const now = h.clock.now();
  const listing = await h.as('pianguan').listings.create({ lotId: lot.id, mode: 'auction', qty: '100', reservePrice: '30000', minLot: '100', increment: '100', opensAt: now, closesAt: now + HOUR });
  await h.as('province').listings.review({ listingId: listing.id, approve: true });
  await h.as('zone').bids.place({ listingId: listing.id, price: '30000', qty: '100' });
  h.clock.advance(HOUR);
  await sweep(h.services);
  const trade = (await h.as('zone').trades.list()).trades.find((t) => t.listingId === listing.id)!;
  return h.as('zone').trades.pay({ id: trade.id });
}

const all = { year: 2026, cityId: null, countyId: null };

describe('dashboards', () => {
  it('the market dashboard (put together from the packs) equals the definition over the trades, for every scope, before and after new ones', async () => {
    const now = h.clock.now();
    const year = yearOf(now);
    const { from, to } = yearRangeCst(year);
    const months = monthsBetween(`${year}-01`, `${year}-12`);
    // The definition: every trade of the year in scope, aggregated by the domain's functions.
    const definition = async (scope: { cityId?: number; countyId?: number; buyerId?: number }) => {
      const trades = await tradeFacts(h.db, { from, to, ...scope });
      const inOrder: TradeFact[] = [...trades].sort((a, b) => a.settledAt - b.settledAt);
      const step = Math.max(1, Math.ceil(inOrder.length / 1500));
      return {
        count: trades.length,
        months: monthlySeries(trades, months),
        points: inOrder.filter((_, i) => i % step === 0).map((t) => ({ at: t.settledAt, priceFenPerMu: t.priceFenPerMu, qtyMilliMu: t.qtyMilliMu })),
        byCity: spreadBy(trades, (t) => t.cityId),
      };
    };
    const answered = async (who: Parameters<Harness['as']>[0], input: { year: number; cityId: number | null; countyId: number | null }) => {
      const m = await h.as(who).stats.market(input);
      return { count: m.count, months: m.months.map(({ referenceFenPerMu: _r, floorFenPerMu: _f, ...row }) => row), points: m.points, byCity: m.byCity.map(({ cityName: _c, ...row }) => row) };
    };
    const pianguan = (await h.actor('pianguan')).organisationId;
    await h.as('province').stats.market(all); // the months read, and kept, while they have no trades
    const check = async () => {
      const cityId = (await tradeFacts(h.db, { from, to, countyId: pianguan }))[0]?.cityId;
      expect(await answered('province', all)).toEqual(await definition({}));
      if (cityId) expect(await answered('province', { ...all, cityId })).toEqual(await definition({ cityId }));
      expect(await answered('province', { ...all, countyId: pianguan })).toEqual(await definition({ countyId: pianguan }));
      expect(await answered('pianguan', all)).toEqual(await definition({ countyId: pianguan }));
      expect(await answered('zone', all)).toEqual(await definition({ buyerId: (await h.actor('zone')).organisationId }));
    };
    await seedSynthetic(h.services, { trades: 150, seed: 21, from, to: now - 3_600_000 });
    await check();
    expect((await answered('province', all)).count).toBeGreaterThan(100);
    expect((await answered('zone', all)).count).toBeGreaterThan(10);
    // New trades in months already read (and one today): those months are read again, not kept stale.
    await seedSynthetic(h.services, { trades: 30, seed: 22, from, to: now - 3_600_000 });
    await knownTrade();
    await check();
  });

  it('the public figures (from the monthly sums and the packs) equal the definition over every trade, before and after new ones', async () => {
    const now = h.clock.now();
    const year = yearOf(now);
    const definition = async () => quarterlySeries(await tradeFacts(h.db, { from: yearRangeCst(year - 1).from, to: yearRangeCst(year).to }));
    await seedSynthetic(h.services, { trades: 120, seed: 11, from: yearRangeCst(year - 1).from, to: now - 3_600_000 });
    const first = await h.as(null).stats.public();
    expect(first.quarters.length).toBeGreaterThan(3);
    expect(first.quarters).toEqual(await definition());
    // More trades in quarters already answered: their medians are worked out again, not kept stale.
    await seedSynthetic(h.services, { trades: 40, seed: 12, from: yearRangeCst(year - 1).from, to: now - 3_600_000 });
    expect((await h.as(null).stats.public()).quarters).toEqual(await definition());
  });

  it('a known trade appears in the monthly series, the spread by city and the quarterly public figures', async () => {
    // Answers are kept until the data changes: the trade must show at once, though the same question was asked before it.
    expect((await h.as('province').stats.market(all)).count).toBe(0);
    expect((await h.as(null).stats.public()).quarters).toEqual([]);
    await knownTrade();
    const m = await h.as('province').stats.market(all);
    expect(m.count).toBe(1);
    expect(m.months).toHaveLength(12);
    const oct = m.months.find((r) => r.month === '2026-10')!;
    const nov = m.months.find((r) => r.month === '2026-11')!;
    const dec = m.months.find((r) => r.month === '2026-12')!;
    expect(oct).toMatchObject({ count: 0, volumeMilliMu: 0, medianFenPerMu: null, cumulativeMilliMu: 0 });
    expect(nov).toMatchObject({ count: 1, volumeMilliMu: 100_000, amountFen: 300_000_000, medianFenPerMu: 3_000_000, cumulativeMilliMu: 100_000 });
    // The demo guidance (floor 20,000, reference 30,000) is in force from 2026-11-02: November's band.
    expect(nov).toMatchObject({ floorFenPerMu: 2_000_000, referenceFenPerMu: 3_000_000 });
    expect(oct).toMatchObject({ floorFenPerMu: null, referenceFenPerMu: null });
    expect(dec).toMatchObject({ count: 0, medianFenPerMu: null, cumulativeMilliMu: 100_000 });
    expect(m.byCity).toEqual([expect.objectContaining({ cityName: '忻州市', count: 1, minFenPerMu: 3_000_000, medianFenPerMu: 3_000_000, maxFenPerMu: 3_000_000, volumeMilliMu: 100_000 })]);
    expect(m.points).toEqual([{ at: expect.any(Number), priceFenPerMu: 3_000_000, qtyMilliMu: 100_000 }]);

    const pub = await h.as(null).stats.public();
    expect(pub.quarters).toEqual([{ quarter: '2026-Q4', count: 1, volumeMilliMu: 100_000, medianFenPerMu: 3_000_000 }]);

    // Another year, another city: empty, not an error.
    expect((await h.as('province').stats.market({ ...all, year: 2019 })).months.every((r) => r.count === 0 && r.medianFenPerMu === null)).toBe(true);
    const places = await h.as('province').stats.places();
    const other = places.cities.find((c) => c.name !== '忻州市')!;
    expect((await h.as('province').stats.market({ ...all, cityId: other.id })).count).toBe(0);
  });

  it('proceeds per county: received and spent in the year, by category, ranked by received', async () => {
    await knownTrade();
    await h.as('pianguan').proceeds.spend({ spentOn: '2026-11-02', amount: '500000', category: 'poverty_consolidation', purpose: '饮水工程', budgetRef: '偏财〔2026〕1号' });
    const p = await h.as('province').stats.proceeds(all);
    expect(p.rows[0]).toMatchObject({ countyName: '偏关县', receivedFen: 300_000_000, spentFen: 50_000_000, byCategory: { poverty_consolidation: 50_000_000 } });
    expect(p.rows.slice(1).every((r) => r.receivedFen === 0)).toBe(true);
    // The county sees its own row only.
    expect((await h.as('hequ').stats.proceeds(all)).rows.map((r) => r.countyName)).toEqual(['河曲县']);
  });

  it('targets: 1000 mu by default, the counties behind first; the province sets later years, not past ones', async () => {
    await knownTrade();
    const before = await h.as('province').stats.targets(all);
    const pianguan = before.rows.find((r) => r.countyName === '偏关县')!;
    expect(pianguan).toMatchObject({ targetMilliMu: 1_000_000, tradedMilliMu: 100_000, shortfallMilliMu: 900_000, progressBp: 1000, met: false });
    expect(before.rows[before.rows.length - 1]!.countyName).toBe('偏关县');
    expect(before.rows[0]!.tradedMilliMu).toBe(0);

    expect((await h.as('province').stats.setTarget({ year: 2026, qty: '100', documentRef: '晋自然资发〔2026〕30号', to: { group: 'poverty' } })).set).toBe(before.rows.length);
    const after = await h.as('province').stats.targets(all);
    expect(after.rows.find((r) => r.countyName === '偏关县')).toMatchObject({ targetMilliMu: 100_000, progressBp: 10_000, met: true });
    expect((await refusal(h.as('province').stats.setTarget({ year: 2025, qty: '100', documentRef: '晋自然资发〔2026〕30号', to: { group: 'poverty' } }))).message).toBe('只能设置今年及以后年度的交易目标。');
    expect((await h.as('pianguan').stats.targets(all)).rows.map((r) => r.countyName)).toEqual(['偏关县']);
  });

  it('targets carry their document; a change keeps the earlier target, so the one in force on any past day can be read back', async () => {
    const province = h.as('province');
    const year = { year: 2027, cityId: null, countyId: null };
    expect((await province.stats.targets(year)).rows.find((r) => r.countyName === '偏关县')).toMatchObject({ targetMilliMu: 1_000_000, documentRef: '晋政办发〔2018〕24号' });
    await province.stats.setTarget({ year: 2027, qty: '800', documentRef: '晋自然资发〔2026〕30号', to: { group: 'poverty' } });
    const firstSet = h.clock.now();
    h.clock.advance(86_400_000);
    await province.stats.setTarget({ year: 2027, qty: '1200', documentRef: ' 晋自然资发〔2026〕41号 ', to: { group: 'poverty' } });
    expect((await province.stats.targets(year)).rows.find((r) => r.countyName === '偏关县')).toMatchObject({ targetMilliMu: 1_200_000, documentRef: '晋自然资发〔2026〕41号' });
    const history = (await province.stats.targetHistory(year)).versions.filter((v) => v.countyName === '偏关县');
    expect(history.map((v) => [v.qtyMilliMu, v.documentRef, v.setBy])).toEqual([
      [1_200_000, '晋自然资发〔2026〕41号', expect.any(String)],
      [800_000, '晋自然资发〔2026〕30号', expect.any(String)],
    ]);
    // In force on the day of the first setting: the last one set by then.
    const onFirstDay = history.find((v) => v.setAt <= firstSet);
    expect(onFirstDay).toMatchObject({ qtyMilliMu: 800_000, documentRef: '晋自然资发〔2026〕30号' });
    expect((await refusal(province.stats.setTarget({ year: 2027, qty: '900', documentRef: '  ', to: { group: 'poverty' } }))).code).toBe('BAD_REQUEST');
    expect((await province.stats.targetHistory(year)).versions).toHaveLength(history.length * (await province.stats.targets(year)).rows.length);
  });

  it('the assessment marks a county that met its target with nothing overdue for reward, one that traded nothing for interview', async () => {
    await knownTrade();
    await h.as('province').stats.setTarget({ year: 2026, qty: '100', documentRef: '晋自然资发〔2026〕30号', to: { group: 'poverty' } });
    const a = await h.as('province').stats.assessment(all);
    expect(a.year).toBe(2026);
    expect(a.rows.find((r) => r.countyName === '偏关县')).toMatchObject({ tradedMilliMu: 100_000, receivedFen: 300_000_000, overdueCount: 0, mark: 'reward' });
    expect(a.rows.find((r) => r.countyName === '河曲县')).toMatchObject({ tradedMilliMu: 0, mark: 'interview' });
  });

  it('without a year, every dashboard shows this year in China time, the assessment too, with this year’s trades', async () => {
    await knownTrade();
    const none = { year: null, cityId: null, countyId: null };
    const province = h.as('province');
    const years = [(await province.stats.market(none)).year, (await province.stats.proceeds(none)).year, (await province.stats.targets(none)).year];
    const a = await province.stats.assessment(none);
    expect(new Set([...years, a.year])).toEqual(new Set([yearOf(h.clock.now())]));
    expect(a.rows.find((r) => r.countyName === '偏关县')).toMatchObject({ tradedMilliMu: 100_000, receivedFen: 300_000_000 });
    // The export without a year is of the same year as the page.
    const exported = await buildReport('assessment', reportSource(province, none), 'zh');
    expect(exported.title).toBe(`年度考核 ${a.year}`);
    expect(exported.rows.find((r) => r[0] === '偏关县')?.[3]).toBe(100_000);
  });

  it('a zone sees its own purchases only; a county its own sales', async () => {
    await knownTrade();
    expect((await h.as('zone').stats.market(all)).count).toBe(1);
    expect((await h.as('zone2').stats.market(all)).count).toBe(0);
    expect((await h.as('pianguan').stats.market(all)).count).toBe(1);
    // A county's filter cannot widen its view.
    expect((await h.as('hequ').stats.market({ ...all, countyId: (await h.actor('pianguan')).organisationId })).count).toBe(0);
  });

  it('the exports carry the same figures as the tables', async () => {
    await knownTrade();
    await h.as('province').stats.setTarget({ year: 2026, qty: '100', documentRef: '晋自然资发〔2026〕30号', to: { group: 'poverty' } });
    const source = reportSource(h.as('province'), all);
    const monthly = await buildReport('monthly', source, 'zh');
    // ignoreBOM keeps the byte-order mark in the text, so the test can see it is there.
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(toCsv(monthly));
    expect(csv.startsWith('\uFEFF月份,成交笔数,成交量（亩）,累计成交量（亩）,成交金额（元）,价格中位数（元/亩）,指导价最低价（元/亩）,指导价（元/亩）\n')).toBe(true);
    expect(csv).toContain('2026-11,1,100,100,3000000,30000,20000,30000\n');
    expect(csv).toContain('2026-10,0,0,0,0,,,\n');
    const assessment = await buildReport('assessment', source, 'zh');
    expect(assessment.rows.find((r) => r[0] === '偏关县')).toEqual(['偏关县', '忻州市', 100_000, 100_000, 10_000, 300_000_000, 0, 0, '奖励']);
    // Proceeds are large sums: in 万元 on the page, in the files and in the chart above the table.
    expect(assessment.columns.map((c) => c.header)).toContain('本年收益（万元）');
    const proceedsCsv = new TextDecoder().decode(toCsv(await buildReport('proceeds', source, 'zh')));
    expect(proceedsCsv).toContain('偏关县,忻州市,300,0,');
    const english = await buildReport('cities', reportSource(h.as('province', 'en'), all), 'en');
    expect(english.columns.map((c) => c.header)).toEqual(['City', 'Trades', 'Volume (mu)', 'Min (yuan/mu)', '25th pct (yuan/mu)', 'Median price (yuan/mu)', '75th pct (yuan/mu)', 'Max (yuan/mu)']);
    const xlsx = await toXlsx(assessment);
    expect(String.fromCharCode(xlsx[0]!, xlsx[1]!)).toBe('PK'); // a zip, as .xlsx files are
    expect(xlsx.length).toBeGreaterThan(1000);
  });

  it('who may read which dashboard', async () => {
    for (const user of ['xinzhou', 'zone']) {
      expect((await refusal(h.as(user).stats.proceeds(all))).code).toBe('FORBIDDEN');
      expect((await refusal(h.as(user).stats.assessment(all))).code).toBe('FORBIDDEN');
    }
    expect((await refusal(h.as('pianguan').stats.obligations(all))).code).toBe('FORBIDDEN');
    expect((await refusal(h.as(null).stats.market(all))).code).toBe('UNAUTHORIZED');
  });
  it('the price charts and the public page read the packs and the monthly sums, not the trades', async () => {
    const now = h.clock.now();
    await seedSynthetic(h.services, { trades: 150, seed: 31, from: yearRangeCst(yearOf(now) - 1).from, to: now - HOUR });
    const cityId = (await h.as('province').stats.places()).cities[0]!.id;
    const read: string[] = [];
    const prepare = h.db.connection.prepare;
    h.db.connection.prepare = ((text: string) => {
      read.push(text);
      return prepare(text);
    }) as typeof prepare;
    try {
      const year = await h.as('province').stats.market(all);
      const city = await h.as('province').stats.market({ ...all, cityId });
      const figures = await h.as(null).stats.public();
      expect(year.count).toBeGreaterThan(50);
      expect(city.months).toHaveLength(12);
      expect(figures.quarters.some((q) => q.medianFenPerMu !== null)).toBe(true);
    } finally {
      h.db.connection.prepare = prepare;
    }
    expect(read.filter((text) => /from ["`]?settled_trade_packs/i.test(text)).length).toBeGreaterThan(0);
    expect(read.filter((text) => /\b(from|join) ["`]?trades\b/i.test(text))).toEqual([]);
  });
});
