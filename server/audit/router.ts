// The province browses the audit log: newest first, filtered, a page at a time, with the
// names of the users, organisations and records each page mentions.
import 'server-only';
import { z } from 'zod';
import { auditIds } from '@/lib/audit-view';
import { auditEntities, auditNames, auditPage } from '@/server/books/audit-log';
import { dayStartCst } from '@/server/kernel/china-time';
import { DomainError } from '@/server/kernel/errors';
import { DAY_MS } from '@/server/kernel/china-time';
import { idField, textField } from '@/server/kernel/fields';
import { provinceProcedure, router } from '@/server/kernel/trpc';
import { auditEntitiesOut, auditPageOut } from './outputs';

const PAGE = 50;
const isoDate = z.string({ error: 'invalidDate' }).trim().regex(/^(\d{4}-\d{2}-\d{2})?$/, { error: 'invalidDate' }).default('');

const auditFilterInput = z.object({
  entity: textField(40).default(''),
  action: textField(60).default(''),
  organisationId: idField.nullable().default(null),
  from: isoDate,
  to: isoDate,
  beforeId: idField.nullable().default(null),
});

const day = (iso: string) => {
  if (iso === '') return null;
  const at = dayStartCst(iso);
  if (at === null) throw new DomainError('invalidDate');
  return at;
};

export const auditRouter = router({
  list: provinceProcedure.meta({ data: 'province-wide' }).input(auditFilterInput).output(auditPageOut).query(async ({ ctx, input }) => {
    const to = day(input.to);
    const rows = await auditPage(ctx.services.db, {
      entity: input.entity || null,
      action: input.action || null,
      organisationId: input.organisationId,
      from: day(input.from),
      // The last day is included.
      to: to === null ? null : to + DAY_MS,
      beforeId: input.beforeId,
      limit: PAGE + 1,
    });
    const page = rows.slice(0, PAGE);
    // The names of what the page's records mention, so the page says who and what, not ids.
    return { rows: page, names: await auditNames(ctx.services.db, auditIds(page)), nextBeforeId: rows.length > PAGE ? rows[PAGE - 1]!.id : null };
  }),

  entities: provinceProcedure.meta({ data: 'province-wide' }).output(auditEntitiesOut).query(({ ctx }) => auditEntities(ctx.services.db)),
});
