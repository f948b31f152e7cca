// Backup and restore: a backup taken while another process writes is consistent (SQLite's
// check, the audit chain, the ledger), holds every transfer acknowledged before it started, and
// restores into a database that opens and verifies; a damaged file is refused.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { seedDemo } from '@/server/demo/seed-demo';
import { systemClock } from '@/server/kernel/clock';
import { documentStore } from '@/server/kernel/document-store';
import { backupDatabase, checkDatabaseFile, restoreDatabase } from './backup';
import { verifyIntegrity } from '@/server/audit/integrity';

const run = promisify(execFile);
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const transfers = async (file: string) => {
  const db = await openDatabase(file);
  const n = ((await db.connection.prepare("select count(*) n from bank_transfers where bank_ref like 'LOAD-%'").get()) as { n: number }).n;
  await db.connection.close();
  return n;
};

describe('backup and restore', () => {
  it('round-trips a consistent copy taken under load', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qx-backup-'));
    dirs.push(dir);
    const live = path.join(dir, 'live', 'quota-exchange.db');
    const db = await openDatabase(live);
    await seedDemo({ db, clock: systemClock, documents: documentStore(path.join(dir, 'documents')) });
    await db.connection.close();

    // Another process writes for 1.5 s (at most 3000 transactions) while the backup runs.
    const writer = run(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'server/testing/load-writer.ts', live, '1500', '3000']);
    await new Promise((r) => setTimeout(r, 500));
    const before = await transfers(live);
    const copy = path.join(dir, 'backups', 'copy.db');
    await backupDatabase(live, copy);
    const acknowledged = Number((await writer).stdout.trim());
    expect(acknowledged).toBeGreaterThan(0);

    const inCopy = await transfers(copy);
    expect(inCopy).toBeGreaterThanOrEqual(before);
    expect(inCopy).toBeLessThanOrEqual(acknowledged);
    expect(await checkDatabaseFile(copy)).toBeNull();

    // Restore over the live database (the writer has stopped): it opens, verifies, and holds the copy's data.
    const r = await restoreDatabase(copy, live);
    expect(fs.existsSync(r.keptAs)).toBe(true);
    expect(await transfers(live)).toBe(inCopy);
    const restored = await openDatabase(live);
    expect((await verifyIntegrity(restored)).ok).toBe(true);
    await restored.connection.close();
    // The database it replaced still has every acknowledged transfer.
    expect(await transfers(r.keptAs)).toBe(acknowledged);
  });

  it('refuses to restore a file that is not a sound database', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qx-restore-'));
    dirs.push(dir);
    const bad = path.join(dir, 'bad.db');
    fs.writeFileSync(bad, 'not a database at all');
    await expect(restoreDatabase(bad, path.join(dir, 'quota-exchange.db'))).rejects.toThrow(/refusing to restore/);
    expect(fs.existsSync(path.join(dir, 'quota-exchange.db'))).toBe(false);
  });
});
