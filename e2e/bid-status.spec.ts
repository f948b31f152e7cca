// Where a zone's bid stands, read in a real browser: on the demo's open auction in 偏关县 (300 mu,
// reserve 20,000 元/亩, minimum lot 50 mu, increment 1,000), zone leads, is partly leading once zone2
// bids above it for part, and is outbid once zone2 takes it all; its open page follows without a
// reload, and 我的报价 says the same. The bids go through the API (as the bid form sends them): what
// is checked here is what the pages read.
import { type Page, expect, test } from '@playwright/test';
import { signedIn } from './fixtures';

async function bid(page: Page, listingId: number, price: string, qty: string) {
  const res = await page.request.post('/api/trpc/bids.place', { data: { listingId, price, qty } });
  expect(res.ok(), await res.text()).toBeTruthy();
}

test('a zone sees 领先, then 部分领先, then 已被超越 after another zone outbids it; other bidders stay by number', async ({ browser }) => {
  const zone = await signedIn(browser, 'zone');
  const zone2 = await signedIn(browser, 'zone2');

  await zone.goto('/market');
  const demo = zone.getByTestId('market-row').filter({ hasText: '偏关县' }).filter({ hasText: '300.000' }).first();
  const link = demo.getByRole('link', { name: /GP\d{4}-\d{5}/ });
  const code = (await link.textContent())!.trim();
  await link.click();
  await zone.waitForURL(/\/listings\/\d+$/);
  const listingId = Number(/\/listings\/(\d+)$/.exec(zone.url())![1]);
  await expect(zone.getByTestId('my-standing')).toHaveCount(0);

  // All 300 mu at the reserve: leading, on the open page without a reload.
  await bid(zone, listingId, '20000', '300');
  await expect(zone.getByTestId('my-standing')).toHaveText('领先');
  await expect(zone.locator('[data-testid=bid-history] tr[data-mine=true]')).toContainText('领先');
  await zone.evaluate(() => ((window as unknown as { marker: number }).marker = 1));

  // zone2 takes 200 mu above it: zone would get the 100 mu left.
  await bid(zone2, listingId, '21000', '200');
  await expect(zone.getByTestId('my-standing')).toHaveText('部分领先 100.000 亩');

  // zone2 raises to all 300 mu: nothing would be left for zone.
  await bid(zone2, listingId, '22000', '300');
  await expect(zone.getByTestId('my-standing')).toHaveText('已被超越');
  await expect(zone.locator('[data-testid=bid-history] tr[data-mine=true]').first()).toContainText('已被超越');
  expect(await zone.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);

  // zone2 reads its own bid leading, and zone's only by bidder number, with no standing.
  await zone2.goto(`/listings/${listingId}`);
  await expect(zone2.getByTestId('my-standing')).toHaveText('领先');
  const others = zone2.locator('[data-testid=bid-history] tbody tr:not([data-mine])');
  await expect(others.first()).toContainText('有效');
  await expect(others.first()).not.toContainText('山西转型综改示范区');
  await expect(zone2.getByTestId('bid-history').locator('[data-standing]')).toHaveCount(1);

  // 我的报价 says the same, in Chinese and in English.
  await zone.goto('/bids');
  const mine = zone.getByTestId('bid-row').filter({ hasText: code });
  await expect(mine).toHaveCount(1);
  await expect(mine.locator('[data-standing]')).toHaveText('已被超越');
  await zone.getByTestId('switch-language').click();
  await expect(mine.locator('[data-standing]')).toHaveText('Outbid');
  await zone2.goto('/bids');
  // zone2's raised bid reads as raised; its bid in force leads.
  const theirs = zone2.getByTestId('bid-row').filter({ hasText: code });
  await expect(theirs).toHaveCount(2);
  await expect(theirs.locator('[data-standing]')).toHaveText('领先');
  await expect(theirs.filter({ hasText: '已被加价替代' })).toHaveCount(1);
});
