// The open API in a real browser and over HTTP: a zone user makes a key on the API keys page (confirmed
// first), copies the secret shown once, and another system calls /api/v1 with it; the key is revoked
// on the page and the next call is refused at once. The description page lists the operations.
import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { confirmDialog, signedIn } from './fixtures';

/** No serious or critical WCAG 2.1 A/AA violation on the page as it stands. */
async function accessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
}

test('a zone makes a key, another system calls with it, the key is revoked and refused', async ({ browser, request }) => {
  const zone = await signedIn(browser, 'zone3');
  await zone.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await zone.getByRole('link', { name: '接口密钥' }).click();
  await expect(zone.getByRole('heading', { name: '接口密钥' })).toBeVisible();

  const form = zone.getByTestId('api-key-form');
  await expect(form.getByRole('button', { name: '创建密钥' })).toBeEnabled();
  await form.getByLabel('名称（如调用系统）').fill('用地审批系统');
  await form.getByLabel(/^read:own/).check();
  // Days out of range are refused beside the field, before any dialog; full-width digits are read as typed.
  const days = form.getByLabel('有效天数（最长 365 天）');
  await days.fill('0');
  await form.getByRole('button', { name: '创建密钥' }).click();
  await expect(form.getByText('请输入 1–365 的整数天数。').first()).toBeVisible();
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  await days.fill('３０');
  await form.getByRole('button', { name: '创建密钥' }).click();
  await confirmDialog(zone, '创建');

  const shown = zone.getByTestId('api-key-secret');
  await expect(shown).toContainText('只显示这一次');
  await shown.getByRole('button', { name: '复制' }).click();
  await expect(shown.getByRole('button', { name: '已复制' })).toBeVisible();
  const secret = await zone.evaluate(() => navigator.clipboard.readText());
  expect(secret).toBe(await zone.getByTestId('api-key-secret-value').textContent());
  expect(secret).toMatch(/^qx_/);
  const row = zone.locator(`tr[data-key-prefix="${secret.slice(0, 8)}"]`);
  await expect(row.getByTestId('api-key-status')).toHaveText('有效');
  await accessible(zone);

  // Another system, with the key alone (no cookies).
  const doc = await request.get('/api/v1/openapi.json');
  expect(doc.ok()).toBeTruthy();
  expect(((await doc.json()) as { openapi: string }).openapi).toBe('3.1.0');
  const listings = await request.get('/api/v1/listings', { headers: { authorization: `Bearer ${secret}` } });
  expect(listings.status()).toBe(200);
  const holdings = await request.get('/api/v1/holdings', { headers: { authorization: `Bearer ${secret}` } });
  expect(holdings.status()).toBe(200);
  expect(Array.isArray(await holdings.json())).toBeTruthy();
  const refused = await request.get('/api/v1/listings', { headers: { 'accept-language': 'en' } });
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toBe('Give an API key in the Authorization header (Bearer).');

  // The page shows the use; the key is revoked, and the next call is refused.
  await zone.reload();
  await expect(row.locator('td').nth(4)).not.toHaveText('从未使用');
  await row.getByRole('button', { name: '撤销' }).click();
  await confirmDialog(zone, '撤销');
  await expect(row.getByTestId('api-key-status')).toHaveText('已撤销');
  const after = await request.get('/api/v1/listings', { headers: { authorization: `Bearer ${secret}` } });
  expect(after.status()).toBe(401);
  expect(((await after.json()) as { error: { message: string } }).error.message).toBe('接口密钥无效、已过期或已撤销。');

  // The description, for people.
  const docsPage = await zone.goto('/api-docs');
  expect(docsPage?.headers()['content-security-policy']).toMatch(/'nonce-/);
  await expect(zone.getByRole('heading', { name: '开放接口说明' })).toBeVisible();
  await expect(zone.getByTestId('api-operation').filter({ hasText: 'GET /api/v1/feed' })).toBeVisible();
  await expect(zone.getByTestId('api-operation').filter({ hasText: 'POST /api/v1/uses' })).toContainText('write:uses');
  await accessible(zone);
});
