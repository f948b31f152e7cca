// The province's market-integrity screens (seed 001 三(三), 四(三)): per period, city and county, the
// shares graded green / amber / red, worded and coloured, each flag opening the listings behind it;
// the suspicious pairs of zones; the thresholds with their sources, which the province may change.
import Link from 'next/link';
import { PlaceFilter } from '@/components/place-filter';
import { IntegrityThresholdsForm } from '@/components/integrity-thresholds-form';
import { Time } from '@/components/ui';
import { type Locale, translator } from '@/lib/i18n';
import { yearCst } from '@/server/kernel/china-time';
import { formatScaled } from '@/server/kernel/units';
import { METRIC_KEYS, type MetricKey } from '@/server/integrity/domain/thresholds';
import { requireRole } from '@/server/web/page';
import type { createCaller } from '@/server/app-router';

type Search = Promise<Record<string, string | string[] | undefined>>;
type Screens = Awaited<ReturnType<Awaited<ReturnType<typeof createCaller>>['integrity']['screens']>>;
type Group = Screens['total'];
type Level = Group['worst'];

const intParam = (v: string | string[] | undefined, min: number, max: number) => (typeof v === 'string' && /^\d{1,9}$/.test(v) && Number(v) >= min && Number(v) <= max ? Number(v) : null);

/** Shapes beside the colours, so a flag reads without them too. */
const MARK: Record<Level, string> = { green: '●', amber: '▲', red: '■', na: '○' };

function LevelBadge({ level, locale }: { level: Level; locale: Locale }) {
  const t = translator(locale, 'integrity');
  return (
    <span className={`badge level-${level}`} data-level={level}>
      <span aria-hidden="true">{MARK[level]} </span>
      {t(`level_${level}`)}
    </span>
  );
}

const shownValue = (key: MetricKey, value: number | null) => (value === null ? '—' : key === 'bidders' ? formatScaled(value, 2) : `${formatScaled(value, 2)}%`);

/** One metric's cell: the figure, what it counts out of what, its level in words, and the listings behind a flag. */
function MetricCell({ metricKey, m, locale }: { metricKey: MetricKey; m: Group['metrics'][MetricKey]; locale: Locale }) {
  const t = translator(locale, 'integrity');
  const flagged = m.level === 'amber' || m.level === 'red';
  return (
    <td className="num" data-metric={metricKey} data-level={m.level}>
      {shownValue(metricKey, m.value)}
      {metricKey !== 'bidders' && metricKey !== 'ratio' ? <div className="muted small">{t('metric_of', { count: m.count, base: m.base })}</div> : null}
      <div>
        <LevelBadge level={m.level} locale={locale} />
      </div>
      {flagged && m.listings.length > 0 ? (
        <details data-testid="flag-listings">
          <summary>{t('flag_listings', { n: m.listings.length + m.more })}</summary>
          <ul>
            {m.listings.map((l) => (
              <li key={l.id}>
                <Link href={`/listings/${l.id}`}>{l.code}</Link>
              </li>
            ))}
          </ul>
          {m.more > 0 ? <p className="muted small">{t('flag_more', { n: m.more })}</p> : null}
        </details>
      ) : null}
    </td>
  );
}

