import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { FlashProvider } from '@/components/flash';
import { LOCALE_COOKIE, asLocale, translate } from '@/lib/i18n';
import { LocaleProvider } from '@/lib/i18n/client';
import { Providers } from '@/lib/trpc';
import { pageContext } from '@/server/page';
import { NavLinks } from '@/components/nav-links';
import { LanguageSwitch } from '@/components/language-switch';
import { signOutAction } from './actions';
import './globals.css';

/** The title in the reader's language (the language cookie, as every page reads it). */
export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(asLocale((await cookies()).get(LOCALE_COOKIE)?.value), 'ui', 'appName') };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const { user, locale, t } = await pageContext();
  return (
    <html lang={locale === 'zh' ? 'zh-CN' : 'en'}>
      <body>
        <header className="topbar">
          <Link href="/" className="brand">
            {t('appName')}
            <small>{t('appSubtitle')}</small>
          </Link>
          <nav>
            <NavLinks role={user?.role ?? null} locale={locale} />
          </nav>
          <div className="who">
            {user ? (
              <>
                <span data-testid="who">
                  {user.organisationName} · {user.displayName}
                </span>
                <form action={signOutAction}>
                  <button type="submit" className="link">
                    {t('signOut')}
                  </button>
                </form>
              </>
            ) : (
              <Link href="/login">{t('signIn')}</Link>
            )}
            <LanguageSwitch next={locale === 'zh' ? 'en' : 'zh'} label={t('language')} />
          </div>
        </header>
        <LocaleProvider locale={locale}>
          <Providers>
            <main>
              <FlashProvider>{children}</FlashProvider>
            </main>
          </Providers>
        </LocaleProvider>
      </body>
    </html>
  );
}
