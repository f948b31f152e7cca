import Link from 'next/link';
import { type Locale, translator } from '@/lib/i18n';
import type { Role } from '@/server/kernel/roles';

const LINKS = {
  county: [
    ['/county', 'nav_countyQuota'],
    ['/projects', 'nav_projects'],
    ['/county/listings', 'nav_countyListings'],
    ['/trades', 'nav_trades'],
    ['/ledger', 'nav_proceeds'],
    ['/proceeds', 'nav_spendProceeds'],
    ['/obligations', 'nav_obligations'],
    ['/dashboard', 'nav_dashboard'],
  ],
  zone: [
    ['/market', 'nav_market'],
    ['/bids', 'nav_bids'],
    ['/trades', 'nav_awards'],
    ['/ledger', 'nav_funds'],
    ['/uses', 'nav_uses'],
    ['/demand', 'nav_demand'],
    ['/dashboard', 'nav_dashboard'],
  ],
  province: [
    ['/province', 'nav_review'],
    ['/projects', 'nav_projects'],
    ['/province/market', 'nav_allListings'],
    ['/trades', 'nav_allTrades'],
    ['/province/funds', 'nav_recordFunds'],
    ['/province/proceeds', 'nav_allProceeds'],
    ['/province/plan', 'nav_plan'],
    ['/province/guidance', 'nav_guidance'],
    ['/dashboard', 'nav_dashboard'],
    ['/province/outlook', 'nav_outlook'],
    ['/province/integrity', 'nav_integrity'],
    ['/obligations', 'nav_obligations'],
    ['/province/settings', 'nav_settings'],
    ['/province/audit', 'nav_audit'],
    ['/province/users', 'nav_users'],
  ],
  city: [
    ['/projects', 'nav_projects'],
    ['/obligations', 'nav_obligations'],
    ['/province/outlook', 'nav_outlook'],
  ],
} as const;

export function NavLinks({ role, locale }: { role: Role | null; locale: Locale }) {
  const t = translator(locale, 'ui');
  const links = role ? LINKS[role] : [];
  return (
    <>
      {links.map(([href, key]) => (
        <Link key={href} href={href}>
          {t(key)}
        </Link>
      ))}
      <Link href="/announcements">{t('nav_announcements')}</Link>
      <Link href="/stats">{t('nav_stats')}</Link>
      {role ? <Link href="/api-keys">{t('nav_apiKeys')}</Link> : null}
    </>
  );
}
