// Every dashboard table in one place: the page renders it under its chart and the export route writes
// it to CSV or Excel, so what is shown and what is exported cannot differ. Each report is read through
// the tRPC caller, so the same access rules apply to both.
import 'server-only';
import { type Locale, translator } from '@/lib/i18n';
import { formatTime } from '@/lib/format';
import type { createCaller } from '@/server/app-router';
import { METRIC_KEYS } from '@/server/integrity/domain/thresholds';

type Caller = Awaited<ReturnType<typeof createCaller>>;
/** The dashboards' filter; the integrity screens also read a quarter or a month of the year. */
export type Filter = { year: number | null; cityId: number | null; countyId: number | null; quarter?: number | null; month?: number | null };

/** How a column's integers are shown: area in 亩 (milli-mu), money in 元 or, for large sums, 万元 (fen), a price in 元/亩 (fen per mu), a share in % (bp), a mean in hundredths (2 decimals). */
export type ColumnKind = 'text' | 'count' | 'mu' | 'yuan' | 'wanYuan' | 'yuanPerMu' | 'pct' | 'hundredths';

/** The unit a column's header names, by kind: the page, the CSV and the Excel file all say it. */
const UNIT_KEYS = { mu: 'mu', yuan: 'yuan', wanYuan: 'wanYuan', yuanPerMu: 'yuanPerMu' } as const;
export interface Report {
  id: ReportId;
  title: string;
  columns: { header: string; kind: ColumnKind }[];
  rows: (string | number | null)[][];
}

export const REPORT_IDS = ['monthly', 'cities', 'proceeds', 'targets', 'obligations', 'obligationsByCity', 'assessment', 'quarters', 'integrityCities', 'integrityCounties', 'integrityPairs', 'checkpoints'] as const;
export type ReportId = (typeof REPORT_IDS)[number];

/** The dashboard procedures for one request and filter, each called at most once (charts and tables share them). */
export function reportSource(caller: Caller, filter: Filter) {
  const once = <T>(f: () => Promise<T>) => {
    let p: Promise<T> | null = null;
    return () => (p ??= f());
  };
  return {
    market: once(() => caller.stats.market(filter)),
    proceeds: once(() => caller.stats.proceeds(filter)),
    targets: once(() => caller.stats.targets(filter)),
    obligations: once(() => caller.stats.obligations(filter)),
    assessment: once(() => caller.stats.assessment(filter)),
    public: once(() => caller.stats.public()),
    checkpoints: once(() => caller.verify.checkpoints()),
    integrity: once(() => caller.integrity.screens({ year: filter.year, quarter: filter.quarter ?? null, month: filter.month ?? null, cityId: filter.cityId, countyId: filter.countyId })),
  };
}
export type ReportSource = Awaited<ReturnType<typeof reportSource>>;

