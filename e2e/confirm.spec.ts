// Binding actions ask first (components/confirm-dialog.tsx): a bid, a payment, a county's withdrawal
// of a live listing and the province's 立项 each open a dialog stating the amount and what cannot be
// undone; Escape or 取消 leaves everything as it was (checked after a reload, from the server); Tab to
// 确认 and Enter performs it; a double click places one bid and shows one answer. The listings here
// are of 10 and 20 mu, so the pager journey's filter on half-mu listings does not see them.
import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { advanceClock, signedIn, trpc } from './fixtures';

const HOUR = 3_600_000;

/** An auction of the county's first lot, open now and approved by the province through the API. */
async function announcedListing(county: Page, province: Page, qty: string, closesInMs: number) {
  const { now } = await advanceClock(county, 0);
  const lotId = (await trpc<{ id: number }[]>(county, 'accounts.quota'))[0]!.id;
  const listing = await trpc<{ id: number; code: string }>(county, 'listings.create', {
    lotId,
    mode: 'auction',
    qty,
    reservePrice: '25000',
    minLot: qty,
    increment: '100',
    opensAt: now,
    closesAt: now + closesInMs,
  });
  await trpc(province, 'listings.review', { listingId: listing.id, approve: true });
  return listing;
}

test('a bid and its payment are confirmed with the amount and the deposit; cancelled, nothing is written', async ({ browser }) => {
  // 河曲县's project already has a trade in the negotiated journey: this one starts no reclamation
  // clock that the projects journey would later find overdue.
  const county = await signedIn(browser, 'hequ');
  const province = await signedIn(browser, 'province');
  const zone = await signedIn(browser, 'zone2');
  const listing = await announcedListing(county, province, '10', HOUR);

  await zone.goto(`/listings/${listing.id}`);
  const bidButton = zone.getByRole('button', { name: '出价', exact: true });
  const fill = async (price: string) => {
    await expect(bidButton).toBeEnabled();
    await zone.locator('input[name=price]').fill(price);
    await zone.locator('input[name=qty]').fill('10');
  };
  const nothingPlaced = async () => {
    await zone.reload();
    await expect(zone.getByTestId('best-price')).toContainText('暂无报价');
    await expect(zone.getByTestId('bid-history')).toHaveCount(0);
  };

  // The dialog states the amount (10 mu × 25,000), the deposit (20 % of it) and that a bid is final;
  // the focus is on 取消, and Escape cancels, giving the focus back to 出价.
  await fill('25000');
  await bidButton.click();
  const dialog = zone.getByRole('dialog', { name: '确认出价' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(listing.code);
  await expect(dialog).toContainText('250,000.00 元');
  await expect(dialog).toContainText('25.0000 万元');
  await expect(dialog).toContainText('50,000.00 元');
  await expect(dialog).toContainText('出价后不可撤回');
  await expect(dialog.getByRole('button', { name: '取消' })).toBeFocused();
  expect((await new AxeBuilder({ page: zone }).include('dialog[open]').analyze()).violations).toEqual([]);
  await zone.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(bidButton).toBeFocused();
  await nothingPlaced();

  await fill('25000');
  await bidButton.click();
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await nothingPlaced();

  // The page's own refresh says so, and does not keep an idle session alive (server/web/session.ts).
  const poll = await zone.waitForRequest((r) => r.url().includes('/api/trpc/listings.get'));
  expect(poll.headers()['x-qx-background']).toBe('1');

  // With the server out of reach, a confirmed bid says so in Chinese (not the browser's "Failed to
  // fetch"), the live figures say they are stale, and nothing is placed.
  await zone.route('**/api/trpc/**', (route) => route.abort('connectionrefused'));
  await fill('25000');
  await bidButton.click();
  await dialog.getByRole('button', { name: '确认出价' }).click();
  await expect(zone.getByText('无法连接服务器，本次操作可能未完成')).toBeVisible();
  await expect(zone.getByText('Failed to fetch')).toHaveCount(0);
  await expect(zone.getByTestId('live-stale')).toBeVisible();
  await zone.unroute('**/api/trpc/**');
  await expect(zone.getByTestId('live-stale')).toBeHidden();
  await nothingPlaced();

  // From the keyboard: Enter in the form asks, Tab moves to 确认出价, Enter places the bid (the user's
  // own doing: no background mark).
  const placing = zone.waitForRequest((r) => r.url().includes('/api/trpc/bids.place'));
  await fill('25000');
  await zone.locator('input[name=qty]').press('Enter');
  await expect(dialog.getByRole('button', { name: '取消' })).toBeFocused();
  await zone.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: '确认出价' })).toBeFocused();
  await zone.keyboard.press('Enter');
  expect((await placing).headers()['x-qx-background']).toBeUndefined();
  await expect(dialog).toBeHidden();
  await expect(zone.getByText('出价成功')).toBeVisible();
  const history = zone.getByTestId('bid-history');
  await expect(history.locator('tbody tr')).toHaveCount(1);

  // A raise freezes only the difference over the deposit already held. Double clicks, on 出价 and on
  // 确认出价, place it once and show one answer (a second request would be refused below the new best).
  await fill('26000');
  await bidButton.dblclick();
  await expect(dialog).toContainText('260,000.00 元');
  await expect(dialog).toContainText('保证金 50,000.00 元将转入新报价，另需冻结 2,000.00 元');
  await dialog.getByRole('button', { name: '确认出价' }).dblclick();
  await expect(dialog).toBeHidden();
  await expect(zone.getByText('出价成功')).toBeVisible();
  await expect(history.locator('tbody tr')).toHaveCount(2);
  await expect(zone.getByTestId('best-price')).toContainText('26,000.00');
  await expect(zone.locator('p.error[role=alert]')).toHaveCount(0);
  await expect(zone.locator('p.success[role=status]')).toHaveCount(1);

  // The auction closes on the server's clock; the payment states the deposit applied and the balance.
  await advanceClock(zone, 2 * HOUR);
  await zone.goto('/trades');
  const row = zone.getByTestId('trade-row').filter({ hasText: listing.code });
  await expect(row).toHaveAttribute('data-status', 'awaiting_payment');
  const payButton = row.getByRole('button', { name: '付款' });
  await payButton.click();
  const pay = zone.getByRole('dialog', { name: '确认付款' });
  await expect(pay).toContainText('260,000.00 元');
  await expect(pay).toContainText('52,000.00 元');
  await expect(pay).toContainText('208,000.00 元');
  await expect(pay).toContainText('付款后不可撤回');
  await zone.keyboard.press('Escape');
  await expect(pay).toBeHidden();
  await zone.reload();
  await expect(row).toHaveAttribute('data-status', 'awaiting_payment');

  await payButton.click();
  await pay.getByRole('button', { name: '取消' }).click();
  await zone.reload();
  await expect(row).toHaveAttribute('data-status', 'awaiting_payment');

  // A payment confirmed while the server is out of reach leaves the page in place with the message.
  await zone.route('**/api/trpc/**', (route) => route.abort('connectionrefused'));
  await payButton.click();
  await pay.getByRole('button', { name: '确认付款' }).click();
  await expect(zone.getByText('无法连接服务器，本次操作可能未完成')).toBeVisible();
  await expect(zone).toHaveURL(/\/trades$/);
  await expect(row).toHaveAttribute('data-status', 'awaiting_payment');
  await zone.unroute('**/api/trpc/**');
  await zone.reload();
  await expect(row).toHaveAttribute('data-status', 'awaiting_payment');

  await payButton.click();
  await expect(pay.getByRole('button', { name: '取消' })).toBeFocused();
  await zone.keyboard.press('Tab');
  await expect(pay.getByRole('button', { name: '确认付款' })).toBeFocused();
  await zone.keyboard.press('Enter');
  await expect(row).toHaveAttribute('data-status', 'settled');
});

