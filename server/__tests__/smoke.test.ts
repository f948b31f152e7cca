import { sweep } from '@/server/market/closing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, makeHarness } from '@/server/testing/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

describe('auction journey through tRPC callers', () => {
  it('lists, reviews, bids, closes, pays and settles', async () => {
    const county = h.as('pianguan');
    const lots = await county.accounts.quota();
    const lot = lots[0]!;
    const listing = await county.listings.create({
      lotId: lot.id, mode: 'auction', qty: '100', reservePrice: '30000', minLot: '10', increment: '500',
      opensAt: h.clock.now(), closesAt: h.clock.now() + 3600_000, note: '',
    });
    await h.as('province').listings.review({ listingId: listing.id, approve: true });
    await h.as('zone').bids.place({ listingId: listing.id, price: '30000', qty: '100' });
    await expect(h.as('zone2').bids.place({ listingId: listing.id, price: '30100', qty: '100' })).rejects.toThrow(/30,500.00/);
    await h.as('zone2').bids.place({ listingId: listing.id, price: '30500', qty: '60' });
    h.clock.advance(3600_000);
    await sweep(h.services); // the scheduler's next run after the close
    const trades = (await h.as('zone').trades.list()).trades;
    expect(trades).toHaveLength(1);
    const t2 = (await h.as('zone2').trades.list()).trades[0]!;
    expect(t2.qtyMilliMu).toBe(60_000);
    expect(trades[0]!.qtyMilliMu).toBe(40_000);
    const settled = await h.as('zone2').trades.pay({ id: t2.id });
    expect(settled.status).toBe('settled');
    expect(await h.checkLedger()).toEqual({ mismatches: [], unbalanced: [], nonZeroTotals: [] });
  });
});
