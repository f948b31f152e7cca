// A county's proceeds and their use (seed 001 三(三); domain.md step 9): received, spent and left, from
// the ledger; a form to record spending; every spending recorded.
import { HoldbackSection } from '@/components/holdback-table';
import { ProceedsSpendForm } from '@/components/proceeds-spend-form';
import { Money, Stat } from '@/components/ui';
import { translator } from '@/lib/i18n';
import { requireRole } from '@/server/web/page';

export default async function ProceedsPage() {
  const { caller, locale } = await requireRole('county');
  const t = translator(locale, 'proceeds');
  const [mine, holdbacks] = await Promise.all([caller.proceeds.mine(), caller.proceeds.holdbacks()]);

  return (
    <>
      <h1>{t('proceeds_title')}</h1>
      <p className="muted">{t('proceeds_intro')}</p>
      <div className="stats">
        <Stat label={t('received')} testId="proceeds-received">
          <Money fen={mine.receivedFen} locale={locale} />
        </Stat>
        <Stat label={t('spent')} testId="proceeds-spent">
          <Money fen={mine.spentFen} locale={locale} />
        </Stat>
        <Stat label={t('available')} testId="proceeds-available">
          <Money fen={mine.availableFen} locale={locale} />
        </Stat>
      </div>

      {holdbacks.rows.length > 0 || holdbacks.holdbackBp > 0 ? <HoldbackSection holdbacks={holdbacks} locale={locale} showCounty={false} /> : null}

      <section className="card">
        <h2>{t('record_spending')}</h2>
        <ProceedsSpendForm />
      </section>

      <h2>{t('spendings')}</h2>
      {mine.spendings.length === 0 ? (
        <p className="card muted">{t('spendings_empty')}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="spendings">
            <thead>
              <tr>
                <th>{t('col_spentOn')}</th>
                <th className="num">{t('col_amount')}</th>
                <th>{t('col_category')}</th>
                <th>{t('col_purpose')}</th>
                <th>{t('col_budgetRef')}</th>
              </tr>
            </thead>
            <tbody>
              {mine.spendings.map((s) => (
                <tr key={s.id}>
                  <td className="num">{s.spentOn}</td>
                  <td className="num">
                    <Money fen={s.amountFen} locale={locale} />
                  </td>
                  <td>{t(`category_${s.category}`)}</td>
                  <td>{s.purpose}</td>
                  <td>{s.budgetRef}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
