'use client';
// The province publishes a guidance period: dates, land type (or all), reference price and floor,
// confirmed first (a period once published is never rewritten).
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useLocale, useT } from '@/lib/i18n/client';
import { useTRPC } from '@/lib/trpc';
import { useHydrated } from '@/lib/use-hydrated';
import { LAND_TYPES } from '@/server/projects/domain/projects';
import { ConfirmDialog, readPositive } from './confirm-dialog';
import { Feedback } from './feedback';
import { PricePerMu } from './ui';
import { FieldNote, FormErrorList, formErrorsOf, invalidProps } from './field-errors';

type Land = 'all' | (typeof LAND_TYPES)[number];
const EMPTY = { validFrom: '', validTo: '', landType: 'all' as Land, reference: '', floor: '', documentRef: '' };

interface GuidanceRequest {
  input: typeof EMPTY;
  referenceFen: number;
  floorFen: number;
}

export function GuidanceForm() {
  const locale = useLocale();
  const t = useT('market');
  const tu = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [form, setForm] = useState(EMPTY);
  const [done, setDone] = useState<string | null>(null);
  const [asking, setAsking] = useState<GuidanceRequest | null>(null);
  const publish = useMutation(
    trpc.guidance.publish.mutationOptions({
      onSuccess: () => {
        setForm(EMPTY);
        setDone(t('guidance_done'));
        router.refresh();
      },
    }),
  );
  const errors = formErrorsOf(publish.error);
  const set = (key: keyof typeof EMPTY) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm((f) => ({ ...f, [key]: e.target.value }));

  return (
    <form
      className="form grid"
      data-testid="guidance-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        const input = { ...form, reference: form.reference.trim(), floor: form.floor.trim() };
        const referenceFen = readPositive(form.reference, 2);
        const floorFen = readPositive(form.floor, 2);
        if (referenceFen === null || floorFen === null) publish.mutate(input);
        else setAsking({ input, referenceFen, floorFen });
      }}
    >
      <label>
        {t('field_validFrom')}
        <input name="validFrom" type="date" value={form.validFrom} onChange={set('validFrom')} {...invalidProps(errors, 'validFrom')} />
        <FieldNote errors={errors} path="validFrom" />
      </label>
      <label>
        {t('field_validTo')}
        <input name="validTo" type="date" value={form.validTo} onChange={set('validTo')} {...invalidProps(errors, 'validTo')} />
        <FieldNote errors={errors} path="validTo" />
      </label>
      <label>
        {t('field_guidanceLand')}
        <select name="landType" value={form.landType} onChange={set('landType')}>
          <option value="all">{t('guidance_landAll')}</option>
          {LAND_TYPES.map((l) => (
            <option key={l} value={l}>
              {tu(`landType_${l}`)}
            </option>
          ))}
        </select>
        <FieldNote errors={errors} path="landType" />
      </label>
      <label>
        {t('field_reference')}
        <input name="reference" inputMode="decimal" value={form.reference} maxLength={20} onChange={set('reference')} {...invalidProps(errors, 'reference')} />
        <FieldNote errors={errors} path="reference" />
      </label>
      <label>
        {t('field_floor')}
        <input name="floor" inputMode="decimal" value={form.floor} maxLength={20} onChange={set('floor')} {...invalidProps(errors, 'floor')} />
        <FieldNote errors={errors} path="floor" />
      </label>
      <label>
        {t('field_guidanceRef')}
        <input name="documentRef" value={form.documentRef} maxLength={100} onChange={set('documentRef')} {...invalidProps(errors, 'documentRef')} />
        <FieldNote errors={errors} path="documentRef" />
      </label>
      <button type="submit" disabled={!hydrated || publish.isPending}>
        {publish.isPending ? tu('saving') : t('submit_guidance')}
      </button>
      <div style={{ gridColumn: '1 / -1' }}>
        <FormErrorList
          errors={errors}
          labels={{ validFrom: t('field_validFrom'), validTo: t('field_validTo'), landType: t('field_guidanceLand'), reference: t('field_reference'), floor: t('field_floor'), documentRef: t('field_guidanceRef') }}
        />
        <Feedback error={null} done={done} />
      </div>
      <ConfirmDialog
        open={asking !== null}
        onClose={() => setAsking(null)}
        title={t('confirm_guidance_title')}
        facts={
          asking
            ? [
                [t('guidance_period'), `${asking.input.validFrom || tu('not_filled')} – ${asking.input.validTo || t('guidance_open')}`],
                [t('field_guidanceLand'), asking.input.landType === 'all' ? t('guidance_landAll') : tu(`landType_${asking.input.landType}`)],
                [t('guidance_reference'), <PricePerMu fen={asking.referenceFen} locale={locale} />],
                [t('guidance_floor'), <PricePerMu fen={asking.floorFen} locale={locale} />],
                [t('guidance_documentRef'), asking.input.documentRef.trim() || tu('not_filled')],
              ]
            : []
        }
        warning={t('confirm_guidance_warning')}
        confirmLabel={t('confirm_guidance_ok')}
        onConfirm={() => (asking ? publish.mutateAsync(asking.input) : Promise.resolve())}
      >
        <p>{t('confirm_guidance_text')}</p>
      </ConfirmDialog>
    </form>
  );
}
