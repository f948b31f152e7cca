// A zone's declared demand for quota (用地需求申报), this year and the next: the declaration in force for
// each, a form to declare or revise it (confirmed first), and every declaration made. The province
// weighs them against supply in its outlook (seed 001 三(三), 四(三)).
import { DemandForm } from '@/components/demand-form';
import { Mu, Time } from '@/components/ui';
import { translator } from '@/lib/i18n';
import { formatMu } from '@/lib/format';
import { requireRole } from '@/server/web/page';

export default async function DemandPage() {
  const { caller, locale } = await requireRole('zone');
  const t = translator(locale, 'stats');
  const { years, current, revisions } = await caller.outlook.demand();
  // The form starts from the declaration in force, for a revision.
  const initial = Object.fromEntries(current.filter((c) => c.declaration).map((c) => [c.year, { area: formatMu(c.declaration!.areaMilliMu).replace(/,/g, ''), note: c.declaration!.note }]));

  return (
    <>
      <h1>{t('demand_title')}</h1>
      <p className="muted">{t('demand_intro')}</p>

      <h2>{t('demand_current')}</h2>
      <div className="stats" data-testid="demand-current">
        {current.map((c) => (
          <div className="stat" key={c.year} data-year={c.year}>
            <div className="label">{t('outlook_year', { year: c.year })}</div>
            <div className="value">{c.declaration ? <Mu milliMu={c.declaration.areaMilliMu} locale={locale} /> : <span className="muted">{t('demand_none')}</span>}</div>
          </div>
        ))}
      </div>

      <section className="card">
        <h2>{t('demand_declare')}</h2>
        <DemandForm years={years} initial={initial} />
      </section>

      <h2>{t('demand_history')}</h2>
      {revisions.length === 0 ? (
        <p className="card muted">{t('demand_historyEmpty')}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="demand-history">
            <thead>
              <tr>
                <th className="num">{t('field_demandYear')}</th>
                <th className="num">{t('col_demandRevision')}</th>
                <th className="num">{t('col_demandArea')}</th>
                <th>{t('col_demandNote')}</th>
                <th>{t('col_declaredAt')}</th>
                <th>{t('col_declaredBy')}</th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((r) => (
                <tr key={r.id}>
                  <td className="num">{r.year}</td>
                  <td className="num">{r.revision}</td>
                  <td className="num">
                    <Mu milliMu={r.areaMilliMu} locale={locale} />
                  </td>
                  <td>{r.note}</td>
                  <td>
                    <Time ms={r.declaredAt} locale={locale} />
                  </td>
                  <td>{r.declaredByName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
