// The audit chain's published checkpoints, for anyone, with their CSV and Excel export: a head kept
// from here lets anyone check later that the log up to it was not rewritten.
import { ReportTable } from '@/components/report-table';
import { translator } from '@/lib/i18n';
import { pageContext } from '@/server/web/page';
import { buildReport, reportSource } from '@/server/web/reports';

export default async function CheckpointsPage() {
  const { caller, locale } = await pageContext();
  const t = translator(locale, 'verify');
  const report = await buildReport('checkpoints', reportSource(caller, { year: null, cityId: null, countyId: null }), locale);
  return (
    <>
      <h1>{t('cp_title')}</h1>
      <p className="muted">{t('cp_intro')}</p>
      <section className="card" data-testid="checkpoints">
        {report.rows.length === 0 ? <p className="muted">{t('cp_empty')}</p> : <ReportTable report={report} filter={null} locale={locale} />}
      </section>
    </>
  );
}
