// Security headers (issue 5): every page carries a Content-Security-Policy with a per-request nonce and
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
  await page.goto('/market');
  await expect(page.getByTestId('who')).toBeVisible();
  expect(violations).toEqual([]);
});
