import { asc, eq, sql } from 'drizzle-orm';
import { type DbOrTx, reusable } from '@/db/client';
import { organisations, users } from '@/db/schema';

export const findUserByUsername = (db: DbOrTx, username: string) => db.select().from(users).where(eq(users.username, username)).all()[0];

/** The signed-in user with the organisation whose kind is the user's role. */
// Every API call runs it (server/api/context.ts): built once.
const sessionUserQuery = (db: DbOrTx) =>
  db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      disabled: users.disabled,
      sessionVersion: users.sessionVersion,
      organisationId: organisations.id,
      organisationName: organisations.name,
      cityId: organisations.cityId,
      role: organisations.kind,
    })
    .from(users)
    .innerJoin(organisations, eq(users.organisationId, organisations.id))
    .where(eq(users.id, sql.placeholder('userId')))
    .prepare();

export function sessionUser(db: DbOrTx, userId: number, sessionVersion?: number) {
  const row = reusable(db, sessionUserQuery).get({ userId });
  // A session issued before the last sign-out, password reset or disabling has an older version.
  if (!row || row.disabled || (sessionVersion !== undefined && sessionVersion !== row.sessionVersion)) return null;
  const { sessionVersion: _version, ...user } = row;
  return user;
}

export type SessionUser = NonNullable<ReturnType<typeof sessionUser>>;
export type Role = SessionUser['role'];

/** Ends every session of a user: sessions carry the version they were issued with. */
export const endSessions = (db: DbOrTx, userId: number) =>
  db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .run();

/** Every user with the organisation it belongs to (for the province's administration). */
export const usersWithOrganisation = (db: DbOrTx) =>
  db
    .select({ id: users.id, username: users.username, displayName: users.displayName, disabled: users.disabled, organisationId: users.organisationId, organisationName: organisations.name, role: organisations.kind, createdAt: users.createdAt })
    .from(users)
    .innerJoin(organisations, eq(users.organisationId, organisations.id))
    .orderBy(asc(organisations.kind), asc(users.username))
    .limit(2000)
    .all();

export const organisationsList = (db: DbOrTx) =>
  db.select({ id: organisations.id, name: organisations.name, kind: organisations.kind }).from(organisations).orderBy(asc(organisations.kind), asc(organisations.id)).all();
