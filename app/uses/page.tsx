// A zone's use of rights (核销, domain.md step 8): what it holds of each right, a form to record a use
// for a land application, and every use recorded. Each lot links to its trace.
import Link from 'next/link';
import { RightsUseForm } from '@/components/rights-use-form';
import { Mu, Time } from '@/components/ui';
import { translator } from '@/lib/i18n';
import { requireRole } from '@/server/page';

const RIGHTS = ['NEW_LAND', 'SCALE', 'FARMLAND'] as const;

export default async function UsesPage() {
  const { caller, locale, t: tu } = await requireRole('zone');
  const t = translator(locale, 'holdings');
  const [held, uses] = await Promise.all([caller.rights.held(), caller.rights.uses()]);
  const lots = new Map<number, { code: string; project: string; county: string; amounts: Partial<Record<string, number>> }>();
  for (const h of held) {
    if (h.lotId === null) continue;
    const row = lots.get(h.lotId) ?? { code: h.lotCode, project: h.projectName, county: h.countyName, amounts: {} };
    row.amounts[h.asset] = (row.amounts[h.asset] ?? 0) + h.balance;
    lots.set(h.lotId, row);
  }
  const total = (asset: string) => [...lots.values()].reduce((sum, r) => sum + (r.amounts[asset] ?? 0), 0);

  return (
    <>
      <h1>{t('uses_title')}</h1>
      <p className="muted">{t('uses_intro')}</p>

      <h2>{t('uses_held')}</h2>
      {lots.size === 0 ? (
        <p className="card muted">{t('uses_heldEmpty')}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="rights-held">
            <thead>
              <tr>
                <th>{t('col_lotCode')}</th>
                <th>{t('col_project')}</th>
                <th>{t('col_county')}</th>
                {RIGHTS.map((a) => (
                  <th key={a} className="num">
                    {tu(`asset_${a}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...lots.entries()].map(([lotId, r]) => (
                <tr key={lotId}>
                  <td>
                    <Link href={`/holdings/${lotId}`}>{r.code}</Link>
                  </td>
                  <td>{r.project}</td>
                  <td>{r.county}</td>
                  {RIGHTS.map((a) => (
                    <td key={a} className="num">
                      <Mu milliMu={r.amounts[a] ?? 0} locale={locale} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr data-testid="rights-held-total">
                <th colSpan={3}>{translator(locale, 'market')('total')}</th>
                {RIGHTS.map((a) => (
                  <th key={a} className="num">
                    <Mu milliMu={total(a)} locale={locale} />
                  </th>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}

      <section className="card">
        <h2>{t('uses_record')}</h2>
        <RightsUseForm />
      </section>

      <h2>{t('uses_history')}</h2>
      {uses.length === 0 ? (
        <p className="card muted">{t('uses_empty')}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="uses">
            <thead>
              <tr>
                <th>{t('col_time')}</th>
                <th>{t('col_application')}</th>
                <th>{t('col_approvalRef')}</th>
                <th className="num">{t('col_area')}</th>
                <th>{t('col_rights')}</th>
              </tr>
            </thead>
            <tbody>
              {uses.map((u) => (
                <tr key={u.id}>
                  <td>
                    <Time ms={u.at} locale={locale} />
                  </td>
                  <td>{u.applicationName}</td>
                  <td>{u.approvalRef}</td>
                  <td className="num">
                    <Mu milliMu={u.areaMilliMu} locale={locale} />
                  </td>
                  <td>
                    {u.rights
                      .split(',')
                      .filter((r): r is (typeof RIGHTS)[number] => (RIGHTS as readonly string[]).includes(r))
                      .map((r) => tu(`asset_${r}`))
                      .join('、')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
