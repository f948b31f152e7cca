// A bid or offer sent again with the same request id (after an answer that never arrived) gets the
// first answer and acts no second time: one bid, one deposit, one audit record.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeError } from '@/server/kernel/trpc';
import { type Harness, makeHarness } from '@/server/testing/harness';
import { caught } from '@/server/testing/refusals';

const HOUR = 3_600_000;

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

async function approvedListing(mode: 'auction' | 'negotiated') {
  const lot = (await h.as('pianguan').accounts.quota())[0]!;
  const listing = await h.as('pianguan').listings.create({ lotId: lot.id, mode, qty: '100', reservePrice: '30000', minLot: '20', increment: '500', opensAt: h.clock.now(), closesAt: h.clock.now() + HOUR });
  await h.as('province').listings.review({ listingId: listing.id, approve: true });
  return listing;
}

const count = async (sql: string, ...params: unknown[]) => Number((await h.db.connection.prepare<{ n: number }>(sql).get(...params))!.n);
const bidsOn = (listingId: number) => count('select count(*) as n from bids where listing_id = ?', listingId);
const auditsOf = (action: string) => count('select count(*) as n from audit_log where action = ?', action);

describe('client request ids', () => {
  it('a bid sent twice with one id is placed once, and both calls get the same answer', async () => {
    const listing = await approvedListing('auction');
    const bid = { listingId: listing.id, price: '30000', qty: '100', requestId: 'bid-0001-retry' };
    const first = await h.as('zone').bids.place(bid);
    const again = await h.as('zone').bids.place(bid);
    expect(again).toEqual(first);
    expect(await bidsOn(listing.id)).toBe(1);
    expect(await auditsOf('bid.place')).toBe(1);
    expect((await h.checkLedger()).unbalanced).toEqual([]);
    // Without an id, the same call is a new bid: refused, as the zone's own bid is now the one to beat.
    expect((await caught(h.as('zone').bids.place({ ...bid, requestId: undefined }))).code).toBe('BAD_REQUEST');
  });

  it('an offer sent twice with one id is made once; the id of one zone is not another’s', async () => {
    const listing = await approvedListing('negotiated');
    const offer = { listingId: listing.id, price: '30000', qty: '40', requestId: 'offer-0001' };
    const first = await h.as('zone').bids.offer(offer);
    expect(await h.as('zone').bids.offer(offer)).toEqual(first);
    expect(await bidsOn(listing.id)).toBe(1);
    const other = await h.as('zone2').bids.offer(offer);
    expect(other.bid.id).not.toBe(first.bid.id);
    expect(await bidsOn(listing.id)).toBe(2);
  });

  it('a refused call keeps nothing: the same id then goes through; an id used for another kind of call is refused', async () => {
    const auction = await approvedListing('auction');
    const below = await caught(h.as('zone').bids.place({ listingId: auction.id, price: '100', qty: '100', requestId: 'bid-0002-retry' }));
    expect(below.code).toBe('BAD_REQUEST');
    const placed = await h.as('zone').bids.place({ listingId: auction.id, price: '30000', qty: '100', requestId: 'bid-0002-retry' });
    expect(placed.bid.priceFenPerMu).toBe(3_000_000);
    const negotiated = await approvedListing('negotiated');
    const reused = await caught(h.as('zone').bids.offer({ listingId: negotiated.id, price: '30000', qty: '40', requestId: 'bid-0002-retry' }));
    expect(reused.code).toBe('CONFLICT');
    expect(reused.message).toBe('该请求编号已用于另一类操作，请换一个编号。');
    expect(await bidsOn(negotiated.id)).toBe(0);
  });

  it('refuses an id that is not 8–64 letters, digits or dashes, naming the field, in the caller’s language', async () => {
    const listing = await approvedListing('auction');
    for (const requestId of ['short', 'has space inside', 'x'.repeat(65)]) {
      const e = await caught(h.as('zone').bids.place({ listingId: listing.id, price: '30000', qty: '100', requestId }));
      expect(e.code).toBe('BAD_REQUEST');
      expect(describeError('en', e, undefined).fieldErrors).toEqual({ requestId: 'A request id is 8 to 64 letters, digits or dashes.' });
    }
    expect(await bidsOn(listing.id)).toBe(0);
  });
});
