// A dashboard report as a file: CSV (UTF-8 with a byte-order mark, so Excel on an office PC reads the
// Chinese) or Excel (.xlsx with number formats for 亩, 元, 万元 and %).
import 'server-only';
import { stringify } from 'csv-stringify/sync';
import writeExcelFile from 'write-excel-file/node';
import { exportCell } from '@/lib/report-format';
import type { Report } from './reports';

const FORMATS: Record<Report['columns'][number]['kind'], string> = { text: '@', count: '0', mu: '#,##0.000', yuan: '#,##0.00', yuanPerMu: '#,##0.00', wanYuan: '#,##0.0000', pct: '0.00"%"', hundredths: '0.00' };

export function toCsv(r: Report): Uint8Array {
  const rows = [r.columns.map((c) => c.header), ...r.rows.map((row) => row.map((v, i) => exportCell(r.columns[i]!.kind, v) ?? ''))];
  return new TextEncoder().encode(`\uFEFF${stringify(rows)}`);
}

export async function toXlsx(r: Report): Promise<Uint8Array> {
  const header = r.columns.map((c) => ({ value: c.header, fontWeight: 'bold' as const }));
  const body = r.rows.map((row) =>
    row.map((v, i) => {
      const kind = r.columns[i]!.kind;
      const value = exportCell(kind, v);
      if (value === null) return null;
      if (typeof value === 'string') return { value };
      return { value, format: FORMATS[kind] };
    }),
  );
  return new Uint8Array(await writeExcelFile([header, ...body], { sheet: r.title.slice(0, 31) }).toBuffer());
}

