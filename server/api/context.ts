// The request's context, built the same way by the Next route handler and by the API's own server
// (server/main.ts): services, the signed-in user reloaded from the database, the language.
import { LOCALE_COOKIE, asLocale } from '@/lib/i18n/define';
import { sessionUser } from '@/server/data/users';
import { services } from '@/server/runtime';
import { cookieValue, sessionFromCookies } from '@/server/session';
import type { Context } from './trpc';

export async function createContext({ cookies }: { cookies: string | null | undefined }): Promise<Context> {
  const s = services();
  const session = await sessionFromCookies(cookies);
  return {
    services: s,
    // Reloaded on every request: a sign-out, reset or disabling ends the session at once.
    user: session ? sessionUser(s.db, session.userId, session.sessionVersion) : null,
    locale: asLocale(cookieValue(cookies, LOCALE_COOKIE)),
  };
}

/** A fault (not a refusal) is logged with its cause; the caller gets a plain message (trpc.ts). */
export function reportInternalError({ error, path }: { error: { code: string; cause?: unknown }; path?: string }) {
  if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`tRPC ${path ?? '?'}:`, error.cause ?? error);
}
