'use client';
// The province's forms: a zone's incoming bank transfer (recorded by one official, confirmed or
// rejected by another), and the market settings.
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
import { FieldNote, type FormErrors, FormErrorList, formErrorsOf, invalidProps, mergeErrors } from './field-errors';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/app-router';
import { readDecimal } from '@/server/kernel/units';

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

const MINUTE = 60;

type MarketSettings = inferRouterOutputs<AppRouter>['accounts']['settings'];

export function SettingsForm({ settings }: { settings: MarketSettings }) {
  const t = useT('admin');
  const tu = useT();
  const te = useT('errors');
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const [local, setLocal] = useState<FormErrors | null>(null);
  const save = useMutation(
    trpc.accounts.updateSettings.mutationOptions({
      onSuccess: () => {
        setDone(t('saved_settings'));
        router.refresh();
      },
    }),
  );
  // Percent and minutes in the form (up to 2 decimals); basis points and seconds on the wire. Each field
  // that is not such a number gets its own reason, under the server's field name.
  const read = (v: FormDataEntryValue | null, scale: number) => {
    const r = readDecimal(String(v ?? ''), 2);
    return 'value' in r ? Math.round((r.value * scale) / 100) : te(r.problem === 'tooLarge' ? 'tooLarge' : r.problem, { places: 2 });
  };
  const errors = mergeErrors(local, formErrorsOf(save.error));
  return (
    <form
      className="form grid"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        setDone(null);
        save.reset();
        const next = {
          depositRateBp: read(f.get('depositRate'), 100),
          paymentDays: read(f.get('paymentDays'), 1),
          antiSnipingWindowSeconds: read(f.get('window'), MINUTE),
          antiSnipingExtensionSeconds: read(f.get('extension'), MINUTE),
          holdbackBp: read(f.get('holdback'), 100),
        };
        const refused = Object.entries(next).filter((e): e is [string, string] => typeof e[1] === 'string');
        if (refused.length > 0) {
          setLocal({ fields: Object.fromEntries(refused), message: null });
          return;
        }
        setLocal(null);
        save.mutate(next as { [K in keyof typeof next]: number });
      }}
    >
      <label>
        {t('field_depositRate')}
        <input name="depositRate" inputMode="decimal" defaultValue={settings.depositRateBp / 100} required {...invalidProps(errors, 'depositRateBp')} />
        <FieldNote errors={errors} path="depositRateBp" />
      </label>
      <label>
        {t('field_paymentDays')}
        <input name="paymentDays" inputMode="numeric" defaultValue={settings.paymentDays} required {...invalidProps(errors, 'paymentDays')} />
        <FieldNote errors={errors} path="paymentDays" />
      </label>
      <label>
        {t('field_window')}
        <input name="window" inputMode="decimal" defaultValue={settings.antiSnipingWindowSeconds / MINUTE} required {...invalidProps(errors, 'antiSnipingWindowSeconds')} />
        <FieldNote errors={errors} path="antiSnipingWindowSeconds" />
      </label>
      <label>
        {t('field_extension')}
        <input name="extension" inputMode="decimal" defaultValue={settings.antiSnipingExtensionSeconds / MINUTE} required {...invalidProps(errors, 'antiSnipingExtensionSeconds')} />
        <FieldNote errors={errors} path="antiSnipingExtensionSeconds" />
      </label>
      <label>
        {t('field_holdback')}
        <input name="holdback" inputMode="decimal" defaultValue={settings.holdbackBp / 100} required {...invalidProps(errors, 'holdbackBp')} />
        <small className="muted">{t('field_holdback_note')}</small>
        <FieldNote errors={errors} path="holdbackBp" />
      </label>
      <button type="submit" disabled={!hydrated || save.isPending}>
        {save.isPending ? tu('saving') : t('save')}
      </button>
      <div style={{ gridColumn: '1 / -1' }}>
        <FormErrorList
          errors={errors}
          labels={{ depositRateBp: t('field_depositRate'), paymentDays: t('field_paymentDays'), antiSnipingWindowSeconds: t('field_window'), antiSnipingExtensionSeconds: t('field_extension'), holdbackBp: t('field_holdback') }}
        />
        <Feedback error={null} done={done} />
      </div>
    </form>
  );
}
