import 'server-only';
import { z } from 'zod';
import { LAND_TYPES } from '@/server/projects/domain/projects';
import { idField, muOrZeroField, pricePerMuField, textField, yearField } from '@/server/kernel/fields';

const isoDate = z.string({ error: 'invalidDate' }).trim().min(1, { error: 'required' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'invalidDate' });

export const guidanceInput = z.object({
  validFrom: isoDate,
  /** Empty: no end set. */
  validTo: z.union([isoDate, z.literal('')], { error: 'invalidDate' }).default(''),
  landType: z.enum(['all', ...LAND_TYPES], { error: 'required' }),
  reference: pricePerMuField,
  floor: pricePerMuField,
  documentRef: textField(100).min(1, { error: 'required' }),
});

export const statsFilter = z.object({
  year: yearField.nullable().default(null),
  cityId: idField.nullable().default(null),
  countyId: idField.nullable().default(null),
});

export const targetInput = z.object({
  year: yearField,
  qty: muOrZeroField,
  documentRef: textField(100).min(1, { error: 'required' }),
  to: z.union([z.object({ countyId: idField }), z.object({ group: z.literal('poverty') })], { error: 'required' }),
});

