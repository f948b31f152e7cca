'use client';
// The province changes the thresholds of the market-integrity screens: every value as typed in its
// unit (percentages and bidders with 2 decimals, counts whole), saved together; the server checks each
// field and the order of each metric's amber and red bands. Labels come from the page (its namespace
// is not sent to every page's browser).
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '@/lib/trpc';
import { useHydrated } from '@/lib/use-hydrated';
import { Feedback } from './feedback';
import { FieldNote, FormErrorList, formErrorsOf, invalidProps } from './field-errors';

export interface ThresholdField {
  key: string;
  label: string;
  /** The value as typed: "10.00" (%), "2.00" (bidders), "5" (listings). */
  value: string;
}

export function IntegrityThresholdsForm({ fields, texts }: { fields: ThresholdField[]; texts: { save: string; saved: string; unchanged: string } }) {
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [form, setForm] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f.key, f.value])));
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation(
    trpc.integrity.setThresholds.mutationOptions({
      onSuccess: ({ changed }) => {
        setDone(changed > 0 ? texts.saved.replace('{n}', String(changed)) : texts.unchanged);
        router.refresh();
      },
    }),
  );
  const errors = formErrorsOf(save.error);
  const labels = Object.fromEntries(fields.map((f) => [f.key, f.label]));
  return (
    <form
      className="form grid"
      data-testid="integrity-thresholds-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        save.mutate(form as never);
      }}
    >
      {fields.map((f) => (
        <label key={f.key}>
          {f.label}
          <input name={f.key} inputMode="decimal" value={form[f.key] ?? ''} onChange={(e) => setForm((v) => ({ ...v, [f.key]: e.target.value }))} {...invalidProps(errors, f.key)} />
          <FieldNote errors={errors} path={f.key} />
        </label>
      ))}
      <FormErrorList errors={errors} labels={labels} />
      <Feedback error={null} done={done} />
      <button type="submit" disabled={!hydrated || save.isPending}>
        {texts.save}
      </button>
    </form>
  );
}
