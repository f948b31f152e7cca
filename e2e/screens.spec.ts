// Every screen says what it means, as officials read it in Chromium: one year for the whole dashboard,
// units on every table and chart, field errors by their label beside the field, the audit log in
// words, one name per land type, a not-found page and title in the reader's language, the county's
// proceeds as an account statement.
import { expect, test } from '@playwright/test';
import { advanceClock, confirmDialog, signedIn } from './fixtures';

const DAY = 86_400_000;
const yearOfCst = (ms: number) => new Date(ms + 8 * 3_600_000).getUTCFullYear();

test('field errors: each beside its field and listed by its label, all at once, with the real reason', async ({ browser }) => {
  const county = await signedIn(browser, 'pianguan');
  await county.goto('/county');
  const form = county.getByTestId('create-listing-form');
  await expect(form.getByRole('button', { name: '提交挂牌' })).toBeEnabled();
  await form.locator('input[name=qty]').fill('-5');
  await form.locator('input[name=reservePrice]').fill('99999999999999');
  await form.locator('input[name=minLot]').fill('1.2345');
  await form.locator('input[name=increment]').fill('abc');
  await form.getByRole('button', { name: '提交挂牌' }).click();
  const beside = (label: string) => form.locator('label', { hasText: label }).locator('.field-error');
  await expect(beside('挂牌数量（亩）')).toHaveText('不能为负数。');
  await expect(beside('底价（元/亩）')).toHaveText('不能超过 10,000,000。');
  await expect(beside('最小成交量（亩）')).toHaveText('最多 3 位小数。');
  await expect(beside('加价幅度')).toHaveText('请输入数字。');
  await expect(form.locator('input[name=qty]')).toHaveAttribute('aria-invalid', 'true');
  const list = form.getByTestId('form-errors');
  await expect(list).toContainText('挂牌数量（亩）：不能为负数。');
  await expect(list).toContainText('底价（元/亩）：不能超过 10,000,000。');
  // No internal field name anywhere in the form.
  await expect(form).not.toContainText(/reservePrice|minLot|qty:|amount:|输入有误：_/);

  // The project form: a negative area is no total, and every field's reason comes in one round.
  await county.goto('/projects/new');
  const plan = county.getByTestId('project-form');
  await expect(plan.getByRole('button', { name: '创建项目区' })).toBeEnabled();
  await plan.getByLabel('面积（亩） 1', { exact: true }).fill('-3');
  await expect(county.getByTestId('total-area')).toHaveText('—');
  await expect(county.getByTestId('totals-note')).toBeVisible();
  await plan.getByLabel('复垦为耕地（亩） 1', { exact: true }).fill('1');
  await plan.getByLabel('耕地质量等级 1', { exact: true }).fill('11');
  await plan.getByRole('button', { name: '创建项目区' }).click();
  const errors = plan.getByTestId('form-errors');
  await expect(errors).toContainText('项目区名称：此项必填。');
  await expect(errors).toContainText('面积（亩） 1：不能为负数。');
  await expect(errors).toContainText('耕地质量等级 1：耕地质量等级为 1—10 的整数。');
  await expect(plan.locator('.field-error[data-field="plots.0.area"]')).toHaveText('不能为负数。');

  // Settings with letters: the reason beside the field, not a bare 输入有误.
  const province = await signedIn(browser, 'province');
  await province.goto('/province/settings');
  const settings = province.locator('form', { has: province.locator('input[name=depositRate]') });
  await expect(settings.getByRole('button', { name: '记录' })).toBeEnabled();
  await settings.locator('input[name=depositRate]').fill('二十');
  await settings.locator('input[name=paymentDays]').fill('-1');
  await settings.getByRole('button', { name: '记录' }).click();
  await expect(settings.locator('label', { hasText: '竞买保证金比例（%）' }).locator('.field-error')).toHaveText('请输入数字。');
  await expect(settings.locator('label', { hasText: '付款期限（天）' }).locator('.field-error')).toHaveText('不能为负数。');
  await expect(settings.getByTestId('form-errors')).not.toContainText('输入有误');
});

