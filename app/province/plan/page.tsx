// The province's annual plan quota (seed 000, 晋国资发〔2018〕269号 一、四): allocate it to the poverty
// counties into the same ledger as traded quota, and see every allocation.
import { PlanAllocateForm } from '@/components/plan-allocate-form';
import { Mu, Time } from '@/components/ui';
import { translator } from '@/lib/i18n';
import { yearCst } from '@/server/kernel/china-time';
import { requireRole } from '@/server/web/page';

export default async function PlanPage() {
  const { caller, ctx, locale, t: tu } = await requireRole('province');
  const t = translator(locale, 'proceeds');
  const [allocations, places] = await Promise.all([caller.plan.list(), caller.accounts.places()]);
  const counties = places.flatMap((c) => c.counties.map((k) => ({ id: k.id, name: `${c.name} · ${k.name}` })));
  // The default year is this year in China, from the server's clock.
  const year = yearCst(ctx.services.clock.now());

  return (
    <>
      <h1>{t('plan_title')}</h1>
      <p className="muted">{t('plan_intro')}</p>
      <section className="card">
        <h2>{t('plan_allocate')}</h2>
        <PlanAllocateForm year={year} counties={counties} />
      </section>
      <h2>{t('allocations')}</h2>
      {allocations.length === 0 ? (
        <p className="card muted">{t('allocations_empty')}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="allocations">
            <thead>
              <tr>
                <th className="num">{t('col_year')}</th>
                <th>{t('col_county')}</th>
                <th>{t('col_kind')}</th>
                <th className="num">{t('col_qty')}</th>
                <th>{t('col_documentRef')}</th>
                <th>{t('col_at')}</th>
              </tr>
            </thead>
            <tbody>
              {allocations.map((a) => (
                <tr key={a.id}>
                  <td className="num">{a.year}</td>
                  <td>{a.countyName}</td>
                  <td>{tu(`asset_${a.kind}`)}</td>
                  <td className="num">
                    <Mu milliMu={a.qtyMilliMu} locale={locale} />
                  </td>
                  <td>{a.documentRef}</td>
                  <td>
                    <Time ms={a.at} locale={locale} />
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
