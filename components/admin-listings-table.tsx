// A table of listings with their terms and state, for the county's and the province's pages.
import Link from 'next/link';
import { Mu, PricePerMu, StatusBadge, Time } from '@/components/ui';
import { type Locale, translator } from '@/lib/i18n';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/app-router';

type Outputs = inferRouterOutputs<AppRouter>['listings'];

/** A closed listing's result (listings.mine, listings.all): its figures, and its trades to open. */
export type ListingResult = NonNullable<Outputs['all']['listings'][number]['result']>;

/** A listing as the province's and the county's lists answer it, with its result once closed. */
type Row = Outputs['reviewQueue'][number] & { result?: ListingResult | null };

export function ListingsTable<R extends Row>({ listings, locale, actions }: { listings: R[]; locale: Locale; actions?: (l: R) => React.ReactNode }) {
  const t = translator(locale, 'admin');
  const tu = translator(locale, 'ui');
  return (
    <div className="table-scroll">
      <table data-testid="listings-table">
        <thead>
          <tr>
            <th>{t('col_code')}</th>
            <th>{t('col_county')}</th>
            <th>{t('col_lot')}</th>
            <th>{t('col_mode')}</th>
            <th>{t('col_status')}</th>
            <th className="num">{t('col_qty')}</th>
            <th className="num">{t('col_reserve')}</th>
            <th className="num">{t('col_best')}</th>
            <th className="num">{t('col_bids')}</th>
            <th>{t('col_opensAt')}</th>
            <th>{t('col_closesAt')}</th>
            {actions ? <th>{t('col_actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {listings.map((l) => (
            <tr key={l.id} data-testid="listing-row" data-code={l.code}>
              <td>
                <Link href={`/listings/${l.id}`}>{l.code}</Link>
              </td>
              <td>
                {l.countyName}
                <br />
                <small className="muted">{l.cityName}</small>
              </td>
              <td>
                {l.lotCode}
                <br />
                <small className="muted">{l.projectName}</small>
              </td>
              <td>{tu(`mode_${l.mode}`)}</td>
              <td>
                <StatusBadge status={l.phase} locale={locale} />
                {l.reviewNote ? <div className="muted">{l.reviewNote}</div> : null}
              </td>
              <td className="num"><Mu milliMu={l.qtyMilliMu} locale={locale} /></td>
              <td className="num"><PricePerMu fen={l.reservePriceFenPerMu} locale={locale} /></td>
              {l.result ? (
                // Once closed, what it awarded takes the place of the best bid and the active bids.
                <td colSpan={2} data-testid="listing-result">
                  <Result result={l.result} locale={locale} />
                </td>
              ) : (
                <>
                  <td className="num">{l.bestPriceFenPerMu === null ? '—' : <PricePerMu fen={l.bestPriceFenPerMu} locale={locale} />}</td>
                  <td className="num">{l.activeBids}</td>
                </>
              )}
              <td><Time ms={l.opensAt} locale={locale} /></td>
              <td><Time ms={l.closesAt} locale={locale} /></td>
              {actions ? <td>{actions(l)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Result({ result, locale }: { result: ListingResult; locale: Locale }) {
  const t = translator(locale, 'admin');
  const s = result.summary;
  if (!s) return <span className="muted">{t('result_none')}</span>;
  return (
    <>
      <div>
        {t('result_awarded')} <Mu milliMu={s.qtyMilliMu} locale={locale} /> · {t('result_trades', { count: s.trades })}
      </div>
      <div data-testid="result-prices">
        {t('result_price')} <PricePerMu fen={s.lowestFenPerMu} locale={locale} />
        {s.highestFenPerMu !== s.lowestFenPerMu ? (
          <>
            {' – '}
            <PricePerMu fen={s.highestFenPerMu} locale={locale} />
          </>
        ) : null}
      </div>
      <ul className="result-trades">
        {result.trades.map((tr) => (
          <li key={tr.id}>
            <Link href={`/trades/${tr.id}`}>{tr.confirmationNo}</Link> <StatusBadge status={tr.status} locale={locale} />
          </li>
        ))}
      </ul>
    </>
  );
}
