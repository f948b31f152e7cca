// An address that is no page (or a record the caller may not see): said in the user's language, with
// the way back to the home of their role, or to the public pages and sign-in when signed out.
import Link from 'next/link';
import { HOME_OF_ROLE, pageContext } from '@/server/web/page';

const HOME_NAME = { county: 'nav_countyQuota', zone: 'nav_market', province: 'nav_review', city: 'nav_projects' } as const;

export default async function NotFound() {
  const { user, t } = await pageContext();
  return (
    <div className="card narrow" data-testid="not-found">
      <h1>{t('notFound_title')}</h1>
      <p className="muted">{t('notFound_text')}</p>
      <p className="row">
        {user ? (
          <Link href={HOME_OF_ROLE[user.role]} className="button">
            {t('notFound_back', { page: t(HOME_NAME[user.role]) })}
          </Link>
        ) : (
          <>
            <Link href="/announcements" className="button">
              {t('notFound_back', { page: t('nav_announcements') })}
            </Link>
            <Link href="/login">{t('signIn')}</Link>
          </>
        )}
      </p>
    </div>
  );
}
