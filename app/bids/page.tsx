// A zone's bids and offers with the listing each belongs to (bids.mine), newest first, in pages.
import Link from 'next/link';
import { Pager, pageParam } from '@/components/pager';
import { translator } from '@/lib/i18n';
import { requireRole } from '@/server/web/page';
import { Money, Mu, PricePerMu, StandingBadge, StatusBadge, Time } from '@/components/ui';

export default async function BidsPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const { caller, locale } = await requireRole('zone');
  const tm = translator(locale, 'market');
  const tu = translator(locale, 'ui');
  const { bids, total, page, pageSize } = await caller.bids.mine({ page: pageParam((await searchParams).page) });

  return (
    <>
      <h1>{tm('bids_title')}</h1>
      <p className="muted">{tm('bids_intro')}</p>
      <p className="muted">{tu('standing_hint')}</p>
      {total === 0 ? (
        <p className="card muted">
          {tm('bids_empty')} <Link href="/market">{tm('market_title')}</Link>
        </p>
      ) : (
        <>
          <p className="muted">{tm('list_count', { count: total })}</p>
          <div className="table-scroll">
            <table data-testid="my-bids">
              <thead>
                <tr>
                  <th>{tm('col_listing')}</th>
                  <th>{tm('col_county')}</th>
                  <th>{tm('col_kind')}</th>
                  <th className="num">{tm('col_price')}</th>
                  <th className="num">{tm('col_qty')}</th>
                  <th className="num">{tm('col_deposit')}</th>
                  <th>{tm('col_placedAt')}</th>
                  <th>{tm('col_closesAt')}</th>
                  <th>{tm('col_status')}</th>
                </tr>
              </thead>
              <tbody>
                {bids.map((b) => (
                  <tr key={b.id} data-testid="bid-row">
                    <td className="nowrap">
                      <Link href={`/listings/${b.listingId}`}>{b.listingCode}</Link>
                    </td>
                    <td>{b.countyName}</td>
                    <td>{tm(b.kind === 'bid' ? 'kind_bid' : 'kind_offer')}</td>
                    <td className="num">
                      <PricePerMu fen={b.priceFenPerMu} locale={locale} />
                    </td>
                    <td className="num">
                      <Mu milliMu={b.qtyMilliMu} locale={locale} />
                    </td>
                    <td className="num">
                      <Money fen={b.depositFen} locale={locale} />
                    </td>
                    <td>
                      <Time ms={b.placedAt} locale={locale} />
                    </td>
                    <td>
                      <Time ms={b.closesAt} locale={locale} />
                    </td>
                    <td>{b.standing ? <StandingBadge standing={b.standing} locale={locale} /> : <StatusBadge status={b.status} locale={locale} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} total={total} pageSize={pageSize} href={(p) => (p > 1 ? `/bids?page=${p}` : '/bids')} locale={locale} testId="bids-pager" />
        </>
      )}
    </>
  );
}
