// Checks without an account: a signed-out visitor verifies a settled trade's confirmation by its code
// (the code and QR printed on the confirmation), is told a forged code is not a genuine document, and
// looks up a sold serial.
import { expect, test } from '@playwright/test';
import { advanceClock, signedIn, trpc } from './fixtures';

test('verify a confirmation by its code, refuse a forged one, look up a sold serial — signed out', async ({ browser }) => {
  const province = await signedIn(browser, 'province');
  const { trades } = await trpc<{ trades: { id: number; status: string; confirmationNo: string; buyerName: string }[] }>(province, 'trades.list');
  const settled = trades.find((t) => t.status === 'settled')!;
  expect(settled).toBeTruthy();

  // The confirmation carries its verification code and a QR code pointing at the public page.
  await province.goto(`/trades/${settled.id}`);
  const block = province.getByTestId('verification');
  await expect(block.locator('svg')).toBeVisible();
  const code = (await province.getByTestId('verification-code').innerText()).trim();
  expect(code).toMatch(/^T[0-9A-Z]{3}(-[0-9A-Z]{4}){4}$/);
  await expect(block).toContainText(`/verify/${code}`);

  const visitor = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await visitor.goto(`/verify/${code}`);
  await expect(visitor.getByTestId('verdict')).toContainText('真实有效');
  const facts = visitor.getByTestId('verified-trade');
  await expect(facts).toContainText(settled.confirmationNo);
  await expect(facts).toContainText(settled.buyerName);
  await expect(facts).not.toContainText('保证金');
  const range = (await facts.locator('dd.num').innerText()).trim();
  expect(range).toMatch(/^\d{12}–\d{12}$/);

  // One character changed: not a genuine document, and no error page.
  const last = code.at(-1) === 'A' ? 'B' : 'A';
  await visitor.goto(`/verify/${code.slice(0, -1)}${last}`);
  await expect(visitor.getByTestId('verdict')).toContainText('不是真实文件');
  await expect(visitor.getByTestId('verdict')).toHaveAttribute('data-status', 'not_genuine');

  // The form: the code typed in lower case with spaces.
  await visitor.goto('/verify');
  await visitor.getByLabel('核验码').fill(code.toLowerCase().replace(/-/g, ' '));
  await visitor.getByRole('button', { name: '核验' }).click();
  await expect(visitor.getByTestId('verdict')).toContainText('真实有效');

  // The serial look-up finds the sold serial with its trade and holder.
  await visitor.goto('/serials');
  await visitor.getByLabel('序号（起）').fill(range.slice(0, 12));
  await visitor.getByRole('button', { name: '查询' }).click();
  const result = visitor.getByTestId('serials-result');
  await expect(result).toContainText(settled.confirmationNo);
  await expect(result.getByTestId('serial-holder')).toContainText(settled.buyerName);
  await expect(result.locator('tr[data-holder-kind="zone"]')).toHaveCount(1);

  // Bad input is refused in words, not with an error page.
  await visitor.goto('/serials?from=abc');
  await expect(visitor.getByTestId('serials-error')).toContainText('序号为 1—12 位数字');

  // A zone's rights certificate for a lot (its holding page) carries a code that verifies too: zone2
  // buys 10 mu from 保德县 by negotiation and pays.
  const county = await signedIn(browser, 'baode');
  const zone = await signedIn(browser, 'zone2');
  const { now } = await advanceClock(county, 0);
  const lotId = (await trpc<{ id: number }[]>(county, 'accounts.quota'))[0]!.id;
  const listing = await trpc<{ id: number }>(county, 'listings.create', { lotId, mode: 'negotiated', qty: '10', reservePrice: '30000', minLot: '10', opensAt: now, closesAt: now + 86_400_000 });
  await trpc(province, 'listings.review', { listingId: listing.id, approve: true });
  const offer = await trpc<{ bid: { id: number } }>(zone, 'bids.offer', { listingId: listing.id, price: '30000', qty: '10' });
  await trpc(county, 'bids.accept', { id: offer.bid.id });
  const bought = (await trpc<{ trades: { id: number; listingId: number }[] }>(zone, 'trades.list')).trades.find((t) => t.listingId === listing.id)!;
  await trpc(zone, 'trades.pay', { id: bought.id });
  await zone.goto(`/holdings/${lotId}`);
  const certificate = (await zone.getByTestId('verification-code').innerText()).trim();
  expect(certificate).toMatch(/^H[0-9A-Z]{3}(-[0-9A-Z]{4}){5}$/);
  await visitor.goto(`/verify/${certificate}`);
  await expect(visitor.getByTestId('verdict')).toContainText('真实有效');
  await expect(visitor.getByTestId('verified-holding')).toContainText('晋中开发区（演示）');

  // The published checkpoints page is public too.
  await visitor.goto('/checkpoints');
  await expect(visitor.getByRole('heading', { name: '审计链公示' })).toBeVisible();
});
