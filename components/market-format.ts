// Display helpers of the trading pages that lib/format.ts does not have: amounts in Chinese capital
// numerals for the trade confirmation, countdowns, and integers back into the decimal text users type.
import { type Locale, translate } from '@/lib/i18n';

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

function groupInWords(group: number): string {
  let out = '';
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(group / 10 ** i) % 10;
    if (d === 0) {
      if (out !== '') zero = true;
    } else {
      if (zero) out += '零';
      zero = false;
      out += DIGITS[d]! + SMALL_UNITS[i]!;
    }
  }
  return out;
}

/** 12345678 fen → "人民币壹拾贰万叁仟肆佰伍拾陆元柒角捌分", as financial documents write amounts (大写). */
export function yuanInWords(amountFen: number): string {
  if (!Number.isSafeInteger(amountFen) || amountFen < 0) return '';
  const yuan = Math.floor(amountFen / 100);
  const jiao = Math.floor(amountFen / 10) % 10;
  const fen = amountFen % 10;
  const groups: number[] = [];
  for (let n = yuan; n > 0; n = Math.floor(n / 10000)) groups.push(n % 10000);
  let out = '';
  let gap = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) {
      gap = out !== '';
      continue;
    }
    if (out !== '' && (gap || g < 1000)) out += '零';
    out += groupInWords(g) + BIG_UNITS[i]!;
    gap = false;
  }
  if (out !== '') out += '元';
  if (jiao === 0 && fen === 0) return `人民币${out || '零元'}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (out !== '') out += '零';
  if (fen > 0) out += `${DIGITS[fen]}分`;
  return `人民币${out}`;
}

const two = (n: number) => String(n).padStart(2, '0');

/** A countdown: "02:05:09", or "3 天 02:05:09" when a day or more is left. */
export function formatCountdown(ms: number, locale: Locale): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86400);
  const hms = `${two(Math.floor((total % 86400) / 3600))}:${two(Math.floor((total % 3600) / 60))}:${two(total % 60)}`;
  return days > 0 ? translate(locale, 'market', 'countdown_days', { days, hms }) : hms;
}

/** 3000050 (fen per mu) → "30000.5": the plain decimal text an input takes, no separators. */
export function toDecimalText(n: number, places: number): string {
  const scale = 10 ** places;
  const whole = Math.floor(n / scale);
  const frac = String(n % scale).padStart(places, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}
