// A table of listings with their terms and state, for the county's and the province's pages.
import Link from 'next/link';
import { Mu, PricePerMu, StatusBadge, Time } from '@/components/ui';
import { type Locale, translator } from '@/lib/i18n';
import type { ListingView } from '@/server/data/views';
import type { ListingPhase } from '@/server/domain/auction';

type Row = ListingView & { phase: ListingPhase };

export function ListingsTable({ listings, locale, actions }: { listings: Row[]; locale: Locale; actions?: (l: Row) => React.ReactNode }) {
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
              <td className="num">{l.bestPriceFenPerMu === null ? '—' : <PricePerMu fen={l.bestPriceFenPerMu} locale={locale} />}</td>
              <td className="num">{l.activeBids}</td>
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
