// The dashboards: the province sees the whole market, a county and a zone the parts about
// themselves. Each chart has its table under it, with export links; filters are a plain GET form.
import Link from 'next/link';
import { CityChart, PriceChart, RankedBars, VolumeChart } from '@/components/charts';
import { PlaceFilter } from '@/components/place-filter';
import { ReportTable } from '@/components/report-table';
import { TargetForm } from '@/components/target-form';
import { Time } from '@/components/ui';
import { formatMu } from '@/lib/format';
import { translator } from '@/lib/i18n';
import { assessedYear, yearOf } from '@/server/stats/domain/stats';
import { requireRole } from '@/server/web/page';
import { type Filter, buildReport, reportSource } from '@/server/web/reports';

type Search = Promise<Record<string, string | string[] | undefined>>;
const intParam = (v: string | string[] | undefined) => (typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : null);

export default async function DashboardPage({ searchParams }: { searchParams: Search }) {
  const { caller, ctx, locale, user } = await requireRole('province', 'county', 'zone');
  const t = translator(locale, 'stats');
  const tu = translator(locale, 'ui');
  const sp = await searchParams;
  const now = ctx.services.clock.now();
  // One year for the whole page, this year in China time unless the user chose another.
  const thisYear = yearOf(now);
  const year = intParam(sp.year);
  const filter: Filter = {
    year: year !== null && year >= 2000 && year <= 2100 ? year : thisYear,
    cityId: user.role === 'province' ? intParam(sp.cityId) : null,
    countyId: user.role === 'province' ? intParam(sp.countyId) : null,
  };
  const source = reportSource(caller, filter);
  const province = user.role === 'province';
  const county = user.role === 'county';
  const market = await source.market();
  const places = province ? await caller.stats.places() : null;
  const [monthly, cities] = await Promise.all([buildReport('monthly', source, locale), buildReport('cities', source, locale)]);
  const proceeds = province || county ? await buildReport('proceeds', source, locale) : null;
  const proceedsData = province || county ? await source.proceeds() : null;
  const targets = province || county ? await buildReport('targets', source, locale) : null;
  const targetsData = province || county ? await source.targets() : null;
  const targetHistory = province ? await caller.stats.targetHistory(filter) : null;
  const obligations = province ? await buildReport('obligations', source, locale) : null;
  const obligationsByCity = province ? await buildReport('obligationsByCity', source, locale) : null;
  const obligationsData = province ? await source.obligations() : null;
  const assessment = province ? await buildReport('assessment', source, locale) : null;
  // The assessment is made for a completed year; a year not yet over shows progress so far.
  const completedYear = assessedYear(now);
  const yearNotOver = (filter.year ?? thisYear) > completedYear;
  const completedHref = `/dashboard?${new URLSearchParams([['year', String(completedYear)], ...(filter.cityId ? [['cityId', String(filter.cityId)]] : []), ...(filter.countyId ? [['countyId', String(filter.countyId)]] : [])])}`;
  const years = Array.from({ length: thisYear + 2 - 2018 }, (_, i) => thisYear + 1 - i);

  return (
    <>
      <h1>{t('dashboard_title')}</h1>
      <p className="muted">{t(province ? 'dashboard_intro_province' : county ? 'dashboard_intro_county' : 'dashboard_intro_zone')}</p>

      {/* Keyed by the filter: a link to another year re-renders the page in place, and the choices must follow it. */}
      <form method="get" className="form grid card" data-testid="dashboard-filter" key={`${filter.year}:${filter.cityId}:${filter.countyId}`}>
        <label>
          {t('filter_year')}
          <select name="year" defaultValue={String(filter.year)}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        {places ? (
          <PlaceFilter places={places} cityId={filter.cityId} countyId={filter.countyId} labels={{ city: t('filter_city'), county: t('filter_county'), all: t('filter_all') }} />
        ) : null}
        <button type="submit">{t('filter_apply')}</button>
      </form>

      <section className="card" data-testid="section-prices">
        <h2>{t('section_prices')}</h2>
        <p className="muted small">{t('section_prices_note')}</p>
        {market.count === 0 ? <p className="muted">{t('no_trades')}</p> : null}
        <div className="chart">
          <PriceChart data={{ months: market.months, band: market.band, points: market.points }} />
        </div>
        <h3>{t('section_volume')}</h3>
        <div className="chart">
          <VolumeChart months={market.months} />
        </div>
        <ReportTable report={monthly} filter={filter} locale={locale} />
      </section>

      <section className="card" data-testid="section-cities">
        <h2>{t('section_cities')}</h2>
        {market.byCity.length > 0 ? (
          <div className="chart">
            <CityChart rows={market.byCity} />
          </div>
        ) : (
          <p className="muted">{t('no_trades')}</p>
        )}
        <ReportTable report={cities} filter={filter} locale={locale} />
      </section>

      {proceeds && proceedsData ? (
        <section className="card" data-testid="section-proceeds">
          <h2>{t('section_proceeds')}</h2>
          <div className="chart">
            <RankedBars
              title={t('section_proceeds')}
              rows={proceedsData.rows.filter((r) => r.receivedFen > 0 || r.spentFen > 0).map((r) => ({ label: r.countyName, values: [r.receivedFen / 1_000_000, r.spentFen / 1_000_000] }))}
              bars={[
                { name: t('chart_received'), color: '#1f5fa8' },
                { name: t('chart_spent'), color: '#1e7b34' },
              ]}
              unit={tu('wanYuan')}
            />
          </div>
          <ReportTable report={proceeds} filter={filter} locale={locale} />
        </section>
      ) : null}

      {targets && targetsData ? (
        <section className="card" data-testid="section-targets">
          <h2>{t('section_targets')}</h2>
          <p className="muted small">{t('section_targets_note')}</p>
          <div className="chart">
            <RankedBars title={t('section_targets')} rows={targetsData.rows.map((r) => ({ label: r.countyName, values: [r.progressBp / 100] }))} bars={[{ name: `${t('col_progress')} (%)`, color: '#b3261e' }]} unit="%" />
          </div>
          <ReportTable report={targets} filter={filter} locale={locale} />
          {province ? <TargetForm year={filter.year ?? thisYear} minYear={thisYear} /> : null}
          {targetHistory && targetHistory.versions.length > 0 ? (
            <details data-testid="target-history">
              <summary>{t('target_history', { year: targetHistory.year })}</summary>
              <div className="table-scroll">
                <table>
                  <thead>
                    <tr>
                      <th>{t('col_setAt')}</th>
                      <th>{t('col_county')}</th>
                      <th className="num">{t('col_target')}</th>
                      <th>{t('field_targetDocument')}</th>
                      <th>{t('col_setBy')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {targetHistory.versions.map((v, i) => (
                      <tr key={i}>
                        <td>
                          <Time ms={v.setAt} locale={locale} />
                        </td>
                        <td>{v.countyName}</td>
                        <td className="num">{formatMu(v.qtyMilliMu)} {tu('mu')}</td>
                        <td>{v.documentRef}</td>
                        <td>{v.setBy ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          ) : null}
        </section>
      ) : null}

      {obligations && obligationsByCity && obligationsData ? (
        <section className="card" data-testid="section-obligations">
          <h2>{t('section_obligations')}</h2>
          <div className="chart">
            <RankedBars
              title={t('section_obligations')}
              rows={obligationsData.byCity.map((r) => ({ label: r.cityName, values: [r.overdue, r.due, r.open - r.overdue - r.due] }))}
              bars={[
                { name: t('col_overdue'), color: '#b3261e' },
                { name: t('col_due'), color: '#9a6700' },
                { name: t('chart_onTrack'), color: '#1f5fa8' },
              ]}
              unit={t('chart_projects')}
            />
          </div>
          <h3>{t('by_city')}</h3>
          <ReportTable report={obligationsByCity} filter={filter} locale={locale} />
          <h3>{t('by_county')}</h3>
          <ReportTable report={obligations} filter={filter} locale={locale} />
        </section>
      ) : null}

      {assessment ? (
        <section className="card" data-testid="section-assessment">
          <h2>{t('section_assessment')}</h2>
          <p className="muted small">{t('section_assessment_note')}</p>
          {yearNotOver ? (
            <p className="reminder" data-testid="assessment-year-not-over">
              {t('assessment_yearNotOver', { year: filter.year ?? thisYear })} <Link href={completedHref}>{t('assessment_seeCompleted', { year: completedYear })}</Link>
            </p>
          ) : null}
          <ReportTable report={assessment} filter={filter} locale={locale} />
        </section>
      ) : null}

      {province ? (
        <section className="card" data-testid="section-archive">
          <h2>{t('section_archive')}</h2>
          <p className="muted small">{t('section_archive_note')}</p>
          <form className="form grid" method="get" action="/api/archive">
            <label>
              {t('field_archiveFrom')}
              <input type="date" name="from" required defaultValue={`${filter.year ?? thisYear}-01-01`} />
            </label>
            <label>
              {t('field_archiveTo')}
              <input type="date" name="to" required defaultValue={`${filter.year ?? thisYear}-12-31`} />
            </label>
            <button type="submit">{t('submit_archive')}</button>
          </form>
        </section>
      ) : null}
    </>
  );
}
