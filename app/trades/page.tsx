// Trades with their confirmation numbers: a county's sales, a zone's awards (with 付款), every trade
// for the province (trades.list).
import Link from 'next/link';
import { translator } from '@/lib/i18n';
import { requireRole } from '@/server/web/page';
import { Money, Mu, PricePerMu, StandingBadge, StatusBadge, Time } from '@/components/ui';
import { Pager, pageParam } from '@/components/pager';
import { PayButton } from './pay-button';

export default async function TradesPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const { caller, locale, user } = await requireRole('county', 'zone', 'province');
  const tm = translator(locale, 'market');
  const { trades, total, page, pageSize, awaiting } = await caller.trades.list({ page: pageParam((await searchParams).page) });
  const zone = user.role === 'zone';
  const title = zone ? 'trades_title_zone' : user.role === 'county' ? 'trades_title_county' : 'trades_title_province';

  return (
    <>
      <h1>{tm(title)}</h1>
      {zone ? <p className="muted">{tm('trades_intro_zone')}</p> : null}
      {awaiting && awaiting.count > 0 ? (
        <div className="stats">
          <div className="stat">
            <div className="label">{tm('trades_awaiting')}</div>
            <div className="value">{awaiting.count}</div>
          </div>
          <div className="stat">
            <div className="label">{tm('trades_due_total')}</div>
            <div className="value">
              <Money fen={awaiting.dueFen} locale={locale} />
            </div>
          </div>
        </div>
      ) : null}
      {total === 0 ? (
        <p className="card muted">{tm('trades_empty')}</p>
      ) : (
        <>
        <p className="muted">{tm('list_count', { count: total })}</p>
        <div className="table-scroll">
          <table data-testid="trades">
            <thead>
              <tr>
                <th>{tm('col_confirmationNo')}</th>
                <th>{tm('col_listing')}</th>
                {zone ? null : <th>{tm('col_buyer')}</th>}
                {user.role === 'county' ? null : <th>{tm('col_seller')}</th>}
                <th>{tm('col_project')}</th>
                <th className="num">{tm('col_qty')}</th>
                <th className="num">{tm('col_price')}</th>
                <th className="num">{tm('col_amount')}</th>
                <th className="num">{tm('col_deposit')}</th>
                <th className="num">{tm('col_balanceDue')}</th>
                <th>{tm('col_dueAt')}</th>
                <th>{tm('col_status')}</th>
                {zone ? <th>{tm('col_action')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {trades.map((tr) => (
                <tr key={tr.id} data-testid="trade-row" data-status={tr.status}>
                  <td className="nowrap">
                    <Link href={`/trades/${tr.id}`}>{tr.confirmationNo}</Link>
                  </td>
                  <td className="nowrap">
                    <Link href={`/listings/${tr.listingId}`}>{tr.listingCode}</Link>
                  </td>
                  {zone ? null : <td>{tr.buyerName}</td>}
                  {user.role === 'county' ? null : <td>{tr.sellerName}</td>}
                  <td>
                    {tr.projectName}
                    <div className="muted">{tr.lotCode}</div>
                  </td>
                  <td className="num">
                    <Mu milliMu={tr.qtyMilliMu} locale={locale} />
                    {tr.standing ? <div><StandingBadge standing={tr.standing} locale={locale} /></div> : null}
                  </td>
                  <td className="num">
                    <PricePerMu fen={tr.priceFenPerMu} locale={locale} />
                  </td>
                  <td className="num">
                    <Money fen={tr.amountFen} locale={locale} />
                  </td>
                  <td className="num">
                    <Money fen={tr.depositFen} locale={locale} />
                  </td>
                  <td className="num">{tr.status === 'awaiting_payment' ? <Money fen={tr.amountFen - tr.depositFen} locale={locale} /> : '—'}</td>
                  <td>
                    <Time ms={tr.dueAt} locale={locale} />
                  </td>
                  <td>
                    <StatusBadge status={tr.status} locale={locale} />
                  </td>
                  {zone ? (
                    <td>
                      <PayButton trade={tr} payable={tr.status === 'awaiting_payment'} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pager page={page} total={total} pageSize={pageSize} href={(p) => (p > 1 ? `/trades?page=${p}` : '/trades')} locale={locale} testId="trades-pager" />
        </>
      )}
    </>
  );
}
