// Proceeds held until reclamation is accepted (seed 001 二(二); docs/decisions/0015-holdback.md), per
// project: held now, released to the county, forfeited to the province, with the acceptance deadline
// and the totals. Shown to the county on its proceeds page, to the city on the obligations page, to the
// province on its proceeds page.
import Link from 'next/link';
import type { AppRouter } from '@/server/app-router';
import type { inferRouterOutputs } from '@trpc/server';
import { type Locale, translator } from '@/lib/i18n';
import { Money, Stat, Time } from './ui';

type Holdbacks = inferRouterOutputs<AppRouter>['proceeds']['holdbacks'];

export function HoldbackSection({ holdbacks, locale, showCounty }: { holdbacks: Holdbacks; locale: Locale; showCounty: boolean }) {
  const t = translator(locale, 'proceeds');
  const { rows, totals } = holdbacks;
  return (
    <section data-testid="holdback">
      <h2>{t('holdback_title')}</h2>
      <p className="muted">{t('holdback_intro', { rate: holdbacks.holdbackBp / 100 })}</p>
      <div className="stats">
        <Stat label={t('holdback_held')} testId="holdback-held">
          <Money fen={totals.heldFen} locale={locale} />
        </Stat>
        <Stat label={t('holdback_released')} testId="holdback-released">
          <Money fen={totals.releasedFen} locale={locale} />
        </Stat>
        <Stat label={t('holdback_forfeited')} testId="holdback-forfeited">
          <Money fen={totals.forfeitedFen} locale={locale} />
        </Stat>
      </div>
      {rows.length === 0 ? (
        <p className="card muted">{t('holdback_empty')}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="holdback-by-project">
            <thead>
              <tr>
                <th>{t('col_project')}</th>
                {showCounty ? (
                  <>
                    <th>{t('col_county')}</th>
                    <th>{t('col_city')}</th>
                  </>
                ) : null}
                <th>{t('col_lot')}</th>
                <th className="num">{t('col_heldInAll')}</th>
                <th className="num">{t('col_held')}</th>
                <th className="num">{t('col_released')}</th>
                <th className="num">{t('col_forfeited')}</th>
                <th>{t('col_deadline')}</th>
                <th>{t('col_holdbackState')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.projectId} data-state={r.state}>
                  <td>
                    <Link href={`/projects/${r.projectId}`}>{r.projectName}</Link>
                  </td>
                  {showCounty ? (
                    <>
                      <td>{r.countyName}</td>
                      <td>{r.cityName}</td>
                    </>
                  ) : null}
                  <td>{r.lotCode}</td>
                  <td className="num">
                    <Money fen={r.heldInAllFen} locale={locale} />
                  </td>
                  <td className="num">
                    <Money fen={r.heldFen} locale={locale} />
                  </td>
                  <td className="num">
                    <Money fen={r.releasedFen} locale={locale} />
                  </td>
                  <td className="num">
                    <Money fen={r.forfeitedFen} locale={locale} />
                  </td>
                  <td>
                    <Time ms={r.deadline} locale={locale} />
                    {r.overdue && r.reclamationAcceptedAt === null ? <span className="error-text"> {t('holdback_overdue')}</span> : null}
                  </td>
                  <td>{t(`holdback_state_${r.state}`)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th colSpan={showCounty ? 5 : 3}>{t('total')}</th>
                <th className="num">
                  <Money fen={totals.heldFen} locale={locale} />
                </th>
                <th className="num">
                  <Money fen={totals.releasedFen} locale={locale} />
                </th>
                <th className="num">
                  <Money fen={totals.forfeitedFen} locale={locale} />
                </th>
                <th colSpan={2} />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
