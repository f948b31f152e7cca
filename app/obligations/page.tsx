// Reclamation obligations in the caller's jurisdiction (seed 001 二(二)): the county its own, the city
// its counties', the province all; overdue first, then by deadline.
import Link from 'next/link';
import { ObligationBanner } from '@/components/obligation-banner';
import { ObligationBadge } from '@/components/project-badges';
import { HoldbackSection } from '@/components/holdback-table';
import { Time } from '@/components/ui';
import { translator } from '@/lib/i18n';
import { requireRole } from '@/server/web/page';

export default async function ObligationsPage() {
  const { caller, locale, user } = await requireRole('county', 'city', 'province');
  const t = translator(locale, 'projects');
  const rows = await caller.projects.obligations();
  // The city sees here what is held of its counties' proceeds until it accepts (the county and the province on their proceeds pages).
  const holdbacks = user.role === 'city' ? await caller.proceeds.holdbacks() : null;
  return (
    <>
      <h1>{t('obligations_title')}</h1>
      <p className="muted">{t('obligations_intro')}</p>
      <ObligationBanner rows={rows} locale={locale} />
      {rows.length === 0 ? (
        <p className="card muted">{t('obligations_empty')}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="obligations">
            <thead>
              <tr>
                <th>{t('col_name')}</th>
                <th>{t('col_county')}</th>
                <th>{t('col_city')}</th>
                <th>{t('col_basis')}</th>
                <th>{t('col_deadline')}</th>
                <th className="num">{t('col_daysLeft')}</th>
                <th>{t('col_obligation')}</th>
                <th>{t('col_consequences')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => {
                const o = p.obligation!;
                return (
                  <tr key={p.id} data-state={o.state}>
                    <td>
                      <Link href={`/projects/${p.id}`}>{p.name}</Link>
                    </td>
                    <td>{p.countyName}</td>
                    <td>{p.cityName}</td>
                    <td>
                      {t(p.firstTradedAt !== null ? 'basis_trade' : 'basis_approval')} <Time ms={p.firstTradedAt ?? p.approvedAt} locale={locale} />
                    </td>
                    <td>
                      <Time ms={o.deadline} locale={locale} />
                    </td>
                    <td className={o.state === 'overdue' ? 'num error-text' : 'num'}>
                      {o.daysLeft === null ? '—' : o.daysLeft < 0 ? t('overdue_days', { n: -o.daysLeft }) : t('days_n', { n: o.daysLeft })}
                    </td>
                    <td>
                      <ObligationBadge state={o.state} locale={locale} />
                    </td>
                    <td>{o.consequences.map((c) => t(`consequence_${c}`)).join('；')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {holdbacks && (holdbacks.rows.length > 0 || holdbacks.holdbackBp > 0) ? <HoldbackSection holdbacks={holdbacks} locale={locale} showCounty /> : null}
    </>
  );
}
