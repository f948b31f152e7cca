'use client';
// Reclamation of an approved project: the city approves the design and later accepts the finished
// work (each with its document number, confirmed first), the county reports progress in between.
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useT } from '@/lib/i18n/client';
import { useTRPC } from '@/lib/trpc';
import { useHydrated } from '@/lib/use-hydrated';
import { ConfirmDialog } from './confirm-dialog';
import { Feedback } from './feedback';
import { FieldNote, FormErrorList, formErrorsOf, invalidProps, mergeErrors } from './field-errors';
import { useFlash } from './flash';

const REF_FORM = {
  design: { field: 'field_designRef', button: 'approve_design', done: 'design_approved', testId: 'design-form', confirm: 'confirm_design' },
  accept: { field: 'field_acceptanceRef', button: 'accept', done: 'accepted', testId: 'accept-form', confirm: 'confirm_accept' },
} as const;

/** The city's decision with a document number: the design approval (复垦设计) or the acceptance (验收). */
export function ReclamationRefForm({ project, kind }: { project: { id: number; name: string; countyName: string }; kind: keyof typeof REF_FORM }) {
  const t = useT('projects');
  const tu = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const text = REF_FORM[kind];
  const [ref, setRef] = useState('');
  const [asking, setAsking] = useState(false);
  // The form goes once the step is done, so its answer is shown by the page (useFlash).
  const flash = useFlash();
  const onSuccess = () => {
    flash(t(text.done));
    router.refresh();
  };
  const design = useMutation(trpc.projects.approveDesign.mutationOptions({ onSuccess }));
  const accept = useMutation(trpc.projects.acceptReclamation.mutationOptions({ onSuccess }));
  const mutation = kind === 'design' ? design : accept;
  return (
    <form
      className="form grid"
      data-testid={text.testId}
      onSubmit={(e) => {
        e.preventDefault();
        setAsking(true);
      }}
    >
      <label>
        {t(text.field)}
        <input name="ref" value={ref} maxLength={100} onChange={(e) => setRef(e.target.value)} {...invalidProps(formErrorsOf(mutation.error), 'ref')} />
        <FieldNote errors={formErrorsOf(mutation.error)} path="ref" />
      </label>
      <button type="submit" disabled={!hydrated || mutation.isPending}>
        {mutation.isPending ? tu('saving') : t(text.button)}
      </button>
      <div style={{ gridColumn: '1 / -1' }}>
        <FormErrorList errors={formErrorsOf(mutation.error)} labels={{ ref: t(text.field) }} />
      </div>
      <ConfirmDialog
        open={asking}
        onClose={() => setAsking(false)}
        title={t(`${text.confirm}_title`)}
        facts={[
          [t('col_name'), project.name],
          [t('col_county'), project.countyName],
          [t(text.field), ref.trim() || tu('not_filled')],
        ]}
        warning={t(`${text.confirm}_warning`)}
        confirmLabel={t(`${text.confirm}_ok`)}
        onConfirm={() => {
          flash(null);
          return mutation.mutateAsync({ projectId: project.id, ref });
        }}
      >
        <p>{t(`${text.confirm}_text`)}</p>
      </ConfirmDialog>
    </form>
  );
}

export function ProgressForm({ projectId }: { projectId: number }) {
  const t = useT('projects');
  const tu = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [percent, setPercent] = useState('');
  const [note, setNote] = useState('');
  const [answer, setAnswer] = useState<{ local: string | null; done: string | null }>({ local: null, done: null });
  const report = useMutation(
    trpc.projects.reportProgress.mutationOptions({
      onSuccess: () => {
        setPercent('');
        setNote('');
        setAnswer({ local: null, done: t('reported') });
        router.refresh();
      },
    }),
  );
  const errors = mergeErrors(answer.local ? { fields: { percent: answer.local }, message: null } : null, formErrorsOf(report.error));
  return (
    <form
      className="form grid"
      data-testid="progress-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        report.reset();
        const value = percent.trim();
        if (!/^\d{1,3}$/.test(value) || Number(value) > 100) {
          setAnswer({ local: t('percent_invalid'), done: null });
          return;
        }
        setAnswer({ local: null, done: null });
        report.mutate({ projectId, percent: Number(value), note });
      }}
    >
      <label>
        {t('field_percent')}
        <input name="percent" type="number" min={0} max={100} step={1} value={percent} onChange={(e) => setPercent(e.target.value)} {...invalidProps(errors, 'percent')} />
        <FieldNote errors={errors} path="percent" />
      </label>
      <label>
        {t('field_note')}
        <input name="note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} {...invalidProps(errors, 'note')} />
        <FieldNote errors={errors} path="note" />
      </label>
      <button type="submit" disabled={!hydrated || report.isPending}>
        {report.isPending ? tu('saving') : t('report')}
      </button>
      <div style={{ gridColumn: '1 / -1' }}>
        <FormErrorList errors={errors} labels={{ percent: t('field_percent'), note: t('field_note') }} />
        <Feedback error={null} done={answer.done} />
      </div>
    </form>
  );
}
