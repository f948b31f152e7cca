// What follows approval: the lot of surplus quota the project issued, and its reclamation obligation
// (deadline, reminders, the consequences of being overdue), reports and the city's decisions.
import Link from 'next/link';
import { Mu, Time } from '@/components/ui';
import { type Locale, translator } from '@/lib/i18n';
import { ObligationBadge } from './project-badges';
import { ProgressForm, ReclamationRefForm } from './project-reclamation-forms';
import type { ProjectView } from './project-types';

export function LotSection({ view, locale }: { view: ProjectView; locale: Locale }) {
  const t = translator(locale, 'projects');
  const { lot } = view;
  return (
    <section className="card" aria-labelledby="lot-heading" data-testid="lot">
      <h2 id="lot-heading">{t('lot_title')}</h2>
      {lot ? (
        <>
          <dl className="terms">
            <dt>{t('lot_code')}</dt>
            <dd>{lot.code}</dd>
            <dt>{t('lot_qty')}</dt>
            <dd>
              <Mu milliMu={lot.qtyMilliMu} locale={locale} />
            </dd>
            <dt>{t('lot_farmland')}</dt>
            <dd>
              <Mu milliMu={lot.farmlandMilliMu} locale={locale} />
            </dd>
            <dt>{t('lot_issuedAt')}</dt>
            <dd>
              <Time ms={lot.issuedAt} locale={locale} />
            </dd>
          </dl>
          <Link href={`/projects/${view.project.id}/trace`}>{t('trace_link')}</Link>
        </>
      ) : (
        <p className="muted">{t('lot_none')}</p>
      )}
    </section>
  );
}

type Obligation = NonNullable<ProjectView['project']['obligation']>;

function ObligationNotice({ obligation, locale }: { obligation: Obligation; locale: Locale }) {
  const t = translator(locale, 'projects');
  if (obligation.state === 'overdue')
    return (
      <div className="error" data-testid="overdue-consequences">
        {t('consequences_title')}
        <ul className="consequences">
          {obligation.consequences.map((c) => (
            <li key={c}>{t(`consequence_${c}`)}</li>
          ))}
        </ul>
      </div>
    );
  if (obligation.reminderDays !== null && obligation.daysLeft !== null)
    return (
      <p className="reminder" role="status" data-reminder-days={obligation.reminderDays}>
        {t('reminder', { n: obligation.daysLeft })}
      </p>
    );
  return null;
}

export function ReclamationSection({ view, locale }: { view: ProjectView; locale: Locale }) {
  const t = translator(locale, 'projects');
  const { project, reports, can } = view;
  const obligation = project.obligation;
  if (!obligation) return null;
  return (
    <section className="card" aria-labelledby="reclamation-heading" data-testid="reclamation">
      <h2 id="reclamation-heading">{t('reclamation_title')}</h2>
      <dl className="terms">
        <dt>{t('field_reclamationState')}</dt>
        <dd>
          <ObligationBadge state={obligation.state} locale={locale} />
        </dd>
        <dt>{t('deadline')}</dt>
        <dd>
          <Time ms={obligation.deadline} locale={locale} />{' '}
          <small className="muted">{t(project.firstTradedAt !== null ? 'deadline_basis_trade' : 'deadline_basis_approval')}</small>
        </dd>
        {obligation.daysLeft !== null ? (
          <>
            <dt>{t('days_left')}</dt>
            <dd className={obligation.daysLeft < 0 ? 'num error-text' : 'num'} data-testid="days-left">
              {obligation.daysLeft < 0 ? t('overdue_days', { n: -obligation.daysLeft }) : t('days_n', { n: obligation.daysLeft })}
            </dd>
          </>
        ) : null}
        <dt>{t('design_ref')}</dt>
        <dd>{project.designRef ?? '—'}</dd>
        <dt>{t('design_at')}</dt>
        <dd>
          <Time ms={project.designApprovedAt} locale={locale} />
        </dd>
        {project.reclamationAcceptedAt !== null ? (
          <>
            <dt>{t('acceptance_ref')}</dt>
            <dd>{project.acceptanceRef}</dd>
            <dt>{t('accepted_at')}</dt>
            <dd>
              <Time ms={project.reclamationAcceptedAt} locale={locale} />
            </dd>
          </>
        ) : null}
      </dl>
      <ObligationNotice obligation={obligation} locale={locale} />
      {project.designApprovedAt === null ? <p className="muted">{t('design_pending')}</p> : null}
      {can.approveDesign ? <ReclamationRefForm project={{ id: project.id, name: project.name, countyName: view.countyName }} kind="design" /> : null}

      <h3>{t('reports_title')}</h3>
      {reports.length === 0 ? (
        <p className="muted">{t('reports_empty')}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="reports">
            <thead>
              <tr>
                <th>{t('col_reportAt')}</th>
                <th className="num">{t('col_percent')}</th>
                <th>{t('col_note')}</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Time ms={r.at} locale={locale} />
                  </td>
                  <td className="num">{r.percent}%</td>
                  <td>{r.note || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {can.report ? <ProgressForm projectId={project.id} /> : null}
      {can.accept ? <ReclamationRefForm project={{ id: project.id, name: project.name, countyName: view.countyName }} kind="accept" /> : null}
    </section>
  );
}
