// What a server-rendered page needs: the caller's context, a tRPC caller acting as the signed-in
// user, and role gates that send others to sign in.
import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { translator } from '@/lib/i18n';
import { createContext } from './context';
import { createCaller } from '@/server/app-router';
import type { Role } from '@/server/kernel/roles';
import { signOutEverywhere } from '@/server/users/users';

/** The context of the request a page, a server action or a route handler is answering. */
export async function requestContext() {
  // The jar, not the raw header: a server action's new cookies (the language) count at once.
  return createContext({ cookies: (await cookies()).toString() });
}

/** Signing out ends every session of the signed-in user on the server, not only this browser's cookie (audited). */
export async function endOwnSessions() {
  const ctx = await requestContext();
  if (ctx.user) await signOutEverywhere(ctx.services, { userId: ctx.user.id, organisationId: ctx.user.organisationId });
}

export async function pageContext() {
  const ctx = await requestContext();
  return { ctx, user: ctx.user, locale: ctx.locale, caller: createCaller(ctx), t: translator(ctx.locale, 'ui') };
}

/** Where a page sends a caller it cannot serve: to sign in (saying why, if the session went idle). */
export const signInAgain = (ctx: { sessionEnded?: 'idle' }) => redirect(ctx.sessionEnded === 'idle' ? '/login?ended=idle' : '/login');

/**
 * For a page only some roles may open: others go to the sign-in page; a user who still owes a new
 * password goes to choose it first.
 */
export async function requireRole(...roles: Role[]) {
  const p = await pageContext();
  if (!p.user || !roles.includes(p.user.role)) signInAgain(p.ctx);
  if (p.user!.mustChangePassword) redirect(PASSWORD_PAGE);
  return { ...p, user: p.user! };
}

export const PASSWORD_PAGE = '/account/password';

export const HOME_OF_ROLE: Record<Role, string> = {
  county: '/county',
  zone: '/market',
  province: '/province',
  city: '/projects',
};
