// The tables of the trace pages: where a lot's units went (serial ranges per sale) and which of its
// rights were used, for which land application.
import Link from 'next/link';
import { type Locale, translator } from '@/lib/i18n';
import { Mu, PricePerMu, Time } from './ui';

export interface SaleRow {
  tradeId: number;
  confirmationNo: string | null;
  buyerName: string;
  qtyMilliMu: number;
  farmlandMilliMu: number | null;
  priceFenPerMu: number;
  settledAt: number | null;
  range: string;
}

export interface UseRow {
  useId: number;
  zoneName: string;
  applicationName: string;
  approvalRef: string;
  asset: string;
  qtyMilliMu: number;
  at: number;
}

export function SalesTable({ rows, locale, testId, linkTrades }: { rows: SaleRow[]; locale: Locale; testId: string; linkTrades: boolean }) {
  const t = translator(locale, 'holdings');
  return (
    <div className="table-scroll">
      <table data-testid={testId}>
        <thead>
          <tr>
            <th>{t('col_serials')}</th>
            <th>{t('col_buyer')}</th>
            <th className="num">{t('col_qty')}</th>
            <th className="num">{t('col_farmland')}</th>
            <th className="num">{t('col_price')}</th>
            <th>{t('col_confirmation')}</th>
            <th>{t('col_settledAt')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.tradeId}>
              <td className="num">{s.range}</td>
              <td>{s.buyerName}</td>
              <td className="num">
                <Mu milliMu={s.qtyMilliMu} locale={locale} />
              </td>
              <td className="num">{s.farmlandMilliMu === null ? '—' : <Mu milliMu={s.farmlandMilliMu} locale={locale} />}</td>
              <td className="num">
                <PricePerMu fen={s.priceFenPerMu} locale={locale} />
              </td>
              <td>{linkTrades ? <Link href={`/trades/${s.tradeId}`}>{s.confirmationNo ?? `#${s.tradeId}`}</Link> : (s.confirmationNo ?? `#${s.tradeId}`)}</td>
              <td>
                <Time ms={s.settledAt} locale={locale} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function UsesTable({ rows, locale, testId }: { rows: UseRow[]; locale: Locale; testId: string }) {
  const t = translator(locale, 'holdings');
  const tu = translator(locale, 'ui');
  return (
    <div className="table-scroll">
      <table data-testid={testId}>
        <thead>
          <tr>
            <th>{t('col_time')}</th>
            <th>{t('col_zone')}</th>
            <th>{t('col_application')}</th>
            <th>{t('col_approvalRef')}</th>
            <th>{t('col_right')}</th>
            <th className="num">{t('col_area')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr key={`${u.useId}:${u.asset}`}>
              <td>
                <Time ms={u.at} locale={locale} />
              </td>
              <td>{u.zoneName}</td>
              <td>{u.applicationName}</td>
              <td>{u.approvalRef}</td>
              <td>{tu(`asset_${u.asset as 'NEW_LAND' | 'SCALE' | 'FARMLAND'}`)}</td>
              <td className="num">
                <Mu milliMu={u.qtyMilliMu} locale={locale} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
