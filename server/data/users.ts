import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { organisations, users } from '@/db/schema';

export const findUserByUsername = (db: DbOrTx, username: string) => db.select().from(users).where(eq(users.username, username)).all()[0];

/** The signed-in user with the organisation whose kind is the user's role. */
export function sessionUser(db: DbOrTx, userId: number) {
  const row = db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      disabled: users.disabled,
      organisationId: organisations.id,
      organisationName: organisations.name,
      cityId: organisations.cityId,
      role: organisations.kind,
    })
    .from(users)
    .innerJoin(organisations, eq(users.organisationId, organisations.id))
    .where(eq(users.id, userId))
    .all()[0];
  return row && !row.disabled ? row : null;
}

export type SessionUser = NonNullable<ReturnType<typeof sessionUser>>;
export type Role = SessionUser['role'];
