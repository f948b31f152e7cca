'use client';
// The province allocates a year's plan quota (seed 000) to a group of counties or to one county, once
// confirmed. The area per county starts at the seed's standard for the kind chosen.
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { formatMu } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n/client';
import { useTRPC } from '@/lib/trpc';
import { useHydrated } from '@/lib/use-hydrated';
import { PLAN_KINDS, PLAN_STANDARD, type PlanKind } from '@/server/holdings/domain/plan';
import { ConfirmDialog, readPositive } from './confirm-dialog';
import { Feedback } from './feedback';
import { Mu } from './ui';
import { FieldNote, FormErrorList, formErrorsOf, invalidProps } from './field-errors';

const standardQty = (kind: PlanKind) => formatMu(PLAN_STANDARD[kind].qtyMilliMu).replace(/,/g, '');

type AllocationInput = { kind: PlanKind; year: number; qty: string; documentRef: string; to: { countyId: number } | { group: 'national_poverty' | 'poverty' } };

export function PlanAllocateForm({ year, counties }: { year: number; counties: { id: number; name: string }[] }) {
  const locale = useLocale();
  const t = useT('proceeds');
  const tu = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [kind, setKind] = useState<PlanKind>('PLAN_NEW_LAND');
  const [form, setForm] = useState({ year: String(year), qty: standardQty('PLAN_NEW_LAND'), documentRef: '', to: `group:${PLAN_STANDARD.PLAN_NEW_LAND.to}` });
  const [done, setDone] = useState<string | null>(null);
  const [asking, setAsking] = useState<{ input: AllocationInput; qtyMilliMu: number; scope: string } | null>(null);
  const allocate = useMutation(
    trpc.plan.allocate.mutationOptions({
      onSuccess: (r) => {
        setDone(t('allocate_done', { allocated: r.allocated, skipped: r.skipped }));
        router.refresh();
      },
    }),
  );
  const errors = formErrorsOf(allocate.error);
  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm((f) => ({ ...f, [key]: e.target.value }));

  return (
    <form
      className="form grid"
      data-testid="plan-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        // A year that is not a number goes to the server as 0, which it refuses with its message: nothing to confirm.
        const y = /^\d{1,4}$/.test(form.year.trim()) ? Number(form.year.trim()) : 0;
        const [scope, value] = form.to.split(':') as [string, string];
        const to = scope === 'county' ? { countyId: Number(value) } : { group: value as 'national_poverty' | 'poverty' };
        setDone(null);
        const input = { kind, year: y, qty: form.qty.trim(), documentRef: form.documentRef, to };
        const qtyMilliMu = readPositive(form.qty, 3);
        const county = counties.find((c) => `county:${c.id}` === form.to);
        if (qtyMilliMu === null || y === 0) allocate.mutate(input);
        else setAsking({ input, qtyMilliMu, scope: county ? t('to_county', { name: county.name }) : t(form.to === 'group:poverty' ? 'to_poverty' : 'to_national_poverty') });
      }}
    >
      <label>
        {t('field_kind')}
        <select
          name="kind"
          value={kind}
          onChange={(e) => {
            const k = e.target.value as PlanKind;
            setKind(k);
            setForm((f) => ({ ...f, qty: standardQty(k), to: f.to.startsWith('group:') ? `group:${PLAN_STANDARD[k].to}` : f.to }));
          }}
        >
          {PLAN_KINDS.map((k) => (
            <option key={k} value={k}>
              {tu(`asset_${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('field_year')}
        <input name="year" inputMode="numeric" value={form.year} maxLength={4} onChange={set('year')} {...invalidProps(errors, 'year')} />
        <FieldNote errors={errors} path="year" />
      </label>
      <label>
        {t('field_qty')}
        <input name="qty" inputMode="decimal" value={form.qty} maxLength={20} onChange={set('qty')} {...invalidProps(errors, 'qty')} />
        <FieldNote errors={errors} path="qty" />
        <small className="muted">{t('standard_hint', { qty: formatMu(PLAN_STANDARD[kind].qtyMilliMu) })}</small>
      </label>
      <label>
        {t('field_to')}
        <select name="to" value={form.to} onChange={set('to')}>
          <option value="group:national_poverty">{t('to_national_poverty')}</option>
          <option value="group:poverty">{t('to_poverty')}</option>
          {counties.map((c) => (
            <option key={c.id} value={`county:${c.id}`}>
              {t('to_county', { name: c.name })}
            </option>
          ))}
        </select>
        <FieldNote errors={errors} path="to" />
      </label>
      <label>
        {t('field_documentRef')}
        <input name="documentRef" value={form.documentRef} maxLength={100} onChange={set('documentRef')} {...invalidProps(errors, 'documentRef')} />
        <FieldNote errors={errors} path="documentRef" />
      </label>
      <button type="submit" disabled={!hydrated || allocate.isPending}>
        {allocate.isPending ? tu('saving') : t('submit_allocate')}
      </button>
      <div style={{ gridColumn: '1 / -1' }}>
        <FormErrorList errors={errors} labels={{ kind: t('field_kind'), year: t('field_year'), qty: t('field_qty'), to: t('field_to'), documentRef: t('field_documentRef') }} />
        <Feedback error={null} done={done} />
      </div>
      <ConfirmDialog
        open={asking !== null}
        onClose={() => setAsking(null)}
        title={t('confirm_allocate_title')}
        facts={
          asking
            ? [
                [t('field_kind'), tu(`asset_${asking.input.kind}`)],
                [t('field_year'), String(asking.input.year)],
                [t('field_qty'), <Mu milliMu={asking.qtyMilliMu} locale={locale} />],
                [t('field_to'), asking.scope],
                [t('field_documentRef'), asking.input.documentRef.trim() || tu('not_filled')],
              ]
            : []
        }
        warning={t('confirm_allocate_warning')}
        confirmLabel={t('confirm_allocate_ok')}
        onConfirm={() => (asking ? allocate.mutateAsync(asking.input) : Promise.resolve())}
      >
        {asking ? <p>{t('confirm_allocate_text', { qty: formatMu(asking.qtyMilliMu) })}</p> : null}
      </ConfirmDialog>
    </form>
  );
}
