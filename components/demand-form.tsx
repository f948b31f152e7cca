'use client';
// A zone declares (or revises) its demand for this year or the next, confirmed first: the new
// declaration replaces the one in force and the old one is kept. The server's answer is shown under the form.
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useLocale, useT } from '@/lib/i18n/client';
import { useTRPC } from '@/lib/trpc';
import { formatMu } from '@/lib/format';
import { useHydrated } from '@/lib/use-hydrated';
import { parseDecimal } from '@/server/kernel/units';
import { ConfirmDialog } from './confirm-dialog';
import { Feedback } from './feedback';
import { Mu } from './ui';
import { FieldNote, FormErrorList, formErrorsOf, invalidProps } from './field-errors';

interface DemandRequest {
  input: { year: number; area: string; note: string };
  areaMilliMu: number;
}

export function DemandForm({ years, initial }: { years: readonly number[]; initial: Record<number, { area: string; note: string }> }) {
  const locale = useLocale();
  const t = useT('stats');
  const tu = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [year, setYear] = useState(years[0]!);
  const [area, setArea] = useState(initial[years[0]!]?.area ?? '');
  const [note, setNote] = useState(initial[years[0]!]?.note ?? '');
  const [done, setDone] = useState<string | null>(null);
  const [asking, setAsking] = useState<DemandRequest | null>(null);
  const declare = useMutation(
    trpc.outlook.declare.mutationOptions({
      onSuccess: (d) => {
        setDone(t('demand_done', { year: d.year }));
        router.refresh();
      },
    }),
  );
  const errors = formErrorsOf(declare.error);
  const chooseYear = (y: number) => {
    setYear(y);
    setArea(initial[y]?.area ?? '');
    setNote(initial[y]?.note ?? '');
  };

  return (
    <form
      className="form grid"
      data-testid="demand-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        const input = { year, area: area.trim(), note };
        // What the server will refuse field by field goes to it without a confirmation: nothing to confirm.
        const areaMilliMu = parseDecimal(input.area, 3);
        if (areaMilliMu === null || areaMilliMu < 0) declare.mutate(input);
        else setAsking({ input, areaMilliMu });
      }}
    >
      <label>
        {t('field_demandYear')}
        <select name="year" value={year} onChange={(e) => chooseYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {t('outlook_year', { year: y })}
            </option>
          ))}
        </select>
        <FieldNote errors={errors} path="year" />
      </label>
      <label>
        {t('field_demandArea')}
        <input name="area" inputMode="decimal" value={area} maxLength={20} onChange={(e) => setArea(e.target.value)} {...invalidProps(errors, 'area')} />
        <FieldNote errors={errors} path="area" />
      </label>
      <label style={{ gridColumn: '1 / -1' }}>
        {t('field_demandNote')}
        <textarea name="note" value={note} maxLength={500} rows={2} onChange={(e) => setNote(e.target.value)} {...invalidProps(errors, 'note')} />
        <FieldNote errors={errors} path="note" />
      </label>
      <button type="submit" disabled={!hydrated || declare.isPending}>
        {declare.isPending ? tu('saving') : t('submit_demand')}
      </button>
      <div style={{ gridColumn: '1 / -1' }}>
        <FormErrorList errors={errors} labels={{ year: t('field_demandYear'), area: t('field_demandArea'), note: t('field_demandNote') }} />
        <Feedback error={null} done={done} />
      </div>
      <ConfirmDialog
        open={asking !== null}
        onClose={() => setAsking(null)}
        title={t('confirm_demand_title')}
        facts={
          asking
            ? [
                [t('field_demandYear'), t('outlook_year', { year: asking.input.year })],
                [t('col_demandArea'), <Mu milliMu={asking.areaMilliMu} locale={locale} />],
                [t('col_demandNote'), asking.input.note.trim() || tu('not_filled')],
              ]
            : []
        }
        warning={t('confirm_demand_warning')}
        confirmLabel={t('confirm_demand_ok')}
        onConfirm={() => (asking ? declare.mutateAsync(asking.input) : Promise.resolve())}
      >
        {asking ? <p>{t('confirm_demand_text', { year: asking.input.year, area: formatMu(asking.areaMilliMu) })}</p> : null}
      </ConfirmDialog>
    </form>
  );
}
