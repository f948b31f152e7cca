// Dashboard tables as CSV or Excel over plain HTTP (a file download does not fit tRPC's JSON). The
// table is built by server/web/reports.ts through the tRPC caller, so the procedure's access rules and
// refusals apply, in the caller's language.
import 'server-only';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { translate } from '@/lib/i18n';
import { toCsv, toXlsx } from './report-files';
import { REPORT_IDS, buildReport, reportSource } from './reports';
import { statsFilter } from '@/server/guidance/schemas';
import { integrityFilter } from '@/server/integrity/schemas';
import { attachmentHeaders } from '@/server/web/attachment';
import { createCaller } from '@/server/app-router';
import { type Context, refusalResponse } from '@/server/kernel/trpc';

const query = statsFilter.extend({
  report: z.enum(REPORT_IDS),
  format: z.enum(['csv', 'xlsx']),
  // The integrity screens' quarter or month of the year (the dashboards' reports ignore them).
  quarter: integrityFilter.shape.quarter,
  month: integrityFilter.shape.month,
});

const intOrNull = (v: string | null) => (v === null || v === '' ? null : /^\d{1,9}$/.test(v) ? Number(v) : NaN);

/** GET /api/export/<report>?format=csv|xlsx&year=&cityId=&countyId= (and &quarter=&month= for the integrity reports) */
export async function exportReport(ctx: Context, req: Request, report: string) {
  const url = new URL(req.url);
  const parsed = query.safeParse({
    report,
    format: url.searchParams.get('format') ?? 'csv',
    year: intOrNull(url.searchParams.get('year')),
    cityId: intOrNull(url.searchParams.get('cityId')),
    countyId: intOrNull(url.searchParams.get('countyId')),
    quarter: intOrNull(url.searchParams.get('quarter')),
    month: intOrNull(url.searchParams.get('month')),
  });
  if (!parsed.success) return Response.json({ error: { code: 'invalidInput', message: translate(ctx.locale, 'errors', 'invalidInput', { detail: parsed.error.issues.map((i) => i.path.join('.')).join(', ') }) } }, { status: 400 });
  const { format, report: id, ...filter } = parsed.data;
  try {
    const r = await buildReport(id, reportSource(createCaller(ctx), filter), ctx.locale);
    const bytes = format === 'csv' ? toCsv(r) : await toXlsx(r);
    return new Response(bytes as BodyInit, {
      headers: attachmentHeaders({
        name: `${r.title}.${format}`,
        fallbackName: `${id}.${format}`,
        contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
    });
  } catch (e) {
    // A refusal, not a fault: faults (INTERNAL_SERVER_ERROR) go on to the edge's handler and the log.
    if (e instanceof TRPCError && e.code !== 'INTERNAL_SERVER_ERROR') return refusalResponse(ctx.locale, e);
    throw e;
  }
}
