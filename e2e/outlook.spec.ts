// The supply and demand outlook in a real browser: a zone declares its demand for the year (confirmed
// first) and revises it, both declarations kept; the province sees the declaration in its city's row,
// with the flag in words; a city bureau sees its own city only. Years are read from the pages, so the
// journey holds whatever the server's clock has been moved to by the journeys before it.
import { expect, test } from '@playwright/test';
import { confirmDialog, signedIn } from './fixtures';

test('a zone declares demand → the province sees it in the outlook, flagged in words', async ({ browser }) => {
  const zone = await signedIn(browser, 'zone');
  await zone.goto('/market');
  await zone.getByRole('link', { name: '用地需求申报' }).click();
  await zone.waitForURL(/\/demand$/);
  await expect(zone.getByRole('heading', { level: 1 })).toHaveText('用地需求申报');

  const form = zone.getByTestId('demand-form');
  await expect(form.getByRole('button', { name: '提交申报' })).toBeEnabled();
  const year = await form.getByLabel('年度').inputValue();

  // A bad area is refused beside the field, in Chinese, with nothing to confirm.
  await form.getByLabel('需求面积（亩）').fill('-5');
  await form.getByRole('button', { name: '提交申报' }).click();
  await expect(form.locator('[data-field=area]')).toHaveText('不能为负数。');

  // Declared, confirmed first; then revised: the revision is in force, both are kept.
  await form.getByLabel('需求面积（亩）').fill('48000.5');
  await form.getByLabel('用途或说明（选填）').fill('园区二期工业用地');
  await form.getByRole('button', { name: '提交申报' }).click();
  const dialog = zone.getByRole('dialog');
  await expect(dialog).toContainText('48,000.500 亩');
  await expect(dialog).toContainText('园区二期工业用地');
  await confirmDialog(zone, '确认申报');
  await expect(form.getByRole('status')).toHaveText(`已保存 ${year} 年度用地需求申报。`);
  await expect(zone.locator(`[data-testid=demand-current] [data-year="${year}"]`)).toContainText('48,000.500 亩');

  await form.getByLabel('需求面积（亩）').fill('50000.125');
  await form.getByRole('button', { name: '提交申报' }).click();
  await confirmDialog(zone, '确认申报');
  await expect(zone.locator(`[data-testid=demand-current] [data-year="${year}"]`)).toContainText('50,000.125 亩');
  const history = zone.getByTestId('demand-history');
  await expect(history.locator('tbody tr')).toHaveCount(2);
  await expect(history.locator('tbody tr').first()).toContainText('50,000.125');
  await expect(history.locator('tbody tr').nth(1)).toContainText('48,000.500');

  // The province: 太原市's row has the zone's declaration, and its flag says what it means.
  const province = await signedIn(browser, 'province');
  await province.goto('/province');
  await province.getByRole('link', { name: '供需形势' }).click();
  await province.waitForURL(/\/province\/outlook$/);
  await expect(province.getByRole('heading', { level: 1 })).toHaveText('指标供需形势');
  const table = province.getByTestId('outlook');
  await expect(table.locator('tbody tr')).toHaveCount(11);
  const taiyuan = table.locator('tbody tr[data-city="太原市"]');
  await expect(taiyuan.locator('[data-col=declared]')).toHaveText('50,000.125 亩');
  // No county of 太原市 has quota: the demand cannot be met there.
  await expect(taiyuan.locator('[data-level]')).toHaveText('短缺：计入在审项目区仍不足');
  await expect(province.getByTestId('outlook-totals').locator('[data-col=declared]')).toContainText('50,000.125');
  await expect(province.getByTestId('outlook-flagged')).toContainText('个市将偏紧或短缺');
  await province.locator('summary', { hasText: '太原市' }).click();
  await expect(province.locator('[data-zone="山西转型综改示范区"]')).toContainText('50,000.125');

  // 忻州市's bureau sees its own city only.
  const city = await signedIn(browser, 'xinzhou');
  await city.goto('/province/outlook');
  await expect(city.getByTestId('outlook').locator('tbody tr')).toHaveCount(1);
  await expect(city.getByTestId('outlook').locator('tbody tr[data-city="忻州市"]')).toBeVisible();
});
