// Data files are owner-only: a fresh data folder gets 0700 folders and 0600 files for everything the
// server writes (database, WAL, uploaded plan, session secret, backup, restore), and a data folder
// left with 0755/0644 by an earlier version is tightened when the server opens it, without touching
// what lies outside it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '@/db/client';
import { DEMO_PDF } from '@/server/demo/seed-demo';
import { backupDatabase, restoreDatabase } from '@/server/ops/backup';
import { documentStore } from '@/server/kernel/document-store';
import { tightenDataFolder } from '@/db/owner-only';

const roots: string[] = [];
afterEach(() => {
  vi.unstubAllEnvs();
  roots.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});
const tmpRoot = () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qx-modes-'));
  roots.push(root);
  return root;
};

const modeOf = (p: string) => fs.statSync(p).mode & 0o777;
/** Every path under `dir` (not through links) with its mode, as octal text for readable failures. */
function modesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const p = path.join(entry.parentPath, entry.name);
    if (!entry.isSymbolicLink()) out[path.relative(dir, p)] = (fs.lstatSync(p).mode & 0o777).toString(8);
  }
  return out;
}
const ownerOnlyModes = (dir: string) => Object.fromEntries(Object.entries(modesUnder(dir)).map(([p]) => [p, fs.lstatSync(path.join(dir, p)).isDirectory() ? '700' : '600']));

/** The session secret module reads QX_DATA_DIR when it is loaded: load it afresh for `dataDir`. */
async function authSecretIn(dataDir: string) {
  vi.stubEnv('QX_DATA_DIR', dataDir);
  vi.stubEnv('AUTH_SECRET', '');
  vi.resetModules();
  return (await import('@/server/web/auth-secret')).authSecret;
}

describe('owner-only data files', () => {
  it('a fresh data folder: database, WAL, plan document, session secret, backup and restore are 0600 in 0700 folders', async () => {
    const previous = process.umask(0o022); // the usual umask, which alone would give 0755 and 0644
    try {
      const data = path.join(tmpRoot(), 'data');
      tightenDataFolder(data);
      expect(modeOf(data)).toBe(0o700);

      const dbFile = path.join(data, 'quota-exchange.db');
      const db = await openDatabase(dbFile);
      await db.connection.prepare('select count(*) from users').get();
      expect(fs.existsSync(`${dbFile}-wal`) && fs.existsSync(`${dbFile}-shm`)).toBe(true);
      for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) expect(modeOf(f), f).toBe(0o600);

      const { storedName } = documentStore(path.join(data, 'documents')).save(DEMO_PDF);
      expect(modeOf(path.join(data, 'documents'))).toBe(0o700);
      expect(modeOf(path.join(data, 'documents', storedName))).toBe(0o600);

      const secret = (await authSecretIn(data))();
      expect(secret.length).toBeGreaterThan(20);
      expect(modeOf(path.join(data, 'auth-secret'))).toBe(0o600);

      const backup = path.join(data, 'backups', 'quota-exchange-1.db');
      await backupDatabase(dbFile, backup);
      expect(modeOf(path.join(data, 'backups'))).toBe(0o700);
      expect(modeOf(backup)).toBe(0o600);
      await db.connection.close();

      await restoreDatabase(backup, dbFile);
      expect(modeOf(dbFile)).toBe(0o600);
      expect(modeOf(`${dbFile}.before-restore`)).toBe(0o600);

      // Nothing anywhere in the folder is readable by another account.
      expect(modesUnder(data)).toEqual(ownerOnlyModes(data));
      expect(Object.keys(modesUnder(data))).toEqual(expect.arrayContaining(['quota-exchange.db', 'auth-secret', `documents/${storedName}`, 'backups/quota-exchange-1.db']));
    } finally {
      process.umask(previous);
    }
  });

  it('a backup into a new folder elsewhere is owner-only; an existing folder the operator chose keeps its mode', async () => {
    const root = tmpRoot();
    const dbFile = path.join(root, 'data', 'quota-exchange.db');
    await (await openDatabase(dbFile)).connection.close();
    const shared = path.join(root, 'shared');
    fs.mkdirSync(shared, { mode: 0o755 });
    fs.chmodSync(shared, 0o755);
    await backupDatabase(dbFile, path.join(shared, 'new', 'deeper', 'copy.db'));
    expect(modeOf(shared)).toBe(0o755);
    expect(modeOf(path.join(shared, 'new'))).toBe(0o700);
    expect(modeOf(path.join(shared, 'new', 'deeper'))).toBe(0o700);
    expect(modeOf(path.join(shared, 'new', 'deeper', 'copy.db'))).toBe(0o600);
  });

  it('an existing data folder with 0755 folders and 0644 files is tightened when opened; what lies outside is not', async () => {
    const root = tmpRoot();
    const data = path.join(root, 'data');
    const dbFile = path.join(data, 'quota-exchange.db');
    const live = await openDatabase(dbFile);
    await live.connection.prepare('select count(*) from users').get();
    fs.mkdirSync(path.join(data, 'documents'));
    fs.writeFileSync(path.join(data, 'documents', 'a.pdf'), DEMO_PDF);
    fs.mkdirSync(path.join(data, 'backups'));
    fs.writeFileSync(path.join(data, 'backups', 'old.db'), 'x');
    fs.writeFileSync(path.join(data, 'auth-secret'), 'secret');
    // Beside the folder, and linked from inside it: not the server's to change.
    const outside = path.join(root, 'outside.txt');
    fs.writeFileSync(outside, 'not ours');
    fs.symlinkSync(outside, path.join(data, 'link-to-outside'));
    // As an earlier version (or a copy with `cp -r` under umask 022) left them.
    for (const p of Object.keys(modesUnder(data))) fs.chmodSync(path.join(data, p), fs.statSync(path.join(data, p)).isDirectory() ? 0o755 : 0o644);
    fs.chmodSync(data, 0o755);
    fs.chmodSync(root, 0o755);
    fs.chmodSync(outside, 0o644);
    expect(modeOf(`${dbFile}-wal`)).toBe(0o644);

    tightenDataFolder(data);
    expect(modeOf(data)).toBe(0o700);
    expect(modesUnder(data)).toEqual(ownerOnlyModes(data));
    expect(Object.keys(modesUnder(data))).toEqual(expect.arrayContaining(['quota-exchange.db', 'quota-exchange.db-wal', 'quota-exchange.db-shm', 'documents', 'documents/a.pdf', 'backups/old.db', 'auth-secret']));
    expect(modeOf(outside)).toBe(0o644);
    expect(modeOf(root)).toBe(0o755);

    // Opening the database alone tightens it and the WAL files another connection keeps, as a tool that
    // opens it without the server would.
    for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) fs.chmodSync(f, 0o644);
    const reopened = await openDatabase(dbFile);
    for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) expect(modeOf(f), f).toBe(0o600);
    await reopened.connection.close();
    await live.connection.close();

    // The session secret read from a loosened file is tightened too.
    fs.chmodSync(path.join(data, 'auth-secret'), 0o644);
    expect((await authSecretIn(data))()).toBe('secret');
    expect(modeOf(path.join(data, 'auth-secret'))).toBe(0o600);
  });
});
