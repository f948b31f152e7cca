import 'server-only';
import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import { type DbOrTx, type Tx, reusable } from '@/db/client';
import { organisations, sessionActivity, signIns, users } from '@/db/schema';
import type { SessionUser } from '@/server/kernel/roles';

export const findUserByUsername = async (db: DbOrTx, username: string) => (await db.select().from(users).where(eq(users.username, username)).all())[0];

export const userById = async (db: DbOrTx, userId: number) => (await db.select().from(users).where(eq(users.id, userId)).all())[0];

export const organisationExists = async (db: DbOrTx, organisationId: number) => (await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId)).all()).length > 0;

export const insertUser = async (tx: Tx, values: typeof users.$inferInsert) => (await tx.insert(users).values(values).returning().all())[0]!;

export const updateUser = async (tx: Tx, userId: number, values: Partial<Pick<typeof users.$inferInsert, 'passwordHash' | 'mustChangePassword' | 'passwordChangedAt' | 'disabled'>>) =>
  (await tx.update(users).set(values).where(eq(users.id, userId)).returning().all())[0]!;

/** The signed-in user with the organisation whose kind is the user's role. */
// Every API call runs it (server/web/context.ts): built once.
const sessionUserQuery = (db: DbOrTx) =>
  db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      disabled: users.disabled,
      sessionVersion: users.sessionVersion,
      mustChangePassword: users.mustChangePassword,
      organisationId: organisations.id,
      organisationName: organisations.name,
      cityId: organisations.cityId,
      role: organisations.kind,
    })
    .from(users)
    .innerJoin(organisations, eq(users.organisationId, organisations.id))
    .where(eq(users.id, sql.placeholder('userId')))
    .prepare();

export async function sessionUser(db: DbOrTx, userId: number, sessionVersion?: number): Promise<SessionUser | null> {
  const row = await reusable(db, sessionUserQuery).get({ userId });
  // A session issued before the last sign-out, password reset or disabling has an older version.
  if (!row || row.disabled || (sessionVersion !== undefined && sessionVersion !== row.sessionVersion)) return null;
  const { sessionVersion: _version, ...user } = row;
  return user;
}


/** Ends every session of a user: sessions carry the version they were issued with. */
export const endSessions = (db: Tx, userId: number) =>
  db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .run();

/** Every user with the organisation it belongs to (for the province's administration). */
export const usersWithOrganisation = (db: DbOrTx) =>
  db
    .select({ id: users.id, username: users.username, displayName: users.displayName, disabled: users.disabled, organisationId: users.organisationId, organisationName: organisations.name, role: organisations.kind, createdAt: users.createdAt, mustChangePassword: users.mustChangePassword, passwordChangedAt: users.passwordChangedAt })
    .from(users)
    .innerJoin(organisations, eq(users.organisationId, organisations.id))
    .orderBy(asc(organisations.kind), asc(users.username))
    .limit(2000)
    .all();

export const organisationsList = (db: DbOrTx) =>
  db.select({ id: organisations.id, name: organisations.name, kind: organisations.kind }).from(organisations).orderBy(asc(organisations.kind), asc(organisations.id)).all();

/** Every sign-in attempt, with the address it came from (server/web/auth.ts). */
export const recordSignIn = (db: DbOrTx, values: typeof signIns.$inferInsert) => db.insert(signIns).values(values).run();

/** The newest sign-in attempts, of one user name or of all, for the province's user administration. */
export const signInHistory = (db: DbOrTx, opts: { username?: string; limit: number; offset: number }) =>
  db
    .select({ id: signIns.id, at: signIns.at, username: signIns.username, userId: signIns.userId, address: signIns.address, outcome: signIns.outcome })
    .from(signIns)
    .where(opts.username ? eq(signIns.username, opts.username) : undefined)
    .orderBy(desc(signIns.id))
    .limit(opts.limit)
    .offset(opts.offset)
    .all();

export const signInCount = async (db: DbOrTx, username?: string) =>
  (await db
    .select({ n: sql<number>`count(*)` })
    .from(signIns)
    .where(username ? eq(signIns.username, username) : undefined)
    .all())[0]!.n;

/** The idle timeout's record of each session's last use (server/web/session.ts). */
export const sessionActivityStore = (db: DbOrTx) => ({
  lastSeenOf: async (sessionId: string) => (await db.select({ at: sessionActivity.lastSeenAt }).from(sessionActivity).where(eq(sessionActivity.sessionId, sessionId)).all())[0]?.at,
  recordSeen: async (sessionId: string, userId: number, at: number) => {
    await db.insert(sessionActivity).values({ sessionId, userId, lastSeenAt: at }).onConflictDoUpdate({ target: sessionActivity.sessionId, set: { lastSeenAt: at } }).run();
  },
});

/** Sign-in attempts older than the log's retention go too. */
export const forgetSignInsBefore = (db: DbOrTx, before: number) => db.delete(signIns).where(lt(signIns.at, before)).run();

/** Sessions unused since before `before` can never be used again: their records go. */
export const forgetSessionsUnusedSince = (db: DbOrTx, before: number) => db.delete(sessionActivity).where(lt(sessionActivity.lastSeenAt, before)).run();

/** A user's stored password hash and whether it was set by an administrator. */
export const passwordOf = async (db: DbOrTx, userId: number) =>
  (await db.select({ passwordHash: users.passwordHash, mustChangePassword: users.mustChangePassword }).from(users).where(and(eq(users.id, userId), eq(users.disabled, false))).all())[0];
