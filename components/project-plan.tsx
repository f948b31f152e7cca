// A project's plan as submitted: its terms and the demolition plots with their totals (亩, as the
// column heads say).
import { Mu, Time } from '@/components/ui';
import { formatMu } from '@/lib/format';
import { type Locale, translator } from '@/lib/i18n';
import type { ProjectView } from './project-types';

export function PlanSection({ view, locale }: { view: ProjectView; locale: Locale }) {
  const t = translator(locale, 'projects');
  const { project, plots } = view;
  const area = plots.reduce((sum, p) => sum + p.areaMilliMu, 0);
  return (
    <section className="card" aria-labelledby="plan-heading">
      <h2 id="plan-heading">{t('section_plan')}</h2>
      <dl className="terms">
        <dt>{t('col_county')}</dt>
        <dd>
          {view.countyName}
          {view.expandedPower ? <small className="muted"> · {t('expanded_power')}</small> : null}
        </dd>
        <dt>{t('field_villages')}</dt>
        <dd>{project.villages}</dd>
        <dt>{t('field_forCrossRegion')}</dt>
        <dd>{t(project.forCrossRegion ? 'yes' : 'no')}</dd>
        <dt>{t('field_landType')}</dt>
        <dd>{translator(locale, 'ui')(`landType_${project.landType}`)}</dd>
        <dt>{t('field_resettlement')}</dt>
        <dd>
          <Mu milliMu={project.resettlementMilliMu} locale={locale} />
        </dd>
        <dt>{t('total_surplus')}</dt>
        <dd data-testid="plan-surplus">
          <Mu milliMu={area - project.resettlementMilliMu} locale={locale} />
        </dd>
        <dt>{t('field_createdAt')}</dt>
        <dd>
          <Time ms={project.createdAt} locale={locale} />
        </dd>
        {project.submittedAt !== null ? (
          <>
            <dt>{t('field_submittedAt')}</dt>
            <dd>
              <Time ms={project.submittedAt} locale={locale} />
            </dd>
          </>
        ) : null}
        {project.approvedAt !== null ? (
          <>
            <dt>{t('field_approvedAt')}</dt>
            <dd>
              <Time ms={project.approvedAt} locale={locale} />
            </dd>
            <dt>{t('field_approvalRef')}</dt>
            <dd>{project.approvalRef}</dd>
          </>
        ) : null}
      </dl>
      <h3>{t('plots_title')}</h3>
      <PlotsTable plots={plots} locale={locale} />
    </section>
  );
}

/** The demolition plots with their totals; also shown on the trace pages. */
export function PlotsTable({ plots, locale }: { plots: ProjectView['plots']; locale: Locale }) {
  const t = translator(locale, 'projects');
  const area = plots.reduce((sum, p) => sum + p.areaMilliMu, 0);
  const farmland = plots.reduce((sum, p) => sum + p.farmlandMilliMu, 0);
  return (
    <div className="table-scroll">
      <table data-testid="plots">
        <thead>
          <tr>
            <th>{t('col_plotCode')}</th>
            <th>{t('col_village')}</th>
            <th>{t('col_currentUse')}</th>
            <th className="num">{t('col_plotArea')}</th>
            <th className="num">{t('col_farmland')}</th>
            <th className="num">{t('col_grade')}</th>
          </tr>
        </thead>
        <tbody>
          {plots.map((p) => (
            <tr key={p.id}>
              <td>{p.code}</td>
              <td>{p.village}</td>
              <td>{t(`use_${p.currentUse}`)}</td>
              <td className="num">{formatMu(p.areaMilliMu)}</td>
              <td className="num">{formatMu(p.farmlandMilliMu)}</td>
              <td className="num">{p.farmlandGrade ?? '—'}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={3}>{t('total')}</th>
            <td className="num" data-testid="plots-total-area">
              {formatMu(area)}
            </td>
            <td className="num" data-testid="plots-total-farmland">
              {formatMu(farmland)}
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
