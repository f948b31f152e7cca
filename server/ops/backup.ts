// Backup and restore of the database. A backup is SQLite's online backup of the live
// database, consistent even while the server writes; it is checked (SQLite's integrity check, the
// audit chain and the ledger) before it is called done. A restore checks the file the same way, keeps
// the database it replaces beside it, and swaps the files: it must run with the server stopped. Every
// file it writes is owner-only, as the database is.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openMarketDatabase } from './open-market';
import { firstProblem, verifyIntegrity } from '@/server/audit/integrity';
import { createOwnerOnlyFile, createOwnerOnlyFolder, makeOwnerOnly } from '@/db/owner-only';

/** Opens a copy read-only-in-spirit and reports why it is unusable, or null. */
export async function checkDatabaseFile(file: string): Promise<string | null> {
  if (!fs.existsSync(file)) return `${file} does not exist`;
  const raw = new Database(file, { fileMustExist: true });
  try {
    const result = raw.pragma('integrity_check', { simple: true });
    if (result !== 'ok') return `SQLite integrity check: ${String(result)}`;
  } catch (e) {
    return `not a database: ${(e as Error).message}`;
  } finally {
    raw.close();
  }
  const db = await openMarketDatabase(file);
  try {
    return firstProblem((await verifyIntegrity(db)));
  } finally {
    await db.connection.close();
  }
}

/** Copies the live database to `dest` with SQLite's online backup, then checks the copy. */
export async function backupDatabase(source: string, dest: string) {
  createOwnerOnlyFolder(path.dirname(dest));
  const tmp = `${dest}.partial`;
  fs.rmSync(tmp, { force: true });
  // SQLite writes the copy into the empty file, keeping its mode (an empty file is an empty database).
  createOwnerOnlyFile(tmp);
  const db = new Database(source, { fileMustExist: true });
  try {
    await db.backup(tmp);
  } finally {
    db.close();
  }
  const problem = await checkDatabaseFile(tmp);
  if (problem) {
    fs.rmSync(tmp, { force: true });
    throw new Error(`the backup is not consistent: ${problem}`);
  }
  fs.renameSync(tmp, dest);
  return { dest, bytes: fs.statSync(dest).size };
}

/** Puts a checked backup in place of the database; the replaced one is kept as `<db>.before-restore`. */
export async function restoreDatabase(backup: string, target: string) {
  const problem = await checkDatabaseFile(backup);
  if (problem) throw new Error(`refusing to restore ${backup}: ${problem}`);
  createOwnerOnlyFolder(path.dirname(target));
  const incoming = `${target}.restoring`;
  // copyFile gives the copy the backup's mode, so it is set at once (the data folder itself is 0700).
  fs.copyFileSync(backup, incoming);
  makeOwnerOnly(incoming);
  const keptAs = `${target}.before-restore`;
  if (fs.existsSync(target)) {
    // Fold the old database's WAL into it before keeping it aside.
    const old = new Database(target);
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    fs.renameSync(target, keptAs);
    makeOwnerOnly(keptAs);
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.renameSync(incoming, target);
  return { target, keptAs };
}
