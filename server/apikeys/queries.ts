// The API keys' rows: an organisation's list, a key found by its secret's hash, and the writes.
import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { apiKeys, organisations, users } from '@/db/schema';

export type ApiKeyRow = typeof apiKeys.$inferSelect;

/** A key without its hash: what lists, answers and the audit log show. */
const shown = {
  id: apiKeys.id,
  organisationId: apiKeys.organisationId,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  expiresAt: apiKeys.expiresAt,
  createdAt: apiKeys.createdAt,
  createdBy: apiKeys.createdBy,
  revokedAt: apiKeys.revokedAt,
  revokedBy: apiKeys.revokedBy,
  lastUsedAt: apiKeys.lastUsedAt,
};

/** The organisation's keys (every organisation's for the province's view of all: `organisationId` null), newest first. */
export const keysOf = (db: DbOrTx, organisationId: number | null) =>
  db
    .select({ ...shown, organisationName: organisations.name, createdByName: users.displayName })
    .from(apiKeys)
    .innerJoin(organisations, eq(apiKeys.organisationId, organisations.id))
    .innerJoin(users, eq(apiKeys.createdBy, users.id))
    .where(organisationId === null ? undefined : eq(apiKeys.organisationId, organisationId))
    .orderBy(desc(apiKeys.id))
    .limit(500)
    .all();

/** One key, if it is the organisation's (any organisation's with `organisationId` null). */
export const keyOf = async (db: DbOrTx, id: number, organisationId: number | null) =>
  (await db
    .select(shown)
    .from(apiKeys)
    .where(organisationId === null ? eq(apiKeys.id, id) : and(eq(apiKeys.id, id), eq(apiKeys.organisationId, organisationId)))
    .all())[0];

export const insertKey = async (db: DbOrTx, values: typeof apiKeys.$inferInsert) => (await db.insert(apiKeys).values(values).returning(shown).all())[0]!;

export const markRevoked = async (db: DbOrTx, id: number, at: number, by: number) =>
  (await db.update(apiKeys).set({ revokedAt: at, revokedBy: by }).where(eq(apiKeys.id, id)).returning(shown).all())[0]!;

/** The key whose secret hashes to `secretHash`, read afresh on every request: a revocation holds at once. */
export const keyByHash = async (db: DbOrTx, secretHash: string) => (await db.select().from(apiKeys).where(eq(apiKeys.secretHash, secretHash)).all())[0];

export const touchKey = (db: DbOrTx, id: number, at: number) => db.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, id)).run();
