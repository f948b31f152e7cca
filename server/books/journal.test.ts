// The journal's own guarantees: reasons from a closed list, kept by the database too; an idempotency
// key that repeats is the same event or a fault, never silently a different one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inTransaction } from '@/db/client';
import { ENTRY_REASONS, type Posting, accountsOf, holdFrozen, holdVoided } from './domain/ledger';
import { balanceOf, postEntry } from './journal';
import { type Harness, makeHarness } from '@/server/testing/harness';
import { testEngine } from '@/server/testing/databases';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const zone = async () => (await h.actor('zone')).organisationId;
const entries = async () => ((await h.db.connection.prepare('select count(*) n from journal_entries').get()) as { n: number }).n;

describe('the journal', () => {
  it("holds the same closed list of reasons as the table's CHECK", async () => {
    let list: string[] | undefined;
    if (testEngine() === 'pg') {
      // PostgreSQL gives the CHECK back as `reason = ANY (ARRAY['…'::text, …])`.
      const check = ((await h.db.connection.prepare("select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'journal_entries_reason'").get()) as { def: string }).def;
      list = [...check.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
    } else {
      const table = ((await h.db.connection.prepare("select sql from sqlite_master where name = 'journal_entries'").get()) as { sql: string }).sql;
      list = /"journal_entries_reason" CHECK\(.*?IN \(([^)]*)\)\)/.exec(table)?.[1]?.split(',').map((r) => r.trim().replace(/^'|'$/g, ''));
    }
    expect(list).toEqual([...ENTRY_REASONS]);
    const used = ((await h.db.connection.prepare('select distinct reason from journal_entries').all()) as { reason: string }[]).map((r) => r.reason);
    expect(used.length).toBeGreaterThan(3);
    for (const reason of used) expect(ENTRY_REASONS).toContain(reason);
  });

  it('refuses, in the database, an entry whose reason is not on the list', async () => {
    const write = () => h.db.connection.prepare("insert into journal_entries (idempotency_key, reason, at) values ('x', 'gift', 0)").run();
    await expect(write()).rejects.toThrow(/CHECK constraint failed|violates check constraint "journal_entries_reason"/);
  });

  it('takes a repeated key with the same postings as done, and throws on the same key with other postings or another reason', async () => {
    const header = { idempotencyKey: 'freeze:test', reason: 'deposit_frozen' as const, at: h.clock.now() };
    const free = await balanceOf(h.db, accountsOf.zoneFunds(await zone()));
    expect(await inTransaction(h.db, async (tx) => postEntry(tx, header, holdFrozen((await zone()), 5_000)))).toBe(true);
    const count = await entries();
    // The same event again (a retry): nothing more is written.
    expect(await inTransaction(h.db, async (tx) => postEntry(tx, header, [...holdFrozen((await zone()), 5_000)].reverse()))).toBe(false);
    expect(await entries()).toBe(count);
    // The same key for another amount, other accounts, or another reason: a fault, and nothing written.
    await expect(inTransaction(h.db, async (tx) => postEntry(tx, header, holdFrozen((await zone()), 6_000)))).rejects.toThrow(/exists with other postings/);
    await expect(inTransaction(h.db, async (tx) => postEntry(tx, header, holdVoided((await zone()), 5_000)))).rejects.toThrow(/exists with other postings/);
    await expect(inTransaction(h.db, async (tx) => postEntry(tx, { ...header, reason: 'award' }, holdFrozen((await zone()), 5_000)))).rejects.toThrow(/exists with another reason/);
    expect(await entries()).toBe(count);
    expect(await balanceOf(h.db, accountsOf.zoneFunds(await zone()))).toBe(free - 5_000);
    expect(await h.checkLedger()).toEqual({ mismatches: [], unbalanced: [], nonZeroTotals: [] });
  });

  it('moves every posting of a new entry once: on accounts it opens, twice on one account, beside accounts that exist', async () => {
    const zoneId = await zone();
    const lotId = ((await h.db.connection.prepare('select id from lots order by id limit 1').get()) as { id: number }).id;
    const postingsOf = async (key: string) =>
      ((await h.db.connection.prepare('select count(*) n from postings p join journal_entries e on e.id = p.entry_id where e.idempotency_key = ?').get(key)) as { n: number }).n;
    const heldQuota = accountsOf.quota(zoneId, 'held', lotId);
    const issuedQuota = accountsOf.quota(zoneId, 'issued', lotId);
    expect(await balanceOf(h.db, heldQuota)).toBe(0);
    // Two accounts opened by this entry, one of them posted to twice.
    const opening: Posting[] = [
      { account: heldQuota, amount: 700 },
      { account: heldQuota, amount: 300 },
      { account: issuedQuota, amount: -1_000 },
    ];
    expect(await inTransaction(h.db, (tx) => postEntry(tx, { idempotencyKey: 'test:opening', reason: 'lot_issued', at: h.clock.now() }, opening))).toBe(true);
    expect([await balanceOf(h.db, heldQuota), await balanceOf(h.db, issuedQuota), await postingsOf('test:opening')]).toEqual([1_000, -1_000, 3]);
    // Accounts that exist now, one twice, beside the zone's funds.
    const free = await balanceOf(h.db, accountsOf.zoneFunds(zoneId));
    const held = await balanceOf(h.db, accountsOf.zoneHeld(zoneId));
    const moving: Posting[] = [
      { account: accountsOf.zoneFunds(zoneId), amount: -5_000 },
      { account: accountsOf.zoneHeld(zoneId), amount: 2_000 },
      { account: accountsOf.zoneHeld(zoneId), amount: 3_000 },
    ];
    const header = { idempotencyKey: 'test:moving', reason: 'deposit_frozen' as const, at: h.clock.now() };
    expect(await inTransaction(h.db, (tx) => postEntry(tx, header, moving))).toBe(true);
    // Sent again in another transaction: nothing moves and nothing is written.
    expect(await inTransaction(h.db, (tx) => postEntry(tx, header, moving))).toBe(false);
    expect(await inTransaction(h.db, (tx) => postEntry(tx, { ...header, idempotencyKey: 'test:opening', reason: 'lot_issued' }, opening))).toBe(false);
    expect([await balanceOf(h.db, accountsOf.zoneFunds(zoneId)), await balanceOf(h.db, accountsOf.zoneHeld(zoneId)), await postingsOf('test:moving')]).toEqual([free - 5_000, held + 5_000, 3]);
    expect([await balanceOf(h.db, heldQuota), await postingsOf('test:opening')]).toEqual([1_000, 3]);
    expect(await h.checkLedger()).toEqual({ mismatches: [], unbalanced: [], nonZeroTotals: [] });
  });
});
