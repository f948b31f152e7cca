import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { instance, organisations, users } from '@/db/schema';

export type InstanceMode = 'demo' | 'production';

export const instanceMode = async (db: DbOrTx) => (await db.select({ value: instance.value }).from(instance).where(eq(instance.key, 'mode')).all())[0]?.value as InstanceMode | undefined;

export const setInstanceMode = (db: DbOrTx, mode: InstanceMode) => db.insert(instance).values({ key: 'mode', value: mode }).onConflictDoUpdate({ target: instance.key, set: { value: mode } }).run();

export const hasOrganisations = async (db: DbOrTx) => (await db.select({ id: organisations.id }).from(organisations).limit(1).all()).length > 0;

/** Organisations marked as the demo's own (its demo zones). */
export const hasDemoOrganisations = async (db: DbOrTx) => (await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.isDemo, true)).limit(1).all()).length > 0;

export const enabledUserCount = async (db: DbOrTx) => (await db.select({ n: sql<number>`count(*)` }).from(users).where(eq(users.disabled, false)).all())[0]!.n;
