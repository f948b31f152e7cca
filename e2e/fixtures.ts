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

/** A tRPC call as the page's user: queries are GETs, mutations POSTs (for setting up what a test needs). */
export async function trpc<T>(page: Page, procedure: string, input?: unknown): Promise<T> {
  const res =
    input === undefined
      ? await page.request.get(`/api/trpc/${procedure}`)
      : await page.request.post(`/api/trpc/${procedure}`, { data: input });
  expect(res.ok(), `${procedure}: ${await res.text()}`).toBeTruthy();
  return ((await res.json()) as { result: { data: T } }).result.data;
}

/** Confirms the open confirmation dialog with its button `name` and waits until it closes, its action answered. */
export async function confirmDialog(page: Page, name: string) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name, exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** No holdback of proceeds from today on, as the journeys that follow expect (a province page). */
export async function resetHoldback(province: Page) {
  const { now } = await advanceClock(province, 0);
  const today = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
  await trpc(province, 'settings.addVersion', { holdbackBp: 0, documentNo: '晋自然资发〔e2e〕0号', effectiveDate: today });
}
