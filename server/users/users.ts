// The province administers users: creates them, disables and re-enables them, resets their passwords;
// each user changes their own. A password an administrator chose (a new user, a reset, the first
// administrator) must be replaced at the next sign-in. Disabling, a reset or a change ends the user's
// sessions at once. Passwords arrive hashed: hashing is slow and async, so it happens before the
// transaction.
import { eq } from 'drizzle-orm';
import { inTransaction } from '@/db/client';
import { organisations, users } from '@/db/schema';
import { writeAudit } from '@/server/books/audit-log';
import { endSessions, findUserByUsername } from './queries';
import { ensure } from '@/server/kernel/errors';
import type { Actor, Services } from '@/server/kernel/deps';

const publicFields = (u: typeof users.$inferSelect) => ({ id: u.id, username: u.username, displayName: u.displayName, organisationId: u.organisationId, disabled: u.disabled, mustChangePassword: u.mustChangePassword });

/** A user with a password chosen by an administrator, who must replace it at first sign-in. `actor` null: the operator's `admin:create`. */
export function createUser(s: Services, actor: Actor | null, input: { username: string; displayName: string; organisationId: number; passwordHash: string }) {
  const now = s.clock.now();
  return inTransaction(s.db, (tx) => {
    ensure(!findUserByUsername(tx, input.username), 'usernameTaken');
    ensure(tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.organisationId)).all()[0], 'notFound');
    const [u] = tx.insert(users).values({ ...input, createdAt: now, mustChangePassword: true }).returning().all();
    writeAudit(tx, { at: now, actor, action: 'user.create', entity: 'user', entityId: u!.id, after: publicFields(u!) });
    return publicFields(u!);
  });
}

/** The user's own new password, verified against the current one by the caller (hashing is async). */
export function changeOwnPassword(s: Services, actor: Actor, passwordHash: string) {
  const now = s.clock.now();
  return inTransaction(s.db, (tx) => {
    const before = tx.select().from(users).where(eq(users.id, actor.userId)).all()[0];
    ensure(before && !before.disabled, 'userNotFound');
    tx.update(users).set({ passwordHash, mustChangePassword: false, passwordChangedAt: now }).where(eq(users.id, actor.userId)).run();
    endSessions(tx, actor.userId);
    writeAudit(tx, { at: now, actor, action: 'user.change_password', entity: 'user', entityId: actor.userId, after: { id: actor.userId, passwordChangedAt: now } });
    return publicFields({ ...before, mustChangePassword: false });
  });
}

export function setUserDisabled(s: Services, actor: Actor, userId: number, disabled: boolean) {
  const now = s.clock.now();
  return inTransaction(s.db, (tx) => {
    const before = tx.select().from(users).where(eq(users.id, userId)).all()[0];
    ensure(before, 'userNotFound');
    ensure(userId !== actor.userId, 'cannotDisableSelf');
    tx.update(users).set({ disabled }).where(eq(users.id, userId)).run();
    if (disabled) endSessions(tx, userId);
    const after = tx.select().from(users).where(eq(users.id, userId)).all()[0]!;
    writeAudit(tx, { at: now, actor, action: disabled ? 'user.disable' : 'user.enable', entity: 'user', entityId: userId, before: publicFields(before), after: publicFields(after) });
    return publicFields(after);
  });
}

export function resetPassword(s: Services, actor: Actor, userId: number, passwordHash: string) {
  const now = s.clock.now();
  return inTransaction(s.db, (tx) => {
    const before = tx.select().from(users).where(eq(users.id, userId)).all()[0];
    ensure(before, 'userNotFound');
    tx.update(users).set({ passwordHash, mustChangePassword: true, passwordChangedAt: now }).where(eq(users.id, userId)).run();
    endSessions(tx, userId);
    // The audit says that the password changed, never what it is.
    writeAudit(tx, { at: now, actor, action: 'user.reset_password', entity: 'user', entityId: userId, after: { id: userId, passwordChangedAt: now } });
    return publicFields(before);
  });
}
