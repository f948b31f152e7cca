// An organisation's keys for the open API (/api/v1): any of its signed-in users makes one or revokes
// one; the province may revoke any. The secret is made here, shown once in the answer, and kept only as
// its SHA-256 hash. Both are audited.
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { writeAudit } from '@/server/books/audit-log';
import { DomainError } from '@/server/kernel/errors';
import type { Role } from '@/server/kernel/roles';
import { type Actor, type Services, inUseCase } from '@/server/kernel/deps';
import { type ApiScope, checkExpiry, formatScopes } from './domain/keys';
import * as data from './queries';

/** Every secret starts so, which tells a leaked one apart in logs and scanners. */
export const SECRET_PREFIX = 'qx_';
/** Characters of the secret shown in lists (the `qx_` and five more). */
export const SHOWN_PREFIX_LENGTH = 8;

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export interface NewKey {
  name: string;
  scopes: ApiScope[];
  expiresAt: number;
}

export async function createApiKey(s: Services, actor: Actor, input: NewKey) {
  // Made outside the transaction: no work inside it that is not the database's.
  const secret = SECRET_PREFIX + randomBytes(32).toString('base64url');
  const key = await inUseCase(s, async (tx, now) => {
    checkExpiry(input.expiresAt, now);
    const row = await data.insertKey(tx, {
      organisationId: actor.organisationId,
      name: input.name.trim(),
      prefix: secret.slice(0, SHOWN_PREFIX_LENGTH),
      secretHash: hashSecret(secret),
      scopes: formatScopes(input.scopes),
      expiresAt: input.expiresAt,
      createdAt: now,
      createdBy: actor.userId,
    });
    await writeAudit(tx, { at: now, actor, action: 'apikey.create', entity: 'api_key', entityId: row.id, after: row });
    return row;
  });
  return { key, secret };
}

/** Revokes a key of the caller's organisation (any key, for the province); it stops working at once. */
export function revokeApiKey(s: Services, actor: Actor & { role: Role }, id: number) {
  return inUseCase(s, async (tx, now) => {
    const before = await data.keyOf(tx, id, actor.role === 'province' ? null : actor.organisationId);
    if (!before) throw new DomainError('apiKeyNotFound');
    if (before.revokedAt !== null) throw new DomainError('apiKeyRevoked');
    const after = await data.markRevoked(tx, id, now, actor.userId);
    await writeAudit(tx, { at: now, actor, action: 'apikey.revoke', entity: 'api_key', entityId: id, before, after });
    return after;
  });
}
