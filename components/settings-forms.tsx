'use client';
// The province's market settings as versions: a form recording a policy document's new values from a
// chosen day (confirmed first: a version once recorded is never rewritten), and a look-up of what was in
// force on any day.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useLocale, useT } from '@/lib/i18n/client';
import { useTRPC } from '@/lib/trpc';
import { useHydrated } from '@/lib/use-hydrated';
import { formatTime } from '@/lib/format';
import { SETTING_FORM, formValue, settingText } from '@/lib/settings-view';
import { type MarketSettings, type SettingKey, SETTING_KEYS } from '@/server/settings/domain/settings';
import { readDecimal } from '@/server/kernel/units';
import { ConfirmDialog } from './confirm-dialog';
import { Feedback } from './feedback';
import { FieldNote, type FormErrors, FormErrorList, formErrorsOf, invalidProps, mergeErrors } from './field-errors';
import { SettingsTable } from './settings-table';

interface VersionRequest {
  changed: Partial<MarketSettings>;
  documentNo: string;
  effectiveDate: string;
}

/** Records a new version of the settings a document changes; `current` are the values in force now. */
export function SettingsVersionForm({ current, today }: { current: MarketSettings; today: string }) {
  const locale = useLocale();
  const t = useT('admin');
  const tu = useT();
  const te = useT('errors');
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const [local, setLocal] = useState<FormErrors | null>(null);
  const [asking, setAsking] = useState<VersionRequest | null>(null);
  const [documentNo, setDocumentNo] = useState('');
  const [effectiveDate, setEffectiveDate] = useState(today);
  const record = useMutation(
    trpc.settings.addVersion.mutationOptions({
      onSuccess: (r) => {
        setDone(t('saved_settings', { at: formatTime(r.effectiveFrom, locale) }));
        setDocumentNo('');
        router.refresh();
      },
    }),
  );
  // Percent and minutes in the form (up to 2 decimals); basis points and seconds on the wire. A value
  // that is not such a number gets its own reason under the server's field name; one that is not whole
  // in the stored unit goes to the server, which says so.
  const read = (key: SettingKey, v: FormDataEntryValue | null): number | string => {
    const r = readDecimal(String(v ?? ''), 2);
    return 'value' in r ? (r.value * SETTING_FORM[key].scale) / 100 : te(r.problem === 'tooLarge' ? 'tooLarge' : r.problem, { places: 2 });
  };
  const errors = mergeErrors(local, formErrorsOf(record.error));
  const labels = Object.fromEntries([...SETTING_KEYS.map((k) => [k, t(SETTING_FORM[k].label as 'field_depositRate')]), ['documentNo', t('field_documentNo')], ['effectiveDate', t('field_effectiveDate')]]);
  return (
    <form
      className="form grid"
      data-testid="settings-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        setDone(null);
        record.reset();
        const values = Object.fromEntries(SETTING_KEYS.map((k) => [k, read(k, f.get(SETTING_FORM[k].field))])) as Record<SettingKey, number | string>;
        const refused = Object.entries(values).filter((e): e is [string, string] => typeof e[1] === 'string');
        if (refused.length > 0) {
          setLocal({ fields: Object.fromEntries(refused), message: null });
          return;
        }
        const changed: Partial<MarketSettings> = {};
        for (const k of SETTING_KEYS) if (values[k] !== current[k]) changed[k] = values[k] as number;
        if (Object.keys(changed).length === 0) {
          setLocal({ fields: {}, message: te('noSettingChanged') });
          return;
        }
        setLocal(null);
        const request = { changed, documentNo, effectiveDate };
        // Input the server will refuse field by field goes without a confirmation: nothing to confirm.
        if (documentNo.trim() === '' || effectiveDate === '' || effectiveDate < today) record.mutate({ ...changed, documentNo, effectiveDate });
        else setAsking(request);
      }}
    >
      {SETTING_KEYS.map((k) => (
        <label key={k}>
          {t(SETTING_FORM[k].label as 'field_depositRate')}
          <input name={SETTING_FORM[k].field} inputMode="decimal" defaultValue={formValue(k, current[k])} required {...invalidProps(errors, k)} />
          <FieldNote errors={errors} path={k} />
        </label>
      ))}
      <label>
        {t('field_documentNo')}
        <input name="documentNo" value={documentNo} maxLength={100} onChange={(e) => setDocumentNo(e.target.value)} {...invalidProps(errors, 'documentNo')} />
        <FieldNote errors={errors} path="documentNo" />
      </label>
      <label>
        {t('field_effectiveDate')}
        <input name="effectiveDate" type="date" min={today} value={effectiveDate} onChange={(e) => setEffectiveDate(e.target.value)} {...invalidProps(errors, 'effectiveDate')} />
        <FieldNote errors={errors} path="effectiveDate" />
      </label>
      <button type="submit" disabled={!hydrated || record.isPending}>
        {record.isPending ? tu('saving') : t('settings_record')}
      </button>
      <div style={{ gridColumn: '1 / -1' }}>
        <FormErrorList errors={errors} labels={labels} />
        <Feedback error={null} done={done} />
      </div>
      <ConfirmDialog
        open={asking !== null}
        onClose={() => setAsking(null)}
        title={t('confirm_settings_title')}
        facts={
          asking
            ? [
                ...(Object.keys(asking.changed) as SettingKey[]).map(
                  (k) => [t(`setting_${k}`), `${settingText(t, k, current[k])} → ${settingText(t, k, asking.changed[k]!)}`] as const,
                ),
                [t('field_documentNo'), asking.documentNo.trim()],
                [t('field_effectiveDate'), asking.effectiveDate === today ? t('settings_effectiveToday', { date: today }) : asking.effectiveDate],
              ]
            : []
        }
        warning={t('confirm_settings_warning')}
        confirmLabel={t('confirm_settings_ok')}
        onConfirm={() => (asking ? record.mutateAsync({ ...asking.changed, documentNo: asking.documentNo, effectiveDate: asking.effectiveDate }) : Promise.resolve())}
      >
        <p>{t('confirm_settings_text')}</p>
      </ConfirmDialog>
    </form>
  );
}

/** Every setting in force on a chosen day, with the document behind it. */
export function SettingsOnDate({ today }: { today: string }) {
  const locale = useLocale();
  const t = useT('admin');
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const [draft, setDraft] = useState(today);
  const [date, setDate] = useState<string | null>(null);
  const query = useQuery({ ...trpc.settings.onDate.queryOptions({ date: date ?? today }), enabled: date !== null });
  const errors = formErrorsOf(query.error);
  return (
    <div data-testid="settings-lookup">
      <form
        className="form row"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setDate(draft);
        }}
      >
        <label>
          {t('settings_lookupDate')}
          <input name="lookupDate" type="date" value={draft} onChange={(e) => setDraft(e.target.value)} {...invalidProps(errors, 'date')} />
          <FieldNote errors={errors} path="date" />
        </label>
        <button type="submit" disabled={!hydrated}>
          {t('settings_lookupGo')}
        </button>
      </form>
      {query.data ? (
        <>
          <p className="muted">{t('settings_lookupAt', { at: formatTime(query.data.at, locale) })}</p>
          <SettingsTable rows={query.data.rows} locale={locale} testId="settings-on-date" />
        </>
      ) : null}
      {errors && !errors.fields.date ? <Feedback error={errors.message} /> : null}
    </div>
  );
}
