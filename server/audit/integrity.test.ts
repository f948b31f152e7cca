// The tamper-evident record: every state change is chained into the audit log; an edit,
// a removal or an insertion behind the app's back, or a balance changed outside the journal, is found
// by `npm run audit:verify`, which names the first inconsistency.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inTransaction, openDatabase } from '@/db/client';
import { seedDemo } from '@/server/demo/seed-demo';
import { seedSynthetic } from '@/server/demo/synthetic';
import { ManualClock } from '@/server/kernel/clock';
import { sealAuditLog, writeAudit } from '@/server/books/audit-log';
import { reopenTestDatabase } from '@/server/testing/databases';
import { documentStore } from '@/server/kernel/document-store';
import { type Harness, makeHarness } from '@/server/testing/harness';
import { firstProblem, verifyIntegrity } from './integrity';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});
async function harness() {
  const h = await makeHarness();
  harnesses.push(h);
  return h;
}
const sqlite = (h: Harness) => h.db.connection;
const auditCount = async (h: Harness) => ((await sqlite(h).prepare('select count(*) n from audit_log').get()) as { n: number }).n;

describe('audit chain and ledger verification', () => {
  it('holds after the demo seed and a day of trading; a refused action writes no record', async () => {
    const h = await harness();
    const lot = (await h.as('pianguan').accounts.quota())[0]!;
    const now = h.clock.now();
    await h.as('pianguan').listings.create({ lotId: lot.id, mode: 'auction', qty: '10', reservePrice: '30000', minLot: '10', increment: '100', opensAt: now, closesAt: now + 3_600_000 });
    const before = await auditCount(h);
    await expect(h.as('pianguan').listings.create({ lotId: lot.id, mode: 'auction', qty: '999999', reservePrice: '30000', minLot: '10', increment: '100', opensAt: now, closesAt: now + 3_600_000 })).rejects.toThrow();
    expect(await auditCount(h)).toBe(before);
    const r = await verifyIntegrity(h.db);
    expect(firstProblem(r)).toBeNull();
    expect(r.ok).toBe(true);
    expect(r.audit.checked).toBe(before);
  });

  it('chains a record to the true head after a rolled-back record and after one another process wrote', async () => {
    const h = await harness();
    const record = (action: string) => ({ at: h.clock.now(), actor: null, action, entity: 'test', entityId: null });
    await inTransaction(h.db, (tx) => writeAudit(tx, record('first')));
    await expect(
      inTransaction(h.db, async (tx) => {
        await writeAudit(tx, record('rolled back'));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await inTransaction(h.db, (tx) => writeAudit(tx, record('after the rollback')));
    const other = await reopenTestDatabase(h.db);
    try {
      await inTransaction(other, (tx) => writeAudit(tx, record('by another process')));
    } finally {
      await other.connection.close();
    }
    const id = await inTransaction(h.db, (tx) => writeAudit(tx, record('after the other')));
    const actions = (await sqlite(h).prepare<{ action: string }>('select action from audit_log where entity = ? order by id').all('test')).map((r) => r.action);
    expect(actions).toEqual(['first', 'after the rollback', 'by another process', 'after the other']);
    expect(id).toBe(((await sqlite(h).prepare<{ n: number }>('select max(id) as n from audit_log').get())!).n);
    expect(firstProblem(await verifyIntegrity(h.db))).toBeNull();
  });

  it('finds an edited record, a removed one and one inserted without the chain', async () => {
    const h = await harness();
    await sqlite(h).prepare(`update audit_log set after = '{"status":"approved"}' where id = 5`).run();
    expect((await verifyIntegrity(h.db)).audit.broken).toEqual({ id: 5, problem: 'altered' });

    const h2 = await harness();
    await sqlite(h2).prepare('delete from audit_log where id = 7').run();
    expect((await verifyIntegrity(h2.db)).audit.broken).toEqual({ id: 7, problem: 'missing' });

    const h3 = await harness();
    const last = await auditCount(h3);
    await sqlite(h3).prepare(`insert into audit_log (id, at, action, entity) values (?, 0, 'listing.approve', 'listing')`).run(last + 1);
    // Starting up again does not seal it: only a log with no hash at all is sealed (an upgrade).
    expect(await sealAuditLog(h3.db)).toBe(0);
    expect((await verifyIntegrity(h3.db)).audit.broken).toEqual({ id: last + 1, problem: 'unsealed' });
  });

  it('finds a balance changed outside the journal', async () => {
    const h = await harness();
    await sqlite(h).prepare('update accounts set balance = balance + 1 where id = (select max(id) from accounts)').run();
    const r = await verifyIntegrity(h.db);
    expect(r.ok).toBe(false);
    expect(firstProblem(r)).toMatch(/^account \d+: stored balance -?\d+ but its postings sum to -?\d+$/);
  });

  it('finds monthly sums or packs of settled trades that disagree with the trades', async () => {
    const h = await harness();
    const now = h.clock.now();
    await seedSynthetic(h.services, { trades: 40, seed: 3, from: now - 60 * 24 * 3_600_000, to: now - 3_600_000 });
    expect((await verifyIntegrity(h.db)).settled).toEqual([]);
    const group = (await sqlite(h).prepare('select month, seller_id as "sellerId", buyer_id as "buyerId" from settled_totals order by 1, 2, 3 limit 1').get()) as { month: string; sellerId: number; buyerId: number };
    const where = 'where month = ? and seller_id = ? and buyer_id = ?';
    // The change and what the verification finds, in a transaction then rolled back.
    const tampered = async (change: string) => {
      let found: { ok: boolean; settled: unknown; problem: unknown } | undefined;
      await inTransaction(h.db, async () => {
        await sqlite(h).prepare(change).run(group.month, group.sellerId, group.buyerId);
        const r = await verifyIntegrity(h.db);
        found = { ok: r.ok, settled: r.settled, problem: firstProblem(r) };
        throw new Error('rolled back');
      }).catch((e: unknown) => {
        if (!found) throw e;
      });
      return found!;
    };
    expect(await tampered(`update settled_totals set amount_fen = amount_fen + 1 ${where}`)).toEqual({
      ok: false,
      settled: [{ ...group, problem: 'sums' }],
      problem: `the monthly sums of ${group.month}, county ${group.sellerId}, zone ${group.buyerId} disagree with its settled trades`,
    });
    // A sum and its trades changed alike still disagree with the packs.
    expect((await tampered(`update settled_totals set trades = trades + 1 ${where}`)).settled).toEqual([{ ...group, problem: 'packs' }, { ...group, problem: 'sums' }]);
    expect((await tampered(`update settled_trade_packs set price_fen_per_mu = substr(price_fen_per_mu, 5) ${where}`)).settled).toEqual([{ ...group, problem: 'packs' }]);
    expect((await tampered(`delete from settled_trade_packs ${where}`)).settled).toEqual([{ ...group, problem: 'packs' }]);
    expect((await tampered(`update settled_trade_packs set pack = pack + 1 ${where}`)).settled).toEqual([{ ...group, problem: 'packs' }]);
    expect((await verifyIntegrity(h.db)).ok).toBe(true);
  });

  it('seals a log written before the chain existed, once', async () => {
    const h = await harness();
    await sqlite(h).prepare('update audit_log set hash = null').run();
    expect(await sealAuditLog(h.db)).toBe(await auditCount(h));
    expect((await verifyIntegrity(h.db)).ok).toBe(true);
    expect(await sealAuditLog(h.db)).toBe(0);
  });

  it('the province browses the log newest first, filtered and a page at a time', async () => {
    const h = await harness();
    const all = await h.as('province').audit.list({});
    expect(all.rows).toHaveLength(50);
    expect(all.rows[0]!.id).toBeGreaterThan(all.rows[1]!.id);
    const older = await h.as('province').audit.list({ beforeId: all.nextBeforeId });
    expect(older.rows[0]!.id).toBe(all.rows[49]!.id - 1);
    const projects = await h.as('province').audit.list({ entity: 'project' });
    expect(projects.rows.length).toBeGreaterThan(0);
    expect(projects.rows.every((r) => r.entity === 'project')).toBe(true);
    expect((await h.as('province').audit.list({ entity: 'project', to: '2000-01-01' })).rows).toEqual([]);
    expect(await h.as('province').audit.entities()).toContain('listing');
    // The skip scan finds exactly the kinds DISTINCT finds, in order.
    const distinct = ((await h.db.connection.prepare('select distinct entity from audit_log order by entity').all()) as { entity: string }[]).map((r) => r.entity);
    expect(distinct.length).toBeGreaterThan(2);
    expect(await h.as('province').audit.entities()).toEqual(distinct);
  });

  it('npm run audit:verify reports consistency, then the first inconsistency with exit code 1', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qx-verify-'));
    try {
      const db = await openDatabase(path.join(dir, 'quota-exchange.db'));
      await seedDemo({ db, clock: new ManualClock(Date.UTC(2026, 10, 2)), documents: documentStore(path.join(dir, 'documents')) });
      await db.connection.close();
      const run = () => execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/verify.ts'], { env: { ...process.env, QX_DATA_DIR: dir }, encoding: 'utf8', stdio: 'pipe' });
      expect(run()).toMatch(/consistent\. \d+ audit records chained/);
      const tamper = await openDatabase(path.join(dir, 'quota-exchange.db'));
      await tamper.connection.prepare(`update audit_log set before = null where id = 3`).run();
      await tamper.connection.close();
      let failure: { status: number; stderr: string } | null = null;
      try {
        run();
      } catch (e) {
        failure = e as { status: number; stderr: string };
      }
      expect(failure?.status).toBe(1);
      expect(failure?.stderr).toContain('NOT consistent — audit record 3 is altered');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
