// Proceeds held until reclamation is accepted (seed 001 二(二); docs/decisions/0015-holdback.md) in a
// real browser: the province sets 20% on its settings page; a trade holds 20% of its amount; the county
// (proceeds page), the city (obligations page) and the province (proceeds page) see it held; the city
// accepts the reclamation on the project's page and the county sees it released. Named to run after
// the other journeys (files run in name order), and it sets the holdback back to 0 at the end.
import { type Page, expect, test } from '@playwright/test';
import { advanceClock, confirmDialog, resetHoldback, signedIn, trpc } from './fixtures';

const HOUR = 3_600_000;

interface ProjectRow {
  id: number;
  name: string;
  countyName: string;
  lotId: number | null;
  designApprovedAt: number | null;
  obligation: { state: string } | null;
}

/** A project of the county whose reclamation is neither accepted nor overdue, with 10 mu free to sell. */
async function openProject(county: Page) {
  const lots = await trpc<{ id: number; freeMilliMu: number }[]>(county, 'accounts.quota');
  const projects = await trpc<ProjectRow[]>(county, 'projects.obligations');
  return projects.find((p) => p.lotId !== null && ['on_track', 'due'].includes(p.obligation?.state ?? '') && (lots.find((l) => l.id === p.lotId)?.freeMilliMu ?? 0) >= 10_000);
}

test('20% held at settlement → seen held by county, city and province → the city accepts → released to the county', async ({ browser }) => {
  const province = await signedIn(browser, 'province');
  const city = await signedIn(browser, 'xinzhou');
  const zone = await signedIn(browser, 'zone');
  let county = await signedIn(browser, 'baode');
  let project = await openProject(county);
  for (const other of ['hequ', 'pianguan']) {
    if (project) break;
    county = await signedIn(browser, other);
    project = await openProject(county);
  }
  expect(project, 'a county project open for reclamation with quota to sell').toBeTruthy();
  const { id: projectId, lotId, name } = project!;

  // The province sets the holdback on its settings page.
  await province.goto('/province/settings');
  const form = province.getByTestId('settings-form');
  await expect(form.getByRole('button', { name: '记录' })).toBeEnabled();
  await form.getByLabel('验收前暂扣价款比例（%）').fill('20');
  await form.getByLabel('依据文号').fill('晋自然资发〔e2e〕20号');
  await form.getByRole('button', { name: '记录' }).click();
  await confirmDialog(province, '确认记录');
  await expect(form.getByRole('status')).toContainText('已记录');
  await expect(province.getByTestId('settings-in-force').locator('tr[data-key=holdbackBp]')).toContainText('20%');

  // A trade of 10 mu at 30,000 元/亩: 300,000.00 元, of which 60,000.00 元 held.
  const { now } = await advanceClock(county, 0);
  const listing = await trpc<{ id: number }>(county, 'listings.create', { lotId, mode: 'auction', qty: '10', reservePrice: '30000', minLot: '10', increment: '100', opensAt: now, closesAt: now + HOUR });
  await trpc(province, 'listings.review', { listingId: listing.id, approve: true });
  await trpc(zone, 'bids.place', { listingId: listing.id, price: '30000', qty: '10' });
  await advanceClock(zone, HOUR + 1);
  const trade = (await trpc<{ trades: { id: number; listingId: number }[] }>(zone, 'trades.list')).trades.find((t) => t.listingId === listing.id)!;
  await trpc(zone, 'trades.pay', { id: trade.id });

  const heldRow = (page: Page) => page.getByTestId('holdback-by-project').locator('tr', { hasText: name });
  await county.goto('/proceeds');
  await expect(county.getByTestId('holdback')).toContainText('按省级设置，每笔成交价款的 20% 暂扣');
  await expect(heldRow(county)).toContainText('60,000.00');
  await expect(heldRow(county)).toContainText('待验收');
  await city.goto('/obligations');
  await expect(heldRow(city)).toContainText('60,000.00');
  await province.goto('/province/proceeds');
  await expect(heldRow(province)).toContainText('60,000.00');

  // The city approves the design if need be, then accepts the reclamation on the project's page.
  if (project!.designApprovedAt === null) await trpc(city, 'projects.approveDesign', { projectId, ref: '忻自然资复〔e2e〕9号' });
  await city.goto(`/projects/${projectId}`);
  const accept = city.getByTestId('accept-form');
  await expect(accept.getByRole('button', { name: '通过复垦验收' })).toBeEnabled();
  await accept.getByLabel('验收文号').fill('忻自然资验〔e2e〕9号');
  await accept.getByRole('button', { name: '通过复垦验收' }).click();
  await confirmDialog(city, '确认验收');
  await expect(city.getByText('已通过复垦验收。')).toBeVisible();

  // Released: nothing held for the project, the county's proceeds have it.
  await county.goto('/proceeds');
  await expect(heldRow(county)).toContainText('已验收拨付');
  // Columns: project, lot, held in all, held now, released, forfeited, deadline, state.
  await expect(heldRow(county).locator('td').nth(3)).toHaveText(/^\s*0\.00 元/);
  await expect(heldRow(county).locator('td').nth(4)).toContainText('60,000.00');

  // Back to no holdback from today, as the other journeys expect.
  await resetHoldback(province);
});
