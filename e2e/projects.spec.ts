// Where quota comes from and what a trade obliges, in a real browser: a county drafts a
// linking project and uploads its plan → the city reviews → the province approves → the quota appears
// → it is listed and sold → the trade starts the 2-year reclamation clock → the deadline passes and the
// county is flagged → the city accepts the reclamation → the flag clears. Runs after the other
// journeys (files run in name order); it moves the server's clock by years.
import { expect, test } from '@playwright/test';
import { advanceClock, confirmDialog, signedIn } from './fixtures';

const DAY = 86_400_000;
const NAME = '保德县2026年度增减挂钩项目区（e2e）';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

test('project → review → approval → quota → sale → reclamation deadline → acceptance', async ({ browser }) => {
  test.slow(); // the longest journey: four roles over a project's whole life
  const county = await signedIn(browser, 'baode');
  const city = await signedIn(browser, 'xinzhou');
  const province = await signedIn(browser, 'province');
  const zone = await signedIn(browser, 'zone3');

  // County drafts the plan: two plots, 30 mu kept for resettlement.
  await county.goto('/projects/new');
  const form = county.getByTestId('project-form');
  await expect(form.getByRole('button', { name: '创建项目区' })).toBeEnabled();
  await form.getByLabel('项目区名称').fill(NAME);
  await form.getByLabel('涉及村庄').fill('杨家湾镇');
  await form.getByLabel('建新安置用地面积（亩）').fill('30');
  await form.getByLabel('地块编号 1', { exact: true }).fill('YJW-01');
  await form.getByLabel('所在村 1', { exact: true }).fill('杨家湾村');
  await form.getByLabel('面积（亩） 1', { exact: true }).fill('180');
  await form.getByLabel('复垦为耕地（亩） 1', { exact: true }).fill('170.5');
  await form.getByRole('button', { name: '添加地块' }).click();
  await form.getByLabel('地块编号 2', { exact: true }).fill('YJW-02');
  await form.getByLabel('所在村 2', { exact: true }).fill('杨家湾村');
  await form.getByLabel('面积（亩） 2', { exact: true }).fill('50.25');
  await form.getByLabel('复垦为耕地（亩） 2', { exact: true }).fill('40');
  // A plot that becomes farmland needs its grade: the server says so, by plot.
  await form.getByRole('button', { name: '创建项目区' }).click();
  await expect(form.getByRole('alert')).toContainText('耕地质量等级');
  await form.getByLabel('耕地质量等级 1', { exact: true }).fill('6');
  await form.getByLabel('耕地质量等级 2', { exact: true }).fill('7');
  await expect(county.getByTestId('total-surplus')).toContainText('200.250');
  await form.getByRole('button', { name: '创建项目区' }).click();
  await county.waitForURL(/\/projects\/\d+$/);
  const projectUrl = county.url();

  // Submitting needs the plan document; a non-PDF is refused; a PDF is taken.
  await expect(county.getByRole('button', { name: '提交审查' })).toBeEnabled();
  await county.getByRole('button', { name: '提交审查' }).click();
  await confirmDialog(county, '确认提交');
  await expect(county.getByRole('main').getByRole('alert')).toContainText('提交前请上传项目区实施方案（PDF）');
  const upload = county.getByTestId('upload-form');
  await upload.getByLabel('上传实施方案（PDF）').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await upload.getByRole('button', { name: '上传', exact: true }).click();
  await expect(upload.getByRole('alert')).toContainText('只能上传 PDF 文件');
  await upload.getByLabel('上传实施方案（PDF）').setInputFiles({ name: '保德县杨家湾镇实施方案.pdf', mimeType: 'application/pdf', buffer: PDF });
  await upload.getByRole('button', { name: '上传', exact: true }).click();
  await expect(county.getByTestId('documents')).toContainText('保德县杨家湾镇实施方案.pdf');
  await county.getByRole('button', { name: '提交审查' }).click();
  await confirmDialog(county, '确认提交');
  await expect(county.getByText('方案已提交，等待市级审查。')).toBeVisible();

  // The city finds it in its queue and passes it on.
  await city.goto('/projects');
  await city.getByTestId('review-queue').getByRole('link', { name: NAME }).click();
  await city.waitForURL(projectUrl);
  await expect(city.getByRole('button', { name: '审查通过，报送省厅' })).toBeEnabled();
  await city.getByRole('button', { name: '审查通过，报送省厅' }).click();
  await confirmDialog(city, '确认通过');
  await expect(city.getByText('已审查通过，报送省厅。')).toBeVisible();

  // The province approves it: the quota is issued as a lot.
  await province.goto(projectUrl);
  const review = province.getByTestId('review-form');
  await expect(review.getByRole('button', { name: '批准立项' })).toBeEnabled();
  await review.getByLabel('批准文号').fill('晋自然资函〔2026〕388号');
  await review.getByRole('button', { name: '批准立项' }).click();
  await confirmDialog(province, '确认立项');
  await expect(province.getByText('已批准立项，节余指标已下达。')).toBeVisible();
  const lotCode = ((await province.getByTestId('lot').textContent()) ?? '').match(/ZB\d{4}-\d{4}/)![0];
  await expect(province.getByTestId('history')).toContainText('省厅批准立项');

  // The county sees the new lot's 200.25 mu free, lists 100 mu, the province approves the listing.
  await county.goto('/county');
  await expect(county.getByTestId('lot-row').filter({ hasText: lotCode })).toContainText('200.250');
  const listingForm = county.getByTestId('create-listing-form');
  await expect(listingForm.getByRole('button', { name: '提交挂牌' })).toBeEnabled();
  const lotValue = await listingForm.locator('select[name=lotId] option', { hasText: lotCode }).getAttribute('value');
  await listingForm.locator('select[name=lotId]').selectOption(lotValue!);
  await listingForm.locator('input[name=qty]').fill('100');
  await listingForm.locator('input[name=reservePrice]').fill('28000');
  await listingForm.locator('input[name=minLot]').fill('100');
  await listingForm.locator('input[name=increment]').fill('500');
  await listingForm.getByRole('button', { name: '提交挂牌' }).click();
  const created = listingForm.getByRole('status');
  await expect(created).toContainText('等待省厅审核');
  const code = /GP\d{4}-\d{5}/.exec((await created.textContent()) ?? '')![0];
  await province.goto('/province');
  const item = province.locator(`[data-testid=review-item][data-code="${code}"]`);
  await item.getByRole('button', { name: '批准' }).click();
  await confirmDialog(province, '确认批准');
  await expect(item.getByRole('status')).toContainText('已批准');

  // A zone buys it all and pays.
  await zone.goto('/market');
  await zone.getByRole('link', { name: code }).click();
  await zone.waitForURL(/\/listings\/\d+$/);
  await expect(zone.getByRole('button', { name: '出价', exact: true })).toBeEnabled();
  await zone.locator('input[name=price]').fill('28000');
  await zone.locator('input[name=qty]').fill('100');
  await zone.getByRole('button', { name: '出价', exact: true }).click();
  await confirmDialog(zone, '确认出价');
  await expect(zone.getByText('出价成功')).toBeVisible();
  await advanceClock(zone, 8 * DAY);
  await zone.goto('/trades');
  const row = zone.getByTestId('trade-row').filter({ hasText: code });
  await row.getByRole('button', { name: '付款' }).click();
  await confirmDialog(zone, '确认付款');
  await expect(row).toContainText('已结算');

  // The trade started the 2-year clock; the trace shows where the units went.
  await county.goto(projectUrl);
  await expect(county.getByTestId('reclamation')).toContainText('自首次成交起 2 年');
  await city.goto(`${projectUrl}/trace`);
  await expect(city.getByTestId('trace-sales')).toContainText('大同开发区（演示）');
  await expect(city.getByTestId('trace-sales')).toContainText('100.000');

  // The zone uses 60 mu of its rights for a land application; more than it holds is refused.
  await zone.goto('/uses');
  const use = zone.getByTestId('use-form');
  await expect(use.getByRole('button', { name: '登记核销' })).toBeEnabled();
  await use.getByLabel('用地项目名称').fill('开发区标准厂房（e2e）');
  await use.getByLabel('用地批准文号').fill('晋政地〔2026〕88号');
  await use.getByLabel('核销面积（亩）').fill('100000');
  await use.getByRole('button', { name: '登记核销' }).click();
  await confirmDialog(zone, '确认核销');
  await expect(use.getByRole('alert')).toContainText('持有量不足');
  await use.getByLabel('核销面积（亩）').fill('60');
  await use.getByRole('button', { name: '登记核销' }).click();
  await confirmDialog(zone, '确认核销');
  await expect(use.getByRole('status')).toContainText('已登记核销');
  await expect(zone.getByTestId('uses')).toContainText('开发区标准厂房（e2e）');
  await city.goto(`${projectUrl}/trace`);
  await expect(city.getByTestId('trace-uses')).toContainText('开发区标准厂房（e2e）');
  await zone.goto('/uses');
  await zone.getByTestId('rights-held').locator('tr', { hasText: NAME }).getByRole('link').click();
  await expect(zone.getByTestId('holding-origin')).toContainText(NAME);
  await expect(zone.getByTestId('holding-origin')).toContainText('YJW-02');
  await expect(zone.getByTestId('holding-held')).toContainText('40.000');

  // The county records spending from its proceeds; more than it has left is refused.
  await county.goto('/proceeds');
  const spend = county.getByTestId('spend-form');
  await expect(spend.getByRole('button', { name: '登记支出' })).toBeEnabled();
  await spend.getByLabel('支出日期').fill(new Date().toISOString().slice(0, 10));
  await spend.getByLabel('金额（元）').fill('999999999');
  await spend.getByLabel('用途类别').selectOption({ label: '巩固脱贫攻坚成果' });
  await spend.getByLabel('具体用途').fill('杨家湾村饮水安全巩固提升（e2e）');
  await spend.getByLabel('预算指标文号').fill('保财预〔2026〕12号');
  await spend.getByRole('button', { name: '登记支出' }).click();
  await confirmDialog(county, '确认登记');
  await expect(spend.getByRole('alert')).toContainText('超过可用收益');
  await spend.getByLabel('金额（元）').fill('500000');
  await spend.getByRole('button', { name: '登记支出' }).click();
  await confirmDialog(county, '确认登记');
  await expect(spend.getByRole('status')).toContainText('已登记支出');
  await expect(county.getByTestId('spendings')).toContainText('杨家湾村饮水安全巩固提升（e2e）');
  await province.goto('/province/proceeds');
  await expect(province.getByTestId('proceeds-by-county').locator('tr', { hasText: '保德县' })).toContainText('500,000.00');

  // The province allocates next year's linking plan quota to the poverty counties; the county sees it.
  const nextYear = String(new Date().getFullYear() + 1);
  await province.goto('/province/plan');
  const plan = province.getByTestId('plan-form');
  await expect(plan.getByRole('button', { name: '下达' })).toBeEnabled();
  await plan.getByLabel('指标类型').selectOption({ label: '增减挂钩计划指标' });
  await plan.getByLabel('年度').fill(nextYear);
  await plan.getByLabel('下达文号').fill(`晋自然资发〔${nextYear}〕9号`);
  await plan.getByRole('button', { name: '下达' }).click();
  await confirmDialog(province, '确认下达');
  await expect(plan.getByRole('status')).toContainText('已下达');
  await expect(province.getByTestId('allocations').locator('tr', { hasText: `晋自然资发〔${nextYear}〕9号` }).first()).toBeVisible();
  // Plan quota is no proceeds: the county finds it in the journal behind its proceeds statement.
  await county.goto('/ledger');
  await county.getByRole('link', { name: '记账分录（供审计核对）' }).click();
  await expect(county.getByTestId('journal')).toContainText('计划指标下达');

  // The city approves the reclamation design; the county reports progress.
  await city.goto(projectUrl);
  const design = city.getByTestId('design-form');
  await expect(design.getByRole('button', { name: '批准复垦设计' })).toBeEnabled();
  await design.getByLabel('复垦设计批准文号').fill('忻自然资复〔2026〕21号');
  await design.getByRole('button', { name: '批准复垦设计' }).click();
  await confirmDialog(city, '确认批准');
  await expect(city.getByText('已批准复垦设计。')).toBeVisible();
  await county.goto(projectUrl);
  const progress = county.getByTestId('progress-form');
  await expect(progress.getByRole('button', { name: '报告进度' })).toBeEnabled();
  await progress.getByLabel('完成进度（%）').fill('80');
  await progress.getByLabel('进度说明').fill('拆旧完成，正在覆土');
  await progress.getByRole('button', { name: '报告进度' }).click();
  await expect(county.getByTestId('reports')).toContainText('拆旧完成，正在覆土');

  // Two years and a day later the deadline has passed: the county is flagged on its own pages and the city's.
  await advanceClock(county, 2 * 366 * DAY);
  await county.goto('/county');
  const flag = county.getByTestId('overdue-banner');
  await expect(flag).toContainText(NAME);
  await expect(flag).toContainText('暂停当地建设用地审批');
  await city.goto('/obligations');
  await expect(city.getByTestId('obligations').locator('tr', { hasText: NAME })).toContainText('逾期');

  // The city accepts the reclamation: the flag clears.
  await city.goto(projectUrl);
  const accept = city.getByTestId('accept-form');
  await expect(accept.getByRole('button', { name: '通过复垦验收' })).toBeEnabled();
  await accept.getByLabel('验收文号').fill('忻自然资验〔2028〕5号');
  await accept.getByRole('button', { name: '通过复垦验收' }).click();
  await confirmDialog(city, '确认验收');
  await expect(city.getByText('已通过复垦验收。')).toBeVisible();
  await county.goto('/county');
  await expect(county.getByTestId('overdue-banner')).toHaveCount(0);
  await city.goto('/obligations');
  await expect(city.getByTestId('obligations').locator('tr', { hasText: NAME })).toContainText('已验收');
});
