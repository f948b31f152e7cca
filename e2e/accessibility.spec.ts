// Accessibility of the main pages of each role, checked with axe-core against WCAG 2.1 A and AA: no
// violation of impact "serious" or "critical" on any of them, in Chinese and (for the sign-in page and
// the market) in English. The pages are only read, so the journeys after this file see the demo as
// seeded. A failure lists each violation with its rule, impact, help text and the first elements.
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type Page, expect, test } from '@playwright/test';
import { LOCALE_COOKIE } from '../lib/i18n/define';
import { signedIn } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SHOWN_TARGETS = 5;

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

function describe(v: Violation): string {
  const targets = v.nodes.slice(0, SHOWN_TARGETS).map((n) => n.target.join(' '));
  const more = v.nodes.length > SHOWN_TARGETS ? ` … and ${v.nodes.length - SHOWN_TARGETS} more` : '';
  return `${v.id} [${v.impact}] ${v.help} (${v.helpUrl}) — ${v.nodes.length} element(s): ${targets.join(' | ')}${more}`;
}

/** Opens `path` and records (softly, so one run reports every page) its serious and critical violations. */
async function audit(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('main')).toBeVisible();
  // The charts are drawn after the page has loaded (components/charts.tsx): check them as drawn.
  const placeholders = page.locator('.chart-placeholder');
  await expect(placeholders).toHaveCount(0);
  const lang = await page.locator('html').getAttribute('lang');
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map(describe);
  expect.soft(found, `axe on ${path} (lang ${lang})`).toEqual([]);
  // What axe leaves alone: a chart's keyboard-reachable SVG (role application) must say what it shows,
  // and the language switch, labelled in the other language, must say which.
  for (const chart of await page.getByRole('application').all()) await expect.soft(chart, `a chart on ${path} without a name`).toHaveAccessibleName(/\S/);
  await expect.soft(page.getByTestId('switch-language'), `the language switch on ${path}`).toHaveAttribute('lang', lang === 'en' ? 'zh-CN' : 'en');
}

async function signedOut(browser: Browser, locale: 'zh' | 'en'): Promise<Page> {
  const context = await browser.newContext({ locale: locale === 'zh' ? 'zh-CN' : 'en-US', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  if (locale === 'en') await context.addCookies([{ name: LOCALE_COOKIE, value: 'en', url: test.info().project.use.baseURL! }]);
  return page;
}

/** Switches the page's language with the header's switch, as a user does. */
async function switchLanguage(page: Page, to: 'zh' | 'en') {
  await page.getByTestId('switch-language').click();
  await expect(page.locator('html')).toHaveAttribute('lang', to === 'zh' ? 'zh-CN' : 'en');
}

test('signed out: sign-in, announcements and public statistics, in both languages', async ({ browser }) => {
  for (const locale of ['zh', 'en'] as const) {
    const page = await signedOut(browser, locale);
    await audit(page, '/login');
    await audit(page, '/announcements');
    await audit(page, '/stats');
    await page.context().close();
  }
});

test('province: review, users, funds, guidance, dashboards and audit', async ({ browser }) => {
  const page = await signedIn(browser, 'province');
  for (const path of ['/province', '/province/users', '/province/funds', '/province/guidance', '/province/settings', '/dashboard', '/province/audit']) await audit(page, path);
  // The province's dashboards draw every chart there is; each is named after its section.
  await page.goto('/dashboard');
  for (const name of ['成交价格走势（对照指导价）', '月度成交量与累计成交量', '各市成交价格分布', '各县交易收益及使用', '贫困县年度交易目标完成情况', '复垦验收到期与逾期']) {
    // Its SVG description (which Playwright's name computation does not read) points to the table.
    await expect(page.getByRole('application', { name, exact: true }).locator(':scope > desc')).toHaveText('图中各项数据见下方表格。');
  }
  await page.context().close();
});

test('the supply and demand outlook: the province’s and a city bureau’s', async ({ browser }) => {
  for (const username of ['province', 'xinzhou']) {
    const page = await signedIn(browser, username);
    await audit(page, '/province/outlook');
    await page.context().close();
  }
});

test('county: quota, listings, projects, a project, proceeds, messages and password', async ({ browser }) => {
  const page = await signedIn(browser, 'pianguan');
  for (const path of ['/county', '/county/listings', '/projects']) await audit(page, path);
  await page.goto('/projects');
  const project = await page.locator('main a[href^="/projects/"]').filter({ hasNotText: /新建/ }).first().getAttribute('href');
  expect(project).toMatch(/^\/projects\/\d+$/);
  await audit(page, project!);
  for (const path of ['/ledger', '/messages', '/account/password']) await audit(page, path);
  await page.context().close();
});

test('zone: market, the open auction, bids, awards, funds and declared demand, market in both languages', async ({ browser }) => {
  const page = await signedIn(browser, 'zone');
  await audit(page, '/market');
  const listing = await page.getByTestId('market-row').first().locator('a[href^="/listings/"]').first().getAttribute('href');
  expect(listing).toMatch(/^\/listings\/\d+$/);
  await audit(page, listing!);
  for (const path of ['/bids', '/trades', '/ledger', '/demand']) await audit(page, path);
  await page.goto('/market');
  await switchLanguage(page, 'en');
  await audit(page, '/market');
  await audit(page, listing!);
  await page.context().close();
});
