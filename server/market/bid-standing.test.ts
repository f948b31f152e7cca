// Where a zone's bid stands (领先 / 部分领先 / 已被超越 / 成交 / 部分成交 / 未成交) on the listing, on
// 我的报价 and on the award, and what the county reads of its closed listings, through tRPC callers.
// Each test has its own temporary database.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sweep } from './closing';
import { type Harness, T0, makeHarness } from '@/server/testing/harness';

const HOUR = 3_600_000;
const DAY = 86_400_000;

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

type Caller = ReturnType<Harness['as']>;

/** 100 mu from pianguan's first lot, minimum lot 20, reserve 30,000, increment 500, open for an hour. */
async function approvedListing(terms: Partial<Parameters<Caller['listings']['create']>[0]> = {}) {
  const lot = (await h.as('pianguan').accounts.quota())[0]!;
  const listing = await h.as('pianguan').listings.create({
    lotId: lot.id,
    mode: 'auction',
    qty: '100',
    reservePrice: '30000',
    minLot: '20',
    increment: '500',
    opensAt: h.clock.now(),
    closesAt: h.clock.now() + HOUR,
    ...terms,
  });
  await h.as('province').listings.review({ listingId: listing.id, approve: true });
  return listing;
}

/** The standing a viewer reads of one bid on the listing's page (null: none shown). */
async function onListing(viewer: string | null, listingId: number, bidId: number) {
  const row = (await h.as(viewer).listings.get({ id: listingId })).bids.find((b) => b.id === bidId);
  expect(row, `bid ${bidId} shown to ${viewer}`).toBeDefined();
  return row!.standing;
}

/** The standing a zone reads of one of its bids on 我的报价. */
async function onMyBids(zone: string, bidId: number) {
  const row = (await h.as(zone).bids.mine()).bids.find((b) => b.id === bidId);
  expect(row, `bid ${bidId} on ${zone}'s bids`).toBeDefined();
  return row!.standing;
}

describe('while the auction is open', () => {
  it('a bid leads, is partly leading for what would be left, then is outbid; a raise leads again and the raised bid has no standing', async () => {
    const listing = await approvedListing();
    const zb = await h.as('zone').bids.place({ listingId: listing.id, price: '30000', qty: '100' });
    expect(await onListing('zone', listing.id, zb.bid.id)).toEqual({ standing: 'leading', qtyMilliMu: 100_000 });
    expect(await onMyBids('zone', zb.bid.id)).toEqual({ standing: 'leading', qtyMilliMu: 100_000 });

    // 60 mu at a higher price: the zone would now get the 40 mu left.
    const z2 = await h.as('zone2').bids.place({ listingId: listing.id, price: '30500', qty: '60' });
    expect(await onListing('zone', listing.id, zb.bid.id)).toEqual({ standing: 'partlyLeading', qtyMilliMu: 40_000 });
    expect(await onMyBids('zone', zb.bid.id)).toEqual({ standing: 'partlyLeading', qtyMilliMu: 40_000 });
    expect(await onListing('zone2', listing.id, z2.bid.id)).toEqual({ standing: 'leading', qtyMilliMu: 60_000 });

    // 30 more mu above it: 10 mu would be left, below the 20 mu minimum lot, so nothing for the zone.
    const z3 = await h.as('zone3').bids.place({ listingId: listing.id, price: '31000', qty: '30' });
    expect(await onListing('zone', listing.id, zb.bid.id)).toEqual({ standing: 'outbid', qtyMilliMu: 0 });
    expect(await onMyBids('zone', zb.bid.id)).toEqual({ standing: 'outbid', qtyMilliMu: 0 });
    expect(await onMyBids('zone3', z3.bid.id)).toEqual({ standing: 'leading', qtyMilliMu: 30_000 });

    // The zone raises to 50 mu on top: it leads, zone3 still, zone2 gets the 20 left (a minimum lot);
    // the raised bid has no standing.
    const raise = await h.as('zone').bids.place({ listingId: listing.id, price: '31500', qty: '50' });
    expect(await onListing('zone', listing.id, raise.bid.id)).toEqual({ standing: 'leading', qtyMilliMu: 50_000 });
    expect(await onListing('zone', listing.id, zb.bid.id)).toBeNull();
    expect(await onMyBids('zone', zb.bid.id)).toBeNull();
    expect(await onMyBids('zone3', z3.bid.id)).toEqual({ standing: 'leading', qtyMilliMu: 30_000 });
    expect(await onMyBids('zone2', z2.bid.id)).toEqual({ standing: 'partlyLeading', qtyMilliMu: 20_000 });
  });

  it("a zone reads its own bids' standing only; other zones, the public and the city none; the county and the province every bid's", async () => {
    const listing = await approvedListing();
    const zb = await h.as('zone').bids.place({ listingId: listing.id, price: '30000', qty: '100' });
    const z2 = await h.as('zone2').bids.place({ listingId: listing.id, price: '30500', qty: '60' });

    const asZone = await h.as('zone').listings.get({ id: listing.id });
    expect(asZone.bids.map((b) => [b.id, b.mine, b.standing?.standing ?? null])).toEqual([
      [z2.bid.id, false, null],
      [zb.bid.id, true, 'partlyLeading'],
    ]);
    for (const viewer of ['zone3', null, 'xinzhou', 'hequ'] as const) {
      const v = await h.as(viewer).listings.get({ id: listing.id });
      expect(v.bids.map((b) => b.standing), String(viewer)).toEqual([null, null]);
    }
    for (const viewer of ['pianguan', 'province'] as const) {
      const v = await h.as(viewer).listings.get({ id: listing.id });
      expect(v.bids.map((b) => b.standing)).toEqual([
        { standing: 'leading', qtyMilliMu: 60_000 },
        { standing: 'partlyLeading', qtyMilliMu: 40_000 },
      ]);
    }
  });

  it("an offer the county accepted reads won while the listing is still open; the others' offers none", async () => {
    const listing = await approvedListing({ mode: 'negotiated', increment: undefined, minLot: '10', closesAt: T0 + 30 * DAY });
    const oz = await h.as('zone').bids.offer({ listingId: listing.id, price: '31000', qty: '30' });
    const o2 = await h.as('zone2').bids.offer({ listingId: listing.id, price: '30000', qty: '20' });
    await h.as('pianguan').bids.accept({ id: oz.bid.id });
    expect((await h.as('zone').listings.get({ id: listing.id })).listing.status).toBe('approved');
    expect(await onListing('zone', listing.id, oz.bid.id)).toEqual({ standing: 'won', qtyMilliMu: 30_000 });
    expect(await onMyBids('zone', oz.bid.id)).toEqual({ standing: 'won', qtyMilliMu: 30_000 });
    // An open offer waits for the county: its status (有效) says where it is.
    expect(await onMyBids('zone2', o2.bid.id)).toBeNull();
  });
});

