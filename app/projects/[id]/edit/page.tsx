// The county changes a plan that is still a draft or was returned to it.
import Link from 'next/link';
import { load } from '@/components/market-load';
import { toDecimalText } from '@/components/market-format';
import { PageError } from '@/components/market-notice';
import { ProjectForm, type ProjectDraft } from '@/components/project-form';
import type { ProjectView } from '@/components/project-types';
import { translator } from '@/lib/i18n';
import { requireRole } from '@/server/web/page';

function draftOf({ project, plots }: ProjectView): ProjectDraft {
  return {
    name: project.name,
    villages: project.villages,
    forCrossRegion: project.forCrossRegion,
    landType: project.landType,
    resettlement: toDecimalText(project.resettlementMilliMu, 3),
    plots: plots.map((p) => ({
      code: p.code,
      village: p.village,
      currentUse: p.currentUse,
      area: toDecimalText(p.areaMilliMu, 3),
      farmland: toDecimalText(p.farmlandMilliMu, 3),
      grade: p.farmlandGrade === null ? '' : String(p.farmlandGrade),
    })),
  };
}

export default async function EditProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { caller, locale } = await requireRole('county');
  const t = translator(locale, 'projects');
  const projectId = Number(id);
  if (!Number.isSafeInteger(projectId) || projectId <= 0) return <PageError message={t('bad_id')} />;
  const got = await load(() => caller.projects.get({ id: projectId }));
  if (!got.ok) return <PageError message={got.message} />;
  const view = got.data;
  return (
    <>
      <p>
        <Link href={`/projects/${projectId}`}>← {view.project.name}</Link>
      </p>
      <h1>{t('edit_title', { name: view.project.name })}</h1>
      {view.can.edit ? (
        <>
          <p className="muted">{t('form_intro')}</p>
          <section className="card">
            <ProjectForm projectId={projectId} draft={draftOf(view)} />
          </section>
        </>
      ) : (
        <PageError message={t('not_editable')} />
      )}
    </>
  );
}
