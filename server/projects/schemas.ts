import 'server-only';
import { z } from 'zod';
import { CURRENT_USES, FARMLAND_GRADES, LAND_TYPES } from '@/server/projects/domain/projects';
import { PLAN_KINDS } from '@/server/holdings/domain/plan';
import { SPENDING_CATEGORIES } from '@/server/holdings/domain/proceeds';
import { RIGHTS } from '@/server/books/domain/ledger';
import { idField, muField, muOrZeroField, requestIdField, textField, yearField, yuanField } from '@/server/kernel/fields';

const required = (max: number) => textField(max).min(1, { error: 'required' });

/** A farmland grade (1–10) as typed or as a number; blank or null is no grade. */
const gradeField = z
  .union([z.number(), z.string(), z.null()], { error: 'gradeRange' })
  .default(null)
  .transform((v, ctx) => {
    const text = v === null ? '' : String(v).trim();
    if (text === '') return null;
    const grade = /^\d{1,2}$/.test(text) ? Number(text) : NaN;
    if (grade >= FARMLAND_GRADES.best && grade <= FARMLAND_GRADES.worst) return grade;
    ctx.addIssue({ code: 'custom', message: 'gradeRange' });
    return z.NEVER;
  });

const plotInput = z.object({
  code: required(40),
  village: required(100),
  currentUse: z.enum(CURRENT_USES, { error: 'required' }),
  area: muField,
  farmland: muOrZeroField,
  farmlandGrade: gradeField,
});

export const projectInput = z.object({
  name: required(100),
  villages: required(200),
  forCrossRegion: z.boolean({ error: 'required' }),
  landType: z.enum(LAND_TYPES, { error: 'required' }),
  resettlement: muOrZeroField.default(0),
  plots: z.array(plotInput, { error: 'required' }).max(200, { error: 'tooLarge' }),
});

export const projectUpdateInput = projectInput.extend({ projectId: idField });

export const projectReviewInput = z.object({ projectId: idField, approve: z.boolean({ error: 'required' }), reason: textField(500, 'lines').default('') });

export const provinceReviewInput = projectReviewInput.extend({ approvalRef: textField(100).default('') });

export const refInput = z.object({ projectId: idField, ref: textField(100).default('') });

export const progressInput = z.object({
  projectId: idField,
  percent: z.number({ error: 'percentRange' }).int({ error: 'percentRange' }).min(0, { error: 'percentRange' }).max(100, { error: 'percentRange' }),
  note: textField(500, 'lines').default(''),
});

export const rightsUseInput = z.object({
  applicationName: required(200),
  approvalRef: required(100),
  area: muField,
  rights: z.array(z.enum(RIGHTS, { error: 'invalidInput' }), { error: 'required' }).min(1, { error: 'rightsRequired' }).max(3, { error: 'invalidInput' }),
  requestId: requestIdField,
});

export const spendingInput = z.object({
  spentOn: textField(10).min(1, { error: 'required' }),
  amount: yuanField,
  category: z.enum(SPENDING_CATEGORIES, { error: 'required' }),
  purpose: textField(500, 'lines').min(1, { error: 'required' }),
  budgetRef: required(100),
});

export const allocationInput = z.object({
  kind: z.enum(PLAN_KINDS, { error: 'required' }),
  year: yearField,
  qty: muField,
  documentRef: required(100),
  to: z.union([z.object({ countyId: idField }), z.object({ group: z.enum(['national_poverty', 'poverty'], { error: 'required' }) })], { error: 'required' }),
});

export const lotRef = z.object({ lotId: idField });
