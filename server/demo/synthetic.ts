// Synthetic market history for the dashboards and the benchmark (`npm run db:seed -- --scale N`): N
// settled trades across the seeded counties and zones, spread over the past years, from a fixed random
// seed. Nothing is written around the rules: each county's quota comes from a linking project taken
// through the approval workflow, zones are funded by recorded transfers, and every trade is a
// negotiated listing approved, offered on, accepted and paid through the same services the app uses.
import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { inTransaction } from '@/db/client';
import { cities, organisations, users } from '@/db/schema';
import { ManualClock } from '@/server/kernel/clock';
import { lotOfProject } from '@/server/projects/queries';
import { countiesWithCity } from '@/server/stats/queries';
import { LAND_TYPES } from '@/server/projects/domain/projects';
import { DAY_MS } from '@/server/kernel/china-time';
import { tradeAmount, type FenPerMu, type MilliMu } from '@/server/kernel/units';
import { acceptOffer, placeBidInTx, placeOfferInTx } from '@/server/market/bidding';
import type { Actor, Services } from '@/server/kernel/deps';
import { receiveBankTransfer } from '@/server/accounts/funds';
import { createListing, reviewListing } from '@/server/market/listings';
import { attachDocument, cityReview, draftProject, provinceReview, submitProject } from '@/server/projects/projects';
import { payTrade } from '@/server/market/settlement';
import { DEMO_PDF } from './seed-demo';

export interface SyntheticOptions {
  trades: number;
  seed: number;
  /** The history runs over [from, to). */
  from: number;
  to: number;
  /** Trade only among counties and zones that nobody can sign in as, so the demo users' own pages stay as the demo made them. */
  apartFromUsers?: boolean;
  onProgress?: (done: number) => void;
}

interface PlannedTrade {
  at: number;
  countyId: number;
  zoneId: number;
  qtyMilliMu: number;
  priceFenPerMu: number;
}

/**
 * An official of each organisation that has none: synthetic, disabled (cannot sign in), named as such.
 * With `besides`, a second official of it (the province's checker of transfers, who must differ).
 */
async function syntheticActor(s: Services, organisationId: number, name: string, at: number, besides?: Actor): Promise<Actor> {
  const existing = (await s.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), besides ? ne(users.id, besides.userId) : undefined))
    .orderBy(users.id)
    .all())[0];
  if (existing) return { userId: existing.id, organisationId };
  const [u] = await s.db
    .insert(users)
    .values({
      username: besides ? `synthetic-${organisationId}-checker` : `synthetic-${organisationId}`,
      displayName: besides ? `${name}复核员（合成数据）` : `${name}（合成数据）`,
      passwordHash: '!',
      organisationId,
      disabled: true,
      createdAt: at,
    })
    .returning({ id: users.id })
    .all();
  return { userId: u!.id, organisationId };
}

type County = Awaited<ReturnType<typeof countiesWithCity>>[number];

/** A linking project of `area` taken through the whole approval workflow; its lot, whose quota the county may sell. */
async function approvedLot(at: Services, provinceActor: Actor, actor: Actor, c: County, landType: (typeof LAND_TYPES)[number], area: number, label: string): Promise<number> {
  const db = at.db;
  const draft = await draftProject(at, actor, {
    name: `${c.name}增减挂钩项目区（合成数据 ${label}）`,
    villages: `${c.name}合成村`,
    forCrossRegion: true,
    landType,
    resettlementMilliMu: 0,
    plots: [{ code: 'SYN-01', village: `${c.name}合成村`, currentUse: 'homestead', areaMilliMu: area, farmlandMilliMu: Math.floor(area * 0.9), farmlandGrade: 6 }],
  });
  await attachDocument(at, actor, draft.id, { fileName: '合成数据实施方案.pdf', bytes: DEMO_PDF });
  const submitted = await submitProject(at, actor, draft.id);
  if (submitted.status === 'city_review') {
    let cityOrg = (await db.select().from(organisations).where(eq(organisations.kind, 'city')).all()).find((o) => o.cityId === c.cityId);
    if (!cityOrg) cityOrg = (await db.insert(organisations).values({ kind: 'city', name: `${c.cityName}自然资源局`, cityId: c.cityId }).returning().all())[0]!;
    await cityReview(at, (await syntheticActor(at, cityOrg.id, cityOrg.name, at.clock.now())), draft.id, { approve: true, reason: '' });
  }
  await provinceReview(at, provinceActor, draft.id, { approve: true, reason: '', approvalRef: `晋自然资函〔合成〕${draft.id}号` });
  return (await lotOfProject(db, draft.id))!.id;
}

