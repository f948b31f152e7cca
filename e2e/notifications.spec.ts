// 站内消息 and 待办 in a real browser: zone bids, zone2 outbids it; zone sees the unread count in the
// header and the outbid message, which opens the listing and is then read. At the close zone2 finds the
// award among its 待办 on the market page, and marks all its messages read. The auction is put on the
// market through the API (as the county and the province would through their forms).
import { type Page, expect, test } from '@playwright/test';
import { advanceClock, confirmDialog, signedIn } from './fixtures';

const DAY = 86_400_000;

async function trpc<T>(page: Page, procedure: string, input?: unknown): Promise<T> {
  const res = input === undefined ? await page.request.get(`/api/trpc/${procedure}`) : await page.request.post(`/api/trpc/${procedure}`, { data: input });
  expect(res.ok(), `${procedure}: ${await res.text()}`).toBeTruthy();
  return ((await res.json()) as { result: { data: T } }).result.data;
}

/** The header's unread count (no badge: none unread). */
async function unread(page: Page): Promise<number> {
  const badge = page.getByTestId('messages-link').getByTestId('unread-count');
  return (await badge.count()) === 0 ? 0 : Number(await badge.textContent());
}

test('outbid: the unread count in the header, the message linking to the listing; the award among the 待办', async ({ browser }) => {
  const county = await signedIn(browser, 'hequ');
  const province = await signedIn(browser, 'province');
  const zone = await signedIn(browser, 'zone');
  const zone2 = await signedIn(browser, 'zone2');

  const { now } = await advanceClock(county, 0);
  const lotId = (await trpc<{ id: number }[]>(county, 'accounts.quota'))[0]!.id;
  const listing = await trpc<{ id: number; code: string }>(county, 'listings.create', {
    lotId,
    mode: 'auction',
    qty: '100',
    reservePrice: '30000',
    minLot: '100',
    increment: '500',
    opensAt: now,
    closesAt: now + DAY,
  });
  await trpc(province, 'listings.review', { listingId: listing.id, approve: true });

  await zone.goto('/market');
  const before = await unread(zone);

  // zone bids for the whole listing; zone2 outbids it, so zone would win nothing.
  for (const [page, price] of [
    [zone, '30000'],
    [zone2, '30500'],
  ] as const) {
    await page.goto(`/listings/${listing.id}`);
    await expect(page.getByRole('button', { name: '出价', exact: true })).toBeEnabled();
    await page.locator('input[name=price]').fill(price);
    await page.locator('input[name=qty]').fill('100');
    await page.getByRole('button', { name: '出价', exact: true }).click();
    await confirmDialog(page, '确认出价');
    await expect(page.getByText('出价成功')).toBeVisible();
  }

  // zone's next page shows one more unread message in the header.
  await zone.goto('/market');
  await expect(zone.getByTestId('messages-link').getByTestId('unread-count')).toHaveText(String(before + 1));
  await zone.getByTestId('messages-link').click();
  await zone.waitForURL(/\/messages$/);
  await expect(zone.getByRole('heading', { name: '站内消息' })).toBeVisible();
  const message = zone.getByTestId('message').first();
  await expect(message).toHaveAttribute('data-kind', 'outbid');
  await expect(message).toHaveAttribute('data-read', 'no');
  await expect(message).toContainText(`挂牌 ${listing.code}：您的报价 30,000.00 元/亩已被超过（新报价 30,500.00 元/亩）`);
  const link = message.getByTestId('message-link');
  await expect(link).toHaveAttribute('href', `/listings/${listing.id}`);

  // Opening it goes to the listing, and it is read: the header counts one fewer.
  await link.click();
  await zone.waitForURL(new RegExp(`/listings/${listing.id}$`));
  await expect(zone.getByTestId('best-price')).toContainText('30,500.00');
  await expect.poll(() => unread(zone)).toBe(before);
  await zone.goto('/messages');
  await expect(zone.getByTestId('message').first()).toHaveAttribute('data-read', 'yes');

  // The auction closes on the server's clock: zone2's award waits among its 待办 on the market page,
  // with the message of it; 全部标为已读 clears the header's count.
  await advanceClock(zone2, DAY + 60_000);
  await zone2.goto('/market');
  const todo = zone2.getByTestId('todo');
  await expect(todo.getByRole('heading', { name: '待办' })).toBeVisible();
  const award = todo.getByTestId('todo-item').filter({ hasText: '应付 2,440,000.00 元' });
  await expect(award).toHaveAttribute('data-kind', 'pay_award');
  const tradeHref = await award.getByRole('link').getAttribute('href');
  expect(tradeHref).toMatch(/^\/trades\/\d+$/);
  expect(await unread(zone2)).toBeGreaterThan(0);
  await zone2.goto('/messages');
  await expect(zone2.getByTestId('message').filter({ hasText: '成交：挂牌' }).first().getByTestId('message-link')).toHaveAttribute('href', tradeHref!);
  await zone2.getByTestId('mark-all-read').click();
  await expect(zone2.getByTestId('flash')).toContainText('条消息标为已读');
  // Read again from the server (the header may still be the one drawn before the marking).
  await expect
    .poll(async () => {
      await zone2.reload();
      return unread(zone2);
    })
    .toBe(0);
  await expect(zone2.getByTestId('message').and(zone2.locator('[data-read=no]'))).toHaveCount(0);

  // In English the same messages read in English.
  await zone.goto('/messages');
  await zone.context().addCookies([{ name: 'qx-lang', value: 'en', url: zone.url() }]);
  await zone.reload();
  await expect(zone.getByRole('heading', { name: 'Messages' })).toBeVisible();
  await expect(zone.getByTestId('message').first()).toContainText(`Listing ${listing.code}: your bid of 30,000.00 yuan/mu has been outbid`);
});
