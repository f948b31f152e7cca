// One linking project for the county, its city and the province: the plan, its documents, what the
// caller may do next (the server's `can` decides), the lot and reclamation once approved, and history.
import Link from 'next/link';
import { load } from '@/components/market-load';
import { PageError } from '@/components/market-notice';
import { ReviewForm, SubmitProjectButton } from '@/components/project-actions';
import { ProjectStatusBadge } from '@/components/project-badges';
import { DocumentsSection } from '@/components/project-documents';
import { HistoryTable } from '@/components/project-history';
import { PlanSection } from '@/components/project-plan';
import { LotSection, ReclamationSection } from '@/components/project-reclamation';
import type { ProjectView } from '@/components/project-types';
import { type Locale, translator } from '@/lib/i18n';
import { requireRole } from '@/server/web/page';

export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { caller, locale, user } = await requireRole('county', 'city', 'province');
  const t = translator(locale, 'projects');
  const projectId = Number(id);
  if (!Number.isSafeInteger(projectId) || projectId <= 0) return <PageError message={t('bad_id')} />;
  const got = await load(() => caller.projects.get({ id: projectId }));
  if (!got.ok) return <PageError message={got.message} />;
  const view = got.data;
  const { project, can } = view;

  return (
    <>
      <p>
        <Link href="/projects">{t('back')}</Link>
      </p>
      <div className="row">
        <h1>{project.name}</h1>
        <ProjectStatusBadge status={project.status} locale={locale} />
      </div>
      <StatusNote view={view} locale={locale} />
      {can.edit || can.submit ? (
        <section className="card form" data-testid="county-actions">
          {can.edit ? (
            <p>
              <Link href={`/projects/${project.id}/edit`} className="button secondary">
                {t('edit')}
              </Link>
            </p>
          ) : null}
          {can.submit ? <SubmitProjectButton projectId={project.id} expandedPower={view.expandedPower} /> : null}
        </section>
      ) : null}
      {can.review && (user.role === 'city' || user.role === 'province') ? (
        <section className="card" aria-labelledby="review-heading">
          <h2 id="review-heading">{t(user.role === 'city' ? 'review_city_title' : 'review_province_title')}</h2>
          <ReviewForm project={{ id: project.id, name: project.name, countyName: view.countyName, surplusMilliMu: surplusOf(view) }} level={user.role} />
        </section>
      ) : null}
      <PlanSection view={view} locale={locale} />
      <DocumentsSection view={view} locale={locale} />
      {project.status === 'approved' ? (
        <>
          <LotSection view={view} locale={locale} />
          <ReclamationSection view={view} locale={locale} />
        </>
      ) : null}
      <HistoryTable history={view.history} locale={locale} />
    </>
  );
}

/** The surplus the plan's approval issues, as the plan section shows it: demolished area less resettlement. */
function surplusOf(view: ProjectView): number {
  return view.plots.reduce((sum, p) => sum + p.areaMilliMu, 0) - view.project.resettlementMilliMu;
}

/** Where the plan stands: returned with the reviewer's reason, or waiting for whom. */
function StatusNote({ view, locale }: { view: ProjectView; locale: Locale }) {
  const t = translator(locale, 'projects');
  const { status, returnReason } = view.project;
  if (status === 'returned')
    return (
      <div className="error" data-testid="return-reason">
        <p>{t('returned_note')}</p>
        <p>{t('return_reason_line', { reason: returnReason })}</p>
      </div>
    );
  if (status === 'city_review') return <p className="muted">{t('waiting_city')}</p>;
  if (status === 'province_review') return <p className="muted">{t('waiting_province')}</p>;
  return null;
}
