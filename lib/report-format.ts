// A report cell as shown on a page, and as written to CSV and Excel: integers of fen, milli-mu and
// basis points become 元 (or 万元), 元/亩, 亩 and % here only.
import { formatMu, formatWanYuan, formatYuan } from '@/server/kernel/units';
import type { ColumnKind } from '@/server/web/reports';

const plain = (scaled: string) => scaled.replace(/,/g, '');
const formatPct = (bp: number) => `${formatYuan(bp)}%`; // basis points have the 2 decimals of yuan/fen

/** For the page: thousands separators, 3 decimals for 亩, 2 for 元, 元/亩 and %, 4 for 万元 (to the yuan). */
export function displayCell(kind: ColumnKind, v: string | number | null): string {
  if (v === null) return '—';
  if (typeof v === 'string') return v;
  if (kind === 'mu') return formatMu(v);
  if (kind === 'yuan' || kind === 'yuanPerMu') return formatYuan(v);
  if (kind === 'wanYuan') return formatWanYuan(v);
  if (kind === 'pct') return formatPct(v);
  if (kind === 'hundredths') return formatYuan(v); // 2 decimals, as yuan from fen
  return String(v);
}

/** For CSV and Excel: plain decimals, no separators; empty for no value. */
export function exportCell(kind: ColumnKind, v: string | number | null): string | number | null {
  if (v === null) return null;
  if (typeof v === 'string') return v;
  if (kind === 'mu') return Number(plain(formatMu(v)));
  if (kind === 'yuan' || kind === 'yuanPerMu' || kind === 'pct' || kind === 'hundredths') return Number(plain(formatYuan(v)));
  if (kind === 'wanYuan') return Number(plain(formatWanYuan(v)));
  return v;
}
