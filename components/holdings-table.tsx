// A zone's holdings, one row per lot and one column per asset, each lot linked to its trace; shown on
// the ledger (all four assets) and on the use-of-rights page (the three rights).
import Link from 'next/link';
import { type Locale, translator } from '@/lib/i18n';
import { Mu } from './ui';

type Asset = 'QUOTA' | 'NEW_LAND' | 'SCALE' | 'FARMLAND';
export interface HoldingRow {
  lotId: number | null;
  lotCode: string;
  projectName: string;
  countyName: string;
  asset: string;
  balance: number;
}

export function HoldingsTable({ holdings, assets, locale, testId }: { holdings: readonly HoldingRow[]; assets: readonly Asset[]; locale: Locale; testId: string }) {
  const t = translator(locale, 'ui');
  const tm = translator(locale, 'market');
  // The rows come per lot and asset; gather them per lot.
  const lots = new Map<number, { code: string; project: string; county: string; amounts: Partial<Record<string, number>> }>();
  for (const h of holdings) {
    if (h.lotId === null) continue;
    const row = lots.get(h.lotId) ?? { code: h.lotCode, project: h.projectName, county: h.countyName, amounts: {} };
    row.amounts[h.asset] = (row.amounts[h.asset] ?? 0) + h.balance;
    lots.set(h.lotId, row);
  }
  const total = (asset: string) => [...lots.values()].reduce((sum, r) => sum + (r.amounts[asset] ?? 0), 0);
  return (
    <div className="table-scroll">
      <table data-testid={testId}>
        <thead>
          <tr>
            <th>{tm('col_lot')}</th>
            <th>{tm('col_project')}</th>
            <th>{tm('col_county')}</th>
            {assets.map((a) => (
              <th key={a} className="num">
                {t(`asset_${a}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...lots.entries()].map(([lotId, r]) => (
            <tr key={lotId}>
              <td>
                <Link href={`/holdings/${lotId}`} title={tm('trace_holding')}>
                  {r.code}
                </Link>
              </td>
              <td>{r.project}</td>
              <td>{r.county}</td>
              {assets.map((a) => (
                <td key={a} className="num">
                  <Mu milliMu={r.amounts[a] ?? 0} locale={locale} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid={`${testId}-total`}>
            <th colSpan={3}>{tm('total')}</th>
            {assets.map((a) => (
              <th key={a} className="num">
                <Mu milliMu={total(a)} locale={locale} />
              </th>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
