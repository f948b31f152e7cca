import { type Browser, type Page, expect } from '@playwright/test';
import { E2E_CLOCK_TOKEN } from './clock-token';

export const PASSWORD = 'Demo@2026';

/** A signed-in page in its own browser context, so each role has its own cookies. */
export async function signedIn(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('who')).toBeVisible();
  return page;
}

/** Moves the server's clock forward (the server runs with QX_TEST_CLOCK=1 and this token under Playwright). */
export async function advanceClock(page: Page, ms: number) {
  const res = await page.request.post('/api/test-clock', { data: { advanceMs: ms }, headers: { 'x-test-clock-token': E2E_CLOCK_TOKEN } });
  expect(res.ok()).toBeTruthy();
  return (await res.json()) as { now: number };
}
