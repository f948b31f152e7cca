'use client';
// The dashboard charts (recharts, SVG: its Chinese labels use the page's fonts and stay selectable).
// Values arrive as integers (fen, milli-mu) and are turned into 元 and 亩 for drawing only; every chart
// has the table of its figures beside it on the page. Each chart's SVG is keyboard-reachable (recharts'
// accessibility layer: arrow keys move the tooltip), so it carries a title that names it and a
// description that points to that table.
import { Area, Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { useT } from '@/lib/i18n/client';
import { dayCst, isoDateCst } from '@/server/domain/china-time';

const yuan = (fen: number | null) => (fen === null ? null : fen / 100);
const mu = (milliMu: number) => milliMu / 1000;
const monthStart = (month: string) => dayCst(Number(month.slice(0, 4)), Number(month.slice(5)), 1);
const monthLabel = (ms: number) => isoDateCst(ms).slice(0, 7);
const HEIGHT = 300;

export interface PriceChartData {
  months: { month: string; medianFenPerMu: number | null; floorFenPerMu: number | null; referenceFenPerMu: number | null }[];
  points: { at: number; priceFenPerMu: number }[];
}

export function PriceChart({ data }: { data: PriceChartData }) {
  const t = useT('stats');
  // Median and band at the middle of each month; the band only where guidance was in force.
  const monthly = data.months.map((m) => ({
    x: monthStart(m.month) + 15 * 86_400_000,
    median: yuan(m.medianFenPerMu),
    band: m.floorFenPerMu === null || m.referenceFenPerMu === null ? null : [yuan(m.floorFenPerMu), yuan(m.referenceFenPerMu)],
  }));
  const points = data.points.map((p) => ({ x: p.at, price: yuan(p.priceFenPerMu) }));
  const first = data.months[0];
  const last = data.months[data.months.length - 1];
  const domain = first && last ? [monthStart(first.month), monthStart(last.month) + 31 * 86_400_000] : ['auto', 'auto'];
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <ComposedChart data={monthly} margin={{ top: 8, right: 16, bottom: 8, left: 16 }} title={t('section_prices')} desc={t('chart_desc')}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" dataKey="x" domain={domain} tickFormatter={monthLabel} ticks={data.months.map((m) => monthStart(m.month))} />
        <YAxis type="number" name={t('chart_price')} width={80} />
        <Tooltip labelFormatter={(v) => monthLabel(Number(v))} />
        <Legend />
        <Area dataKey="band" name={t('chart_band')} fill="#1f5fa8" fillOpacity={0.15} stroke="#1f5fa8" strokeOpacity={0.4} connectNulls isAnimationActive={false} />
        <Scatter data={points} dataKey="price" name={t('chart_price')} fill="#9a6700" isAnimationActive={false} />
        <Line dataKey="median" name={t('chart_median')} stroke="#b3261e" strokeWidth={2} connectNulls isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

export function CityChart({ rows }: { rows: { cityName: string; minFenPerMu: number; p25FenPerMu: number; medianFenPerMu: number; p75FenPerMu: number; maxFenPerMu: number }[] }) {
  const t = useT('stats');
  const data = rows.map((r) => ({
    city: r.cityName,
    range: [yuan(r.minFenPerMu), yuan(r.maxFenPerMu)],
    iqr: [yuan(r.p25FenPerMu), yuan(r.p75FenPerMu)],
    median: yuan(r.medianFenPerMu),
  }));
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }} title={t('section_cities')} desc={t('chart_desc')}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="city" />
        <YAxis width={80} />
        <Tooltip />
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
  const data = months.map((m) => ({ month: m.month, volume: mu(m.volumeMilliMu), cumulative: mu(m.cumulativeMilliMu) }));
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }} title={t('section_volume')} desc={t('chart_desc')}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" />
        <YAxis yAxisId="left" width={80} />
        <YAxis yAxisId="right" orientation="right" width={80} />
        <Tooltip />
        <Legend />
        <Bar yAxisId="left" dataKey="volume" name={t('chart_volume')} fill="#1f5fa8" isAnimationActive={false} />
        <Line yAxisId="right" dataKey="cumulative" name={t('chart_cumulative')} stroke="#b3261e" strokeWidth={2} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

/** Horizontal bars, one row per county (the first `limit` of a ranked list); `title` names the chart. */
export function RankedBars({ title, rows, bars, limit = 20 }: { title: string; rows: { label: string; values: number[] }[]; bars: { name: string; color: string }[]; limit?: number }) {
  const t = useT('stats');
  const data = rows.slice(0, limit).map((r) => Object.fromEntries([['label', r.label], ...r.values.map((v, i) => [`v${i}`, v])]));
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, data.length * 26 + 60)}>
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 16 }} title={title} desc={t('chart_desc')}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" />
        <YAxis type="category" dataKey="label" width={110} />
        <Tooltip />
        <Legend />
        {bars.map((b, i) => (
          <Bar key={b.name} dataKey={`v${i}`} name={b.name} fill={b.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
