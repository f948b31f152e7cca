// Price guidance and the dashboards in a real browser: the province publishes guidance, a
// reserve below its floor is refused naming it, a known trade is made, and its figures appear in the
// dashboard's tables and in their CSV and Excel exports, for the province, the county and the zone.
// Runs last (files run in name order), when the server's clock has been moved on by the others.
import { expect, test } from '@playwright/test';
import { advanceClock, confirmDialog, signedIn } from './fixtures';

const DAY = 86_400_000;

test('guidance → refused reserve → known trade → dashboards, exports and public statistics', async ({ browser }) => {
  const province = await signedIn(browser, 'province');
  const county = await signedIn(browser, 'hequ');
  const zone = await signedIn(browser, 'zone2');
  // A quarter of its own: the other journeys' sales (in whatever month their clock left) stay out of the
  // monthly and quarterly rows this one checks. 09:00 China time on the first day of the next quarter.
  const { now: before } = await advanceClock(province, 0);
  const cst = new Date(before + 8 * 3_600_000);
  const nextQuarter = (Math.floor(cst.getUTCMonth() / 3) + 1) * 3;
  const { now } = await advanceClock(province, Date.UTC(cst.getUTCFullYear(), nextQuarter, 1, 1) - before);
  const today = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);

  // The province publishes guidance from today for every land type.
  await province.goto('/province/guidance');
  const g = province.getByTestId('guidance-form');
  await expect(g.getByRole('button', { name: '公布' })).toBeEnabled();
  await g.getByLabel('执行开始日期').fill(today);
  await g.getByLabel('指导价（元/亩）').fill('32000');
  await g.getByLabel('最低价（元/亩）').fill('21000');
  await g.getByLabel('文号').fill('晋自然资发〔e2e〕7号');
  await g.getByRole('button', { name: '公布' }).click();
  await confirmDialog(province, '确认公布');
  await expect(g.getByRole('status')).toContainText('指导价已公布');
  await expect(province.getByTestId('guidance-in-force')).toContainText('21,000.00');
  await expect(province.getByTestId('guidance-history')).toContainText('晋自然资发〔e2e〕7号');

  // A reserve below the floor is refused with the floor named; a known listing is taken.
  await county.goto('/county');
  await expect(county.getByTestId('guidance-in-force')).toContainText('21,000.00');
  const form = county.getByTestId('create-listing-form');
  await expect(form.getByRole('button', { name: '提交挂牌' })).toBeEnabled();
  await form.locator('select[name=lotId]').selectOption({ index: 0 });
  await form.locator('input[name=qty]').fill('12.345');
  await form.locator('input[name=reservePrice]').fill('20500');
  await form.locator('input[name=minLot]').fill('12.345');
  await form.locator('input[name=increment]').fill('100');
  await form.getByRole('button', { name: '提交挂牌' }).click();
  await expect(form.locator('p.error')).toContainText('低于省厅指导价下限（21,000.00 元/亩');
  await form.locator('input[name=reservePrice]').fill('31234.5');
  await form.getByRole('button', { name: '提交挂牌' }).click();
  const created = form.getByRole('status');
  await expect(created).toContainText('等待省厅审核');
  const code = /GP\d{4}-\d{5}/.exec((await created.textContent()) ?? '')![0];
  await province.goto('/province');
  const item = province.locator(`[data-testid=review-item][data-code="${code}"]`);
  await item.getByRole('button', { name: '批准' }).click();
  await confirmDialog(province, '确认批准');
  await expect(item.getByRole('status')).toContainText('已批准');

  // The zone sees the guidance beside the price, buys it all and pays.
  await zone.goto('/market');
  const row = zone.getByTestId('market-row').filter({ hasText: code });
  await expect(row.getByTestId('guidance-note')).toContainText('最低 21,000.00 元/亩');
  await row.getByRole('link', { name: code }).click();
  await zone.waitForURL(/\/listings\/\d+$/);
  await expect(zone.getByRole('button', { name: '出价', exact: true })).toBeEnabled();
  await zone.locator('input[name=price]').fill('31234.5');
  await zone.locator('input[name=qty]').fill('12.345');
  await zone.getByRole('button', { name: '出价', exact: true }).click();
  await confirmDialog(zone, '确认出价');
  await expect(zone.getByText('出价成功')).toBeVisible();
  await advanceClock(zone, 8 * DAY);
  await zone.goto('/trades');
  const trade = zone.getByTestId('trade-row').filter({ hasText: code });
  await trade.getByRole('button', { name: '付款' }).click();
  await confirmDialog(zone, '确认付款');
  await expect(trade).toContainText('已结算');

  // The province's dashboards: the trade in the monthly table, the city spread, proceeds; charts drawn.
  await province.goto('/dashboard');
  const monthly = province.getByTestId('report-monthly');
  await expect(monthly).toContainText('12.345');
  await expect(monthly).toContainText('31,234.50');
  await expect(province.getByTestId('report-cities')).toContainText('忻州市');
  await expect(monthly).toContainText('385,589.90'); // 12.345 mu × 31,234.50 元/亩, to the fen
  // Received this year, in 万元 as the chart above it: the sale (385,589.90 元, to the yuan 38.5590 万元), and any
  // deposit forfeited by a lapsed award of the earlier journeys (whole tens of thousands of 元).
  await expect(province.getByTestId('report-proceeds').locator('tr', { hasText: '河曲县' })).toContainText(/\d\.5590/);
  await expect(province.getByTestId('report-targets')).toContainText('河曲县');
  await expect(province.getByTestId('report-assessment')).toBeVisible();
  await expect(province.getByTestId('report-obligations')).toBeVisible();
  await expect(province.getByTestId('section-prices').locator('svg.recharts-surface').first()).toBeVisible();

  // The exports carry the same figures.
  const csvHref = await province.getByTestId('export-monthly-csv').getAttribute('href');
  const csv = await province.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  const csvText = await csv.text();
  expect(csvText).toContain('12.345');
  expect(csvText).toContain('31234.5');
  const xlsxHref = await province.getByTestId('export-assessment-xlsx').getAttribute('href');
  const xlsx = await province.request.get(xlsxHref!);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');

  // The county and the zone see their own part; the export refuses what the role may not read.
  await county.goto('/dashboard');
  await expect(county.getByTestId('report-monthly')).toContainText('12.345');
  await expect(county.getByTestId('report-assessment')).toHaveCount(0);
  expect((await county.request.get('/api/export/assessment?format=csv')).status()).toBe(403);
  await zone.goto('/dashboard');
  await expect(zone.getByTestId('report-monthly')).toContainText('12.345');

  // Signed out: the public statistics page.
  const visitor = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await visitor.goto('/stats');
  await expect(visitor.getByRole('heading', { name: '节余指标交易统计' })).toBeVisible();
  await expect(visitor.getByTestId('report-quarters')).toContainText('12.345');
  await expect(visitor.getByTestId('guidance-in-force')).toContainText('21,000.00');
});
