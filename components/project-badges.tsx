// Badges of a project's workflow status and of its reclamation obligation; server and client alike.
import { type Locale, translator } from '@/lib/i18n';
import type { ProjectStatus } from '@/server/projects/domain/projects';
import type { ObligationState } from '@/server/projects/domain/reclamation';

export function ProjectStatusBadge({ status, locale }: { status: ProjectStatus; locale: Locale }) {
  return (
    <span className={`badge project-${status}`} data-status={status}>
      {translator(locale, 'projects')(`status_${status}`)}
    </span>
  );
}

export function ObligationBadge({ state, locale }: { state: ObligationState; locale: Locale }) {
  return (
    <span className={`badge obligation-${state}`} data-state={state}>
      {translator(locale, 'projects')(`obligation_${state}`)}
    </span>
  );
}
