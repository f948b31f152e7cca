'use client';
// The workflow's buttons on a project page: the county submits its plan and removes documents, the
// city reviews it, the province approves (立项) or returns it. Each is one mutation; the page is then
// refreshed from the server, which decides what may happen next.
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useT } from '@/lib/i18n/client';
import { useTRPC } from '@/lib/trpc';
import { useHydrated } from '@/lib/use-hydrated';
import { Feedback } from './feedback';
import { useFlash } from './flash';

export function SubmitProjectButton({ projectId }: { projectId: number }) {
  const t = useT('projects');
  const tu = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const flash = useFlash();
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
        <button
          type="button"
          disabled={!hydrated || submit.isPending}
          onClick={() => {
            flash(null);
            submit.mutate({ id: projectId });
          }}
        >
          {submit.isPending ? tu('saving') : t('submit')}
        </button>
        <span className="muted">{t('submit_hint')}</span>
      </div>
      <Feedback error={submit.error?.message} />
    </div>
  );
}

/** The city passes a plan on or returns it; the province approves it with its document number or returns it. */
export function ReviewForm({ projectId, level }: { projectId: number; level: 'city' | 'province' }) {
  const t = useT('projects');
  const tu = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [reason, setReason] = useState('');
  const [approvalRef, setApprovalRef] = useState('');
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
    if (level === 'city') city.mutate({ projectId, approve, reason });
    else province.mutate({ projectId, approve, reason, approvalRef });
  };
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
        <button type="button" disabled={!hydrated || mutation.isPending} onClick={() => decide(true)}>
          {mutation.isPending && mutation.variables?.approve ? tu('saving') : t(level === 'city' ? 'city_pass' : 'province_approve')}
        </button>
        <button type="button" className="danger" disabled={!hydrated || mutation.isPending} onClick={() => decide(false)}>
          {mutation.isPending && mutation.variables?.approve === false ? tu('saving') : t('return')}
        </button>
      </div>
      <Feedback error={mutation.error?.message} />
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
