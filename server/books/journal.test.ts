// The journal's own guarantees: reasons from a closed list, kept by the database too; an idempotency
// key that repeats is the same event or a fault, never silently a different one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inTransaction } from '@/db/client';
import { ENTRY_REASONS, accountsOf, holdFrozen, holdVoided } from './domain/ledger';
import { balanceOf, postEntry } from './journal';
import { type Harness, makeHarness } from '@/server/testing/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const zone = () => h.actor('zone').organisationId;
const entries = () => (h.db.$client.prepare('select count(*) n from journal_entries').get() as { n: number }).n;

describe('the journal', () => {
  it("holds the same closed list of reasons as the table's CHECK", () => {
    const table = (h.db.$client.prepare("select sql from sqlite_master where name = 'journal_entries'").get() as { sql: string }).sql;
    const list = /"journal_entries_reason" CHECK\(.*?IN \(([^)]*)\)\)/.exec(table)?.[1];
    expect(list?.split(',').map((r) => r.trim().replace(/^'|'$/g, ''))).toEqual([...ENTRY_REASONS]);
    const used = (h.db.$client.prepare('select distinct reason from journal_entries').all() as { reason: string }[]).map((r) => r.reason);
    expect(used.length).toBeGreaterThan(3);
    for (const reason of used) expect(ENTRY_REASONS).toContain(reason);
  });

  it('refuses, in the database, an entry whose reason is not on the list', () => {
    const write = () => h.db.$client.prepare("insert into journal_entries (idempotency_key, reason, at) values ('x', 'gift', 0)").run();
    expect(write).toThrow(/CHECK constraint failed/);
  });

  it('takes a repeated key with the same postings as done, and throws on the same key with other postings or another reason', () => {
    const header = { idempotencyKey: 'freeze:test', reason: 'deposit_frozen' as const, at: h.clock.now() };
    const free = balanceOf(h.db, accountsOf.zoneFunds(zone()));
    expect(inTransaction(h.db, (tx) => postEntry(tx, header, holdFrozen(zone(), 5_000)))).toBe(true);
    const count = entries();
    // The same event again (a retry): nothing more is written.
    expect(inTransaction(h.db, (tx) => postEntry(tx, header, [...holdFrozen(zone(), 5_000)].reverse()))).toBe(false);
    expect(entries()).toBe(count);
    // The same key for another amount, other accounts, or another reason: a fault, and nothing written.
    expect(() => inTransaction(h.db, (tx) => postEntry(tx, header, holdFrozen(zone(), 6_000)))).toThrow(/exists with other postings/);
    expect(() => inTransaction(h.db, (tx) => postEntry(tx, header, holdVoided(zone(), 5_000)))).toThrow(/exists with other postings/);
    expect(() => inTransaction(h.db, (tx) => postEntry(tx, { ...header, reason: 'award' }, holdFrozen(zone(), 5_000)))).toThrow(/exists with another reason/);
    expect(entries()).toBe(count);
    expect(balanceOf(h.db, accountsOf.zoneFunds(zone()))).toBe(free - 5_000);
    expect(h.checkLedger()).toEqual({ mismatches: [], unbalanced: [], nonZeroTotals: [] });
  });
});