describe('after the close', () => {
  it('won in full, partly filled and not won, on the listing, on 我的报价 and on the award', async () => {
    // Listing A: zone 100 mu, zone2 60 mu above it → zone2 in full, zone the 40 mu left.
    const a = await approvedListing();
    const za = await h.as('zone').bids.place({ listingId: a.id, price: '30000', qty: '100' });
    const z2a = await h.as('zone2').bids.place({ listingId: a.id, price: '30500', qty: '60' });
    // Listing B: zone 50 mu, zone3 100 mu above it → zone3 all of it, zone nothing.
    const b = await approvedListing({ reservePrice: '30000' });
    const zb = await h.as('zone').bids.place({ listingId: b.id, price: '30000', qty: '50' });
    const z3b = await h.as('zone3').bids.place({ listingId: b.id, price: '31000', qty: '100' });

    // The close comes and the scheduler's sweep awards both listings; 我的报价 then reads the awards.
    h.clock.set(T0 + HOUR);
    expect(await sweep(h.services)).toEqual({ closed: 2, lapsed: 0 });
    expect(await onMyBids('zone', za.bid.id)).toEqual({ standing: 'partlyWon', qtyMilliMu: 40_000 });
    expect(await onMyBids('zone', zb.bid.id)).toEqual({ standing: 'notWon', qtyMilliMu: 0 });
    expect(await onMyBids('zone2', z2a.bid.id)).toEqual({ standing: 'won', qtyMilliMu: 60_000 });
    expect(await onMyBids('zone3', z3b.bid.id)).toEqual({ standing: 'won', qtyMilliMu: 100_000 });

    expect(await onListing('zone', a.id, za.bid.id)).toEqual({ standing: 'partlyWon', qtyMilliMu: 40_000 });
    expect(await onListing('zone', b.id, zb.bid.id)).toEqual({ standing: 'notWon', qtyMilliMu: 0 });
    expect(await onListing('zone', a.id, z2a.bid.id)).toBeNull();
    expect(await onListing('pianguan', a.id, z2a.bid.id)).toEqual({ standing: 'won', qtyMilliMu: 60_000 });

    // The award: 40 of the 100 mu bid, partly filled, on the zone's list and on its confirmation.
    const zoneTrades = (await h.as('zone').trades.list()).trades;
    expect(zoneTrades.map((t) => [t.listingId, t.qtyMilliMu, t.standing])).toEqual([[a.id, 40_000, { standing: 'partlyWon', qtyMilliMu: 40_000 }]]);
    const conf = await h.as('zone').trades.get({ id: zoneTrades[0]!.id });
    expect(conf).toMatchObject({ qtyMilliMu: 40_000, bid: { id: za.bid.id, qtyMilliMu: 100_000 }, standing: { standing: 'partlyWon', qtyMilliMu: 40_000 } });
    // The seller reads it on its side of the same trade; the full awards read won.
    expect((await h.as('pianguan').trades.get({ id: conf.id })).standing).toEqual({ standing: 'partlyWon', qtyMilliMu: 40_000 });
    const z2t = (await h.as('zone2').trades.list()).trades[0]!;
    expect(z2t.standing).toEqual({ standing: 'won', qtyMilliMu: 60_000 });
    expect((await h.as('zone3').trades.list()).trades.map((t) => t.standing)).toEqual([{ standing: 'won', qtyMilliMu: 100_000 }]);
  });

  it("on a busy auction's page a zone still reads its award when its bid is older than the newest 50", async () => {
    const listing = await approvedListing({ qty: '100', minLot: '10', increment: '100' });
    const early = await h.as('zone').bids.place({ listingId: listing.id, price: '30000', qty: '10' });
    for (let i = 1; i <= 60; i++) {
      h.clock.advance(1000);
      await h.as(i % 2 ? 'zone2' : 'zone3').bids.place({ listingId: listing.id, price: String(30_000 + 100 * i), qty: '10' });
    }
    h.clock.set(T0 + HOUR);
    await sweep(h.services);
    const seen = await h.as('zone').listings.get({ id: listing.id });
    expect(seen.listing.status).toBe('closed');
    expect(seen.bids.find((b) => b.id === early.bid.id)).toMatchObject({ mine: true, status: 'won', standing: { standing: 'won', qtyMilliMu: 10_000 } });
    // The 50 newest and every decided bid (three zones' won ones; zone's is the only one older).
    expect(seen.bids).toHaveLength(51);
  });

  it('a lapsed award still reads as what was awarded: the trade says it lapsed', async () => {
    const a = await approvedListing();
    const za = await h.as('zone').bids.place({ listingId: a.id, price: '30000', qty: '100' });
    h.clock.set(T0 + HOUR);
    await sweep(h.services);
    h.clock.set(T0 + HOUR + 11 * DAY);
    await sweep(h.services);
    const t = (await h.as('zone').trades.list()).trades[0]!;
    expect(t.status).toBe('lapsed');
    expect(t.standing).toEqual({ standing: 'won', qtyMilliMu: 100_000 });
    expect(await onMyBids('zone', za.bid.id)).toEqual({ standing: 'won', qtyMilliMu: 100_000 });
  });
});

