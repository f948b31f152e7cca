// Every listing in every state, for the province's view of the whole market.
import { ListingsTable } from '@/components/admin-listings-table';
import { translator } from '@/lib/i18n';
import { requireRole } from '@/server/page';

const PHASES = ['pending_review', 'upcoming', 'open', 'closed', 'rejected', 'withdrawn'] as const;

export default async function ProvinceMarketPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const { caller, locale } = await requireRole('province');
  const t = translator(locale, 'admin');
  const tu = translator(locale, 'ui');
  const { status } = await searchParams;
  const all = await caller.listings.all();
  const shown = PHASES.includes(status as (typeof PHASES)[number]) ? all.filter((l) => l.phase === status) : all;
  return (
    <>
      <h1>{t('market_title')}</h1>
      <form className="row no-print" method="get">
        <label>
          {t('filter_status')}{' '}
          <select name="status" defaultValue={status ?? ''}>
            <option value="">{t('filter_all')}</option>
            {PHASES.map((p) => (
              <option key={p} value={p}>
                {tu(`status_${p}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="secondary">
          {t('filter')}
        </button>
      </form>
      <ListingsTable listings={shown} locale={locale} />
    </>
  );
}
