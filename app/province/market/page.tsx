// Every listing in every state, for the province's view of the whole market: by phase, newest first, in pages.
import { ListingsTable } from '@/components/admin-listings-table';
import { Pager, pageParam } from '@/components/pager';
import { translator } from '@/lib/i18n';
import { requireRole } from '@/server/web/page';

const PHASES = ['pending_review', 'upcoming', 'open', 'closed', 'rejected', 'withdrawn'] as const;

export default async function ProvinceMarketPage({ searchParams }: { searchParams: Promise<{ status?: string; page?: string | string[] }> }) {
  const { caller, locale } = await requireRole('province');
  const t = translator(locale, 'admin');
  const tu = translator(locale, 'ui');
  const sp = await searchParams;
  // An unknown status typed in the address shows every listing.
  const phase = PHASES.find((p) => p === sp.status);
  const { listings, total, page, pageSize } = await caller.listings.all({ phase, page: pageParam(sp.page) });
  const href = (p: number) => {
    const q = new URLSearchParams();
    if (phase) q.set('status', phase);
    if (p > 1) q.set('page', String(p));
    return q.size > 0 ? `/province/market?${q.toString()}` : '/province/market';
  };
  return (
    <>
      <h1>{t('market_title')}</h1>
      <form className="row no-print" method="get">
        <label>
          {t('filter_status')}{' '}
          <select name="status" defaultValue={phase ?? ''}>
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
      <p className="muted">{t('ann_count', { count: total })}</p>
      <ListingsTable listings={listings} locale={locale} />
      <Pager page={page} total={total} pageSize={pageSize} href={href} locale={locale} testId="listings-pager" />
    </>
  );
}
