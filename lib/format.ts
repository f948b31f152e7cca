// How numbers and times are shown: 亩 with 3 decimals, 元 with 2, large sums in 万元, times in
// China Standard Time whatever the server's zone.
import { CST_OFFSET_MS } from '@/server/kernel/china-time';
import { type Locale, TIME_ZONE } from './i18n/define';
export { formatMu, formatWanYuan, formatYuan } from '@/server/kernel/units';

// Formatters are built once per locale: building one costs far more than formatting (a market page
// shows hundreds of times; `npm run bench`, docs/decisions/0005).
const TIME_FORMATS = {
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }),
};
const DATE_FORMATS = {
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }),
};

export function formatTime(ms: number | null | undefined, locale: Locale = 'zh'): string {
  if (ms === null || ms === undefined) return '—';
  return TIME_FORMATS[locale === 'zh' ? 'zh' : 'en'].format(ms);
}

export function formatDate(ms: number | null | undefined, locale: Locale = 'zh'): string {
  if (ms === null || ms === undefined) return '—';
  return DATE_FORMATS[locale === 'zh' ? 'zh' : 'en'].format(ms);
}

/** A value for <input type="datetime-local"> in China Standard Time. */
export function toDateTimeLocal(ms: number): string {
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 16);
}

/** Reads <input type="datetime-local"> as China Standard Time, so the office PC's zone does not matter. */
export function fromDateTimeLocal(value: string): number {
  return Date.parse(`${value}:00Z`) - CST_OFFSET_MS;
}