function GroupTable({ rows, heads, testId, locale }: { rows: { key: number | string; names: string[]; g: Group }[]; heads: string[]; testId: string; locale: Locale }) {
  const t = translator(locale, 'integrity');
  return (
    <div className="table-scroll">
      <table data-testid={testId}>
        <thead>
          <tr>
            {heads.map((h) => (
              <th key={h}>{h}</th>
            ))}
            <th className="num">{t('col_listings')}</th>
            {METRIC_KEYS.map((k) => (
              <th key={k} className="num">
                {t(`metric_${k}`)}
              </th>
            ))}
            <th>{t('col_worst')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, names, g }) => (
            <tr key={key} data-worst={g.worst}>
              {names.map((n, i) => (
                <th key={i} scope="row">
                  {n}
                </th>
              ))}
              <td className="num">{g.listings}</td>
              {METRIC_KEYS.map((k) => (
                <MetricCell key={k} metricKey={k} m={g.metrics[k]} locale={locale} />
              ))}
              <td>
                <LevelBadge level={g.worst} locale={locale} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function IntegrityPage({ searchParams }: { searchParams: Search }) {
  const { caller, ctx, locale } = await requireRole('province');
  const t = translator(locale, 'integrity');
  const sp = await searchParams;
  const thisYear = yearCst(ctx.services.clock.now());
  const filter = {
    year: intParam(sp.year, 2000, 2100) ?? thisYear,
    quarter: intParam(sp.quarter, 1, 4),
    month: intParam(sp.month, 1, 12),
    cityId: intParam(sp.cityId, 1, 999_999_999),
    countyId: intParam(sp.countyId, 1, 999_999_999),
  };
  const [r, thresholds, places] = await Promise.all([caller.integrity.screens(filter), caller.integrity.thresholds(), caller.stats.places()]);
  const years = Array.from({ length: thisYear + 1 - 2018 }, (_, i) => thisYear - i);
  const exportHref = (id: string, format: 'csv' | 'xlsx') => {
    const q = new URLSearchParams({ format, year: String(filter.year) });
    for (const k of ['quarter', 'month', 'cityId', 'countyId'] as const) if (filter[k] !== null) q.set(k, String(filter[k]));
    return `/api/export/${id}?${q}`;
  };
  const exports = (id: string) => (
    <p className="export-links">
      <a href={exportHref(id, 'xlsx')} download data-testid={`export-${id}-xlsx`}>
        {t('export_xlsx')}
      </a>
      <a href={exportHref(id, 'csv')} download data-testid={`export-${id}-csv`}>
        {t('export_csv')}
      </a>
    </p>
  );
  const th = (key: string) => thresholds.find((x) => x.key === key)!;
  const asTyped = (x: (typeof thresholds)[number]) => formatScaled(x.value, x.unit === 'count' ? 0 : 2).replace(/,/g, '');
  const unitOf = (x: (typeof thresholds)[number]) => (x.unit === 'bp' ? '%' : '');

  return (
    <div className="integrity">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>

      <form method="get" className="form grid card" data-testid="integrity-filter" key={JSON.stringify(filter)}>
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
        <label>
          {t('filter_quarter')}
          <select name="quarter" defaultValue={filter.quarter ?? ''}>
            <option value="">{t('filter_wholeYear')}</option>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                {t('quarter_n', { n: q })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filter_month')}
          <select name="month" defaultValue={filter.month ?? ''}>
            <option value="">{t('filter_all')}</option>
            {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
              <option key={m} value={m}>
                {t('month_n', { n: m })}
              </option>
            ))}
          </select>
        </label>
        <PlaceFilter places={places} cityId={filter.cityId} countyId={filter.countyId} labels={{ city: t('filter_city'), county: t('filter_county'), all: t('filter_all') }} />
        <button type="submit">{t('filter_apply')}</button>
        <p className="muted small">{t('filter_monthWins')}</p>
      </form>

      <p data-testid="integrity-period">{t('period', { label: r.label })}</p>
      <p className="muted small">{t('window_note', { seconds: r.windowSeconds })}</p>

      {r.total.listings === 0 ? (
        <p className="card muted">{t('no_listings')}</p>
      ) : (
        <>
          <section className="card" data-testid="integrity-total">
            <h2>{t('section_total')}</h2>
            <GroupTable rows={[{ key: 'all', names: [t('section_total')], g: r.total }]} heads={[t('col_place')]} testId="integrity-total-table" locale={locale} />
          </section>
          <section className="card">
            <h2>{t('section_cities')}</h2>
            <GroupTable rows={r.cities.map((c) => ({ key: c.cityId, names: [c.cityName], g: c }))} heads={[t('col_city')]} testId="integrity-cities" locale={locale} />
            {exports('integrityCities')}
          </section>
          <section className="card">
            <h2>{t('section_counties')}</h2>
            <GroupTable rows={r.counties.map((c) => ({ key: c.countyId, names: [c.countyName, c.cityName], g: c }))} heads={[t('col_county'), t('col_city')]} testId="integrity-counties" locale={locale} />
            {exports('integrityCounties')}
          </section>
        </>
      )}

      <section className="card" data-testid="integrity-pairs">
        <h2>{t('section_pairs')}</h2>
        <p className="muted small">{t('pairs_intro', { n: th('pairMinListings').value, nearReserve: formatScaled(th('pairNearReserveBp').value, 2) })}</p>
        {r.pairs.length === 0 ? (
          <p className="muted">{t('pairs_none')}</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th>{t('col_kind')}</th>
                  <th>{t('col_zoneA')}</th>
                  <th>{t('col_zoneB')}</th>
                  <th className="num">{t('col_listingsA')}</th>
                  <th className="num">{t('col_listingsB')}</th>
                  <th className="num">{t('col_base')}</th>
                  <th className="num">{t('col_runs')}</th>
                  <th className="num">{t('col_p')}</th>
                  <th>{t('col_level')}</th>
                  <th>{t('col_pairListings')}</th>
                </tr>
              </thead>
              <tbody>
                {r.pairs.map((p) => (
                  <tr key={`${p.kind}:${p.zoneA.id}:${p.zoneB.id}`} data-testid="integrity-pair">
                    <td>{t(`pair_${p.kind}`)}</td>
                    <td>{p.zoneA.name}</td>
                    <td>{p.zoneB.name}</td>
                    <td className="num">{p.listingsA}</td>
                    <td className="num">{p.listingsB}</td>
                    <td className="num">{p.base}</td>
                    <td className="num">{p.runs ?? '—'}</td>
                    <td className="num">{formatScaled(p.pBp, 2)}%</td>
                    <td>
                      <LevelBadge level={p.level} locale={locale} />
                    </td>
                    <td>
                      <details>
                        <summary>{t('flag_listings', { n: p.listings.length + p.more })}</summary>
                        <ul>
                          {p.listings.map((l) => (
                            <li key={l.id}>
                              <Link href={`/listings/${l.id}`}>{l.code}</Link>
                            </li>
                          ))}
                        </ul>
                        {p.more > 0 ? <p className="muted small">{t('flag_more', { n: p.more })}</p> : null}
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {r.pairsMore > 0 ? <p className="muted">{t('pairs_more', { n: r.pairsMore })}</p> : null}
        {exports('integrityPairs')}
      </section>

      <section className="card" data-testid="integrity-thresholds">
        <h2>{t('section_thresholds')}</h2>
        <p className="muted small">{t('thresholds_intro')}</p>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th>{t('col_threshold')}</th>
                <th className="num">{t('col_value')}</th>
                <th className="num">{t('col_default')}</th>
                <th>{t('col_source')}</th>
                <th>{t('col_updated')}</th>
              </tr>
            </thead>
            <tbody>
              {thresholds.map((x) => (
                <tr key={x.key}>
                  <td>{t(`threshold_${x.key}` as never)}</td>
                  <td className="num">
                    {asTyped(x)}
                    {unitOf(x)}
                  </td>
                  <td className="num">
                    {formatScaled(x.defaultValue, x.unit === 'count' ? 0 : 2).replace(/,/g, '')}
                    {unitOf(x)}
                  </td>
                  <td>{t(`source_${x.source}`)}</td>
                  <td>
                    {x.updatedAt === null ? (
                      '—'
                    ) : (
                      <>
                        <Time ms={x.updatedAt} locale={locale} /> · {x.updatedByName}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <IntegrityThresholdsForm
          fields={thresholds.map((x) => ({ key: x.key, label: t(`threshold_${x.key}` as never), value: asTyped(x) }))}
          texts={{ save: t('save_thresholds'), saved: t('thresholds_saved'), unchanged: t('thresholds_unchanged') }}
        />
      </section>
    </div>
  );
}
