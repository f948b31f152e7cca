import 'server-only';
import { z } from 'zod';
import { decimalField, idField, yearField } from '@/server/kernel/fields';
import { formatScaled } from '@/server/kernel/units';
import { METRIC_BANDS, METRIC_KEYS, THRESHOLD_KEYS, THRESHOLD_SPECS, type ThresholdKey, type ThresholdUnit } from '@/server/integrity/domain/thresholds';

/** The period (a year, one of its quarters or months, China time) and the place the screens read. */
export const integrityFilter = z.object({
  year: yearField.nullable().default(null),
  quarter: z.number({ error: 'invalidValue' }).int({ error: 'invalidValue' }).min(1, { error: 'invalidValue' }).max(4, { error: 'invalidValue' }).nullable().default(null),
  month: z.number({ error: 'invalidValue' }).int({ error: 'invalidValue' }).min(1, { error: 'invalidValue' }).max(12, { error: 'invalidValue' }).nullable().default(null),
  cityId: idField.nullable().default(null),
  countyId: idField.nullable().default(null),
});

/**
 * How a threshold is typed: a share, ratio or probability as a percentage with 2 decimals (which is
 * basis points), a mean number of bidders with 2 decimals (hundredths), a count as a whole number.
 */
export const PLACES: Record<ThresholdUnit, number> = { bp: 2, bidders: 2, count: 0 };
const shown = (key: ThresholdKey, v: number) => formatScaled(v, PLACES[THRESHOLD_SPECS[key].unit]).replace(/,/g, '');

/** Every threshold, typed in its unit; each within its range, and each metric's amber band before its red one (shown on the red field). */
export const thresholdsInput = z
  .object(Object.fromEntries(THRESHOLD_KEYS.map((k) => [k, decimalField(PLACES[THRESHOLD_SPECS[k].unit], THRESHOLD_SPECS[k].max, true)])) as Record<ThresholdKey, Awaited<ReturnType<typeof decimalField>>>)
  .superRefine((t, ctx) => {
    for (const key of THRESHOLD_KEYS) {
      const { min, max } = THRESHOLD_SPECS[key];
      if (t[key] < min) ctx.addIssue({ code: 'custom', path: [key], message: 'thresholdOutOfRange', params: { min: shown(key, min), max: shown(key, max) } });
    }
    for (const m of METRIC_KEYS) {
      const { amber, red, warn } = METRIC_BANDS[m];
      if (warn === 'above' ? t[amber] > t[red] : t[amber] < t[red]) ctx.addIssue({ code: 'custom', path: [red], message: 'thresholdOrder' });
    }
    if (t.pairRedPBp > t.pairAmberPBp) ctx.addIssue({ code: 'custom', path: ['pairRedPBp'], message: 'thresholdOrder' });
  });
