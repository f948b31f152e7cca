// The province administers users: creates them, disables and re-enables them, resets their passwords;
// each user changes their own. A password an administrator chose (a new user, a reset, the first
// administrator) must be replaced at the next sign-in. Disabling, a reset or a change ends the user's
// sessions at once. Passwords arrive hashed: hashing is slow and async, so it happens before the
// transaction.
import 'server-only';
import { inTransaction } from '@/db/client';
import type { users } from '@/db/schema';
import { writeAudit } from '@/server/books/audit-log';
import { endSessions, findUserByUsername, insertUser, organisationExists, updateUser, userById } from './queries';
import { ensure } from '@/server/kernel/errors';
import { type Actor, type Services, inUseCase } from '@/server/kernel/deps';

const publicFields = (u: typeof users.$inferSelect) => ({ id: u.id, username: u.username, displayName: u.displayName, organisationId: u.organisationId, disabled: u.disabled, mustChangePassword: u.mustChangePassword });

/** A user with a password chosen by an administrator, who must replace it at first sign-in. `actor` null: the operator's `admin:create`. */
export function createUser(s: Services, actor: Actor | null, input: { username: string; displayName: string; organisationId: number; passwordHash: string }) {
  return inUseCase(s, async (tx, now) => {
    ensure(!await findUserByUsername(tx, input.username), 'usernameTaken');
    ensure((await organisationExists(tx, input.organisationId)), 'notFound');
    const u = await insertUser(tx, { ...input, createdAt: now, mustChangePassword: true });
    await writeAudit(tx, { at: now, actor, action: 'user.create', entity: 'user', entityId: u.id, after: publicFields(u) });
    return publicFields(u);
  });
}

/** The user's own new password, verified against the current one by the caller (hashing is async). */
export function changeOwnPassword(s: Services, actor: Actor, passwordHash: string) {
  return inUseCase(s, async (tx, now) => {
    const before = await userById(tx, actor.userId);
    ensure(before && !before.disabled, 'userNotFound');
    await updateUser(tx, actor.userId, { passwordHash, mustChangePassword: false, passwordChangedAt: now });
    await endSessions(tx, actor.userId);
    await writeAudit(tx, { at: now, actor, action: 'user.change_password', entity: 'user', entityId: actor.userId, after: { id: actor.userId, passwordChangedAt: now } });
    return publicFields({ ...before, mustChangePassword: false });
  });
}

export function setUserDisabled(s: Services, actor: Actor, userId: number, disabled: boolean) {
  return inUseCase(s, async (tx, now) => {
    const before = await userById(tx, userId);
    ensure(before, 'userNotFound');
    ensure(userId !== actor.userId, 'cannotDisableSelf');
    const after = await updateUser(tx, userId, { disabled });
    if (disabled) await endSessions(tx, userId);
    await writeAudit(tx, { at: now, actor, action: disabled ? 'user.disable' : 'user.enable', entity: 'user', entityId: userId, before: publicFields(before), after: publicFields(after) });
    return publicFields(after);
  });
}

export function resetPassword(s: Services, actor: Actor, userId: number, passwordHash: string) {
  return inUseCase(s, async (tx, now) => {
    const before = await userById(tx, userId);
    ensure(before, 'userNotFound');
    await updateUser(tx, userId, { passwordHash, mustChangePassword: true, passwordChangedAt: now });
    await endSessions(tx, userId);
    // The audit says that the password changed, never what it is.
    await writeAudit(tx, { at: now, actor, action: 'user.reset_password', entity: 'user', entityId: userId, after: { id: userId, passwordChangedAt: now } });
    return publicFields(before);
  });
}

/** A user signs out: every session of theirs ends on the server, not only this browser's cookie. */
export async function signOutEverywhere(s: Services, actor: Actor) {
  const now = s.clock.now();
  await inTransaction(s.db, async (tx) => {
    await endSessions(tx, actor.userId);
    await writeAudit(tx, { at: now, actor, action: 'user.sign_out', entity: 'user', entityId: actor.userId, after: { id: actor.userId } });
  });
}