describe("the county's listings", () => {
  it('a closed listing shows what it awarded, between which prices, in how many trades, each to open; an open one its best bid and active bids', async () => {
    const sold = await approvedListing();
    await h.as('zone').bids.place({ listingId: sold.id, price: '30000', qty: '100' });
    await h.as('zone2').bids.place({ listingId: sold.id, price: '30500', qty: '30' });
    await h.as('zone3').bids.place({ listingId: sold.id, price: '31250.5', qty: '20' });
    const unsold = await approvedListing();
    const open = await approvedListing({ closesAt: T0 + 2 * HOUR });
    await h.as('zone').bids.place({ listingId: open.id, price: '30000', qty: '50' });
    await h.as('zone2').bids.place({ listingId: open.id, price: '30500', qty: '50' });

    h.clock.set(T0 + HOUR);
    await sweep(h.services);
    const trades = (await h.as('pianguan').trades.list()).trades.filter((t) => t.listingId === sold.id);
    expect(trades).toHaveLength(3);

    const mine = (await h.as('pianguan').listings.mine()).listings;
    const row = (id: number) => mine.find((l) => l.id === id)!;
    expect(row(sold.id).phase).toBe('closed');
    expect(row(sold.id).result).toEqual({
      summary: { trades: 3, qtyMilliMu: 100_000, lowestFenPerMu: 3_000_000, highestFenPerMu: 3_125_050 },
      // In the order they were awarded, each with its confirmation number.
      trades: [...trades].reverse().map((t) => ({ id: t.id, confirmationNo: t.confirmationNo, status: 'awaiting_payment' })),
    });
    expect(row(unsold.id).result).toEqual({ summary: null, trades: [] });
    expect(row(open.id)).toMatchObject({ phase: 'open', result: null, bestPriceFenPerMu: 3_050_000, activeBids: 2 });

    // Each trade listed opens for the county.
    for (const t of row(sold.id).result!.trades) expect((await h.as('pianguan').trades.get({ id: t.id })).listingId).toBe(sold.id);
    // The province's view of the whole market reads the same result.
    const all = (await h.as('province').listings.all({ phase: 'closed' })).listings;
    expect(all.find((l) => l.id === sold.id)!.result).toEqual(row(sold.id).result);
  });
});
