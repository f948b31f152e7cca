'use client';
// The dashboard charts (recharts, SVG: its Chinese labels use the page's fonts and stay selectable).
// Values arrive as integers (fen, milli-mu) and are turned into 元/亩, 万元 and 亩 for drawing only; each
// axis names its unit, as the table of the same figures under the chart does. Each chart's SVG is
// keyboard-reachable (recharts' accessibility layer: arrow keys move the tooltip), so it carries a title
// that names it and a description that points to that table.
import { Area, Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { useT } from '@/lib/i18n/client';
import { dayCst, isoDateCst } from '@/server/kernel/china-time';

const yuan = (fen: number | null) => (fen === null ? null : fen / 100);
const mu = (milliMu: number) => milliMu / 1000;
const monthStart = (month: string) => dayCst(Number(month.slice(0, 4)), Number(month.slice(5)), 1);
const monthLabel = (ms: number) => isoDateCst(ms).slice(0, 7);
const HEIGHT = 300;
const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
const grouped = (v: unknown): string => (typeof v === 'number' ? GROUPED.format(v) : Array.isArray(v) ? v.map(grouped).join(' – ') : String(v ?? '—'));
const axisLabel = (value: string) => ({ value, position: 'top' as const, offset: 8, fontSize: 12 });

export interface PriceChartData {
  months: { month: string; medianFenPerMu: number | null }[];
  /** The guidance in force, segment by segment (server/guidance/domain/guidance.ts guidanceSegments). */
  band: { from: number; to: number; floorFenPerMu: number; referenceFenPerMu: number }[];
  points: { at: number; priceFenPerMu: number }[];
}

export function PriceChart({ data }: { data: PriceChartData }) {
  const t = useT('stats');
  const tu = useT();
  const bandAt = (x: number) => {
    const s = data.band.find((b) => b.from <= x && x < b.to);
    return s ? [yuan(s.floorFenPerMu), yuan(s.referenceFenPerMu)] : null;
  };
  const first = data.months[0];
  const last = data.months[data.months.length - 1];
  const end = last ? monthStart(last.month) + 31 * 86_400_000 : 0;
  // One series for the median (mid-month) and the band: the band holds its figures from each segment's
  // start to its end and breaks (null) where no guidance was in force, so even a period of a few days shows.
  const series = [
    ...data.months.map((m) => {
      const x = monthStart(m.month) + 15 * 86_400_000;
      return { x, median: yuan(m.medianFenPerMu), band: bandAt(x) };
    }),
    ...data.band.flatMap((b) => [
      { x: b.from, median: undefined, band: bandAt(b.from) },
      { x: b.to - 1, median: undefined, band: bandAt(b.to - 1) },
      ...(b.to < end ? [{ x: b.to, median: undefined, band: bandAt(b.to) }] : []),
    ]),
  ].sort((a, b) => a.x - b.x);
  const points = data.points.map((p) => ({ x: p.at, price: yuan(p.priceFenPerMu) }));
  const domain = first && last ? [monthStart(first.month), end] : ['auto', 'auto'];
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <ComposedChart data={series} margin={{ top: 20, right: 16, bottom: 8, left: 16 }} title={t('section_prices')} desc={t('chart_desc')}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" dataKey="x" domain={domain} tickFormatter={monthLabel} ticks={data.months.map((m) => monthStart(m.month))} />
        <YAxis type="number" name={t('chart_price')} width={80} tickFormatter={grouped} label={axisLabel(tu('yuanPerMu'))} />
        <Tooltip labelFormatter={(v) => isoDateCst(Number(v))} formatter={grouped} />
        <Legend />
        {data.band.length > 0 ? (
          <Area dataKey="band" name={t('chart_band')} fill="#1f5fa8" fillOpacity={0.15} stroke="#1f5fa8" strokeOpacity={0.4} isAnimationActive={false} />
        ) : null}
        <Scatter data={points} dataKey="price" name={t('chart_price')} fill="#9a6700" isAnimationActive={false} />
        <Line dataKey="median" name={t('chart_median')} stroke="#b3261e" strokeWidth={2} connectNulls isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

export function CityChart({ rows }: { rows: { cityName: string; minFenPerMu: number; p25FenPerMu: number; medianFenPerMu: number; p75FenPerMu: number; maxFenPerMu: number }[] }) {
  const t = useT('stats');
  const tu = useT();
  const data = rows.map((r) => ({
    city: r.cityName,
    range: [yuan(r.minFenPerMu), yuan(r.maxFenPerMu)],
    iqr: [yuan(r.p25FenPerMu), yuan(r.p75FenPerMu)],
    median: yuan(r.medianFenPerMu),
  }));
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <ComposedChart data={data} margin={{ top: 20, right: 16, bottom: 8, left: 16 }} title={t('section_cities')} desc={t('chart_desc')}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="city" />
        <YAxis width={80} tickFormatter={grouped} label={axisLabel(tu('yuanPerMu'))} />
        <Tooltip formatter={grouped} />
        <Legend />
        {/* At least 3:1 against the plot, as a graphic the reader needs. */}
        <Bar dataKey="range" name={`${t('col_min')}–${t('col_max')}`} fill="#8490a1" barSize={28} isAnimationActive={false} />
        <Bar dataKey="iqr" name={`${t('col_p25')}–${t('col_p75')}`} fill="#1f5fa8" barSize={14} isAnimationActive={false} />
        <Scatter dataKey="median" name={t('col_median')} fill="#b3261e" isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

export function VolumeChart({ months }: { months: { month: string; volumeMilliMu: number; cumulativeMilliMu: number }[] }) {
  const t = useT('stats');
  const tu = useT();
  const data = months.map((m) => ({ month: m.month, volume: mu(m.volumeMilliMu), cumulative: mu(m.cumulativeMilliMu) }));
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <ComposedChart data={data} margin={{ top: 20, right: 16, bottom: 8, left: 16 }} title={t('section_volume')} desc={t('chart_desc')}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" />
        <YAxis yAxisId="left" width={80} tickFormatter={grouped} label={axisLabel(tu('mu'))} />
        <YAxis yAxisId="right" orientation="right" width={80} tickFormatter={grouped} label={axisLabel(tu('mu'))} />
        <Tooltip formatter={grouped} />
        <Legend />
        <Bar yAxisId="left" dataKey="volume" name={t('chart_volume')} fill="#1f5fa8" isAnimationActive={false} />
        <Line yAxisId="right" dataKey="cumulative" name={t('chart_cumulative')} stroke="#b3261e" strokeWidth={2} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

/** Horizontal bars, one row per county (the first `limit` of a ranked list), their axis in `unit`; `title` names the chart. */
export function RankedBars({ title, rows, bars, unit, limit = 20 }: { title: string; rows: { label: string; values: number[] }[]; bars: { name: string; color: string }[]; unit: string; limit?: number }) {
  const t = useT('stats');
  const data = rows.slice(0, limit).map((r) => Object.fromEntries([['label', r.label], ...r.values.map((v, i) => [`v${i}`, v])]));
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, data.length * 26 + 60)}>
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 16, left: 16 }} title={title} desc={t('chart_desc')}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" tickFormatter={grouped} label={{ value: unit, position: 'insideBottomRight' as const, offset: -4, fontSize: 12 }} />
        <YAxis type="category" dataKey="label" width={110} />
        <Tooltip formatter={grouped} />
        <Legend />
        {bars.map((b, i) => (
          <Bar key={b.name} dataKey={`v${i}`} name={b.name} fill={b.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
