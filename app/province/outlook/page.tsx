// The supply and demand outlook (seed 001 三(三), 四(三)): for each city, the quota its counties can
// supply (free, listed, in projects under review) against the yearly demand its zones declared, less
// what they bought; the gap, and a worded flag where the market will be thin. The province sees every
// city, a city bureau its own.
import Link from 'next/link';
import { Mu } from '@/components/ui';
import { translator } from '@/lib/i18n';
import { formatMu, formatTime } from '@/lib/format';
import { yearCst } from '@/server/kernel/china-time';
import { requireRole } from '@/server/web/page';

type Level = 'ample' | 'thin' | 'short';

/** A year typed in the address, when it is one the outlook can be asked for. */
const yearParam = (v: string | string[] | undefined) => {
  const n = typeof v === 'string' && /^\d{4}$/.test(v) ? Number(v) : NaN;
  return n >= 2000 && n <= 2100 ? n : null;
};

export default async function OutlookPage({ searchParams }: { searchParams: Promise<{ year?: string | string[] }> }) {
  const { caller, ctx, locale, user } = await requireRole('province', 'city');
  const t = translator(locale, 'stats');
  const tu = translator(locale, 'ui');
  const thisYear = yearCst(ctx.services.clock.now());
  const o = await caller.outlook.byCity({ year: yearParam((await searchParams).year) });
  const flagged = o.cities.filter((c) => c.thin).length;
  const Flag = ({ level, testId }: { level: Level; testId?: string }) => (
    <span className={`badge outlook-${level}`} data-level={level} data-testid={testId}>
      {t(`level_${level}`)}
    </span>
  );
  const Gap = ({ milliMu }: { milliMu: number }) => (
    <span className="num">
      {milliMu < 0 ? `−${formatMu(-milliMu)}` : formatMu(milliMu)} {tu('mu')}
    </span>
  );

  return (
    <>
      <h1>{t('outlook_title')}</h1>
      <p className="muted">{t(user.role === 'province' ? 'outlook_intro_province' : 'outlook_intro_city')}</p>
      <nav className="row no-print" aria-label={t('filter_year')}>
        {[thisYear - 1, thisYear, thisYear + 1].map((y) =>
          y === o.year ? (
            <strong key={y} aria-current="page">
              {t('outlook_year', { year: y })}
            </strong>
          ) : (
            <Link key={y} href={`/province/outlook?year=${y}`}>
              {t('outlook_year', { year: y })}
            </Link>
          ),
        )}
      </nav>
      <p className="muted">{t('outlook_asOf', { time: formatTime(o.asOf, locale) })}</p>
      <section className="card">
        <p>
          <strong>{t('outlook_year', { year: o.year })}</strong> · {t('outlook_total')}: <Flag level={o.totals.level} testId="outlook-total-level" />
        </p>
        {flagged > 0 ? <p data-testid="outlook-flagged">{t('outlook_flagged', { count: flagged })}</p> : null}
        <p className="muted">{t('outlook_note')}</p>
      </section>

      <div className="table-scroll">
        <table data-testid="outlook">
          <thead>
            <tr>
              <th>{t('col_city')}</th>
              <th className="num">{t('col_free')}</th>
              <th className="num">{t('col_listed')}</th>
              <th className="num">{t('col_pipeline')}</th>
              <th className="num">{t('col_supply')}</th>
              <th className="num">{t('col_sold')}</th>
              <th className="num">{t('col_declared')}</th>
              <th className="num">{t('col_bought')}</th>
              <th className="num">{t('col_remaining')}</th>
              <th className="num">{t('col_gap')}</th>
              <th>{t('col_outlook')}</th>
            </tr>
          </thead>
          <tbody>
            {o.cities.map((c) => (
              <tr key={c.cityId ?? 'none'} data-city={c.cityName || t('outlook_noCity')}>
                <th scope="row">{c.cityName || t('outlook_noCity')}</th>
                <td className="num"><Mu milliMu={c.freeMilliMu} locale={locale} /></td>
                <td className="num"><Mu milliMu={c.listedMilliMu} locale={locale} /></td>
                <td className="num"><Mu milliMu={c.pipelineMilliMu} locale={locale} /></td>
                <td className="num"><Mu milliMu={c.supplyMilliMu} locale={locale} /></td>
                <td className="num"><Mu milliMu={c.soldMilliMu} locale={locale} /></td>
                <td className="num" data-col="declared"><Mu milliMu={c.declaredMilliMu} locale={locale} /></td>
                <td className="num"><Mu milliMu={c.boughtMilliMu} locale={locale} /></td>
                <td className="num" data-col="remaining"><Mu milliMu={c.remainingMilliMu} locale={locale} /></td>
                <td className="num" data-col="gap"><Gap milliMu={c.gapMilliMu} /></td>
                <td><Flag level={c.level} /></td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="outlook-totals">
              <th scope="row">{t('outlook_total')}</th>
              <td className="num"><Mu milliMu={o.totals.freeMilliMu} locale={locale} /></td>
              <td className="num"><Mu milliMu={o.totals.listedMilliMu} locale={locale} /></td>
              <td className="num"><Mu milliMu={o.totals.pipelineMilliMu} locale={locale} /></td>
              <td className="num"><Mu milliMu={o.totals.supplyMilliMu} locale={locale} /></td>
              <td className="num"><Mu milliMu={o.totals.soldMilliMu} locale={locale} /></td>
              <td className="num" data-col="declared"><Mu milliMu={o.totals.declaredMilliMu} locale={locale} /></td>
              <td className="num"><Mu milliMu={o.totals.boughtMilliMu} locale={locale} /></td>
              <td className="num" data-col="remaining"><Mu milliMu={o.totals.remainingMilliMu} locale={locale} /></td>
              <td className="num" data-col="gap"><Gap milliMu={o.totals.gapMilliMu} /></td>
              <td><Flag level={o.totals.level} /></td>
            </tr>
          </tfoot>
        </table>
      </div>

      {o.cities
        .filter((c) => c.counties.some((k) => k.supplyMilliMu > 0 || k.soldMilliMu > 0) || c.zones.some((z) => z.declaredMilliMu > 0 || z.boughtMilliMu > 0) || o.cities.length === 1)
        .map((c) => (
          <details key={c.cityId ?? 'none'} className="card" open={o.cities.length === 1}>
            <summary>{t('outlook_details', { city: c.cityName || t('outlook_noCity') })}</summary>
            {c.counties.length === 0 ? (
              <p className="muted">{t('outlook_noCounties')}</p>
            ) : (
              <div className="table-scroll">
                <table data-testid="outlook-counties">
                  <thead>
                    <tr>
                      <th>{t('col_county')}</th>
                      <th className="num">{t('col_free')}</th>
                      <th className="num">{t('col_listed')}</th>
                      <th className="num">{t('col_pipeline')}</th>
                      <th className="num">{t('col_supply')}</th>
                      <th className="num">{t('col_sold')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.counties.map((k) => (
                      <tr key={k.countyId}>
                        <td>{k.name}</td>
                        <td className="num"><Mu milliMu={k.freeMilliMu} locale={locale} /></td>
                        <td className="num"><Mu milliMu={k.listedMilliMu} locale={locale} /></td>
                        <td className="num"><Mu milliMu={k.pipelineMilliMu} locale={locale} /></td>
                        <td className="num"><Mu milliMu={k.supplyMilliMu} locale={locale} /></td>
                        <td className="num"><Mu milliMu={k.soldMilliMu} locale={locale} /></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {c.zones.length === 0 ? (
              <p className="muted">{t('outlook_noZones')}</p>
            ) : (
              <div className="table-scroll">
                <table data-testid="outlook-zones">
                  <thead>
                    <tr>
                      <th>{t('col_zoneName')}</th>
                      <th className="num">{t('col_declared')}</th>
                      <th className="num">{t('col_bought')}</th>
                      <th className="num">{t('col_remaining')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.zones.map((z) => (
                      <tr key={z.zoneId} data-zone={z.name}>
                        <td>{z.name}</td>
                        <td className="num"><Mu milliMu={z.declaredMilliMu} locale={locale} /></td>
                        <td className="num"><Mu milliMu={z.boughtMilliMu} locale={locale} /></td>
                        <td className="num"><Mu milliMu={z.remainingMilliMu} locale={locale} /></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </details>
        ))}
    </>
  );
}
