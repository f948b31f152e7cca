// Where uploaded plan documents live: files in a directory next to the database, named by a random
// id (never by what the user sent), written to a temporary name first so a crash leaves no half file,
// owner-only like everything in the data folder.
import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { OWNER_ONLY_FILE, createOwnerOnlyFolder, makeOwnerOnly } from '@/db/owner-only';

export interface DocumentStore {
  /** Stores the bytes; returns the stored name and the SHA-256 of the content. */
  save(bytes: Uint8Array): { storedName: string; sha256: string };
  read(storedName: string): Buffer;
  remove(storedName: string): void;
}

const STORED_NAME = /^[0-9a-f-]{36}\.pdf$/;

export function documentStore(dir: string): DocumentStore {
  const fileOf = (storedName: string) => {
    if (!STORED_NAME.test(storedName)) throw new Error(`bad stored name ${storedName}`);
    return path.join(dir, storedName);
  };
  return {
    save(bytes) {
      createOwnerOnlyFolder(dir);
      const storedName = `${crypto.randomUUID()}.pdf`;
      const tmp = path.join(dir, `.${storedName}.tmp`);
      const fd = fs.openSync(tmp, 'wx', OWNER_ONLY_FILE);
      try {
        makeOwnerOnly(tmp);
        fs.writeSync(fd, bytes);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, fileOf(storedName));
      return { storedName, sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
    },
    read: (storedName) => fs.readFileSync(fileOf(storedName)),
    remove: (storedName) => fs.rmSync(fileOf(storedName), { force: true }),
  };
}
