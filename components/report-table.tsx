// A dashboard table with its export links; the same Report is what the export route writes.
import { displayCell } from '@/lib/report-format';
import { type Locale, translator } from '@/lib/i18n';
import type { Filter, Report } from '@/server/web/reports';

export function ReportTable({ report, filter, locale, limit }: { report: Report; filter: Filter | null; locale: Locale; limit?: number }) {
  const t = translator(locale, 'stats');
  const query = (format: string) => {
    const q = new URLSearchParams({ format });
    if (filter?.year) q.set('year', String(filter.year));
    if (filter?.cityId) q.set('cityId', String(filter.cityId));
    if (filter?.countyId) q.set('countyId', String(filter.countyId));
    if (filter?.quarter) q.set('quarter', String(filter.quarter));
    if (filter?.month) q.set('month', String(filter.month));
    return `/api/export/${report.id}?${q}`;
  };
  const rows = limit === undefined ? report.rows : report.rows.slice(0, limit);
  return (
    <>
      <div className="table-scroll">
        <table data-testid={`report-${report.id}`}>
          <caption>{report.title}</caption>
          <thead>
            <tr>
              {report.columns.map((c) => (
                <th key={c.header} className={c.kind === 'text' ? undefined : 'num'}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {row.map((v, j) => (
                  <td key={j} className={report.columns[j]!.kind === 'text' ? undefined : 'num'}>
                    {displayCell(report.columns[j]!.kind, v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="export-links">
        <a href={query('xlsx')} download data-testid={`export-${report.id}-xlsx`}>
          {t('export_xlsx')}
        </a>
        <a href={query('csv')} download data-testid={`export-${report.id}-csv`}>
          {t('export_csv')}
        </a>
      </p>
    </>
  );
}
