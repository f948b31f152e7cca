import 'server-only';
import { z } from 'zod';
import { muOrZeroField, textField, yearField } from '@/server/kernel/fields';

/** A zone's declared demand for a year: area in 亩 (zero when it needs none after all) and an optional note. */
export const demandInput = z.object({
  year: yearField,
  area: muOrZeroField,
  note: textField(500, 'lines').default(''),
});

/** The outlook of a year; this year when none is given. */
export const outlookInput = z.object({ year: yearField.nullable().default(null) }).default({ year: null });
