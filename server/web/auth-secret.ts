// The session-signing secret: AUTH_SECRET if set, else one generated once and kept in the data
// folder, so sessions survive a restart and a fresh machine needs no set-up.
import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '@/server/kernel/env';
import { OWNER_ONLY_FILE, createOwnerOnlyFolder, makeOwnerOnly } from '@/db/owner-only';

export function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(env.dataDir, 'auth-secret');
  makeOwnerOnly(file);
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    createOwnerOnlyFolder(env.dataDir);
    const secret = crypto.randomBytes(32).toString('base64url');
    fs.writeFileSync(file, secret, { mode: OWNER_ONLY_FILE, flag: 'wx' });
    makeOwnerOnly(file);
    return secret;
  }
}
