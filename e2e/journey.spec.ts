// The whole trading floor in a real browser: a county lists, the province approves, two
// zones bid, the auction closes on the server's clock, the winners pay, and each role sees the result.
import { expect, test } from '@playwright/test';
import { advanceClock, confirmDialog, signedIn } from './fixtures';

const DAY = 86_400_000;

test('list → review → bid → close → pay → settle, seen by every role', async ({ browser }) => {
  const county = await signedIn(browser, 'pianguan');
  const province = await signedIn(browser, 'province');
  const zoneA = await signedIn(browser, 'zone');
  const zoneB = await signedIn(browser, 'zone2');

  // County: quota per lot, then a listing of 100 mu from the first lot.
  await county.goto('/county');
  await expect(county.getByTestId('lot-row').first()).toContainText('1,348.888');
  const form = county.getByTestId('create-listing-form');
  await expect(form.getByRole('button', { name: '提交挂牌' })).toBeEnabled();
  await form.locator('select[name=lotId]').selectOption({ index: 0 });
  await form.locator('input[name=qty]').fill('100');
  await form.locator('input[name=reservePrice]').fill('30000');
  await form.locator('input[name=minLot]').fill('10');
  await form.locator('input[name=increment]').fill('500');
  await form.getByRole('button', { name: '提交挂牌' }).click();
  const created = form.getByRole('status');
  await expect(created).toContainText('等待省厅审核');
  const code = /GP\d{4}-\d{5}/.exec((await created.textContent()) ?? '')![0];

  // Over the free quota: refused with the reason, nothing created.
  await form.locator('input[name=qty]').fill('5000');
  await form.getByRole('button', { name: '提交挂牌' }).click();
  await expect(form.locator('p.error')).toContainText('超过该批次的可用指标');

  // A zone cannot see it before review.
  await zoneA.goto('/market');
  await expect(zoneA.getByRole('link', { name: code })).toHaveCount(0);

  // Province approves it; its 待办 is asked for again and no longer lists it, without a reload.
  await province.goto('/province');
  const item = province.locator(`[data-testid=review-item][data-code="${code}"]`);
  const todoAgain = province.waitForResponse((r) => r.url().includes('notifications.todo'));
  await item.getByRole('button', { name: '批准' }).click();
  await confirmDialog(province, '确认批准');
  await expect(item.getByRole('status')).toContainText('已批准');
  await todoAgain;
  await expect(province.getByTestId('todo').getByRole('link', { name: code })).toHaveCount(0);

  // Zone A finds it in the market and bids the reserve.
  await zoneA.goto('/market');
  await zoneA.getByRole('link', { name: code }).click();
  await zoneA.waitForURL(/\/listings\/\d+$/);
  const listingUrl = zoneA.url();
  await expect(zoneA.getByRole('button', { name: '出价', exact: true })).toBeEnabled();
  await zoneA.locator('input[name=price]').fill('30000');
  await zoneA.locator('input[name=qty]').fill('100');
  await zoneA.getByRole('button', { name: '出价', exact: true }).click();
  await confirmDialog(zoneA, '确认出价');
  await expect(zoneA.getByText('出价成功')).toBeVisible();
  await expect(zoneA.getByTestId('best-price')).toContainText('30,000.00');
  await zoneA.evaluate(() => ((window as unknown as { marker: number }).marker = 1));

  // Zone B: below best + increment is refused; then it outbids for 60 mu. It sees zone A only by number.
  await zoneB.goto(listingUrl);
  await expect(zoneB.getByTestId('bid-history')).toContainText('001');
  await expect(zoneB.getByTestId('bid-history')).not.toContainText('山西转型综改示范区');
  await expect(zoneB.getByRole('button', { name: '出价', exact: true })).toBeEnabled();
  await zoneB.locator('input[name=price]').fill('30100');
  await zoneB.locator('input[name=qty]').fill('60');
  // Below the minimum the page shows: refused at once, with no dialog saying it binds.
  await zoneB.getByRole('button', { name: '出价', exact: true }).click();
  await expect(zoneB.locator('p.error[role=alert]')).toContainText('30,500.00');
  await expect(zoneB.getByRole('dialog', { name: '确认出价' })).toBeHidden();
  await zoneB.locator('input[name=price]').fill('30500');
  await zoneB.getByRole('button', { name: '出价', exact: true }).click();
  await confirmDialog(zoneB, '确认出价');
  await expect(zoneB.getByText('出价成功')).toBeVisible();

  // Zone A's open page shows the new best bid without a reload.
  await expect(zoneA.getByTestId('best-price')).toContainText('30,500.00');
  expect(await zoneA.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);

  // The market page, kept between changes (server/web/page-cache.ts) and last shown to zone A before any
  // bid, has the new best bid at once too.
  await zoneA.goto('/market');
  await expect(zoneA.getByTestId('market-row').filter({ hasText: code })).toContainText('30,500.00');

  // The county and the province see the bidders' names.
  await county.goto(listingUrl);
  await expect(county.getByTestId('bid-history')).toContainText('晋中开发区（演示）');
  await expect(county.getByTestId('bid-history')).toContainText('山西转型综改示范区');

  // The listing closes on the server's clock, nobody needing to open it.
  await advanceClock(county, 8 * DAY);

  // Zone B won 60 mu at 30,500; zone A the remaining 40 mu at 30,000. Both pay.
  await zoneB.goto('/trades');
  const rowB = zoneB.getByTestId('trade-row').filter({ hasText: code });
  await expect(rowB).toContainText('60.000');
  await rowB.getByRole('button', { name: '付款' }).click();
  await confirmDialog(zoneB, '确认付款');
  await expect(zoneB.getByRole('status').filter({ hasText: /QX\d{4}/ })).toBeVisible();
  await expect(rowB).toContainText('已结算');

  await zoneA.goto('/trades');
  const rowA = zoneA.getByTestId('trade-row').filter({ hasText: code });
  await expect(rowA).toContainText('40.000');
  await rowA.getByRole('button', { name: '付款' }).click();
  await confirmDialog(zoneA, '确认付款');
  await expect(rowA).toContainText('已结算');

  // The trade confirmation is numbered and printable.
  await rowA.getByRole('link', { name: /QX\d{4}-\d{6}/ }).click();
  await expect(zoneA.getByTestId('confirmation-no')).toContainText(/QX\d{4}-\d{6}/);
  await expect(zoneA.getByRole('button', { name: '打印' })).toBeVisible();
  // It names the rules that applied and their documents: the demo's defaults, and the seed's reclamation period.
  const rules = zoneA.getByTestId('confirmation-rules');
  await expect(rules.locator('tr[data-rule=depositRate]')).toContainText('20%，依据 平台默认设置（自始起施行）');
  await expect(rules.locator('tr[data-rule=paymentDays]')).toContainText('10 天，依据 平台默认设置');
  await expect(zoneA.getByTestId('confirmation')).toContainText('2 年内完成项目区拆旧复垦并通过验收（依据 晋政办发〔2018〕24号）');

  // The zone holds the three rights; the county has the proceeds: 40 × 30,000 + 60 × 30,500.
  await zoneA.goto('/ledger');
  await expect(zoneA.getByTestId('holdings')).toContainText('40.000');
  await county.goto('/ledger');
  await expect(county.getByTestId('proceeds')).toContainText('3,030,000.00');
  await county.goto('/trades');
  await expect(county.getByTestId('trade-row').filter({ hasText: code })).toHaveCount(2);

  // The province sees every trade; the public announcement names the winners.
  await province.goto('/trades');
  await expect(province.getByTestId('trade-row').filter({ hasText: '已结算' }).filter({ hasText: code })).toHaveCount(2);
  const publicPage = await (await browser.newContext()).newPage();
  await publicPage.goto('/announcements');
  const results = publicPage.getByTestId('results');
  await expect(results).toContainText(code);
  await expect(results).toContainText('晋中开发区（演示）');
  await expect(results).toContainText('山西转型综改示范区');
});

test('English is selectable and a signed-out visitor is sent to sign in', async ({ page }) => {
  await page.goto('/county');
  await expect(page).toHaveURL(/\/login/);
  await page.getByTestId('switch-language').click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('User name').fill('pianguan');
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('p.error')).toContainText('Wrong user name or password');
});

test('the market page, kept between changes, follows the language the user switches to', async ({ browser }) => {
  const zone = await signedIn(browser, 'zone');
  for (let i = 0; i < 2; i++) {
    await zone.goto('/market');
    await expect(zone.getByRole('heading', { level: 1 })).toHaveText('交易大厅');
  }
  await zone.getByTestId('switch-language').click();
  await expect(zone.getByRole('heading', { level: 1 })).toHaveText('Market');
  await zone.reload();
  await expect(zone.getByRole('heading', { level: 1 })).toHaveText('Market');
  await zone.getByTestId('switch-language').click();
  await expect(zone.getByRole('heading', { level: 1 })).toHaveText('交易大厅');
  await zone.reload();
  await expect(zone.getByRole('heading', { level: 1 })).toHaveText('交易大厅');
});
