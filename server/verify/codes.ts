// The key that signs verification codes and the codes themselves. The key is generated once and kept
// in the data folder beside the database (as the session secret is), so codes survive a restart and
// move with a backup of the folder; it is its own secret, so changing AUTH_SECRET leaves codes valid.
import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DbOrTx } from '@/db/client';
import { OWNER_ONLY_FILE, createOwnerOnlyFolder, makeOwnerOnly } from '@/db/owner-only';
import { type DocumentKind, MAC_CHARS, base32, codeHead, groupCode } from './domain/code';

const keys = new Map<string, Buffer>();

/** The document-signing key of the data folder `dir`, made on first use. */
export function documentKey(dir: string): Buffer {
  const known = keys.get(dir);
  if (known) return known;
  const file = path.join(dir, 'document-secret');
  makeOwnerOnly(file);
  let secret: string;
  try {
    secret = fs.readFileSync(file, 'utf8').trim();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    createOwnerOnlyFolder(dir);
    const made = crypto.randomBytes(32).toString('base64url');
    try {
      fs.writeFileSync(file, made, { mode: OWNER_ONLY_FILE, flag: 'wx' });
    } catch (w) {
      // Another process made it first: theirs is the key.
      if ((w as NodeJS.ErrnoException).code !== 'EEXIST') throw w;
    }
    secret = fs.readFileSync(file, 'utf8').trim();
  }
  const key = Buffer.from(crypto.hkdfSync('sha256', secret, 'quota-exchange', 'document verification codes', 32));
  keys.set(dir, key);
  return key;
}

/** Forgets the keys read so far: the next code reads the folder again, as a restarted process would. */
export const forgetDocumentKeys = () => keys.clear();

/** The data folder that goes with a database. */
export const dataFolderOf = (db: DbOrTx) => db.connection.folder;

/** The MAC of a document: over its kind, ids and key facts, in a fixed order. */
function mac(key: Buffer, head: string, facts: readonly (string | number | null)[]) {
  const digest = crypto.createHmac('sha256', key).update(JSON.stringify([head, ...facts])).digest();
  return base32(digest, MAC_CHARS);
}

/** A document's verification code, grouped for reading; null if its ids are beyond what a code carries. */
export function documentCode(db: DbOrTx, kind: DocumentKind, ids: readonly number[], facts: readonly (string | number | null)[]): string | null {
  const head = codeHead(kind, ids);
  return head === null ? null : groupCode(head + mac(documentKey(dataFolderOf(db)), head, facts));
}

/** Whether `macText` is the MAC of the document with these facts (compared in constant time). */
export function macMatches(db: DbOrTx, head: string, facts: readonly (string | number | null)[], macText: string) {
  const expected = Buffer.from(mac(documentKey(dataFolderOf(db)), head, facts));
  const given = Buffer.from(macText);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}
