import Link from 'next/link';
import { type Locale, translator } from '@/lib/i18n';
import type { Role } from '@/server/data/users';

const LINKS = {
  county: [
    ['/county', 'nav_countyQuota'],
    ['/county/listings', 'nav_countyListings'],
    ['/trades', 'nav_trades'],
    ['/ledger', 'nav_proceeds'],
  ],
  zone: [
    ['/market', 'nav_market'],
    ['/bids', 'nav_bids'],
    ['/trades', 'nav_awards'],
    ['/ledger', 'nav_funds'],
  ],
  province: [
    ['/province', 'nav_review'],
    ['/province/market', 'nav_allListings'],
    ['/trades', 'nav_allTrades'],
    ['/province/funds', 'nav_recordFunds'],
    ['/province/settings', 'nav_settings'],
  ],
  city: [],
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
    </>
  );
}
