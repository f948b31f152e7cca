'use client';
// The workflow's buttons on a project page: the county submits its plan and removes documents, the
// city reviews it, the province approves (立项) or returns it. Each is one mutation, the binding ones
// confirmed first; the page is then refreshed from the server, which decides what may happen next.
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { formatMu } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n/client';
import { useTRPC } from '@/lib/trpc';
import { useHydrated } from '@/lib/use-hydrated';
import { ConfirmDialog, type Fact } from './confirm-dialog';
import { Feedback } from './feedback';
import { useFlash } from './flash';
import { Mu } from './ui';

export function SubmitProjectButton({ projectId, expandedPower }: { projectId: number; expandedPower: boolean }) {
  const t = useT('projects');
  const tu = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const flash = useFlash();
  const [asking, setAsking] = useState(false);
  const submit = useMutation(
    trpc.projects.submit.mutationOptions({
      onSuccess: () => {
        flash(t('submitted'));
        router.refresh();
      },
    }),
  );
  return (
    <div className="form">
      <div className="row">
        <button type="button" disabled={!hydrated || submit.isPending} onClick={() => setAsking(true)}>
          {submit.isPending ? tu('saving') : t('submit')}
        </button>
        <span className="muted">{t('submit_hint')}</span>
      </div>
      <Feedback error={submit.error?.message} />
      <ConfirmDialog
        open={asking}
        onClose={() => setAsking(false)}
        title={t('confirm_submit_title')}
        warning={t('confirm_submit_warning')}
        confirmLabel={t('confirm_submit_ok')}
        focusConfirm
        onConfirm={() => {
          flash(null);
          return submit.mutateAsync({ id: projectId });
        }}
      >
        <p>{t(expandedPower ? 'confirm_submit_province' : 'confirm_submit_city')}</p>
      </ConfirmDialog>
    </div>
  );
}

/** What the review's confirmation shows of the project. */
export interface ProjectSummary {
  id: number;
  name: string;
  countyName: string;
  /** The surplus approval issues: demolished area less resettlement. */
  surplusMilliMu: number;
}

/** The city passes a plan on or returns it; the province approves it with its document number or returns it. */
export function ReviewForm({ project, level }: { project: ProjectSummary; level: 'city' | 'province' }) {
  const locale = useLocale();
  const t = useT('projects');
  const tu = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [reason, setReason] = useState('');
  const [approvalRef, setApprovalRef] = useState('');
  // Which decision the dialog confirms.
  const [asking, setAsking] = useState<'approve' | 'return' | null>(null);
  const flash = useFlash();
  const onSuccess = (_: unknown, v: { approve: boolean }) => {
    flash(t(!v.approve ? 'reviewed_return' : level === 'city' ? 'reviewed_pass' : 'reviewed_approve'));
    router.refresh();
  };
  const city = useMutation(trpc.projects.cityReview.mutationOptions({ onSuccess }));
  const province = useMutation(trpc.projects.provinceReview.mutationOptions({ onSuccess }));
  const mutation = level === 'city' ? city : province;
  const decide = (approve: boolean) => {
    flash(null);
    const projectId = project.id;
    return level === 'city' ? city.mutateAsync({ projectId, approve, reason }) : province.mutateAsync({ projectId, approve, reason, approvalRef });
  };
  const filled = (text: string) => text.trim() || tu('not_filled');
  const approving = asking === 'approve';
  const issuing = approving && level === 'province';
  const facts: Fact[] = [
    [t('col_name'), project.name],
    [t('col_county'), project.countyName],
    ...(issuing
      ? ([
          [t('field_approvalRef'), filled(approvalRef)],
          [t('confirm_surplus'), <Mu milliMu={project.surplusMilliMu} locale={locale} />],
        ] as const)
      : []),
    ...(asking === 'return' ? ([[t('field_reason'), filled(reason)]] as const) : []),
  ];
  return (
    <div className="form" data-testid="review-form">
      <div className="form grid">
        {level === 'province' ? (
          <label>
            {t('field_approvalRef')}
            <input name="approvalRef" value={approvalRef} maxLength={100} placeholder={t('approvalRef_hint')} onChange={(e) => setApprovalRef(e.target.value)} />
          </label>
        ) : null}
        <label style={{ gridColumn: 'span 2' }}>
          {t('field_reason')}
          <input name="reason" value={reason} maxLength={500} placeholder={t('reason_hint')} onChange={(e) => setReason(e.target.value)} />
        </label>
      </div>
      <div className="row">
        <button type="button" disabled={!hydrated || mutation.isPending} onClick={() => setAsking('approve')}>
          {mutation.isPending && mutation.variables?.approve ? tu('saving') : t(level === 'city' ? 'city_pass' : 'province_approve')}
        </button>
        <button type="button" className="danger" disabled={!hydrated || mutation.isPending} onClick={() => setAsking('return')}>
          {mutation.isPending && mutation.variables?.approve === false ? tu('saving') : t('return')}
        </button>
      </div>
      <Feedback error={mutation.error?.message} />
      <ConfirmDialog
        open={asking !== null}
        onClose={() => setAsking(null)}
        title={t(!approving ? 'confirm_return_title' : issuing ? 'confirm_approve_title' : 'confirm_pass_title')}
        facts={facts}
        warning={t(!approving ? 'confirm_return_warning' : issuing ? 'confirm_approve_warning' : 'confirm_pass_warning')}
        confirmLabel={t(!approving ? 'confirm_return_ok' : issuing ? 'confirm_approve_ok' : 'confirm_pass_ok')}
        danger={!approving}
        // Only the province's approval is final; a pass or a return is reviewed again.
        focusConfirm={!issuing}
        onConfirm={() => decide(approving)}
      >
        <p>
          {!approving
            ? t('confirm_return_text', { county: project.countyName })
            : issuing
              ? t('confirm_approve_text', { qty: formatMu(project.surplusMilliMu), county: project.countyName })
              : t('confirm_pass_text')}
        </p>
      </ConfirmDialog>
    </div>
  );
}

export function RemoveDocumentButton({ documentId, fileName }: { documentId: number; fileName: string }) {
  const t = useT('projects');
  const tu = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const remove = useMutation(trpc.projects.removeDocument.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <span className="row">
      <button type="button" className="secondary" aria-label={t('remove_doc', { name: fileName })} disabled={!hydrated || remove.isPending} onClick={() => remove.mutate({ id: documentId })}>
        {remove.isPending ? tu('saving') : t('remove')}
      </button>
      {remove.error ? (
        <span className="error" role="alert">
          {remove.error.message}
        </span>
      ) : null}
    </span>
  );
}
