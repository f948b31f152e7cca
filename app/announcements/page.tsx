// Public announcements (公示): approved listings, and the results of closed ones naming the winners.
// Each section is paged on its own (?listingsPage=&resultsPage=), newest first.
import Link from 'next/link';
import { Pager, pageParam } from '@/components/pager';
import { Money, Mu, PricePerMu, StatusBadge, Time } from '@/components/ui';
import { translator } from '@/lib/i18n';
import { pageContext } from '@/server/web/page';

type Search = { listingsPage?: string | string[]; resultsPage?: string | string[] };

export default async function AnnouncementsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { caller, locale } = await pageContext();
  const t = translator(locale, 'admin');
  const tu = translator(locale, 'ui');
  const sp = await searchParams;
  const input = { listingsPage: pageParam(sp.listingsPage), resultsPage: pageParam(sp.resultsPage) };
  const { listings, results, listingsTotal, resultsTotal, pageSize } = await caller.listings.announcements(input);
  const href = (which: 'listingsPage' | 'resultsPage') => (page: number) => {
    const q = new URLSearchParams();
    const pages = { ...input, [which]: page };
    for (const key of ['listingsPage', 'resultsPage'] as const) if ((pages[key] ?? 1) > 1) q.set(key, String(pages[key]));
    return q.size > 0 ? `/announcements?${q.toString()}` : '/announcements';
  };
  const pager = (which: 'listingsPage' | 'resultsPage', total: number, testId: string) => (
    <Pager page={input[which] ?? 1} total={total} pageSize={pageSize} href={href(which)} locale={locale} testId={testId} />
  );
  return (
    <>
      <h1>{t('ann_title')}</h1>
      <p className="muted">{t('ann_intro')}</p>
      <h2>{t('ann_listings')}</h2>
      {listingsTotal > 0 ? <p className="muted">{t('ann_count', { count: listingsTotal })}</p> : null}
      {listings.length === 0 ? (
        <p className="card muted">{t('ann_listings_empty')}</p>
      ) : (
        <table data-testid="announced-listings">
          <thead>
            <tr>
              <th>{t('col_code')}</th>
              <th>{t('col_city')}</th>
              <th>{t('col_county')}</th>
              <th>{t('col_mode')}</th>
              <th className="num">{t('col_qty')}</th>
              <th className="num">{t('col_reserve')}</th>
              <th>{t('col_opensAt')}</th>
              <th>{t('col_closesAt')}</th>
              <th>{t('col_status')}</th>
            </tr>
          </thead>
          <tbody>
            {listings.map((l) => (
              <tr key={l.id}>
                <td><Link href={`/listings/${l.id}`}>{l.code}</Link></td>
                <td>{l.cityName}</td>
                <td>{l.countyName}</td>
                <td>{tu(`mode_${l.mode}`)}</td>
                <td className="num"><Mu milliMu={l.qtyMilliMu} locale={locale} /></td>
                <td className="num"><PricePerMu fen={l.reservePriceFenPerMu} locale={locale} /></td>
                <td><Time ms={l.opensAt} locale={locale} /></td>
                <td><Time ms={l.closesAt} locale={locale} /></td>
                <td><StatusBadge status={l.phase} locale={locale} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pager('listingsPage', listingsTotal, 'listings-pager')}
      <h2>{t('ann_results')}</h2>
      {resultsTotal > 0 ? <p className="muted">{t('ann_count', { count: resultsTotal })}</p> : null}
      {results.length === 0 ? (
        <p className="card muted">{t('ann_results_empty')}</p>
      ) : (
        <table data-testid="results">
          <thead>
            <tr>
              <th>{t('col_code')}</th>
              <th>{t('col_county')}</th>
              <th>{t('col_winner')}</th>
              <th className="num">{t('col_qty')}</th>
              <th className="num">{t('col_price')}</th>
              <th className="num">{t('col_amount')}</th>
              <th>{t('col_confirmation')}</th>
              <th>{t('col_status')}</th>
            </tr>
          </thead>
          <tbody>
            {results.flatMap((l) =>
              l.trades.length === 0
                ? [
                    <tr key={`l${l.id}`}>
                      <td><Link href={`/listings/${l.id}`}>{l.code}</Link></td>
                      <td>{l.countyName}</td>
                      <td colSpan={6} className="muted">{t('ann_no_trade')}</td>
                    </tr>,
                  ]
                : l.trades.map((r) => (
                    <tr key={r.confirmationNo} data-testid="result-row">
                      <td><Link href={`/listings/${l.id}`}>{l.code}</Link></td>
                      <td>{l.countyName}</td>
                      <td>{r.buyerName}</td>
                      <td className="num"><Mu milliMu={r.qtyMilliMu} locale={locale} /></td>
                      <td className="num"><PricePerMu fen={r.priceFenPerMu} locale={locale} /></td>
                      <td className="num"><Money fen={r.amountFen} locale={locale} /></td>
                      <td>{r.confirmationNo}</td>
                      <td><StatusBadge status={r.status} locale={locale} /></td>
                    </tr>
                  )),
            )}
          </tbody>
        </table>
      )}
      {pager('resultsPage', resultsTotal, 'results-pager')}
    </>
  );
}
