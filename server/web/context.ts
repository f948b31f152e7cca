// The request's context, built the same way by the Next route handler and by the API's own server
// (server/main.ts): services, the signed-in user reloaded from the database, the language, and the
// request's address and id.
import 'server-only';
import { LOCALE_COOKIE, asLocale } from '@/lib/i18n/define';
import { sessionActivityStore, sessionUser } from '@/server/users/queries';
import { env } from '@/server/kernel/env';
import { log, loggableCause } from '@/server/kernel/log';
import { currentRequest } from '@/server/kernel/request-scope';
import { services } from './runtime';
import { cookieValue, sessionFromCookies, sessionStillActive } from './session';
import type { Context } from '@/server/kernel/trpc';

/** `background`: the page's own refresh (lib/background.ts), which does not count as the session's use. */
export async function createContext({ cookies, background = false }: { cookies: string | null | undefined; background?: boolean }): Promise<Context> {
  const s = await services();
  const request = currentRequest();
  const locale = asLocale(cookieValue(cookies, LOCALE_COOKIE));
  const session = await sessionFromCookies(cookies);
  // Reloaded on every request: a sign-out, reset or disabling ends the session at once.
  let user = session ? await sessionUser(s.db, session.userId, session.sessionVersion) : null;
  let sessionEnded: 'idle' | undefined;
  if (session && user && !(await sessionStillActive(sessionActivityStore(s.db), session, Date.now(), env.idleMs, !background))) {
    user = null;
    sessionEnded = 'idle';
  }
  if (request && user) request.userId = user.id;
  return { services: s, user, locale, address: request?.address, requestId: request?.id, sessionEnded };
}

/** A fault (not a refusal) is logged with its cause and the request's id, which the caller's message shows (trpc.ts). */
export function reportInternalError({ error, path, ctx }: { error: { code: string; cause?: unknown }; path?: string; ctx?: { requestId?: string; user?: { id: number } | null } }) {
  if (error.code !== 'INTERNAL_SERVER_ERROR') return;
  log().error({ event: 'internal-error', requestId: ctx?.requestId ?? currentRequest()?.id, path, user: ctx?.user?.id, ...loggableCause(error.cause ?? error) }, 'internal error');
}
