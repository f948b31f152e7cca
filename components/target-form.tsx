'use client';
// The province sets a year's trading target for every poverty county (seed 001 三(一)).
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useT } from '@/lib/i18n/client';
import { useTRPC } from '@/lib/trpc';
import { useHydrated } from '@/lib/use-hydrated';
import { Feedback } from './feedback';
import { FieldNote, FormErrorList, formErrorsOf, invalidProps } from './field-errors';

export function TargetForm({ year, minYear }: { year: number; minYear: number }) {
  const t = useT('stats');
  const tu = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [form, setForm] = useState({ year: String(Math.max(year, minYear)), qty: '1000', documentRef: '' });
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation(
    trpc.stats.setTarget.mutationOptions({
      onSuccess: (r) => {
        setDone(t('target_done', { n: r.set }));
        router.refresh();
      },
    }),
  );
  const errors = formErrorsOf(save.error);
  return (
    <form
      className="form grid"
      data-testid="target-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        // A year that is not a number goes to the server as 0, which it refuses with its message.
        const y = /^\d{4}$/.test(form.year.trim()) ? Number(form.year.trim()) : 0;
        save.mutate({ year: y, qty: form.qty.trim(), documentRef: form.documentRef, to: { group: 'poverty' } });
      }}
    >
      <h3 style={{ gridColumn: '1 / -1', margin: 0 }}>{t('set_target')}</h3>
      <label>
        {t('field_targetYear')}
        <input name="year" inputMode="numeric" maxLength={4} value={form.year} onChange={(e) => setForm((f) => ({ ...f, year: e.target.value }))} {...invalidProps(errors, 'year')} />
        <FieldNote errors={errors} path="year" />
      </label>
      <label>
        {t('field_targetQty')}
        <input name="qty" inputMode="decimal" maxLength={20} value={form.qty} onChange={(e) => setForm((f) => ({ ...f, qty: e.target.value }))} {...invalidProps(errors, 'qty')} />
        <FieldNote errors={errors} path="qty" />
      </label>
      <label>
        {t('field_targetDocument')}
        <input name="documentRef" maxLength={100} value={form.documentRef} onChange={(e) => setForm((f) => ({ ...f, documentRef: e.target.value }))} {...invalidProps(errors, 'documentRef')} />
        <FieldNote errors={errors} path="documentRef" />
      </label>
      <label>
        {t('field_targetTo')}
        <select name="to" defaultValue="poverty">
          <option value="poverty">{t('target_allPoverty')}</option>
        </select>
      </label>
      <button type="submit" disabled={!hydrated || save.isPending}>
        {save.isPending ? tu('saving') : t('submit_target')}
      </button>
      <div style={{ gridColumn: '1 / -1' }}>
        <FormErrorList errors={errors} labels={{ year: t('field_targetYear'), qty: t('field_targetQty'), documentRef: t('field_targetDocument'), to: t('field_targetTo') }} />
        <Feedback error={null} done={done} />
      </div>
    </form>
  );
}
