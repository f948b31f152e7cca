// A zone's incoming transfer in the browser, maker and checker: the province's trading official records
// it, it waits (not yet in the zone's free funds) with no confirm button for its proposer; the checker
// confirms it and the zone's funds rise. A second one is rejected with a reason, and its reference is
// recorded again.
import { type Page, expect, test } from '@playwright/test';
import { confirmDialog, signedIn } from './fixtures';

const ZONE = '大同开发区（演示）';

/** The zone's free funds as the funds page shows them, in fen. */
async function freeFunds(page: Page) {
  const cell = page.getByTestId('zone-funds').locator('tr', { hasText: ZONE }).locator('td').nth(1);
  const text = /[\d,]+\.\d{2}/.exec((await cell.textContent()) ?? '')![0];
  return Math.round(Number(text.replace(/,/g, '')) * 100);
}

async function propose(page: Page, amount: string, bankRef: string) {
  await page.goto('/province/funds');
  const form = page.locator('form', { has: page.locator('input[name=bankRef]') });
  await expect(form.getByRole('button', { name: '登记入账' })).toBeEnabled();
  await form.locator('select[name=zoneId]').selectOption({ label: ZONE });
  await form.locator('input[name=amount]').fill(amount);
  await form.locator('input[name=bankRef]').fill(bankRef);
  await form.getByRole('button', { name: '登记入账' }).click();
  await expect(form.getByRole('status')).toContainText(`已登记 ${bankRef}，待另一名省厅工作人员复核确认后入账`);
}

test('a transfer is recorded by one official and confirmed or rejected by another', async ({ browser }) => {
  const province = await signedIn(browser, 'province');
  const checker = await signedIn(browser, 'checker');

  await province.goto('/province/funds');
  const before = await freeFunds(province);
  await propose(province, '1234567.89', 'E2E-FUNDS-0001');
  // Waiting, not free: the proposer sees it without a decision to make, the zone's funds unchanged.
  const own = province.locator('[data-testid=transfer-waiting][data-ref="E2E-FUNDS-0001"]');
  await expect(own).toContainText('本人登记，待他人复核');
  await expect(own.getByRole('button')).toHaveCount(0);
  expect(await freeFunds(province)).toBe(before);

  // The checker sees the amount in 元 and 万元, its proposer, and confirms it.
  await checker.goto('/province/funds');
  const waiting = checker.locator('[data-testid=transfer-waiting][data-ref="E2E-FUNDS-0001"]');
  await expect(waiting).toContainText('1,234,567.89');
  await expect(waiting).toContainText('123.4568');
  await expect(waiting).toContainText('省厅交易管理员');
  await waiting.getByRole('button', { name: '确认入账' }).click();
  await expect(checker.getByRole('dialog')).toContainText('1,234,567.89');
  await confirmDialog(checker, '确认入账');
  await expect(checker.getByTestId('flash')).toContainText('已确认入账 E2E-FUNDS-0001');
  await expect(waiting).toHaveCount(0);
  const confirmed = checker.locator('[data-testid=transfer-row][data-ref="E2E-FUNDS-0001"]');
  await expect(confirmed).toContainText('已入账');
  await expect(confirmed).toContainText('省厅复核员');
  expect(await freeFunds(checker)).toBe(before + 123_456_789);

  // A wrong one is rejected (a reason is needed) and its reference recorded again.
  await propose(province, '100', 'E2E-FUNDS-0002');
  await checker.goto('/province/funds');
  const wrong = checker.locator('[data-testid=transfer-waiting][data-ref="E2E-FUNDS-0002"]');
  await wrong.getByRole('button', { name: '驳回' }).click();
  await confirmDialog(checker, '驳回');
  await expect(wrong.getByRole('alert')).toContainText('驳回时必须填写理由');
  await wrong.getByLabel('驳回理由（驳回时必填）').fill('金额与银行流水不符');
  await wrong.getByRole('button', { name: '驳回' }).click();
  await expect(checker.getByRole('dialog')).toContainText('金额与银行流水不符');
  await confirmDialog(checker, '驳回');
  await expect(checker.getByTestId('flash')).toContainText('已驳回 E2E-FUNDS-0002');
  const rejected = checker.locator('[data-testid=transfer-row][data-ref="E2E-FUNDS-0002"]');
  await expect(rejected).toContainText('已驳回');
  await expect(rejected).toContainText('金额与银行流水不符');
  expect(await freeFunds(checker)).toBe(before + 123_456_789);
  await propose(province, '1000', 'E2E-FUNDS-0002');
  await expect(province.locator('[data-testid=transfer-waiting][data-ref="E2E-FUNDS-0002"]')).toContainText('1,000.00');
});
