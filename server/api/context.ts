import 'server-only';
import { cookies } from 'next/headers';
import { LOCALE_COOKIE, asLocale } from '@/lib/i18n/define';
import { auth } from '@/server/auth';
import { sessionUser } from '@/server/data/users';
import { services } from '@/server/runtime';
import type { Context } from './trpc';

/** The request's context: services, the signed-in user reloaded from the database, the language. */
export async function createContext(): Promise<Context> {
  const [session, jar] = await Promise.all([auth(), cookies()]);
  const s = services();
  const id = Number(session?.user?.id);
  return {
    services: s,
    user: Number.isSafeInteger(id) && id > 0 ? sessionUser(s.db, id, Number((session?.user as { sv?: number } | undefined)?.sv ?? -1)) : null,
    locale: asLocale(jar.get(LOCALE_COOKIE)?.value),
  };
}