export async function buildReport(id: ReportId, source: ReportSource, locale: Locale): Promise<Report> {
  const t = translator(locale, 'stats');
  const tu = translator(locale, 'ui');
  const withUnit = (header: string, kind: ColumnKind) => {
    const unit = kind === 'pct' ? '%' : kind in UNIT_KEYS ? tu(UNIT_KEYS[kind as keyof typeof UNIT_KEYS]) : null;
    return unit === null ? header : locale === 'zh' ? `${header}（${unit}）` : `${header} (${unit})`;
  };
  const col = (key: Parameters<typeof t>[0], kind: ColumnKind) => ({ header: withUnit(t(key), kind), kind });
  switch (id) {
    case 'monthly': {
      const m = await source.market();
      return {
        id,
        title: `${t('report_monthly')} ${m.year}`,
        columns: [col('col_month', 'text'), col('col_count', 'count'), col('col_volume', 'mu'), col('col_cumulative', 'mu'), col('col_amount', 'yuan'), col('col_median', 'yuanPerMu'), col('col_floor', 'yuanPerMu'), col('col_reference', 'yuanPerMu')],
        rows: m.months.map((r) => [r.month, r.count, r.volumeMilliMu, r.cumulativeMilliMu, r.amountFen, r.medianFenPerMu, r.floorFenPerMu, r.referenceFenPerMu]),
      };
    }
    case 'cities': {
      const m = await source.market();
      return {
        id,
        title: `${t('report_cities')} ${m.year}`,
        columns: [col('col_city', 'text'), col('col_count', 'count'), col('col_volume', 'mu'), col('col_min', 'yuanPerMu'), col('col_p25', 'yuanPerMu'), col('col_median', 'yuanPerMu'), col('col_p75', 'yuanPerMu'), col('col_max', 'yuanPerMu')],
        rows: m.byCity.map((r) => [r.cityName, r.count, r.volumeMilliMu, r.minFenPerMu, r.p25FenPerMu, r.medianFenPerMu, r.p75FenPerMu, r.maxFenPerMu]),
      };
    }
    case 'proceeds': {
      const p = await source.proceeds();
      const tp = translator(locale, 'proceeds');
      const categories = ['poverty_consolidation', 'rural_revitalisation', 'relocation_subsidy', 'reclamation_incentive', 'other'] as const;
      return {
        id,
        title: `${t('report_proceeds')} ${p.year}`,
        columns: [col('col_county', 'text'), col('col_city', 'text'), col('col_received', 'wanYuan'), col('col_spent', 'wanYuan'), ...categories.map((c) => ({ header: withUnit(tp(`category_${c}`), 'wanYuan'), kind: 'wanYuan' as const }))],
        rows: p.rows.map((r) => [r.countyName, r.cityName, r.receivedFen, r.spentFen, ...categories.map((c) => r.byCategory[c] ?? 0)]),
      };
    }
    case 'targets': {
      const g = await source.targets();
      return {
        id,
        title: `${t('report_targets')} ${g.year}`,
        columns: [col('col_county', 'text'), col('col_city', 'text'), col('col_target', 'mu'), col('col_targetDocument', 'text'), col('col_traded', 'mu'), col('col_shortfall', 'mu'), col('col_progress', 'pct')],
        rows: g.rows.map((r) => [r.countyName, r.cityName, r.targetMilliMu, r.documentRef, r.tradedMilliMu, r.shortfallMilliMu, r.progressBp]),
      };
    }
    case 'obligations': {
      const o = await source.obligations();
      return {
        id,
        title: t('report_obligations'),
        columns: [col('col_county', 'text'), col('col_city', 'text'), col('col_open', 'count'), col('col_due', 'count'), col('col_overdue', 'count'), col('col_accepted', 'count')],
        rows: o.byCounty.map((r) => [r.name, r.cityName, r.open, r.due, r.overdue, r.accepted]),
      };
    }
    case 'obligationsByCity': {
      const o = await source.obligations();
      return {
        id,
        title: `${t('report_obligations')}（${t('by_city')}）`,
        columns: [col('col_city', 'text'), col('col_open', 'count'), col('col_due', 'count'), col('col_overdue', 'count'), col('col_accepted', 'count')],
        rows: o.byCity.map((r) => [r.cityName, r.open, r.due, r.overdue, r.accepted]),
      };
    }
    case 'assessment': {
      const a = await source.assessment();
      return {
        id,
        title: `${t('report_assessment')} ${a.year}`,
        columns: [col('col_county', 'text'), col('col_city', 'text'), col('col_target', 'mu'), col('col_traded', 'mu'), col('col_progress', 'pct'), col('col_received', 'wanYuan'), col('col_spent', 'wanYuan'), col('col_overdueCount', 'count'), col('col_mark', 'text')],
        rows: a.rows.map((r) => [r.countyName, r.cityName, r.targetMilliMu, r.tradedMilliMu, r.progressBp, r.receivedFen, r.spentFen, r.overdueCount, t(`mark_${r.mark}`)]),
      };
    }
    case 'integrityCities':
    case 'integrityCounties': {
      const r = await source.integrity();
      const ti = translator(locale, 'integrity');
      const byCounty = id === 'integrityCounties';
      const level = (l: 'green' | 'amber' | 'red' | 'na') => ti(`level_${l}`);
      const icol = (key: Parameters<typeof ti>[0], kind: ColumnKind) => ({ header: withUnit(ti(key), kind), kind });
      const kindOf = (m: (typeof METRIC_KEYS)[number]): ColumnKind => (m === 'bidders' ? 'hundredths' : 'pct');
      const rows = byCounty ? r.counties.map((c) => ({ names: [c.countyName, c.cityName], g: c })) : r.cities.map((c) => ({ names: [c.cityName], g: c }));
      return {
        id,
        title: `${ti(byCounty ? 'report_counties' : 'report_cities')} ${r.label}`,
        columns: [
          ...(byCounty ? [icol('col_county', 'text'), icol('col_city', 'text')] : [icol('col_city', 'text')]),
          icol('col_listings', 'count'),
          ...METRIC_KEYS.flatMap((m) => [icol(`metric_${m}`, kindOf(m)), { header: `${ti(`metric_${m}`)} · ${ti('col_level')}`, kind: 'text' as const }]),
          icol('col_worst', 'text'),
        ],
        rows: rows.map(({ names, g }) => [...names, g.listings, ...METRIC_KEYS.flatMap((m) => [g.metrics[m].value, level(g.metrics[m].level)]), level(g.worst)]),
      };
    }
    case 'integrityPairs': {
      const r = await source.integrity();
      const ti = translator(locale, 'integrity');
      const icol = (key: Parameters<typeof ti>[0], kind: ColumnKind) => ({ header: withUnit(ti(key), kind), kind });
      return {
        id,
        title: `${ti('report_pairs')} ${r.label}`,
        columns: [icol('col_kind', 'text'), icol('col_zoneA', 'text'), icol('col_zoneB', 'text'), icol('col_listingsA', 'count'), icol('col_listingsB', 'count'), icol('col_base', 'count'), icol('col_runs', 'count'), icol('col_p', 'pct'), icol('col_level', 'text'), icol('col_pairListings', 'text')],
        rows: r.pairs.map((p) => [ti(`pair_${p.kind}`), p.zoneA.name, p.zoneB.name, p.listingsA, p.listingsB, p.base, p.runs, p.pBp, ti(`level_${p.level}`), p.listings.map((l) => l.code).join(' ')]),
      };
    }
    case 'quarters': {
      const q = await source.public();
      return {
        id,
        title: t('report_quarters'),
        columns: [col('col_quarter', 'text'), col('col_count', 'count'), col('col_volume', 'mu'), col('col_median', 'yuanPerMu')],
        rows: q.quarters.map((r) => [r.quarter, r.count, r.volumeMilliMu, r.medianFenPerMu]),
      };
    }
    case 'checkpoints': {
      const tv = translator(locale, 'verify');
      const rows = await source.checkpoints();
      return {
        id,
        title: tv('report_checkpoints'),
        columns: [
          { header: tv('cp_day'), kind: 'text' },
          { header: tv('cp_auditId'), kind: 'count' },
          { header: tv('cp_hash'), kind: 'text' },
          { header: tv('cp_publishedAt'), kind: 'text' },
        ],
        rows: rows.map((r) => [r.day, r.auditId, r.hash, formatTime(r.publishedAt, locale)]),
      };
    }
  }
}
