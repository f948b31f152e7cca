'use client';
// A zone records the use of rights for one of its land applications (核销), confirmed first. The
// server draws each chosen right oldest lot first and refuses more than is held; its answer is shown
// under the form.
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { newRequestId } from '@/lib/request-id';
import { useLocale, useT } from '@/lib/i18n/client';
import { useTRPC } from '@/lib/trpc';
import { formatMu } from '@/lib/format';
import { useHydrated } from '@/lib/use-hydrated';
import { ConfirmDialog, readPositive } from './confirm-dialog';
import { Feedback } from './feedback';
import { Mu } from './ui';
import { FieldNote, FormErrorList, formErrorsOf, invalidProps } from './field-errors';

const RIGHTS = ['NEW_LAND', 'SCALE', 'FARMLAND'] as const;
type Right = (typeof RIGHTS)[number];

interface UseRequest {
  input: { applicationName: string; approvalRef: string; area: string; rights: Right[]; requestId?: string };
  areaMilliMu: number;
}

export function RightsUseForm() {
  const locale = useLocale();
  const t = useT('holdings');
  const tu = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [applicationName, setApplicationName] = useState('');
  const [approvalRef, setApprovalRef] = useState('');
  const [area, setArea] = useState('');
  const [rights, setRights] = useState<Right[]>([...RIGHTS]);
  const [done, setDone] = useState<string | null>(null);
  const [asking, setAsking] = useState<UseRequest | null>(null);
  const use = useMutation(
    trpc.rights.use.mutationOptions({
      onSuccess: () => {
        setApplicationName('');
        setApprovalRef('');
        setArea('');
        setDone(t('use_done'));
        router.refresh();
      },
    }),
  );
  const errors = formErrorsOf(use.error);
  const toggle = (r: Right, on: boolean) => setRights((prev) => (on ? RIGHTS.filter((x) => x === r || prev.includes(x)) : prev.filter((x) => x !== r)));

  return (
    <form
      className="form grid"
      data-testid="use-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        // No right chosen is refused by the server (rightsRequired), with the other fields at once: nothing to confirm.
        const input = { applicationName, approvalRef, area: area.trim(), rights };
        const areaMilliMu = readPositive(area, 3);
        if (areaMilliMu === null || rights.length === 0) use.mutate(input);
        // One id per confirmation: sent again after no answer, the use is recorded once.
        else setAsking({ input: { ...input, requestId: newRequestId() }, areaMilliMu });
      }}
    >
      <label>
        {t('field_applicationName')}
        <input name="applicationName" value={applicationName} maxLength={200} onChange={(e) => setApplicationName(e.target.value)} {...invalidProps(errors, 'applicationName')} />
        <FieldNote errors={errors} path="applicationName" />
      </label>
      <label>
        {t('field_approvalRef')}
        <input name="approvalRef" value={approvalRef} maxLength={100} onChange={(e) => setApprovalRef(e.target.value)} {...invalidProps(errors, 'approvalRef')} />
        <FieldNote errors={errors} path="approvalRef" />
      </label>
      <label>
        {t('field_area')}
        <input name="area" inputMode="decimal" value={area} maxLength={20} onChange={(e) => setArea(e.target.value)} {...invalidProps(errors, 'area')} />
        <FieldNote errors={errors} path="area" />
      </label>
      <fieldset style={{ gridColumn: '1 / -1' }}>
        <legend>{t('field_rights')}</legend>
        {RIGHTS.map((r) => (
          <label key={r} className="check">
            <input type="checkbox" name="rights" value={r} checked={rights.includes(r)} onChange={(e) => toggle(r, e.target.checked)} /> {tu(`asset_${r}`)}
          </label>
        ))}
        <FieldNote errors={errors} path="rights" />
      </fieldset>
      <button type="submit" disabled={!hydrated || use.isPending}>
        {use.isPending ? tu('saving') : t('submit_use')}
      </button>
      <div style={{ gridColumn: '1 / -1' }}>
        <FormErrorList errors={errors} labels={{ applicationName: t('field_applicationName'), approvalRef: t('field_approvalRef'), area: t('field_area'), rights: t('field_rights') }} />
        <Feedback error={null} done={done} />
      </div>
      <ConfirmDialog
        open={asking !== null}
        onClose={() => setAsking(null)}
        title={t('confirm_use_title')}
        facts={
          asking
            ? [
                [t('field_applicationName'), asking.input.applicationName.trim() || tu('not_filled')],
                [t('field_approvalRef'), asking.input.approvalRef.trim() || tu('not_filled')],
                [t('col_area'), <Mu milliMu={asking.areaMilliMu} locale={locale} />],
                [t('field_rights'), asking.input.rights.map((r) => tu(`asset_${r}`)).join(locale === 'zh' ? '、' : ', ')],
              ]
            : []
        }
        warning={t('confirm_use_warning')}
        confirmLabel={t('confirm_use_ok')}
        onConfirm={() => (asking ? use.mutateAsync(asking.input) : Promise.resolve())}
      >
        {asking ? <p>{t('confirm_use_text', { area: formatMu(asking.areaMilliMu) })}</p> : null}
      </ConfirmDialog>
    </form>
  );
}
