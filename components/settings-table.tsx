'use client';
// Settings with the version behind each: value, policy document, the moment it took (or takes) effect.
import { useT } from '@/lib/i18n/client';
import type { Locale } from '@/lib/i18n/define';
import { formatTime } from '@/lib/format';
import { settingText } from '@/lib/settings-view';
import type { SettingKey } from '@/server/settings/domain/settings';

export interface SettingRow {
  id: number;
  key: SettingKey;
  value: number;
  documentNo: string;
  effectiveFrom: number;
  recordedBy: number | null;
}

export function SettingsTable({ rows, locale, testId }: { rows: readonly SettingRow[]; locale: Locale; testId: string }) {
  const t = useT('admin');
  return (
    <div className="table-scroll">
      <table data-testid={testId}>
        <thead>
          <tr>
            <th>{t('settings_col_setting')}</th>
            <th className="num">{t('settings_col_value')}</th>
            <th>{t('settings_col_document')}</th>
            <th>{t('settings_col_effective')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.key}-${r.id}`} data-key={r.key}>
              <td>{t(`setting_${r.key}`)}</td>
              <td className="num">{settingText(t, r.key, r.value)}</td>
              <td>
                {r.documentNo}
                {r.id === 0 ? <span className="muted">（{t('settings_default')}）</span> : r.recordedBy === null ? <span className="muted">（{t('settings_carried')}）</span> : null}
              </td>
              <td>{r.effectiveFrom === 0 ? t('settings_fromStart') : formatTime(r.effectiveFrom, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
