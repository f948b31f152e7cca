// Security headers: every page carries a Content-Security-Policy with a per-request nonce and
// no framing; the app works under it (sign-in, a form, the charts) with no violation reported.
import { expect, test } from '@playwright/test';
import { signedIn } from './fixtures';

test('pages carry the security headers and run under the Content-Security-Policy', async ({ browser, request }) => {
  const first = await request.get('/login');
  const second = await request.get('/login');
  const csp = first.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toContain("'unsafe-inline' 'strict-dynamic'");
  // A fresh nonce each time.
  expect(second.headers()['content-security-policy']).not.toBe(csp);
  expect(first.headers()['x-content-type-options']).toBe('nosniff');
  expect(first.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(first.headers()['x-frame-options']).toBe('DENY');
  const api = await request.get('/api/export/quarters?format=csv');
  expect(api.headers()['x-content-type-options']).toBe('nosniff');

  // Signing in, a client form and the code-split charts all run; the browser reports no violation.
  const page = await signedIn(browser, 'province');
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`Content-Security-Policy violation: ${e.violatedDirective} ${e.blockedURI}`)));
  await page.goto('/dashboard');
  await expect(page.getByTestId('section-prices').locator('svg.recharts-surface').first()).toBeVisible();
  await page.goto('/province/settings');
  await expect(page.getByRole('button').first()).toBeEnabled();
  // The market twice: the second answer is a kept page (server/web/page-cache.ts) with its own nonce, under
  // which Next.js's scripts run (it sets window.next once they have).
  const nonces: string[] = [];
  for (let i = 0; i < 2; i++) {
    const answer = await page.goto('/market');
    nonces.push(/'nonce-([^']+)'/.exec(answer?.headers()['content-security-policy'] ?? '')?.[1] ?? '');
    await expect(page.getByTestId('who')).toBeVisible();
    await expect.poll(() => page.evaluate(() => 'next' in window)).toBe(true);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
  expect(violations).toEqual([]);
});

test('failed sign-ins are throttled; signing out ends the session everywhere; a disabled user is stopped at once', async ({ browser }) => {
  const login = async (page: import('@playwright/test').Page, username: string, password: string) => {
    await page.goto('/login');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
  };

  // Five wrong passwords for one account, then even the sixth attempt is refused for a while.
  const visitor = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  for (let i = 0; i < 5; i++) {
    await login(visitor, 'throttle-e2e', `wrong-${i}`);
    await expect(visitor.getByRole('alert', { name: 'sign-in error' })).toContainText('用户名或密码错误');
  }
  await login(visitor, 'throttle-e2e', 'wrong-5');
  await expect(visitor.getByRole('alert', { name: 'sign-in error' })).toContainText('登录失败次数过多，请 15 分钟后再试');

  // The province opens an account for 河曲县; a weak password is refused.
  const province = await signedIn(browser, 'province');
  await province.goto('/province/users');
  const form = province.getByTestId('create-user-form');
  await expect(form.getByRole('button', { name: '创建' })).toBeEnabled();
  await form.getByLabel('用户名（小写字母、数字）').fill('hequ-e2e');
  await form.getByLabel('姓名或称呼').fill('河曲县测试用户');
  await form.getByLabel('所属单位').selectOption({ label: '县 · 河曲县' });
  await form.getByLabel('初始密码').fill('weak');
  await form.getByRole('button', { name: '创建' }).click();
  await expect(form.getByRole('alert')).toContainText('密码至少 8 位');
  await form.getByLabel('初始密码').fill('Hequ2026e2e');
  await form.getByRole('button', { name: '创建' }).click();
  await expect(form.getByRole('status')).toContainText('已创建用户');

  // Signed in twice (a second browser holding a copy of the session cookie); signing out ends both.
  const contextA = await browser.newContext({ locale: 'zh-CN' });
  const a = await contextA.newPage();
  await login(a, 'hequ-e2e', 'Hequ2026e2e');
  await expect(a.getByTestId('who')).toContainText('河曲县测试用户');
  const contextB = await browser.newContext({ locale: 'zh-CN', storageState: await contextA.storageState() });
  const b = await contextB.newPage();
  // The market page twice: the second answer is a kept page (server/web/page-cache.ts).
  for (let i = 0; i < 2; i++) {
    await b.goto('/market');
    await expect(b.getByTestId('who')).toContainText('河曲县测试用户');
  }
  await a.getByRole('button', { name: '退出' }).click();
  // Wait until the sign-out has been answered before trying the other copy of the session.
  await expect(a.getByTestId('who')).toHaveCount(0);
  await b.goto('/market');
  await expect(b).toHaveURL(/\/login/);

  // Signed in again, then disabled by the province: the next page is the sign-in page.
  await login(a, 'hequ-e2e', 'Hequ2026e2e');
  await expect(a.getByTestId('who')).toBeVisible();
  for (let i = 0; i < 2; i++) {
    await a.goto('/market');
    await expect(a.getByTestId('who')).toContainText('河曲县测试用户');
  }
  await province.goto('/province/users');
  const row = province.locator('tr[data-username="hequ-e2e"]');
  await row.getByRole('button', { name: '停用' }).click();
  await expect(row).toContainText('已停用');
  await a.goto('/market');
  await expect(a).toHaveURL(/\/login/);
  await login(a, 'hequ-e2e', 'Hequ2026e2e');
  await expect(a.getByRole('alert', { name: 'sign-in error' })).toContainText('用户名或密码错误');
});
