// The data folder holds the whole market (the database, its WAL, uploaded plans, backups) and the
// session-signing secret: none of it is for other accounts on the machine. Folders are 0700 and files
// 0600, whatever the umask; one helper does it, everywhere a data file or folder is made or opened.
import fs from 'node:fs';
import path from 'node:path';

const OWNER_ONLY_FOLDER = 0o700;
export const OWNER_ONLY_FILE = 0o600;

/**
 * Makes `target` owner-only: a folder 0700, a file 0600. A path that does not exist is left alone, and
 * so is a symbolic link (its target may be anything on the machine).
 */
export function makeOwnerOnly(target: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  if (stat.isSymbolicLink()) return;
  const mode = stat.isDirectory() ? OWNER_ONLY_FOLDER : OWNER_ONLY_FILE;
  if ((stat.mode & 0o777) !== mode) fs.chmodSync(target, mode);
}

/**
 * Creates `folder` (and any missing parents) owner-only. A folder that already exists is left as it is:
 * it may be anyone's (a backup written to a path the operator chose); the data folder's own are
 * tightened by `tightenDataFolder`.
 */
export function createOwnerOnlyFolder(folder: string): void {
  const first = fs.mkdirSync(folder, { recursive: true, mode: OWNER_ONLY_FOLDER });
  if (first === undefined) return;
  // mkdir's mode is narrowed by the umask only; chmod each created folder so it is exactly 0700.
  for (let f = path.resolve(folder); ; f = path.dirname(f)) {
    makeOwnerOnly(f);
    if (f === path.resolve(first) || path.dirname(f) === f) break;
  }
}

/** Creates the file if it is missing, empty and owner-only, so no other account can open it even briefly. */
export function createOwnerOnlyFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', OWNER_ONLY_FILE));
  makeOwnerOnly(file);
}

/**
 * The data folder as the server opens it: created owner-only if missing; if it exists, it, what is in
 * it and what is in its folders (documents/, backups/) are made owner-only. Two levels only, never
 * through a symbolic link, never above the folder.
 */
export function tightenDataFolder(folder: string): void {
  createOwnerOnlyFolder(folder);
  makeOwnerOnly(folder);
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const inner = path.join(folder, entry.name);
    makeOwnerOnly(inner);
    if (entry.isDirectory()) for (const name of fs.readdirSync(inner)) makeOwnerOnly(path.join(inner, name));
  }
}
