'use client';
// The province's forms: a zone's incoming bank transfer (recorded by one official, confirmed or
// rejected by another). The market settings' forms are in settings-forms.tsx.
import { useHydrated } from '@/lib/use-hydrated';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useLocale, useT } from '@/lib/i18n/client';
import { useTRPC, useTRPCClient } from '@/lib/trpc';
import { ActionButton } from './admin-action-button';
import { Feedback } from './feedback';
import { Money } from './ui';
import { useFlash } from './flash';
import { FieldNote, FormErrorList, formErrorsOf, invalidProps } from './field-errors';

export function TransferForm({ zones }: { zones: { id: number; name: string }[] }) {
  const t = useT('admin');
  const tu = useT();
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const record = useMutation(
    trpc.accounts.proposeTransfer.mutationOptions({
      onSuccess: (r) => {
        setDone(t('recorded', { ref: r.bankRef }));
        router.refresh();
      },
    }),
  );
  const errors = formErrorsOf(record.error);
  return (
    <form
      className="form grid"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        setDone(null);
        record.mutate({ zoneId: Number(f.get('zoneId')), amount: String(f.get('amount') ?? ''), bankRef: String(f.get('bankRef') ?? '') });
      }}
    >
      <label>
        {t('field_zone')}
        <select name="zoneId" required>
          {zones.map((z) => (
            <option key={z.id} value={z.id}>
              {z.name}
            </option>
          ))}
        </select>
        <FieldNote errors={errors} path="zoneId" />
      </label>
      <label>
        {t('field_amount')}
        <input name="amount" inputMode="decimal" required {...invalidProps(errors, 'amount')} />
        <FieldNote errors={errors} path="amount" />
      </label>
      <label>
        {t('field_bankRef')}
        <input name="bankRef" required maxLength={64} {...invalidProps(errors, 'bankRef')} />
        <FieldNote errors={errors} path="bankRef" />
      </label>
      <button type="submit" disabled={!hydrated || record.isPending}>
        {record.isPending ? tu('saving') : t('record')}
      </button>
      <div style={{ gridColumn: '1 / -1' }}>
        <FormErrorList errors={errors} labels={{ zoneId: t('field_zone'), amount: t('field_amount'), bankRef: t('field_bankRef') }} />
        <Feedback error={null} done={done} />
      </div>
    </form>
  );
}

/** A second official's decision on a proposed transfer: confirm, or reject with a reason. */
export function TransferDecision({ transferId, bankRef, zoneName, amountFen, proposerName }: { transferId: number; bankRef: string; zoneName: string; amountFen: number; proposerName: string }) {
  const t = useT('admin');
  const locale = useLocale();
  const facts = [
    [t('confirm_transfer_zone'), zoneName],
    [t('confirm_transfer_amount'), <Money key="amount" fen={amountFen} locale={locale} />],
    [t('confirm_transfer_ref'), bankRef],
    [t('confirm_transfer_proposer'), proposerName],
  ] as const;
  const client = useTRPCClient();
  const router = useRouter();
  const flash = useFlash();
  const [reason, setReason] = useState('');
  // The decided transfer leaves the waiting list and the zone's funds change: the page is refreshed
  // and the answer shown above it.
  const decided = (text: string) => {
    flash(text);
    router.refresh();
  };
  return (
    <div className="form" data-testid="transfer-decision">
      <label>
        {t('transfer_reject_reason')}
        <input name="reason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      </label>
      <div className="row">
        <ActionButton
          label={t('transfer_confirm')}
          doneText={t('transfer_confirmed', { ref: bankRef })}
          onDone={() => decided(t('transfer_confirmed', { ref: bankRef }))}
          run={() => client.accounts.confirmTransfer.mutate({ id: transferId })}
          confirm={{ title: t('confirm_transfer_title', { ref: bankRef }), facts, children: <p>{t('confirm_transfer_text', { zone: zoneName })}</p>, warning: t('confirm_transfer_warning'), confirmLabel: t('transfer_confirm') }}
        />
        <ActionButton
          className="danger"
          label={t('transfer_reject')}
          doneText={t('transfer_rejected', { ref: bankRef })}
          onDone={() => decided(t('transfer_rejected', { ref: bankRef }))}
          run={() => client.accounts.rejectTransfer.mutate({ id: transferId, reason })}
          confirm={{ title: t('confirm_transfer_reject_title', { ref: bankRef }), facts: [...facts, [t('transfer_reject_reason'), reason.trim() || '—']], children: <p>{t('confirm_transfer_reject_text')}</p>, warning: t('confirm_transfer_reject_warning'), confirmLabel: t('transfer_reject'), danger: true }}
        />
      </div>
    </div>
  );
}
