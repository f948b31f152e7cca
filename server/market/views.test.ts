// When the market changes by the clock alone (what the page cache keeps the market page until).
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, makeHarness } from '@/server/testing/harness';
import { marketChangesAt } from './views';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

describe('marketChangesAt', () => {
  it('is the next opening or closing of an approved listing, or the next start or end of price guidance', async () => {
    const h = await makeHarness();
    harnesses.push(h);
    const t0 = h.clock.now();
    // The demo: one auction open for 7 days, guidance in force from today with no end.
    expect(await marketChangesAt(h.db, t0)).toBe(t0 + 7 * DAY);

    const lot = (await h.as('hequ').accounts.quota())[0]!.id;
    const listing = async (opensIn: number, closesIn: number) =>
      h.as('hequ').listings.create({ lotId: lot, mode: 'auction', qty: '10', minLot: '10', reservePrice: '30000', increment: '1000', opensAt: t0 + opensIn, closesAt: t0 + closesIn });
    const upcoming = await listing(2 * HOUR, 3 * DAY);
    // Not yet approved: not in the market, so its times do not count.
    expect(await marketChangesAt(h.db, t0)).toBe(t0 + 7 * DAY);
    await h.as('province').listings.review({ listingId: upcoming.id, approve: true });
    expect(await marketChangesAt(h.db, t0)).toBe(t0 + 2 * HOUR); // it opens
    expect(await marketChangesAt(h.db, t0 + 2 * HOUR)).toBe(t0 + 3 * DAY); // then it closes
    expect(await marketChangesAt(h.db, t0 + 3 * DAY)).toBe(t0 + 7 * DAY);

    // Guidance from a later day (a China-time midnight) counts from its first moment, and to its end.
    await h.as('province').guidance.publish({ validFrom: '2026-11-04', validTo: '2026-11-05', landType: 'all', reference: '32000', floor: '25000', documentRef: '晋自然资发〔2026〕51号' });
    const from = Date.UTC(2026, 10, 3, 16); // 2026-11-04 00:00 CST
    expect(await marketChangesAt(h.db, t0 + 3 * HOUR)).toBe(from);
    expect(await marketChangesAt(h.db, from)).toBe(t0 + 3 * DAY); // the listing closes first
    expect(await marketChangesAt(h.db, t0 + 3 * DAY)).toBe(from + 2 * DAY); // the end of 11-05
    expect(await marketChangesAt(h.db, t0 + 8 * DAY)).toBeNull();
  });
});
