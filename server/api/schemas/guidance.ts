import { z } from 'zod';
import { LAND_TYPES } from '@/server/domain/projects';
import { idField, muOrZeroField, pricePerMuField, textField } from './common';

const isoDate = z.string({ error: 'invalidDate' }).trim().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'invalidDate' });

export const guidanceInput = z.object({
  validFrom: isoDate,
  /** Empty: no end set. */
  validTo: z.union([isoDate, z.literal('')], { error: 'invalidDate' }).default(''),
  landType: z.enum(['all', ...LAND_TYPES], { error: 'invalidInput' }),
  reference: pricePerMuField,
  floor: pricePerMuField,
  documentRef: textField(100).min(1, { error: 'required' }),
});

const yearField = z.number({ error: 'invalidInput' }).int({ error: 'invalidInput' }).min(2000, { error: 'invalidInput' }).max(2100, { error: 'invalidInput' });

export const statsFilter = z.object({
  year: yearField.nullable().default(null),
  cityId: idField.nullable().default(null),
  countyId: idField.nullable().default(null),
});

export const targetInput = z.object({
  year: yearField,
  qty: muOrZeroField,
  to: z.union([z.object({ countyId: idField }), z.object({ group: z.literal('poverty') })], { error: 'invalidInput' }),
});

export const yearInput = z.object({ year: yearField });
