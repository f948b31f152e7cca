import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { FlashProvider } from '@/components/flash';
import { LOCALE_COOKIE, asLocale, translate, translator } from '@/lib/i18n';
import { clientMessages } from '@/lib/i18n/catalogue';
import { MessagesProvider } from '@/lib/i18n/client';
import { Providers } from '@/lib/trpc';
import { env } from '@/server/kernel/env';
import { PASSWORD_PAGE, pageContext } from '@/server/web/page';
import { NavLinks } from '@/components/nav-links';
import { LanguageSwitch } from '@/components/language-switch';
import { signOutAction } from './actions';
import './globals.css';

/** The title in the reader's language (the language cookie, as every page reads it). */
export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(asLocale((await cookies()).get(LOCALE_COOKIE)?.value), 'ui', 'appName') };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const { user, locale, t, caller } = await pageContext();
  // A user who still owes a new password may call nothing else (server/kernel/trpc.ts).
  const unread = user && !user.mustChangePassword ? await caller.notifications.unreadCount() : 0;
  return (
    <html lang={locale === 'zh' ? 'zh-CN' : 'en'}>
      <body>
        {env.demo ? (
          <p className="banner banner-demo" role="note" data-testid="demo-banner">
            {t('banner_demo')}
          </p>
        ) : null}
        {env.testClock ? (
          <p className="banner banner-warning" role="note" data-testid="test-clock-banner">
            {t('banner_test_clock')}
          </p>
        ) : null}
        <header className="topbar">
          <Link href="/" className="brand">
            {t('appName')}
            <small>{t('appSubtitle')}</small>
          </Link>
          <nav aria-label={t('nav_main')}>
            <NavLinks role={user && !user.mustChangePassword ? user.role : null} locale={locale} />
          </nav>
          <div className="who">
            {user ? (
              <>
                <span data-testid="who">
                  {user.organisationName} · {user.displayName}
                </span>
                <Link href="/messages" data-testid="messages-link" aria-label={translator(locale, 'notifications')('header_unread', { n: unread })}>
                  {translator(locale, 'notifications')('header_messages')}
                  {unread > 0 ? <span className="badge unread" data-testid="unread-count">{unread}</span> : null}
                </Link>
                <Link href={PASSWORD_PAGE}>{t('account_password')}</Link>
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
        <MessagesProvider locale={locale} messages={clientMessages(locale)}>
          <Providers>
            <main>
              {user?.mustChangePassword ? (
                <p className="banner banner-warning" role="alert" data-testid="must-change-banner">
                  {t('banner_must_change')}
                </p>
              ) : null}
              <FlashProvider>{children}</FlashProvider>
            </main>
          </Providers>
        </MessagesProvider>
      </body>
    </html>
  );
}
