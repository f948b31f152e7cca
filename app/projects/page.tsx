// Linking projects in the caller's jurisdiction; reviewers see first what waits for their decision.
import Link from 'next/link';
import { ObligationBanner } from '@/components/obligation-banner';
import { TodoList } from '@/components/todo-list';
import { ObligationBadge, ProjectStatusBadge } from '@/components/project-badges';
import type { ProjectListRow as Row, ProjectQueueRow as QueueRow } from '@/components/project-types';
import { Mu, Time } from '@/components/ui';
import { formatDate } from '@/lib/format';
import { type Locale, translator } from '@/lib/i18n';
import { requireRole } from '@/server/web/page';

export default async function ProjectsPage() {
  const { caller, locale, user } = await requireRole('county', 'city', 'province');
  const t = translator(locale, 'projects');
  const reviewer = user.role === 'city' || user.role === 'province';
  const [queue, projects, obligations, todo] = await Promise.all([
    reviewer ? caller.projects.queue() : Promise.resolve([]),
    caller.projects.list(),
    caller.projects.obligations(),
    // This page is the city's home: its 待办 lead it.
    user.role === 'city' ? caller.notifications.todo() : Promise.resolve(null),
  ]);
  return (
    <>
      <ObligationBanner rows={obligations} locale={locale} />
      <div className="row spread">
        <h1>{t('title')}</h1>
        {user.role === 'county' ? (
          <Link href="/projects/new" className="button">
            {t('new_project')}
          </Link>
        ) : null}
      </div>
      <p className="muted">{t(`intro_${user.role === 'county' ? 'county' : user.role === 'city' ? 'city' : 'province'}`)}</p>
      {todo ? <TodoList todo={todo} /> : null}
      {reviewer ? (
        <>
          <h2>{t('queue_title')}</h2>
          {queue.length === 0 ? <p className="card muted">{t('queue_empty')}</p> : <QueueTable rows={queue} locale={locale} />}
        </>
      ) : null}
      <h2>{t(user.role === 'county' ? 'mine_title' : 'all_title')}</h2>
      {projects.length === 0 ? <p className="card muted">{t('list_empty')}</p> : <ProjectsTable rows={projects} locale={locale} />}
    </>
  );
}

function QueueTable({ rows, locale }: { rows: QueueRow[]; locale: Locale }) {
  const t = translator(locale, 'projects');
  return (
    <div className="table-scroll">
      <table data-testid="review-queue">
        <thead>
          <tr>
            <th>{t('col_name')}</th>
            <th>{t('col_county')}</th>
            <th>{t('col_city')}</th>
            <th>{t('col_status')}</th>
            <th>{t('col_submittedAt')}</th>
            <th className="num">{t('col_area')}</th>
            <th className="num">{t('col_surplus')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id}>
              <td>
                <Link href={`/projects/${p.id}`}>{p.name}</Link>
              </td>
              <td>
                {p.countyName}
                {p.expandedPower ? <small className="muted"> · {t('expanded_power')}</small> : null}
              </td>
              <td>{p.cityName}</td>
              <td>
                <ProjectStatusBadge status={p.status} locale={locale} />
              </td>
              <td>
                <Time ms={p.submittedAt} locale={locale} />
              </td>
              <td className="num">
                <Mu milliMu={p.areaMilliMu} locale={locale} />
              </td>
              <td className="num">
                <Mu milliMu={p.areaMilliMu - p.resettlementMilliMu} locale={locale} />
              </td>
              <td>
                <Link href={`/projects/${p.id}`}>
                  {t('review_open')}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ProjectsTable({ rows, locale }: { rows: Row[]; locale: Locale }) {
  const t = translator(locale, 'projects');
  return (
    <div className="table-scroll">
      <table data-testid="projects">
        <thead>
          <tr>
            <th>{t('col_name')}</th>
            <th>{t('col_county')}</th>
            <th>{t('col_city')}</th>
            <th>{t('col_status')}</th>
            <th className="num">{t('col_area')}</th>
            <th>{t('col_lot')}</th>
            <th>{t('col_approvalRef')}</th>
            <th>{t('col_reclamation')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id} data-project-id={p.id}>
              <td>
                <Link href={`/projects/${p.id}`}>{p.name}</Link>
              </td>
              <td>{p.countyName}</td>
              <td>{p.cityName}</td>
              <td>
                <ProjectStatusBadge status={p.status} locale={locale} />
              </td>
              <td className="num">
                <Mu milliMu={p.areaMilliMu} locale={locale} />
              </td>
              <td>{p.lotCode ?? '—'}</td>
              <td>{p.approvalRef ?? '—'}</td>
              <td>
                {p.obligation ? (
                  <span className="nowrap">
                    <ObligationBadge state={p.obligation.state} locale={locale} />{' '}
                    <small className="muted">{formatDate(p.obligation.deadline, locale)}</small>
                  </span>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
