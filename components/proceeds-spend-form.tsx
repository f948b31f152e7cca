'use client';
// A county records one spending from its proceeds (seed 001 三(三)), confirmed first; the server
// refuses more than is left and a date after today, and its answer is shown under the form.
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useLocale, useT } from '@/lib/i18n/client';
import { useTRPC } from '@/lib/trpc';
import { useHydrated } from '@/lib/use-hydrated';
import { SPENDING_CATEGORIES, type SpendingCategory } from '@/server/holdings/domain/proceeds';
import { ConfirmDialog, readPositive } from './confirm-dialog';
import { Feedback } from './feedback';
import { Money } from './ui';
import { FieldNote, FormErrorList, formErrorsOf, invalidProps } from './field-errors';

const EMPTY = { spentOn: '', amount: '', category: '' as SpendingCategory | '', purpose: '', budgetRef: '' };

interface SpendRequest {
  input: { spentOn: string; amount: string; category: SpendingCategory; purpose: string; budgetRef: string };
  amountFen: number;
}

export function ProceedsSpendForm() {
  const locale = useLocale();
  const t = useT('proceeds');
  const tu = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [form, setForm] = useState(EMPTY);
  const [done, setDone] = useState<string | null>(null);
  const [asking, setAsking] = useState<SpendRequest | null>(null);
  const spend = useMutation(
    trpc.proceeds.spend.mutationOptions({
      onSuccess: () => {
        setForm(EMPTY);
        setDone(t('spending_done'));
        router.refresh();
      },
    }),
  );
  const errors = formErrorsOf(spend.error);
  const set = (key: keyof typeof EMPTY) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm((f) => ({ ...f, [key]: e.target.value }));

  return (
    <form
      className="form grid"
      data-testid="spend-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        // No category chosen goes as '', which the server refuses as required beside the other fields: nothing to confirm.
        const input = { ...form, category: form.category as SpendingCategory, amount: form.amount.trim() };
        const amountFen = readPositive(form.amount, 2);
        if (amountFen === null || form.category === '') spend.mutate(input);
        else setAsking({ input, amountFen });
      }}
    >
      <label>
        {t('field_spentOn')}
        <input name="spentOn" type="date" value={form.spentOn} onChange={set('spentOn')} {...invalidProps(errors, 'spentOn')} />
        <FieldNote errors={errors} path="spentOn" />
      </label>
      <label>
        {t('field_amount')}
        <input name="amount" inputMode="decimal" value={form.amount} maxLength={20} onChange={set('amount')} {...invalidProps(errors, 'amount')} />
        <FieldNote errors={errors} path="amount" />
      </label>
      <label>
        {t('field_category')}
        <select name="category" value={form.category} onChange={set('category')} {...invalidProps(errors, 'category')}>
          <option value="">{t('choose')}</option>
          {SPENDING_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`category_${c}`)}
            </option>
          ))}
        </select>
        <FieldNote errors={errors} path="category" />
      </label>
      <label>
        {t('field_purpose')}
        <input name="purpose" value={form.purpose} maxLength={500} onChange={set('purpose')} {...invalidProps(errors, 'purpose')} />
        <FieldNote errors={errors} path="purpose" />
      </label>
      <label>
        {t('field_budgetRef')}
        <input name="budgetRef" value={form.budgetRef} maxLength={100} onChange={set('budgetRef')} {...invalidProps(errors, 'budgetRef')} />
        <FieldNote errors={errors} path="budgetRef" />
      </label>
      <button type="submit" disabled={!hydrated || spend.isPending}>
        {spend.isPending ? tu('saving') : t('submit_spending')}
      </button>
      <div style={{ gridColumn: '1 / -1' }}>
        <FormErrorList
          errors={errors}
          labels={{ spentOn: t('field_spentOn'), amount: t('field_amount'), category: t('field_category'), purpose: t('field_purpose'), budgetRef: t('field_budgetRef') }}
        />
        <Feedback error={null} done={done} />
      </div>
      <ConfirmDialog
        open={asking !== null}
        onClose={() => setAsking(null)}
        title={t('confirm_spend_title')}
        facts={
          asking
            ? [
                [t('field_spentOn'), asking.input.spentOn || tu('not_filled')],
                [t('col_amount'), <Money fen={asking.amountFen} locale={locale} />],
                [t('field_category'), t(`category_${asking.input.category}`)],
                [t('field_purpose'), asking.input.purpose.trim() || tu('not_filled')],
                [t('field_budgetRef'), asking.input.budgetRef.trim() || tu('not_filled')],
              ]
            : []
        }
        warning={t('confirm_spend_warning')}
        confirmLabel={t('confirm_spend_ok')}
        onConfirm={() => (asking ? spend.mutateAsync(asking.input) : Promise.resolve())}
      >
        <p>{t('confirm_spend_text')}</p>
      </ConfirmDialog>
    </form>
  );
}
