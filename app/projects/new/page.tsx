// A county drafts a new linking project.
import Link from 'next/link';
import { ProjectForm } from '@/components/project-form';
import { translator } from '@/lib/i18n';
import { requireRole } from '@/server/web/page';

export default async function NewProjectPage() {
  const { locale } = await requireRole('county');
  const t = translator(locale, 'projects');
  return (
    <>
      <p>
        <Link href="/projects">{t('back')}</Link>
      </p>
      <h1>{t('new_title')}</h1>
      <p className="muted">{t('form_intro')}</p>
      <section className="card">
        <ProjectForm />
      </section>
    </>
  );
}