test('a county confirms withdrawing a live, announced listing; cancelled, it stays on the market', async ({ browser }) => {
  const county = await signedIn(browser, 'baode');
  const province = await signedIn(browser, 'province');
  const zone = await signedIn(browser, 'zone3');
  const listing = await announcedListing(county, province, '20', 7 * 24 * HOUR);

  await county.goto('/county/listings');
  const row = county.locator(`[data-testid=listing-row][data-code="${listing.code}"]`);
  await expect(row).toContainText('交易中');
  const withdraw = row.getByRole('button', { name: '撤回' });
  await expect(withdraw).toBeEnabled();
  await withdraw.click();
  const dialog = county.getByRole('dialog', { name: `确认撤回挂牌 ${listing.code}` });
  await expect(dialog).toContainText('已公示并正在交易');
  await expect(dialog).toContainText('20.000 亩');
  await expect(dialog).toContainText('撤回后不可恢复');
  await expect(dialog.getByRole('button', { name: '取消' })).toBeFocused();
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await expect(withdraw).toBeFocused();

  await withdraw.press('Enter');
  await expect(dialog).toBeVisible();
  await county.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await county.reload();
  await expect(row).toContainText('交易中');
  await zone.goto(`/listings/${listing.id}`);
  await expect(zone.getByRole('button', { name: '出价', exact: true })).toBeEnabled();

  await withdraw.click();
  await county.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: '确认撤回' })).toBeFocused();
  await county.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('已撤回');
  await county.reload();
  await expect(row).toContainText('已撤回');
  await zone.reload();
  await expect(zone.getByRole('button', { name: '出价', exact: true })).toHaveCount(0);
});