/** What both generators start from: a seeded random source and the demo's counties, zones and province. */
async function syntheticMarket(s: Services, seed: number, apartFromUsers = false) {
  const rng = xoroshiro128plus(seed);
  const int = (lo: number, hi: number) => uniformInt(rng, lo, hi);
  const db = s.db;
  const signedInAs = new Set(apartFromUsers ? (await db.select({ organisationId: users.organisationId }).from(users).where(eq(users.disabled, false)).all()).map((u) => u.organisationId) : []);
  const counties = (await countiesWithCity(db)).filter((c) => !signedInAs.has(c.id));
  const zones = (await db
    .select()
    .from(organisations)
    .where(eq(organisations.kind, 'zone'))
    .orderBy(organisations.id)
    .all())
    .filter((z) => !signedInAs.has(z.id));
  const province = (await db.select().from(organisations).where(eq(organisations.kind, 'province')).all())[0]!;
  if (counties.length === 0 || zones.length === 0) throw new Error('Seed the demo data first (npm run db:seed).');
  return { int, db, counties, zones, province };
}

export async function seedSynthetic(s: Services, opts: SyntheticOptions) {
  const { int, db, counties, zones, province } = await syntheticMarket(s, opts.seed, opts.apartFromUsers);

  // Each city has its price level; each county its share of the market (a few trade much more).
  const cityBase = new Map((await db.select().from(cities).all()).map((c) => [c.id, int(24_000, 34_000) * 100]));
  const weights = counties.map(() => int(1, 10) ** 2);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const pickCounty = () => {
    let r = int(1, totalWeight);
    for (const [i, w] of weights.entries()) if ((r -= w) <= 0) return counties[i]!;
    return counties[counties.length - 1]!;
  };
  const span = opts.to - opts.from;
  const plan: PlannedTrade[] = Array.from({ length: opts.trades }, () => {
    const county = pickCounty();
    const at = opts.from + Math.floor((int(0, 1_000_000) / 1_000_001) * span);
    // Prices drift up about 3% a year; never below 21,000 元/亩 (above the demo guidance floor).
    const years = (at - opts.from) / (365 * DAY_MS);
    const price = Math.max(2_100_000, Math.round((cityBase.get(county.cityId)! + int(-4_000, 4_000) * 100) * (1 + 0.03 * years)));
    return { at, countyId: county.id, zoneId: zones[int(0, zones.length - 1)]!.id, qtyMilliMu: int(5, 500) * 100, priceFenPerMu: price };
  }).sort((a, b) => a.at - b.at);

  const clock = new ManualClock(opts.from - 30 * DAY_MS);
  const at: Services = { ...s, clock };
  const provinceActor = await syntheticActor(s, province.id, province.name, clock.now());

  // Quota first: one approved project per county, large enough for its trades.
  const needed = new Map<number, number>();
  for (const p of plan) needed.set(p.countyId, (needed.get(p.countyId) ?? 0) + p.qtyMilliMu);
  const lotOf = new Map<number, number>();
  const countyActor = new Map<number, Actor>();
  for (const [i, c] of counties.entries()) {
    const qty = needed.get(c.id);
    if (!qty) continue;
    const actor = await syntheticActor(s, c.id, c.name, clock.now());
    countyActor.set(c.id, actor);
    lotOf.set(c.id, (await approvedLot(at, provinceActor, actor, c, LAND_TYPES[i % LAND_TYPES.length]!, qty + 1_000, String(opts.seed))));
  }

  // Funds: each zone receives what its purchases will cost.
  const cost = new Map<number, number>();
  for (const p of plan) cost.set(p.zoneId, (cost.get(p.zoneId) ?? 0) + tradeAmount(p.qtyMilliMu as MilliMu, p.priceFenPerMu as FenPerMu));
  const officials = { proposer: provinceActor, checker: await syntheticActor(s, province.id, province.name, clock.now(), provinceActor) };
  for (const z of zones) {
    const amountFen = cost.get(z.id);
    if (amountFen) await receiveBankTransfer(at, officials, { zoneId: z.id, amountFen, bankRef: `SYN-${opts.seed}-${z.id}-${opts.from}` });
  }
  const zoneActor = new Map<number, Actor>();
  for (const z of zones) zoneActor.set(z.id, await syntheticActor(s, z.id, z.name, clock.now()));

  // The trades, in time order; a batch of them per transaction keeps the generator quick.
  const BATCH = 2000;
  for (let i = 0; i < plan.length; i += BATCH) {
    await inTransaction(db, async (tx) => {
      for (const p of plan.slice(i, i + BATCH)) {
        clock.set(p.at);
        const county = countyActor.get(p.countyId)!;
        const listing = await createListing(at, county, {
          lotId: lotOf.get(p.countyId)!,
          mode: 'negotiated',
          qtyMilliMu: p.qtyMilliMu,
          reservePriceFenPerMu: p.priceFenPerMu,
          minLotMilliMu: p.qtyMilliMu,
          incrementFenPerMu: 0,
          opensAt: p.at,
          closesAt: p.at + 10 * DAY_MS,
          note: '',
        });
        await reviewListing(at, provinceActor, listing.id, { approve: true, reason: '' });
        const zone = zoneActor.get(p.zoneId)!;
        const { bid } = await placeOfferInTx(tx, clock.now(), zone, { listingId: listing.id, priceFenPerMu: p.priceFenPerMu, qtyMilliMu: p.qtyMilliMu });
        const trade = await acceptOffer(at, county, bid.id);
        clock.set(p.at + 3_600_000);
        await payTrade(at, zone, trade.id);
      }
    });
    opts.onProgress?.(Math.min(i + BATCH, plan.length));
  }
  return { trades: plan.length, counties: countyActor.size };
}

