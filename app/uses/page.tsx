// A zone's use of rights (核销, domain.md step 8): what it holds of each right, a form to record a use
// for a land application, and every use recorded. Each lot links to its trace.
import { HoldingsTable } from '@/components/holdings-table';
import { RightsUseForm } from '@/components/rights-use-form';
import { Mu, Time } from '@/components/ui';
import { translator } from '@/lib/i18n';
import { requireRole } from '@/server/web/page';

const RIGHTS = ['NEW_LAND', 'SCALE', 'FARMLAND'] as const;

export default async function UsesPage() {
  const { caller, locale, t: tu } = await requireRole('zone');
  const t = translator(locale, 'holdings');
  const [held, uses] = await Promise.all([caller.rights.held(), caller.rights.uses()]);
  return (
    <>
      <h1>{t('uses_title')}</h1>
      <p className="muted">{t('uses_intro')}</p>

      <h2>{t('uses_held')}</h2>
      {held.length === 0 ? <p className="card muted">{t('uses_heldEmpty')}</p> : <HoldingsTable holdings={held} assets={RIGHTS} locale={locale} testId="rights-held" />}

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
