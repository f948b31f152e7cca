'use client';
// The county's listing form: create a listing from a lot, or change one nobody has bid on yet.
// The server validates every term; this form only collects them and shows the answer, each field's
// note beside it (the browser's own checks are off: they would speak the browser's language).
import { useHydrated } from '@/lib/use-hydrated';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { formatMu, fromDateTimeLocal, toDateTimeLocal } from '@/lib/format';
import { useT } from '@/lib/i18n/client';
import { useTRPC } from '@/lib/trpc';
import { FieldNote, FormErrorList, formErrorsOf, invalidProps } from './field-errors';

export interface LotChoice {
  id: number;
  code: string;
  projectName: string;
  freeMilliMu: number;
}

export interface ListingDraft {
  listingId: number;
  lotId: number;
  mode: 'auction' | 'negotiated';
  qty: string;
  reservePrice: string;
  minLot: string;
  increment: string;
  opensAt: number;
  closesAt: number;
  note: string;
}

const DAY = 86_400_000;

export function ListingForm({ lots, now, draft }: { lots: LotChoice[]; now: number; draft?: ListingDraft }) {
  const t = useT('admin');
  const tu = useT();
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const router = useRouter();
  const [mode, setMode] = useState<'auction' | 'negotiated'>(draft?.mode ?? 'auction');
  const [done, setDone] = useState<string | null>(null);
  const onSuccess = (l: { code: string }) => {
    setDone(t(draft ? 'updated' : 'created', { code: l.code }));
    router.refresh();
  };
  const create = useMutation(trpc.listings.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.listings.update.mutationOptions({ onSuccess }));
  const pending = create.isPending || update.isPending;
  const errors = formErrorsOf(create.error ?? update.error);

  // onSubmit, not a form action: React resets a form after its action, which would lose what was typed on a refusal.
  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setDone(null);
    const field = (k: string) => String(form.get(k) ?? '');
    const input = {
      lotId: Number(field('lotId')),
      mode,
      qty: field('qty'),
      reservePrice: field('reservePrice'),
      minLot: field('minLot'),
      increment: mode === 'auction' ? field('increment') : undefined,
      opensAt: fromDateTimeLocal(field('opensAt')),
      closesAt: fromDateTimeLocal(field('closesAt')),
      note: field('note'),
    };
    if (draft) update.mutate({ ...input, listingId: draft.listingId });
    else create.mutate(input);
  }

  return (
    <form onSubmit={submit} className="form grid" data-testid={draft ? 'edit-listing-form' : 'create-listing-form'} noValidate>
      <label>
        {t('field_lot')}
        <select name="lotId" defaultValue={draft?.lotId ?? lots[0]?.id} required disabled={Boolean(draft)}>
          {lots.map((l) => (
            <option key={l.id} value={l.id}>
              {t('lot_option', { code: l.code, project: l.projectName, free: formatMu(l.freeMilliMu) })}
            </option>
          ))}
        </select>
        {draft ? <input type="hidden" name="lotId" value={draft.lotId} /> : null}
        <FieldNote errors={errors} path="lotId" />
      </label>
      <label>
        {t('field_mode')}
        <select name="mode" value={mode} onChange={(e) => setMode(e.target.value as 'auction' | 'negotiated')}>
          <option value="auction">{tu('mode_auction')}</option>
          <option value="negotiated">{tu('mode_negotiated')}</option>
        </select>
      </label>
      <label>
        {t('field_qty')}
        <input name="qty" inputMode="decimal" required defaultValue={draft?.qty} {...invalidProps(errors, 'qty')} />
        <FieldNote errors={errors} path="qty" />
      </label>
      <label>
        {t('field_reserve')}
        <input name="reservePrice" inputMode="decimal" required defaultValue={draft?.reservePrice} {...invalidProps(errors, 'reservePrice')} />
        <FieldNote errors={errors} path="reservePrice" />
      </label>
      <label>
        {t('field_minLot')}
        <input name="minLot" inputMode="decimal" required defaultValue={draft?.minLot} {...invalidProps(errors, 'minLot')} />
        <FieldNote errors={errors} path="minLot" />
      </label>
      {mode === 'auction' ? (
        <label>
          {t('field_increment')}
          <input name="increment" inputMode="decimal" required defaultValue={draft?.increment} {...invalidProps(errors, 'increment')} />
          <FieldNote errors={errors} path="increment" />
        </label>
      ) : null}
      <label>
        {t('field_opensAt')}
        <input name="opensAt" type="datetime-local" required defaultValue={toDateTimeLocal(draft?.opensAt ?? now)} {...invalidProps(errors, 'opensAt')} />
        <FieldNote errors={errors} path="opensAt" />
      </label>
      <label>
        {t('field_closesAt')}
        <input name="closesAt" type="datetime-local" required defaultValue={toDateTimeLocal(draft?.closesAt ?? now + 7 * DAY)} {...invalidProps(errors, 'closesAt')} />
        <FieldNote errors={errors} path="closesAt" />
      </label>
      <label style={{ gridColumn: '1 / -1' }}>
        {t('field_note')}
        <input name="note" maxLength={500} defaultValue={draft?.note} {...invalidProps(errors, 'note')} />
        <FieldNote errors={errors} path="note" />
      </label>
      <div className="row" style={{ gridColumn: '1 / -1' }}>
        <button type="submit" disabled={!hydrated || pending || lots.length === 0}>
          {pending ? tu('saving') : t(draft ? 'submit_update' : 'submit_create')}
        </button>
        <FormErrorList
          errors={errors}
          labels={{
            lotId: t('field_lot'),
            mode: t('field_mode'),
            qty: t('field_qty'),
            reservePrice: t('field_reserve'),
            minLot: t('field_minLot'),
            increment: t('field_increment'),
            opensAt: t('field_opensAt'),
            closesAt: t('field_closesAt'),
            note: t('field_note'),
          }}
        />
        {done ? (
          <p className="success" role="status">
            {done}
          </p>
        ) : null}
      </div>
    </form>
  );
}
