// The market settings as versioned rules: what is in force (with its document and effective date), what
// waits for its date, a form for a document's new values, a look-up by date, and every version recorded.
import { SettingsOnDate, SettingsVersionForm } from '@/components/settings-forms';
import { SettingsTable } from '@/components/settings-table';
import { Time } from '@/components/ui';
import { translator } from '@/lib/i18n';
import { settingText } from '@/lib/settings-view';
import { isoDateCst } from '@/server/kernel/china-time';
import type { MarketSettings } from '@/server/settings/domain/settings';
import { requireRole } from '@/server/web/page';

export default async function SettingsPage() {
  const { caller, locale } = await requireRole('province');
  const t = translator(locale, 'admin');
  const [current, history] = await Promise.all([caller.settings.current(), caller.settings.history()]);
  const values = Object.fromEntries(current.rows.map((r) => [r.key, r.value])) as MarketSettings;
  const today = isoDateCst(current.at);
  return (
    <>
      <h1>{t('settings_title')}</h1>
      <p className="muted">{t('settings_intro')}</p>
      <h2>{t('settings_inForce')}</h2>
      <SettingsTable rows={current.rows} locale={locale} testId="settings-in-force" />
      {current.pending.length > 0 ? (
        <>
          <h2>{t('settings_pending')}</h2>
          <SettingsTable rows={current.pending} locale={locale} testId="settings-pending" />
        </>
      ) : null}
      <section className="card">
        <h2>{t('settings_new')}</h2>
        <p className="muted">{t('settings_newHint')}</p>
        <SettingsVersionForm current={values} today={today} />
      </section>
      <section className="card">
        <h2>{t('settings_lookup')}</h2>
        <p className="muted">{t('settings_lookupHint')}</p>
        <SettingsOnDate today={today} />
      </section>
      <h2>{t('settings_history')}</h2>
      {history.length === 0 ? (
        <p className="card muted">{t('settings_historyEmpty')}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="settings-history">
            <thead>
              <tr>
                <th>{t('settings_col_setting')}</th>
                <th className="num">{t('settings_col_value')}</th>
                <th>{t('settings_col_document')}</th>
                <th>{t('settings_col_effective')}</th>
                <th>{t('settings_col_recordedBy')}</th>
                <th>{t('settings_col_recordedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((v) => (
                <tr key={v.id} data-key={v.key}>
                  <td>{t(`setting_${v.key}`)}</td>
                  <td className="num">{settingText(t, v.key, v.value)}</td>
                  <td>{v.documentNo}</td>
                  <td>{v.effectiveFrom === 0 ? t('settings_fromStart') : <Time ms={v.effectiveFrom} locale={locale} />}</td>
                  <td>{v.recordedByName ?? t('settings_carried')}</td>
                  <td>{v.recordedAt === 0 ? '—' : <Time ms={v.recordedAt} locale={locale} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
