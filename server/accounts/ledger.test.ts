// The caller's statement (accounts.ledger) in pages: whole entries, newest first, every line of the
// organisation exactly once across the pages, no other organisation's lines, bad cursors refused.
import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { STATEMENT_PAGE_ENTRIES } from '@/server/books/domain/ledger';
import { type Harness, makeHarness } from '@/server/testing/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

/** The definition: every posting on the organisation's accounts, newest entry first, postings in order. */
function everyLine(organisationId: number) {
  return h.db.connection
    .prepare(
      `select e.id as "entryId", p.amount, a.asset, a.bucket from postings p join accounts a on a.id = p.account_id join journal_entries e on e.id = p.entry_id
       where a.organisation_id = ? order by e.id desc, p.id`,
    )
    .all(organisationId);
}

async function allPages(username: string) {
  const pages = [];
  let before: number | undefined;
  for (let i = 0; i < 100; i++) {
    const page = await h.as(username).accounts.ledger(before === undefined ? {} : { before });
    pages.push(page);
    if (page.olderThan === null) break;
    before = page.olderThan;
  }
  return pages;
}

it('pages through a statement of several pages: whole entries, each line once, newest first', async () => {
  const zone = (await h.actor('zone')).organisationId;
  for (let i = 1; i <= STATEMENT_PAGE_ENTRIES * 2 + 7; i++) {
    await h.receiveTransfer({ zoneId: zone, amount: `${i}`, bankRef: `PAGE-${i}` });
  }
  const pages = await allPages('zone');
  expect(pages.length).toBe(3);
  for (const page of pages.slice(0, -1)) expect(new Set(page.lines.map((l) => l.entryId)).size).toBe(STATEMENT_PAGE_ENTRIES);
  // The cursor is the last entry shown; the next page starts below it.
  expect(pages[0]!.olderThan).toBe(pages[0]!.lines.at(-1)!.entryId);
  const walked = pages.flatMap((p) => p.lines.map((l) => ({ entryId: l.entryId, amount: l.amount, asset: l.asset, bucket: l.bucket })));
  expect(walked).toEqual((await everyLine(zone)));
  expect(walked.some((l) => l.amount === 100 * 100)).toBe(true); // the 100th transfer, 100 yuan in fen
});

it('shows only the caller organisation; a short statement is one page with no cursor', async () => {
  const zone2 = (await h.actor('zone2')).organisationId;
  const page = await h.as('zone2').accounts.ledger();
  expect(page.olderThan).toBeNull();
  expect(page.lines.map((l) => ({ entryId: l.entryId, amount: l.amount, asset: l.asset, bucket: l.bucket }))).toEqual((await everyLine(zone2)));
  const county = await h.as('pianguan').accounts.ledger();
  expect(county.lines.map((l) => l.entryId)).toEqual((await everyLine((await h.actor('pianguan')).organisationId)).map((l) => (l as { entryId: number }).entryId));
});

it('past the oldest entry is an empty page; a cursor that is not an entry id is refused as such', async () => {
  expect((await h.as('zone').accounts.ledger({ before: 1 })).lines).toEqual([]);
  for (const before of [0, -3, 1.5]) {
    const e = await h.as('zone').accounts.ledger({ before }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(TRPCError);
    expect((e as TRPCError).code).toBe('BAD_REQUEST');
    // The key the error formatter turns into 编号无效。/ Invalid id. (over HTTP: rejections.test.ts).
    expect((e as TRPCError).message).toContain('invalidId');
  }
});
