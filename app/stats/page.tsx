// Public statistics, for anyone signed in or not: volume and median price per quarter over
// the last two years, and the guidance in force.
import Link from 'next/link';
import { GuidanceInForce } from '@/components/guidance-in-force';
import { ReportTable } from '@/components/report-table';
import { translator } from '@/lib/i18n';
import { pageContext } from '@/server/web/page';
import { buildReport, reportSource } from '@/server/web/reports';

export default async function PublicStatsPage() {
  const { caller, locale } = await pageContext();
  const t = translator(locale, 'stats');
  const tv = translator(locale, 'verify');
  const filter = { year: null, cityId: null, countyId: null };
  const [quarters, guidance] = await Promise.all([buildReport('quarters', reportSource(caller, filter), locale), caller.guidance.current()]);
  return (
    <>
      <h1>{t('public_title')}</h1>
      <p className="muted">{t('public_intro')}</p>
      <section className="card">
        <h2>{t('public_quarters')}</h2>
        <ReportTable report={quarters} filter={null} locale={locale} />
      </section>
      <section className="card">
        <h2>{t('public_guidance')}</h2>
        <GuidanceInForce rows={guidance} locale={locale} />
      </section>
      <section className="card" data-testid="public-checks">
        <p>
          <Link href="/verify">{tv('nav_verify')}</Link> · <Link href="/serials">{tv('nav_serials')}</Link> · <Link href="/checkpoints">{tv('cp_title')}</Link>
        </p>
      </section>
    </>
  );
}