test('a sale seen by the county as a statement, by the province in words and on a dashboard of one year with units', async ({ browser }) => {
  const county = await signedIn(browser, 'pianguan');
  const province = await signedIn(browser, 'province');
  const zone = await signedIn(browser, 'zone');

  // 偏关县 lists 1 mu at 26,500 元/亩; the province approves it.
  await county.goto('/county');
  const form = county.getByTestId('create-listing-form');
  await expect(form.getByRole('button', { name: '提交挂牌' })).toBeEnabled();
  await form.locator('select[name=lotId]').selectOption({ index: 0 });
  await form.locator('input[name=qty]').fill('1');
  await form.locator('input[name=reservePrice]').fill('26500');
  await form.locator('input[name=minLot]').fill('1');
  await form.locator('input[name=increment]').fill('100');
  await form.getByRole('button', { name: '提交挂牌' }).click();
  const created = form.getByRole('status');
  await expect(created).toContainText('等待省厅审核');
  const code = /GP\d{4}-\d{5}/.exec((await created.textContent()) ?? '')![0];
  await province.goto('/province');
  const item = province.locator(`[data-testid=review-item][data-code="${code}"]`);
  await item.getByRole('button', { name: '批准' }).click();
  await confirmDialog(province, '确认批准');
  await expect(item.getByRole('status')).toContainText('已批准');

  // The zone reads the price hint with its thousands separator, bids, and pays once it is awarded.
  await zone.goto('/market');
  await zone.getByTestId('market-row').filter({ hasText: code }).getByRole('link', { name: code }).click();
  await zone.waitForURL(/\/listings\/\d+$/);
  await expect(zone.locator('label', { hasText: '单价' }).locator('small')).toContainText('26,500.00 元/亩');
  await expect(zone.getByRole('button', { name: '出价', exact: true })).toBeEnabled();
  await zone.locator('input[name=price]').fill('26500');
  await zone.locator('input[name=qty]').fill('1');
  await zone.getByRole('button', { name: '出价', exact: true }).click();
  await confirmDialog(zone, '确认出价');
  await expect(zone.getByText('出价成功')).toBeVisible();
  const { now } = await advanceClock(zone, 8 * DAY);
  await zone.goto('/trades');
  const trade = zone.getByTestId('trade-row').filter({ hasText: code });
  await trade.getByRole('button', { name: '付款' }).click();
  await confirmDialog(zone, '确认付款');
  await expect(trade).toContainText('已结算');

  // The county's 收益台账: one statement line for the sale, the trade linked, the buyer, the balance.
  await county.goto('/ledger');
  const line = county.getByTestId('statement-line').filter({ hasText: '+26,500.00' }).first();
  await expect(line).toContainText('成交价款');
  await expect(line).toContainText('山西转型综改示范区');
  await expect(line.getByRole('link', { name: /^QX\d{4}-\d{6}$/ })).toBeVisible();
  await expect(line.locator('td').last()).toHaveText(/^\d{1,3}(,\d{3})*\.\d{2}$/);
  // A settlement is one line, not two unlabelled 交易收益 lines; the journal is behind a link.
  await expect(county.getByTestId('proceeds-statement')).not.toContainText('交易收益');
  await expect(county.getByTestId('journal')).toHaveCount(0);
  await county.getByRole('link', { name: '记账分录（供审计核对）' }).click();
  await expect(county.getByTestId('journal')).toContainText('成交结算');
  await county.getByRole('link', { name: '返回交易收益对账单' }).click();
  await expect(county.getByTestId('proceeds-statement')).toBeVisible();

  // The dashboard without a year: this year everywhere, the assessment too, 偏关县's sale in it.
  const year = yearOfCst(now);
  await province.goto('/dashboard');
  await expect(province.getByTestId('dashboard-filter').locator('select[name=year]')).toHaveValue(String(year));
  await expect(province.getByTestId('report-monthly').locator('caption')).toHaveText(`月度成交 ${year}`);
  const assessment = province.getByTestId('report-assessment');
  await expect(assessment.locator('caption')).toHaveText(`年度考核 ${year}`);
  await expect(assessment.locator('tr', { hasText: '偏关县' }).locator('td').nth(3)).not.toHaveText('0.000');
  // The assessment is of a completed year: the page says so and offers it.
  const note = province.getByTestId('assessment-year-not-over');
  await expect(note).toContainText(`${year} 年度尚未结束`);
  // Units on every table: 亩, 元/亩, and proceeds in 万元 like the chart above them.
  await expect(province.getByTestId('report-monthly').locator('thead')).toContainText('成交量（亩）');
  await expect(province.getByTestId('report-monthly').locator('thead')).toContainText('价格中位数（元/亩）');
  await expect(province.getByTestId('report-cities').locator('thead')).toContainText('最低（元/亩）');
  await expect(province.getByTestId('report-proceeds').locator('thead')).toContainText('本年收益（万元）');
  await expect(province.getByTestId('section-proceeds')).toContainText('收益（万元）');
  // The price chart draws the guidance band its legend names.
  const prices = province.getByTestId('section-prices');
  await expect(prices.locator('.recharts-legend-wrapper').first()).toContainText('指导价区间');
  await expect(prices.locator('path.recharts-area-area').first()).toHaveAttribute('d', /\d/);
  await note.getByRole('link', { name: `查看 ${year - 1} 年度考核` }).click();
  await expect(province.getByTestId('report-assessment').locator('caption')).toHaveText(`年度考核 ${year - 1}`);
  await expect(province.getByTestId('dashboard-filter').locator('select[name=year]')).toHaveValue(String(year - 1));

  // The audit log in words: who did what to which record (linked by its number), before → after.
  await province.goto('/province/audit');
  const log = province.getByTestId('audit-log');
  await expect(province.getByRole('main')).not.toContainText(/npm run|bid\.place|bank_transfer|listing #|\{"/);
  const bid = log.locator('[data-action="bid.place"]').first();
  await expect(bid).toContainText('竞价出价');
  await expect(bid).toContainText('综改区土地分局 · 山西转型综改示范区');
  await expect(bid.getByRole('link', { name: `${code} 的竞价出价（竞买号 001）` })).toHaveAttribute('href', /\/listings\/\d+$/);
  await expect(bid).toContainText('26,500.00 元/亩');
  const settle = log.locator('[data-action="trade.settle"]').first();
  await expect(settle).toContainText('付款结算');
  await expect(settle).toContainText('待付款 → 已结算');
  await province.getByTestId('audit-filter').locator('select[name=action]').selectOption({ label: '复核确认资金入账' });
  await province.getByTestId('audit-filter').getByRole('button', { name: '筛选' }).click();
  await expect(log.locator('[data-action]').first()).toContainText('复核确认资金入账');
  await expect(log.locator('[data-action]:not([data-action="funds.confirm"])')).toHaveCount(0);
});

test('public statistics with units, updated on settlement', async ({ browser }) => {
  const visitor = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await visitor.goto('/stats');
  await expect(visitor.getByRole('main')).not.toContainText('每日更新');
  await expect(visitor.getByRole('main')).toContainText('结算后即时更新');
  await expect(visitor.getByTestId('report-quarters').locator('thead')).toContainText('成交量（亩）');
  await expect(visitor.getByTestId('report-quarters').locator('thead')).toContainText('价格中位数（元/亩）');
});

test('one name per land type; a zone told what is true for it; not found, title and icon in the reader’s language', async ({ browser }) => {
  const county = await signedIn(browser, 'pianguan');
  await county.goto('/projects/new');
  await expect(county.getByTestId('project-form').locator('select[name=landType]')).toContainText('一般耕地');
  await county.goto('/county');
  await expect(county.getByRole('main')).toContainText('一般耕地');
  await county.goto('/projects/1');
  await expect(county.getByRole('main')).toContainText('一般耕地');
  for (const page of ['/projects/new', '/county', '/projects/1']) {
    await county.goto(page);
    await expect(county.locator('body')).not.toContainText('普通耕地');
  }

  const zone = await signedIn(browser, 'zone');
  await zone.goto('/holdings/999999');
  await expect(zone.getByRole('main').getByRole('alert')).toHaveText('未找到该指标批次，或本单位未购得该批次的指标。');

  // An address that is no page: in Chinese, with the way back to the zone's home.
  const missing = await zone.goto('/no-such-page');
  expect(missing?.status()).toBe(404);
  await expect(zone.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  await zone.getByRole('link', { name: '返回交易大厅' }).click();
  await zone.waitForURL(/\/market$/);
  await expect(zone).toHaveTitle('指标交易平台');

  // The favicon is served.
  const icon = await zone.locator('link[rel=icon]').first().getAttribute('href');
  const got = await zone.request.get(icon!);
  expect(got.status()).toBe(200);
  expect(got.headers()['content-type']).toContain('svg');

  // In English: the title and the not-found page, with the way back for someone signed out.
  const context = await browser.newContext({ locale: 'en-GB' });
  await context.addCookies([{ name: 'qx-lang', value: 'en', url: zone.url() }]);
  const visitor = await context.newPage();
  await visitor.goto('/nothing-here');
  await expect(visitor).toHaveTitle('Quota Exchange');
  await expect(visitor.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(visitor.getByRole('link', { name: 'Back to Announcements' })).toHaveAttribute('href', '/announcements');
});
