// The reclamation flag on an official's own pages (seed 001 二(二)): overdue projects with the three
// consequences the notice names, and the reminders 180, 90 and 30 days before a deadline.
import Link from 'next/link';
import { type Locale, translator } from '@/lib/i18n';
import { OVERDUE_CONSEQUENCES } from '@/server/projects/domain/reclamation';
import type { ProjectListRow } from './project-types';

export interface ObligationRow {
  id: number;
  name: string;
  countyName: string;
  obligation: ProjectListRow['obligation'];
}

export function ObligationBanner({ rows, locale }: { rows: ObligationRow[]; locale: Locale }) {
  const t = translator(locale, 'projects');
  const overdue = rows.filter((r) => r.obligation?.state === 'overdue');
  const due = rows.filter((r) => r.obligation?.state === 'due');
  if (overdue.length === 0 && due.length === 0) return null;
  const item = (r: ObligationRow, key: 'banner_overdue_item' | 'banner_due_item') => (
    <li key={r.id}>
      <Link href={`/projects/${r.id}`}>{t(key, { project: r.name, county: r.countyName, n: Math.abs(r.obligation!.daysLeft ?? 0) })}</Link>
    </li>
  );
  return (
    <>
      {overdue.length > 0 ? (
        <section className="card error" role="alert" data-testid="overdue-banner">
          <strong>{t('banner_overdue_title')}</strong>
          <ul>{overdue.map((r) => item(r, 'banner_overdue_item'))}</ul>
          {t('consequences_title')}
          <ul className="consequences">
            {OVERDUE_CONSEQUENCES.map((c) => (
              <li key={c}>{t(`consequence_${c}`)}</li>
            ))}
          </ul>
          <Link href="/obligations">{t('banner_all')}</Link>
        </section>
      ) : null}
      {due.length > 0 ? (
        <section className="card reminder" role="status" data-testid="reminder-banner">
          <strong>{t('banner_due_title')}</strong>
          <ul>{due.map((r) => item(r, 'banner_due_item'))}</ul>
        </section>
      ) : null}
    </>
  );
}
