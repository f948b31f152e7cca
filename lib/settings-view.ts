// How a market setting's value reads: its stored unit (basis points, days, seconds, years) in the unit
// people use (%, days, minutes, years). Shared by the province's settings page and its forms.
import { NO_DOCUMENT, type SettingKey } from '@/server/settings/domain/settings';

type Unit = 'percent' | 'days' | 'minutes' | 'years';

/** Each setting's unit on the page and how many stored units make one (1% = 100 bp, 1 minute = 60 s). */
export const SETTING_FORM: Record<SettingKey, { unit: Unit; scale: number; field: string; label: string }> = {
  depositRateBp: { unit: 'percent', scale: 100, field: 'depositRate', label: 'field_depositRate' },
  paymentDays: { unit: 'days', scale: 1, field: 'paymentDays', label: 'field_paymentDays' },
  antiSnipingWindowSeconds: { unit: 'minutes', scale: 60, field: 'window', label: 'field_window' },
  antiSnipingExtensionSeconds: { unit: 'minutes', scale: 60, field: 'extension', label: 'field_extension' },
  reclamationYearsAfterTrade: { unit: 'years', scale: 1, field: 'reclamationAfterTrade', label: 'field_reclamationAfterTrade' },
  reclamationYearsAfterApproval: { unit: 'years', scale: 1, field: 'reclamationAfterApproval', label: 'field_reclamationAfterApproval' },
  holdbackBp: { unit: 'percent', scale: 100, field: 'holdback', label: 'field_holdback' },
};

/** A stored value in the page's unit, as a number typed into the form (2000 bp → 20, 90 s → 1.5). */
export const formValue = (key: SettingKey, value: number) => value / SETTING_FORM[key].scale;

/** A stored value in words: "20%", "10 天", "5 分钟", "2 年". */
export function settingText(t: (key: `value_${Unit}`, params: { n: string }) => string, key: SettingKey, value: number): string {
  return t(`value_${SETTING_FORM[key].unit}`, { n: String(formValue(key, value)) });
}

/** The document a setting in force was set by, or, for a default no document set, its name in words. */
export function documentBasis(t: (key: 'documentNo_default') => string, documentNo: string): string {
  return documentNo === NO_DOCUMENT ? t('documentNo_default') : documentNo;
}
