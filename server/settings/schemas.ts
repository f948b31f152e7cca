import 'server-only';
import { z } from 'zod';
import { textField } from '@/server/kernel/fields';
import { DOCUMENT_NO_MAX, SETTING_RANGES, type SettingKey } from '@/server/settings/domain/settings';

// Whole numbers only (basis points, days, seconds, years): the form converts percent and minutes.
const settingField = (key: SettingKey) => {
  const [min, max] = SETTING_RANGES[key];
  return z
    .number({ error: 'notANumber' })
    .int({ error: 'wholeNumber' })
    .min(min, { error: min > 0 ? 'positive' : 'negative' })
    .max(max, { error: 'tooLarge' })
    .optional();
};

const isoDate = z.string({ error: 'invalidDate' }).trim().min(1, { error: 'required' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'invalidDate' });

/**
 * A policy document's new values: the settings it sets (at least one; the others keep their
 * versions), its number (文号) and the day they take effect.
 */
export const settingVersionInput = z
  .object({
    depositRateBp: settingField('depositRateBp'),
    paymentDays: settingField('paymentDays'),
    antiSnipingWindowSeconds: settingField('antiSnipingWindowSeconds'),
    antiSnipingExtensionSeconds: settingField('antiSnipingExtensionSeconds'),
    reclamationYearsAfterTrade: settingField('reclamationYearsAfterTrade'),
    reclamationYearsAfterApproval: settingField('reclamationYearsAfterApproval'),
    holdbackBp: settingField('holdbackBp'),
    documentNo: textField(DOCUMENT_NO_MAX).min(1, { error: 'required' }),
    effectiveDate: isoDate,
  })
  .refine((v) => Object.entries(v).some(([k, x]) => k !== 'documentNo' && k !== 'effectiveDate' && x !== undefined), { error: 'noSettingChanged' });

/** A day (YYYY-MM-DD, China time) to look the settings up on. */
export const settingsOnDateInput = z.object({ date: isoDate });
