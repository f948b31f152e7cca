// The county's proceeds as an account statement (proceeds.statement): one line per movement of its
// proceeds account, a settlement as one line of the trade's amount (not its deposit and balance as two),
// with the trade and buyer or the spending behind it and the running balance, a page at a time.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { balanceOf, proceedsStatement } from '@/server/books/journal';
import { accountsOf } from '@/server/books/domain/ledger';
import { sweep } from '@/server/market/closing';
import { type Harness, makeHarness } from '@/server/testing/harness';

const HOUR = 3_600_000;
const DAY = 86_400_000;

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

/** 偏关县 sells `qty` mu at `price` to `zone` by auction; the award is left unpaid. */
async function award(zone: string, qty: string, price: string) {
  const lot = (await h.as('pianguan').accounts.quota())[0]!;
  const now = h.clock.now();
  const listing = await h.as('pianguan').listings.create({ lotId: lot.id, mode: 'auction', qty, reservePrice: price, minLot: qty, increment: '100', opensAt: now, closesAt: now + HOUR });
  await h.as('province').listings.review({ listingId: listing.id, approve: true });
  await h.as(zone).bids.place({ listingId: listing.id, price, qty });
  h.clock.advance(HOUR);
  await sweep(h.services);
  return (await h.as(zone).trades.list()).trades.find((t) => t.listingId === listing.id)!;
}

describe('the proceeds statement', () => {
  it('a settlement, a forfeited deposit and a spending, each one line with what is behind it, and the balance after each', async () => {
    const paid = await award('zone', '100', '30000');
    await h.as('zone').trades.pay({ id: paid.id });
    const unpaid = await award('zone2', '10', '30000');
    h.clock.advance(11 * DAY);
    await sweep(h.services); // the award lapses: its deposit (20% of 300,000) goes to the county
    await h.as('pianguan').proceeds.spend({ spentOn: '2026-11-12', amount: '500000', category: 'poverty_consolidation', purpose: '饮水工程', budgetRef: '偏财〔2026〕1号' });

    const { lines, olderThan } = await h.as('pianguan').proceeds.statement();
    expect(olderThan).toBeNull();
    expect(lines.map(({ reason, confirmationNo, buyerName, purpose, amountFen, balanceFen }) => ({ reason, confirmationNo, buyerName, purpose, amountFen, balanceFen }))).toEqual([
      { reason: 'proceeds_spent', confirmationNo: null, buyerName: null, purpose: '饮水工程', amountFen: -50_000_000, balanceFen: 256_000_000 },
      { reason: 'award_lapsed', confirmationNo: unpaid.confirmationNo, buyerName: '晋中开发区（演示）', purpose: null, amountFen: 6_000_000, balanceFen: 306_000_000 },
      { reason: 'settlement', confirmationNo: paid.confirmationNo, buyerName: '山西转型综改示范区', purpose: null, amountFen: 300_000_000, balanceFen: 300_000_000 },
    ]);
    expect(lines[1]!.tradeId).toBe(unpaid.id);
    // The newest balance is the account's.
    expect(lines[0]!.balanceFen).toBe(await balanceOf(h.db, accountsOf.countyProceeds((await h.actor('pianguan')).organisationId)));
    // Another county's statement has none of it.
    expect((await h.as('hequ').proceeds.statement()).lines).toEqual([]);
  });

  it('pages carry the balance on: the first line of the next page is the balance before the last of this one', async () => {
    for (const price of ['30000', '31000', '32000']) await h.as('zone').trades.pay({ id: (await award('zone', '10', price)).id });
    const county = (await h.actor('pianguan')).organisationId;
    const all = (await proceedsStatement(h.db, county)).lines;
    const first = await proceedsStatement(h.db, county, { entries: 2 });
    expect(first.lines).toEqual(all.slice(0, 2));
    const second = await proceedsStatement(h.db, county, { entries: 2, beforeEntryId: first.olderThan! });
    expect(second.lines).toEqual(all.slice(2));
    expect(second.olderThan).toBeNull();
    expect(second.lines[0]!.balanceFen).toBe(first.lines[1]!.balanceFen - first.lines[1]!.amountFen);
    expect(all.map((l) => l.amountFen)).toEqual([32_000_000, 31_000_000, 30_000_000]);
    expect(all[2]!.balanceFen).toBe(30_000_000);
    // Through the procedure, with the cursor: the same page.
    expect((await h.as('pianguan').proceeds.statement({ before: first.olderThan! })).lines).toEqual((await proceedsStatement(h.db, county, { beforeEntryId: first.olderThan! })).lines);
  });
});
