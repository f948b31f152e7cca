// A project's plan documents: download links for everyone who sees the project; upload and removal
// for the county while the plan may still change.
import { Time } from '@/components/ui';
import { type Locale, translator } from '@/lib/i18n';
import { RemoveDocumentButton } from './project-actions';
import type { ProjectView } from './project-types';
import { UploadForm } from './project-upload';

export function DocumentsSection({ view, locale }: { view: ProjectView; locale: Locale }) {
  const t = translator(locale, 'projects');
  const { documents, can } = view;
  return (
    <section className="card" aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t('documents_title')}</h2>
      {documents.length === 0 ? (
        <p className="muted">{t('documents_empty')}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="documents">
            <thead>
              <tr>
                <th>{t('col_file')}</th>
                <th className="num">{t('col_size')}</th>
                <th>{t('col_uploadedAt')}</th>
                {can.edit ? <th /> : null}
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => (
                <tr key={d.id}>
                  <td>
                    <a href={`/api/documents/${d.id}`} download>
                      {d.fileName}
                    </a>
                  </td>
                  <td className="num">{t('size_kb', { kb: Math.max(1, Math.ceil(d.sizeBytes / 1024)).toLocaleString('en-US') })}</td>
                  <td>
                    <Time ms={d.uploadedAt} locale={locale} />
                  </td>
                  {can.edit ? (
                    <td>
                      <RemoveDocumentButton documentId={d.id} fileName={d.fileName} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {can.edit ? <UploadForm projectId={view.project.id} /> : null}
    </section>
  );
}
