// The market in pages (交易大厅): twenty listings a page, the total, 上一页 / 下一页, filters kept
// across pages. Twenty-one small auctions are put on the market through the API (as the county and the
// province would through their forms); they close in 60 days, after every other test's listings.
import { expect, test } from '@playwright/test';
import { advanceClock, signedIn, trpc } from './fixtures';

test('the market shows twenty listings a page with the total, and pages keep the filters', async ({ browser }) => {
  const county = await signedIn(browser, 'baode');
  const province = await signedIn(browser, 'province');
  const zone = await signedIn(browser, 'zone');

  const { now } = await advanceClock(county, 0);
  const lotId = (await trpc<{ id: number }[]>(county, 'accounts.quota'))[0]!.id;
  const codes: string[] = [];
  for (let i = 0; i < 21; i++) {
    const listing = await trpc<{ id: number; code: string }>(county, 'listings.create', {
      lotId,
      mode: 'auction',
      qty: '0.5',
      reservePrice: '30000',
      minLot: '0.5',
      increment: '100',
      opensAt: now,
      closesAt: now + 60 * 86_400_000 + i * 60_000,
    });
    await trpc(province, 'listings.review', { listingId: listing.id, approve: true });
    codes.push(listing.code);
  }

  // Only ours are of half a mu: the filter finds exactly them, on two pages.
  await zone.goto('/market?maxQty=0.5');
  await expect(zone.getByText('共 21 宗挂牌')).toBeVisible();
  await expect(zone.getByTestId('market-row')).toHaveCount(20);
  const pager = zone.getByTestId('market-pager');
  await expect(pager).toContainText('第 1 / 2 页');
  await expect(zone.getByRole('link', { name: codes[0]! })).toBeVisible();
  await expect(zone.getByRole('link', { name: codes[20]! })).toHaveCount(0);

  await pager.getByRole('link', { name: '下一页' }).click();
  await zone.waitForURL(/page=2/);
  expect(new URL(zone.url()).searchParams.get('maxQty')).toBe('0.5');
  await expect(zone.getByTestId('market-row')).toHaveCount(1);
  await expect(zone.getByRole('link', { name: codes[20]! })).toBeVisible();
  await expect(zone.getByTestId('market-pager')).toContainText('第 2 / 2 页');

  await zone.getByTestId('market-pager').getByRole('link', { name: '上一页' }).click();
  await expect(zone.getByTestId('market-row')).toHaveCount(20);

  // Unfiltered, the whole market is counted: ours and any other listing still open.
  await zone.goto('/market');
  const total = Number(/共 (\d+) 宗挂牌/.exec((await zone.getByText(/共 \d+ 宗挂牌/).textContent()) ?? '')![1]);
  expect(total).toBeGreaterThanOrEqual(21);
  await expect(zone.getByTestId('market-row')).toHaveCount(20);
  await expect(zone.getByTestId('market-pager')).toContainText(`第 1 / ${Math.ceil(total / 20)} 页`);

  // The public announcements page its listings the same way, the results' page kept apart.
  await zone.goto('/announcements');
  const announced = Number(/共 (\d+) 宗/.exec((await zone.getByText(/共 \d+ 宗/).first().textContent()) ?? '')![1]);
  expect(announced).toBeGreaterThanOrEqual(21);
  await expect(zone.getByTestId('announced-listings').locator('tbody tr')).toHaveCount(20);
  await zone.getByTestId('listings-pager').getByRole('link', { name: '下一页' }).click();
  await zone.waitForURL(/listingsPage=2/);
  await expect(zone.getByTestId('listings-pager')).toContainText(`第 2 / ${Math.ceil(announced / 20)} 页`);
  await expect(zone.getByTestId('announced-listings').locator('tbody tr')).toHaveCount(Math.min(20, announced - 20));

  // The county's own listings: twenty a page, ours newest first.
  await county.goto('/county/listings');
  await expect(county.getByTestId('listing-row')).toHaveCount(20);
  await expect(county.getByTestId('listing-row').first()).toHaveAttribute('data-code', codes[20]!);
  await county.getByTestId('listings-pager').getByRole('link', { name: '下一页' }).click();
  await county.waitForURL(/page=2/);
  await expect(county.getByTestId('listing-row').first()).toBeVisible();
  await expect(county.getByTestId('listing-row').filter({ hasText: codes[20]! })).toHaveCount(0);

  // The province's whole market filtered by phase in the database, the filter kept across pages.
  await province.goto('/province/market');
  await province.getByLabel('状态').selectOption('open');
  await province.getByRole('button', { name: '筛选' }).click();
  await province.waitForURL(/status=open/);
  await expect(province.getByTestId('listing-row')).toHaveCount(20);
  await province.getByTestId('listings-pager').getByRole('link', { name: '下一页' }).click();
  await province.waitForURL(/status=open&page=2|page=2&status=open/);
  const rows = province.getByTestId('listing-row');
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row).toContainText('交易中');
});

test('a ledger of many entries comes fifty entries a page: 更早的记录 and back to the newest', async ({ browser }) => {
  const province = await signedIn(browser, 'province');
  const checker = await signedIn(browser, 'checker');
  const zone = await signedIn(browser, 'zone2');
  const zoneId = (await trpc<{ id: number; name: string }[]>(province, 'accounts.zones')).find((z) => z.name === '晋中开发区（演示）')!.id;
  // Sixty small transfers, each its own journal entry (posted at its confirmation by the second
  // official), newer than whatever the zone had before.
  for (let i = 1; i <= 60; i++) {
    const proposed = await trpc<{ id: number }>(province, 'accounts.proposeTransfer', { zoneId, amount: '0.01', bankRef: `PAGER-${String(i).padStart(2, '0')}` });
    await trpc(checker, 'accounts.confirmTransfer', { id: proposed.id });
  }

  await zone.goto('/ledger');
  const journal = zone.getByTestId('journal');
  await expect(journal).toContainText('PAGER-60');
  await expect(journal).toContainText('PAGER-11');
  await expect(journal).not.toContainText('PAGER-10');
  await expect(zone.getByRole('link', { name: '回到最新记录' })).toHaveCount(0);

  await zone.getByTestId('journal-pager').getByRole('link', { name: '更早的记录' }).click();
  await zone.waitForURL(/before=\d+/);
  await expect(zone.getByTestId('journal')).toContainText('PAGER-10');
  await expect(zone.getByTestId('journal')).toContainText('PAGER-01');
  await expect(zone.getByTestId('journal')).not.toContainText('PAGER-11');

  await zone.getByTestId('journal-pager').getByRole('link', { name: '回到最新记录' }).click();
  await expect(zone.getByTestId('journal')).toContainText('PAGER-60');
  // A cursor typed by hand that is no entry id shows the newest page, not an error.
  await zone.goto('/ledger?before=abc');
  await expect(zone.getByTestId('journal')).toContainText('PAGER-60');
});
