// The market settings as versioned rules in a real browser: the province reads each setting with its
// document, records a new value under a document from today (confirmed first), is refused a date in
// the past, records a far-future version that waits, looks the settings up on a date, and reads the
// history. What it changes here (the holdback, unused by the market yet, and a rate from 2099) leaves
// the journeys after this file trading as before.
import { expect, test } from '@playwright/test';
import { advanceClock, confirmDialog, resetHoldback, signedIn } from './fixtures';

test('settings with their documents: a version from today, a past date refused, a future one waiting, the value on a date, the history', async ({ browser }) => {
  const province = await signedIn(browser, 'province');
  const { now } = await advanceClock(province, 0);
  const today = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
  const yesterday = new Date(now + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);

  await province.goto('/province/settings');
  const inForce = province.getByTestId('settings-in-force');
  await expect(inForce.locator('tr[data-key=reclamationYearsAfterTrade]')).toContainText('2 年');
  await expect(inForce.locator('tr[data-key=reclamationYearsAfterTrade]')).toContainText('晋政办发〔2018〕24号');
  await expect(inForce.locator('tr[data-key=depositRateBp]')).toContainText('20%');

  // A new holdback from today, under its document, confirmed first.
  const form = province.getByTestId('settings-form');
  await expect(form.getByRole('button', { name: '记录' })).toBeEnabled();
  await form.getByLabel('验收前暂扣价款比例（%）').fill('5');
  await form.getByLabel('依据文号').fill('晋自然资发〔e2e〕9号');
  await expect(form.getByLabel('生效日期')).toHaveValue(today);
  await form.getByRole('button', { name: '记录' }).click();
  const dialog = province.getByRole('dialog');
  await expect(dialog).toContainText('0% → 5%');
  await expect(dialog).toContainText('晋自然资发〔e2e〕9号');
  await expect(dialog).toContainText('今天，立即生效');
  await confirmDialog(province, '确认记录');
  await expect(form.getByRole('status')).toContainText('已记录');
  await expect(inForce.locator('tr[data-key=holdbackBp]')).toContainText('5%');
  await expect(inForce.locator('tr[data-key=holdbackBp]')).toContainText('晋自然资发〔e2e〕9号');

  // A date before today is refused beside the form, in words; nothing is recorded.
  await form.getByLabel('验收前暂扣价款比例（%）').fill('6');
  await form.getByLabel('依据文号').fill('晋自然资发〔e2e〕11号');
  await form.getByLabel('生效日期').fill(yesterday);
  await form.getByRole('button', { name: '记录' }).click();
  await expect(form).toContainText('生效日期不能早于今天');
  await expect(province.getByTestId('settings-history')).not.toContainText('晋自然资发〔e2e〕11号');

  // A deposit rate from 2099 waits for its date: recorded, pending, not in force.
  await form.getByLabel('验收前暂扣价款比例（%）').fill('5');
  await form.getByLabel('竞买保证金比例（%）').fill('30');
  await form.getByLabel('依据文号').fill('晋自然资发〔e2e〕10号');
  await form.getByLabel('生效日期').fill('2099-01-01');
  await form.getByRole('button', { name: '记录' }).click();
  await expect(dialog).toContainText('20% → 30%');
  await confirmDialog(province, '确认记录');
  await expect(province.getByTestId('settings-pending')).toContainText('晋自然资发〔e2e〕10号');
  await expect(inForce.locator('tr[data-key=depositRateBp]')).toContainText('20%');

  // The value on a date, with its document.
  const lookup = province.getByTestId('settings-lookup');
  await lookup.getByLabel('日期').fill('2099-01-01');
  await lookup.getByRole('button', { name: '查询' }).click();
  const onDate = province.getByTestId('settings-on-date');
  await expect(onDate.locator('tr[data-key=depositRateBp]')).toContainText('30%');
  await expect(onDate.locator('tr[data-key=depositRateBp]')).toContainText('晋自然资发〔e2e〕10号');
  await lookup.getByLabel('日期').fill(yesterday);
  await lookup.getByRole('button', { name: '查询' }).click();
  await expect(onDate.locator('tr[data-key=holdbackBp]')).toContainText('0%');
  await expect(onDate.locator('tr[data-key=depositRateBp]')).toContainText('20%');

  // The history: every version, who recorded it, when.
  const history = province.getByTestId('settings-history');
  await expect(history.locator('tr[data-key=depositRateBp]')).toContainText('晋自然资发〔e2e〕10号');
  await expect(history.locator('tr[data-key=holdbackBp]')).toContainText('晋自然资发〔e2e〕9号');
  await expect(history.locator('tr[data-key=holdbackBp]')).toContainText('省厅');

  // No holdback from today on again, as the journeys that follow expect.
  await resetHoldback(province);
});
