// Generated markets for testing the integrity screens: a competitive one (many zones bidding against
// each other at random, closing above the reserve) and the same with a planted cartel (three zones that
// never bid against each other and win in turn at the reserve) and a planted single-bidder county.
// Seeded, so a failing seed can be replayed. Ideas from server/demo/synthetic.ts (which writes through
// the services and is too slow to run many seeds).
import type { ScreenBid, ScreenListing } from './screens';

const DAY = 86_400_000;
const MINUTE = 60_000;
export const WINDOW_MS = 5 * MINUTE;

/** mulberry32: a small seeded generator; `int(lo, hi)` inclusive. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

export const COMPETITIVE_ZONES = Array.from({ length: 12 }, (_, i) => 101 + i);
export const CARTEL_ZONES = [201, 202, 203];
/** Counties 11–13 in city 1, 14–16 in city 2; the planted ones in city 3. */
export const COUNTIES = [11, 12, 13, 14, 15, 16].map((id) => ({ id, cityId: id <= 13 ? 1 : 2 }));
export const CARTEL_COUNTY = { id: 17, cityId: 3 };
export const SINGLE_BIDDER_COUNTY = { id: 18, cityId: 3 };

const START = Date.UTC(2026, 3, 1) - 8 * 3_600_000; // 2026-04-01 00:00 China time

interface Builder {
  nextId: () => number;
  nextBidId: () => number;
}

function builder(): Builder {
  let id = 0;
  let bidId = 0;
  return { nextId: () => ++id, nextBidId: () => ++bidId };
}

/** An ascending auction among `bidders` from the reserve up to about `targetBp` of it, raises of 1–8 increments. */
function competitiveListing(rng: Awaited<ReturnType<typeof random>>, b: Builder, county: { id: number; cityId: number }, at: number, bidders: number[]): ScreenListing {
  const id = b.nextId();
  const reserve = rng.int(24_000, 34_000) * 100;
  const increment = 10_000;
  const target = Math.round((reserve * rng.int(10_500, 13_000)) / 10_000);
  const scheduledClosesAt = at + 10 * DAY;
  const bids: ScreenBid[] = [];
  let price = reserve;
  let leader = bidders[rng.int(0, bidders.length - 1)]!;
  let t = at + DAY;
  bids.push({ id: b.nextBidId(), zoneId: leader, priceFenPerMu: price, placedAt: t });
  const everyone = new Set([leader]);
  while (price < target || everyone.size < bidders.length) {
    const others = bidders.filter((z) => z !== leader);
    leader = others[rng.int(0, others.length - 1)]!;
    everyone.add(leader);
    price += increment * rng.int(1, 8);
    t += rng.int(1, 12) * 3_600_000;
    bids.push({ id: b.nextBidId(), zoneId: leader, priceFenPerMu: price, placedAt: Math.min(t, scheduledClosesAt - WINDOW_MS - MINUTE) });
  }
  // Now and then the last bid comes in the final minutes and extends the close.
  const late = rng.int(1, 100) <= 3;
  if (late) bids[bids.length - 1] = { ...bids[bids.length - 1]!, placedAt: scheduledClosesAt - MINUTE };
  const closesAt = late ? scheduledClosesAt - MINUTE + WINDOW_MS : scheduledClosesAt;
  return {
    id,
    mode: 'auction',
    countyId: county.id,
    cityId: county.cityId,
    reservePriceFenPerMu: reserve,
    incrementFenPerMu: increment,
    scheduledClosesAt,
    closesAt,
    closedAt: closesAt,
    bids,
    awards: [{ zoneId: leader, priceFenPerMu: price }],
  };
}

/** One bidder at (or near) the reserve; awarded to it. */
function lonelyListing(rng: Awaited<ReturnType<typeof random>>, b: Builder, county: { id: number; cityId: number }, at: number, zoneId: number, stepsOverReserve: number): ScreenListing {
  const reserve = rng.int(24_000, 34_000) * 100;
  const price = reserve + stepsOverReserve * 10_000;
  const scheduledClosesAt = at + 10 * DAY;
  return {
    id: b.nextId(),
    mode: 'auction',
    countyId: county.id,
    cityId: county.cityId,
    reservePriceFenPerMu: reserve,
    incrementFenPerMu: 10_000,
    scheduledClosesAt,
    closesAt: scheduledClosesAt,
    closedAt: scheduledClosesAt,
    bids: [{ id: b.nextBidId(), zoneId, priceFenPerMu: price, placedAt: at + 2 * DAY }],
    awards: [{ zoneId, priceFenPerMu: price }],
  };
}

function competitive(rng: Awaited<ReturnType<typeof random>>, b: Builder, perCounty: number): ScreenListing[] {
  const out: ScreenListing[] = [];
  for (const county of COUNTIES) {
    for (let i = 0; i < perCounty; i++) {
      const k = rng.int(2, 6);
      const pool = [...COMPETITIVE_ZONES];
      const bidders = Array.from({ length: k }, () => pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
      out.push(competitiveListing(rng, b, county, START + rng.int(0, 80) * DAY, bidders));
    }
  }
  return out;
}

/** Many zones, random overlaps, prices above the reserve: nothing to flag. */
export function competitiveMarket(seed: number, perCounty = 10): ScreenListing[] {
  return competitive(random(seed), builder(), perCounty);
}

/**
 * The competitive market with, in city 3, a cartel county where three zones bid alone in turn at the
 * reserve (`cartelListings` of them, every tenth day), and a county where every listing drew one bidder.
 */
export function cartelMarket(seed: number, cartelListings = 30): ScreenListing[] {
  const rng = random(seed);
  const b = builder();
  const out = competitive(rng, b, 10);
  for (let i = 0; i < cartelListings; i++) out.push(lonelyListing(rng, b, CARTEL_COUNTY, START + i * 2 * DAY, CARTEL_ZONES[i % CARTEL_ZONES.length]!, 0));
  for (let i = 0; i < 8; i++) out.push(lonelyListing(rng, b, SINGLE_BIDDER_COUNTY, START + i * 7 * DAY, COMPETITIVE_ZONES[rng.int(0, COMPETITIVE_ZONES.length - 1)]!, rng.int(0, 3)));
  return out;
}