test('the province confirms 立项 with its document number and the quota it issues; cancelled, nothing is issued', async ({ browser }) => {
  const city = await signedIn(browser, 'xinzhou');
  const province = await signedIn(browser, 'province');
  // The demo's plan waiting for the city: 420 mu of plots, 50 mu kept for resettlement.
  const name = '河曲县2026年度增减挂钩项目区（二）';

  await city.goto('/projects');
  await city.getByTestId('review-queue').getByRole('link', { name }).click();
  await city.waitForURL(/\/projects\/\d+$/);
  const url = city.url();
  await expect(city.getByRole('button', { name: '审查通过，报送省厅' })).toBeEnabled();
  await city.getByRole('button', { name: '审查通过，报送省厅' }).click();
  // A pass still has the province's review after it: 确认 takes the focus and Enter confirms.
  const pass = city.getByRole('dialog', { name: '确认审查通过' });
  await expect(pass).toContainText(name);
  await expect(pass.getByRole('button', { name: '确认通过' })).toBeFocused();
  await city.keyboard.press('Enter');
  await expect(city.getByText('已审查通过，报送省厅。')).toBeVisible();

  await province.goto(url);
  const review = province.getByTestId('review-form');
  const approve = review.getByRole('button', { name: '批准立项' });
  await expect(approve).toBeEnabled();
  await review.getByLabel('批准文号').fill('晋自然资函〔2026〕501号');
  await approve.click();
  const dialog = province.getByRole('dialog', { name: '确认批准立项' });
  await expect(dialog).toContainText(name);
  await expect(dialog).toContainText('晋自然资函〔2026〕501号');
  await expect(dialog).toContainText('370.000 亩');
  await expect(dialog).toContainText('下达至河曲县');
  await expect(dialog).toContainText('立项不可撤销');
  await expect(dialog.getByRole('button', { name: '取消' })).toBeFocused();
  await province.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(approve).toBeFocused();
  await province.reload();
  await expect(province.locator('h1 + [data-status]')).toHaveAttribute('data-status', 'province_review');
  await expect(province.getByTestId('lot')).toHaveCount(0);

  await expect(approve).toBeEnabled();
  await review.getByLabel('批准文号').fill('晋自然资函〔2026〕501号');
  await approve.click();
  await province.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: '确认立项' })).toBeFocused();
  await province.keyboard.press('Enter');
  await expect(province.getByText('已批准立项，节余指标已下达。')).toBeVisible();
  await expect(province.getByTestId('lot')).toContainText('370.000');
  await expect(province.locator('h1 + [data-status]')).toHaveAttribute('data-status', 'approved');
});