export interface OpenMarketOptions {
  listings: number;
  bids: number;
  seed: number;
  /** The moment the market is looked at: every listing is open then and for 30 days after. */
  now: number;
  onProgress?: (bids: number) => void;
}

/**
 * An open market for the benchmark's market page: `listings` approved auctions open at
 * `now`, spread over the counties, and `bids` bids placed on them in turn by the zones, each higher
 * than the last — through the same services the app uses, like the trades above.
 */
export async function seedOpenMarket(s: Services, opts: OpenMarketOptions) {
  const { int, db, counties, zones, province } = await syntheticMarket(s, opts.seed);
  const clock = new ManualClock(opts.now - DAY_MS);
  const at: Services = { ...s, clock };
  const provinceActor = await syntheticActor(s, province.id, province.name, clock.now());

  const planned = Array.from({ length: opts.listings }, (_, i) => ({ county: counties[i % counties.length]!, qtyMilliMu: int(10, 200) * 1000, reserve: int(22_000, 34_000) * 100 }));
  const lots = new Map<number, { lotId: number; actor: Actor }>();
  for (const [i, c] of counties.entries()) {
    const area = planned.filter((p) => p.county.id === c.id).reduce((a, p) => a + p.qtyMilliMu, 1_000);
    const actor = await syntheticActor(s, c.id, c.name, clock.now());
    lots.set(c.id, { lotId: await approvedLot(at, provinceActor, actor, c, LAND_TYPES[i % LAND_TYPES.length]!, area, `open ${opts.seed}`), actor });
  }
  const zoneActors: Actor[] = [];
  for (const z of zones) zoneActors.push(await syntheticActor(s, z.id, z.name, clock.now()));
  // Deposits of every zone's standing bids, with room to spare.
  const officials = { proposer: provinceActor, checker: await syntheticActor(s, province.id, province.name, clock.now(), provinceActor) };
  for (const z of zones) await receiveBankTransfer(at, officials, { zoneId: z.id, amountFen: 100_000_000_000_000, bankRef: `SYN-OPEN-${opts.seed}-${z.id}` });

  const listingIds: number[] = [];
  const BATCH = 500;
  for (let i = 0; i < planned.length; i += BATCH) {
    await inTransaction(db, async () => {
      for (const p of planned.slice(i, i + BATCH)) {
        const { lotId, actor } = lots.get(p.county.id)!;
        const l = await createListing(at, actor, {
          lotId,
          mode: 'auction',
          qtyMilliMu: p.qtyMilliMu,
          reservePriceFenPerMu: p.reserve,
          minLotMilliMu: p.qtyMilliMu,
          incrementFenPerMu: 10_000,
          opensAt: clock.now(),
          closesAt: opts.now + 30 * DAY_MS + int(0, 30 * 24 * 60) * 60_000,
          note: '',
        });
        await reviewListing(at, provinceActor, l.id, { approve: true, reason: '' });
        listingIds.push(l.id);
      }
    });
  }
  // Bids in rounds over the listings: each a step above the best, by the next zone in turn.
  const round = new Map<number, number>();
  for (let i = 0; i < opts.bids; i += BATCH) {
    await inTransaction(db, async (tx) => {
      for (let k = i; k < Math.min(i + BATCH, opts.bids); k++) {
        const index = k % listingIds.length;
        const listingId = listingIds[index]!;
        const n = (round.get(listingId) ?? 0) + 1;
        round.set(listingId, n);
        const p = planned[index]!;
        await placeBidInTx(tx, clock.now(), zoneActors[(index + n) % zoneActors.length]!, { listingId, priceFenPerMu: p.reserve + (n - 1) * 10_000, qtyMilliMu: p.qtyMilliMu });
      }
    });
    opts.onProgress?.(Math.min(i + BATCH, opts.bids));
  }
  return { listings: listingIds.length, bids: opts.bids };
}
