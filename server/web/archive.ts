// The province's bulk export: every table of the market for a period, each as a CSV file, in one ZIP
// archive, for auditors and the province's own systems. Values are as stored (fen, thousandths of a
// mu, epoch milliseconds) and the archive's README.txt says so. What is private to a person or
// to running the server (password hashes, sign-ins, sessions, API key hashes, messages) is never in it.
import 'server-only';
import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import { z } from 'zod';
import { translate } from '@/lib/i18n';
import type { Db } from '@/db/client';
import { columnsOf, keyOf } from '@/db/tables';
import { DAY_MS, dayStartCst, isoDateCst } from '@/server/kernel/china-time';
import { DomainError } from '@/server/kernel/errors';
import { type Context, refusalResponse, wrongRole } from '@/server/kernel/trpc';
import { attachmentHeaders } from './attachment';

/**
 * Each exported table: the column that dates a row (rows of the period only), or none (the whole
 * table: places, projects, lots, accounts and rules, which the period's rows refer to); and the columns
 * taken, where not all are.
 */
const TABLES: readonly { table: string; at?: string; columns?: readonly string[]; where?: string }[] = [
  { table: 'cities' },
  { table: 'organisations' },
  { table: 'users', columns: ['id', 'username', 'display_name', 'organisation_id', 'disabled', 'created_at'] },
  { table: 'projects' },
  { table: 'project_plots' },
  { table: 'project_documents', columns: ['id', 'project_id', 'file_name', 'size_bytes', 'sha256', 'uploaded_at', 'uploaded_by'] },
  { table: 'reclamation_reports', at: 'at' },
  { table: 'lots' },
  { table: 'listings', at: 'created_at' },
  { table: 'bidder_numbers', where: 'listing_id in (select id from listings where created_at >= ? and created_at < ?)' },
  { table: 'bids', at: 'placed_at' },
  { table: 'trades', at: 'awarded_at' },
  { table: 'accounts' },
  { table: 'journal_entries', at: 'at' },
  { table: 'postings', where: 'entry_id in (select id from journal_entries where at >= ? and at < ?)' },
  { table: 'bank_transfers', at: 'at' },
  { table: 'rights_uses', at: 'at' },
  { table: 'proceeds_spendings', at: 'at' },
  { table: 'plan_allocations', at: 'at' },
  { table: 'price_guidance' },
  { table: 'setting_versions' },
  { table: 'county_target_versions' },
  { table: 'integrity_thresholds' },
  { table: 'zone_demands', at: 'declared_at' },
  { table: 'audit_log', at: 'at' },
  { table: 'audit_checkpoints' },
];

/** The longest period one archive covers: a year and a day, so a calendar year always fits. */
const MAX_DAYS = 367;

const isoDate = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'invalidDate' });
const periodQuery = z
  .object({ from: isoDate, to: isoDate })
  .transform((p, ctx) => {
    const from = dayStartCst(p.from);
    const last = dayStartCst(p.to);
    if (from === null) ctx.addIssue({ code: 'custom', path: ['from'], message: 'invalidDate' });
    if (last === null) ctx.addIssue({ code: 'custom', path: ['to'], message: 'invalidDate' });
    if (from === null || last === null) return z.NEVER;
    return { from, to: last + DAY_MS };
  });

/** The rows of every table for [from, to), each table a CSV file with its column names first, and how many rows each has. */
export async function archiveFiles(db: Db, period: { from: number; to: number }) {
  const files: Record<string, Uint8Array> = {};
  const counts: Record<string, number> = {};
  for (const t of TABLES) {
    const columns = t.columns ?? columnsOf(t.table);
    const select = `select ${columns.map((c) => `"${c}"`).join(', ')} from "${t.table}"`;
    const where = t.where ?? (t.at ? `"${t.at}" >= ? and "${t.at}" < ?` : null);
    const order = `order by ${keyOf(t.table).map((c) => `"${c}"`).join(', ')}`;
    const statement = db.connection.prepare(where ? `${select} where ${where} ${order}` : `${select} ${order}`).raw();
    const rows = (where ? await statement.all(period.from, period.to) : await statement.all()) as unknown[][];
    counts[`${t.table}.csv`] = rows.length;
    files[`${t.table}.csv`] = strToU8(stringify([columns, ...rows.map((r) => r.map((v) => (v === null ? '' : v instanceof Buffer ? v.toString('base64') : v)))]));
  }
  return { files, counts };
}

const readMe = (period: { from: number; to: number }, counts: Record<string, number>) =>
  [
    '指标交易平台 · 数据导出 (Quota Exchange data export)',
    `期间 (period, China time): ${isoDateCst(period.from)} — ${isoDateCst(period.to - 1)}`,
    '',
    '每个表一个 CSV 文件，第一行为列名。带时间的表（挂牌、报价、成交、分录、审计日志等）只含本期间的行；地区、单位、项目区、指标批次、账户、规则等为全表。',
    'Each table is one CSV file, column names first. Tables of events hold the period’s rows only; places, organisations, projects, lots, accounts and rules are whole.',
    '',
    '单位 (units): 金额为分 (…_fen: fen, 1/100 元)；面积为千分之一亩 (…_milli_mu: 1/1000 亩)；价格为分/亩 (…_fen_per_mu)；比例为基点 (…_bp: 1/10000)；时间为毫秒时间戳 (…_at: epoch milliseconds, UTC)。',
    '不含 (not included): 密码、登录记录、会话、接口密钥、站内消息 (passwords, sign-ins, sessions, API key hashes, messages).',
    '',
    ...Object.entries(counts).map(([file, n]) => `${file}: ${n}`),
    '',
  ].join('\r\n');

/** GET /api/archive?from=YYYY-MM-DD&to=YYYY-MM-DD (both days included, China time): the province only. */
export async function archiveResponse(ctx: Context, req: Request): Promise<Response> {
  if (!ctx.user) return refusalResponse(ctx.locale, new DomainError('notSignedIn'));
  if (ctx.user.role !== 'province') return refusalResponse(ctx.locale, wrongRole(ctx.locale, ctx.user.role));
  const url = new URL(req.url);
  const parsed = periodQuery.safeParse({ from: url.searchParams.get('from') ?? '', to: url.searchParams.get('to') ?? '' });
  if (!parsed.success) {
    // As every refusal of the open API: a note per field.
    const message = translate(ctx.locale, 'errors', 'invalidDate');
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), message]));
    return Response.json({ error: { code: 'invalidDate', message, fieldErrors } }, { status: 400 });
  }
  const period = parsed.data;
  if (period.to <= period.from || period.to - period.from > MAX_DAYS * DAY_MS) {
    return refusalResponse(ctx.locale, new DomainError('archivePeriod', { days: MAX_DAYS }));
  }
  const { files, counts } = await archiveFiles(ctx.services.db, period);
  files['README.txt'] = strToU8(`\uFEFF${readMe(period, counts)}`);
  const zip = zipSync(files, { level: 6, mtime: new Date(ctx.services.clock.now()) });
  const name = `quota-exchange-${isoDateCst(period.from)}-${isoDateCst(period.to - 1)}.zip`;
  return new Response(zip as BodyInit, { headers: attachmentHeaders({ name, fallbackName: name, contentType: 'application/zip', length: zip.byteLength }) });
}
