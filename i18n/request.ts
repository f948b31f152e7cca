// next-intl's configuration for a request, without i18n routing: the language is the `qx-lang`
// cookie's, read from the jar so that a server action's new cookie counts at once (server/web/page.ts).
// next-intl's server APIs (getTranslations, useTranslations in a server component) read it; pages
// use translator() from pageContext, and the layout hands client components their messages itself.
import { getRequestConfig } from 'next-intl/server';
import { cookies } from 'next/headers';
import { messagesOf } from '@/lib/i18n/catalogue';
import { LOCALE_COOKIE, TIME_ZONE, asLocale } from '@/lib/i18n/define';

export default getRequestConfig(async () => {
  const locale = asLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: messagesOf(locale), timeZone: TIME_ZONE };
});
