// The province's market-integrity screens in a real browser: from the navigation to the page, the
// demo's past year (negotiated listings each taken by a single offer at the reserve) flagged red and
// worded, the flag opened to the listings behind it, one of them followed to its listing page; the
// thresholds' form refuses an amber band past the red one beside the field.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { advanceClock, signedIn } from './fixtures';

const DAY = 86_400_000;

test('the province sees a flag on the integrity page and follows it to a listing', async ({ browser }) => {
  const province = await signedIn(browser, 'province');
  const { now } = await advanceClock(province, 0);
  // A year the demo's history (the 12 months before this one) certainly reaches.
  const year = new Date(now - 45 * DAY + 8 * 3_600_000).getUTCFullYear();

  await province.goto('/province');
  await province.getByRole('link', { name: '诚信筛查' }).click();
  await province.waitForURL(/\/province\/integrity$/);
  await expect(province.getByRole('heading', { level: 1 })).toHaveText('市场诚信筛查');
  const filter = province.getByTestId('integrity-filter');
  await filter.locator('select[name=year]').selectOption(String(year));
  await filter.getByRole('button', { name: '查看' }).click();
  await province.waitForURL(new RegExp(`year=${year}`));
  await expect(province.getByTestId('integrity-period')).toContainText(String(year));

  // The province-wide single-bidder share is red, in words as well as colour.
  const total = province.getByTestId('integrity-total-table').locator('td[data-metric=singleBidder]');
  await expect(total).toHaveAttribute('data-level', 'red');
  await expect(total).toContainText('红色·警示');
  // Accessible as the other pages are (e2e/accessibility.spec.ts): no serious or critical axe violation.
  const axe = await new AxeBuilder({ page: province }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);

  // A county's red flag opens to its listings; one is followed to its page.
  const flag = province.getByTestId('integrity-counties').locator('td[data-metric=singleBidder][data-level=red]').first();
  await expect(flag).toContainText('红色·警示');
  await flag.getByText(/所依据的挂牌/).click();
  const link = flag.getByRole('link').first();
  await expect(link).toBeVisible();
  const code = (await link.textContent())!.trim();
  expect(code).toMatch(/^GP\d{4}-\d{5}$/);
  await link.click();
  await province.waitForURL(/\/listings\/\d+$/);
  await expect(province.getByRole('heading', { level: 1 })).toContainText(code);

  // The thresholds' form: an amber band past the red one is refused beside the red field; nothing saved.
  await province.goBack();
  const form = province.getByTestId('integrity-thresholds-form');
  await expect(form.getByRole('button', { name: '保存阈值' })).toBeEnabled();
  await form.locator('input[name=singleBidderAmberBp]').fill('30');
  await form.getByRole('button', { name: '保存阈值' }).click();
  await expect(form.locator('[data-field=singleBidderRedBp]')).toContainText('关注（黄色）阈值须比警示（红色）阈值宽松');
});
