// A negotiated (协商) listing in the browser: two zones offer, each sees only its own offer, the
// county accepts one, the other is declined, and the award appears with its confirmation number.
import { expect, test } from '@playwright/test';
import { confirmDialog, signedIn } from './fixtures';

test('negotiated listing: offers stay private, the county accepts one', async ({ browser }) => {
  const county = await signedIn(browser, 'hequ');
  const province = await signedIn(browser, 'province');
  const zoneA = await signedIn(browser, 'zone');
  const zoneB = await signedIn(browser, 'zone3');

  await county.goto('/county');
  const form = county.getByTestId('create-listing-form');
  await expect(form.getByRole('button', { name: '提交挂牌' })).toBeEnabled();
  await form.locator('select[name=mode]').selectOption('negotiated');
  await expect(form.locator('input[name=increment]')).toHaveCount(0);
  await form.locator('input[name=qty]').fill('200');
  await form.locator('input[name=reservePrice]').fill('25000');
  await form.locator('input[name=minLot]').fill('150');
  await form.getByRole('button', { name: '提交挂牌' }).click();
  const created = form.getByRole('status');
  await expect(created).toContainText('等待省厅审核');
  const code = /GP\d{4}-\d{5}/.exec((await created.textContent()) ?? '')![0];

  await province.goto('/province');
  const item = province.locator(`[data-testid=review-item][data-code="${code}"]`);
  await item.getByRole('button', { name: '驳回' }).click();
  await confirmDialog(province, '确认驳回');
  await expect(item.locator('.error')).toContainText('驳回时必须填写理由');
  await item.getByRole('button', { name: '批准' }).click();
  await confirmDialog(province, '确认批准');
  await expect(item.getByRole('status')).toContainText('已批准');

  await zoneA.goto('/market');
  await zoneA.getByRole('link', { name: code }).click();
  await zoneA.waitForURL(/\/listings\/\d+$/);
  const url = zoneA.url();
  await expect(zoneA.getByRole('button', { name: '提交报价', exact: true })).toBeEnabled();
  await zoneA.locator('input[name=price]').fill('26000');
  await zoneA.locator('input[name=qty]').fill('200');
  await zoneA.getByRole('button', { name: '提交报价' }).click();
  await confirmDialog(zoneA, '确认报价');
  await expect(zoneA.getByText('报价已提交')).toBeVisible();

  await zoneB.goto(url);
  await expect(zoneB.getByRole('button', { name: '提交报价', exact: true })).toBeEnabled();
  await zoneB.locator('input[name=price]').fill('24000');
  await zoneB.locator('input[name=qty]').fill('150');
  // Below the reserve the page shows: refused at once, with no dialog saying it binds.
  await zoneB.getByRole('button', { name: '提交报价' }).click();
  await expect(zoneB.locator('p.error[role=alert]')).toContainText('低于底价');
  await expect(zoneB.getByRole('dialog', { name: '确认报价' })).toBeHidden();
  await zoneB.locator('input[name=price]').fill('27000');
  await zoneB.getByRole('button', { name: '提交报价' }).click();
  await confirmDialog(zoneB, '确认报价');
  await expect(zoneB.getByText('报价已提交')).toBeVisible();
  // Zone B sees its own offer only.
  await expect(zoneB.getByTestId('bid-history').locator('tbody tr')).toHaveCount(1);

  // The county sees both, by name, and accepts zone A's (the larger quantity).
  await county.goto(url);
  const history = county.getByTestId('bid-history');
  await expect(history).toContainText('山西转型综改示范区');
  await expect(history).toContainText('大同开发区（演示）');
  await history.locator('tr', { hasText: '山西转型综改示范区' }).getByRole('button', { name: '接受' }).click();
  await confirmDialog(county, '确认接受');
  await expect(county.getByText('已接受报价')).toBeVisible();

  // Nothing is left to offer: zone B's offer is declined and its deposit released; zone A has an award.
  await expect(zoneB.getByTestId('bid-history')).toContainText('未接受');
  await zoneA.goto('/trades');
  await expect(zoneA.getByTestId('trade-row').filter({ hasText: code })).toContainText('200.000');
});
