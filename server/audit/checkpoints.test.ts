// Published checkpoints of the audit chain: the scheduler publishes one a day and never rewrites a
// published day; a history rewritten with every later hash recomputed passes the chain's own check
// but not a published checkpoint, nor a head kept from elsewhere (`audit:verify --checkpoint`).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { seedDemo } from '@/server/demo/seed-demo';
import { ManualClock } from '@/server/kernel/clock';
import { documentStore } from '@/server/kernel/document-store';
import { verifyAuditChain } from '@/server/books/audit-log';
import { dailyCheckpointer } from '@/server/web/scheduler';
import { type Harness, makeHarness } from '@/server/testing/harness';
import { checkpoints, publishCheckpoint } from './checkpoints';
import { firstProblem, parseCheckpoint, verifyIntegrity } from './integrity';

const DAY = 86_400_000;
const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});
async function harness() {
  const h = await makeHarness();
  harnesses.push(h);
  return h;
}

type Row = { id: number; at: number; actor_user_id: number | null; actor_organisation_id: number | null; action: string; entity: string; entity_id: number | null; before: string | null; after: string | null; hash: string };

/**
 * Rewrites record `id`'s `after` and recomputes every hash from it on, as someone with the database
 * file and the source could: the chain then holds together on its own.
 */
async function rewriteHistory(sqlite: Harness['db']['connection'], id: number, after: string) {
  await sqlite.prepare('update audit_log set after = ? where id = ?').run(after, id);
  const rows = (await sqlite.prepare('select * from audit_log where id >= ? order by id').all(id)) as Row[];
  let previous = ((await sqlite.prepare('select hash from audit_log where id = ?').get(id - 1)) as { hash: string }).hash;
  for (const r of rows) {
    const fields = [previous, r.id, r.at, r.actor_user_id, r.actor_organisation_id, r.action, r.entity, r.entity_id, r.before, r.after];
    previous = createHash('sha256').update(JSON.stringify(fields)).digest('hex');
    await sqlite.prepare('update audit_log set hash = ? where id = ?').run(previous, r.id);
  }
}

describe('audit checkpoints', () => {
  it('the scheduler publishes once a day (China time); a published day is never rewritten', async () => {
    const h = await harness();
    const tick = dailyCheckpointer(h.services);
    const first = await tick();
    expect(first).toMatchObject({ day: '2026-11-02', publishedAt: h.clock.now() });
    // The publication is audited after the head it names.
    const head = (await h.db.connection.prepare('select id, hash, action from audit_log order by id desc limit 2').all()) as { id: number; hash: string; action: string }[];
    expect(head[0]!.action).toBe('audit.checkpoint');
    expect(first).toMatchObject({ auditId: head[1]!.id, hash: head[1]!.hash });

    // Later the same day, and after a restart the same day: nothing new, the published row unchanged.
    h.clock.advance(3_600_000);
    await h.as('province').audit.list({});
    expect((await tick())).toBeNull();
    expect((await dailyCheckpointer(h.services)())).toBeNull();
    expect((await publishCheckpoint(h.services))).toBeNull();
    expect((await checkpoints(h.db))).toEqual([first]);

    // 16:00 UTC is midnight in China: the next day's first tick publishes the next checkpoint.
    h.clock.set(Date.UTC(2026, 10, 2, 16, 0, 0));
    const second = await tick();
    expect(second).toMatchObject({ day: '2026-11-03' });
    expect(second!.auditId).toBeGreaterThan(first!.auditId);
    h.clock.advance(DAY - 1);
    expect(await tick()).toBeNull();
    expect((await checkpoints(h.db)).map((c) => c.day)).toEqual(['2026-11-03', '2026-11-02']);
    expect((await h.as(null).verify.checkpoints()).map((c) => c.day)).toEqual(['2026-11-03', '2026-11-02']);
    expect((await verifyIntegrity(h.db)).ok).toBe(true);
  });

  it('a rewrite that keeps the chain consistent passes the chain check but fails against a published checkpoint', async () => {
    const h = await harness();
    const published = (await publishCheckpoint(h.services))!;
    const before = await verifyIntegrity(h.db);
    expect(before.ok).toBe(true);
    expect(before.checkpointsChecked).toBe(1);

    await rewriteHistory(h.db.connection, 5, '{"status":"approved","forged":true}');
    expect((await verifyAuditChain(h.db)).broken).toBeNull();
    const r = await verifyIntegrity(h.db);
    expect(r.ok).toBe(false);
    expect(r.checkpoints).toEqual([expect.objectContaining({ auditId: published.auditId, expected: published.hash })]);
    expect(firstProblem(r)).toContain(`published checkpoint of ${published.day} (record ${published.auditId})`);

    // A head kept from elsewhere, with the database's own checkpoints removed by the same hand.
    await h.db.connection.prepare('delete from audit_checkpoints').run();
    expect((await verifyIntegrity(h.db)).ok).toBe(true);
    const kept = parseCheckpoint(`${published.auditId}:${published.hash}`)!;
    const withKept = await verifyIntegrity(h.db, [kept]);
    expect(withKept.ok).toBe(false);
    expect(firstProblem(withKept)).toContain(`checkpoint ${published.auditId}:${published.hash.slice(0, 16)}`);
    expect(parseCheckpoint('12:abc')).toBeNull();
  });

  it('npm run audit:verify checks published checkpoints and --checkpoint heads, naming the one that fails', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qx-checkpoint-'));
    try {
      const file = path.join(dir, 'quota-exchange.db');
      const db = await openDatabase(file);
      const services = { db, clock: new ManualClock(Date.UTC(2026, 10, 2)), documents: documentStore(path.join(dir, 'documents')) };
      await seedDemo(services);
      const published = (await publishCheckpoint(services))!;
      await db.connection.close();
      const run = (...args: string[]) =>
        execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/verify.ts', ...args], { env: { ...process.env, QX_DATA_DIR: dir }, encoding: 'utf8', stdio: 'pipe' });
      const failure = (...args: string[]) => {
        try {
          run(...args);
        } catch (e) {
          return e as { status: number; stderr: string };
        }
        return null;
      };
      const kept = `${published.auditId}:${published.hash}`;
      expect(run('--checkpoint', kept)).toMatch(/consistent\. \d+ audit records chained .*agreeing with 2 checkpoints/);
      expect(failure('--checkpoint', 'nonsense')?.status).toBe(2);

      const tamper = await openDatabase(file);
      await rewriteHistory(tamper.connection, 3, '{"rewritten":true}');
      await tamper.connection.prepare('delete from audit_checkpoints').run();
      await tamper.connection.close();
      // Without the published head the rewrite goes unseen; with it, it is found and named.
      expect(run()).toMatch(/consistent\./);
      const found = failure('--checkpoint', kept);
      expect(found?.status).toBe(1);
      expect(found?.stderr).toContain(`NOT consistent — the log disagrees with the checkpoint ${published.auditId}:${published.hash.slice(0, 16)}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
