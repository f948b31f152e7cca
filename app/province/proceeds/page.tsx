// Received vs spent for every county (seed 001 三(三)): the province watches that proceeds go to
// poverty alleviation. Counties with the most left unspent come first.
import { HoldbackSection } from '@/components/holdback-table';
import { Money } from '@/components/ui';
import { translator } from '@/lib/i18n';
import { requireRole } from '@/server/web/page';

export default async function ProvinceProceedsPage() {
  const { caller, locale } = await requireRole('province');
  const t = translator(locale, 'proceeds');
  const holdbacks = await caller.proceeds.holdbacks();
  const rows = (await caller.proceeds.byCounty())
    .map((r) => ({ ...r, leftFen: r.receivedFen - r.spentFen }))
    .sort((a, b) => b.leftFen - a.leftFen || b.receivedFen - a.receivedFen || a.countyId - b.countyId);
  const sum = (key: 'receivedFen' | 'spentFen' | 'leftFen') => rows.reduce((s, r) => s + r[key], 0);
  const rate = (spent: number, received: number) => (received === 0 ? '—' : `${Math.floor((spent * 1000) / received) / 10}%`);

  return (
    <>
      <h1>{t('byCounty_title')}</h1>
      <p className="muted">{t('byCounty_intro')}</p>
      <div className="table-scroll">
        <table data-testid="proceeds-by-county">
          <thead>
            <tr>
              <th>{t('col_county')}</th>
              <th>{t('col_city')}</th>
              <th className="num">{t('col_received')}</th>
              <th className="num">{t('col_spent')}</th>
              <th className="num">{t('col_available')}</th>
              <th className="num">{t('col_rate')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.countyId}>
                <td>{r.countyName}</td>
                <td>{r.cityName}</td>
                <td className="num">
                  <Money fen={r.receivedFen} locale={locale} />
                </td>
                <td className="num">
                  <Money fen={r.spentFen} locale={locale} />
                </td>
                <td className="num">
                  <Money fen={r.leftFen} locale={locale} />
                </td>
                <td className="num">{rate(r.spentFen, r.receivedFen)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={2}>{t('total')}</th>
              <th className="num">
                <Money fen={sum('receivedFen')} locale={locale} />
              </th>
              <th className="num">
                <Money fen={sum('spentFen')} locale={locale} />
              </th>
              <th className="num">
                <Money fen={sum('leftFen')} locale={locale} />
              </th>
              <th className="num">{rate(sum('spentFen'), sum('receivedFen'))}</th>
            </tr>
          </tfoot>
        </table>
      </div>
      <HoldbackSection holdbacks={holdbacks} locale={locale} showCounty />
    </>
  );
}
