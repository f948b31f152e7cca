// The steps of a project's workflow, as the audit log recorded them.
import { Time } from '@/components/ui';
import { type Locale, type MessageKey, hasKey, translate, translator } from '@/lib/i18n';
import type { ProjectView } from './project-types';

/** An action is shown by its name when the messages know it, else as recorded (a newer step). */
function actionName(locale: Locale, action: string): string {
  const key = `action_${action}`;
  return hasKey('projects', key) ? translate(locale, 'projects', key as MessageKey<'projects'>) : action;
}

export function HistoryTable({ history, locale }: { history: ProjectView['history']; locale: Locale }) {
  const t = translator(locale, 'projects');
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('history_title')}</h2>
      <div className="table-scroll">
        <table data-testid="history">
          <thead>
            <tr>
              <th>{t('col_time')}</th>
              <th>{t('col_action')}</th>
              <th>{t('col_who')}</th>
              <th>{t('col_org')}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h, i) => (
              <tr key={i} data-action={h.action}>
                <td>
                  <Time ms={h.at} locale={locale} />
                </td>
                <td>{actionName(locale, h.action)}</td>
                <td>{h.actorName ?? '—'}</td>
                <td>{h.organisationName ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
