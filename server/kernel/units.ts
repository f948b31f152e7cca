// Money and area are integers in their smallest unit (domain.md, "Units and money"): fen, and
// thousandths of a mu. Branded so one cannot be passed where the other is meant. This file holds the
// one rounding function; everything that divides goes through it.

export type Fen = number & { readonly __unit: 'fen' };
export type MilliMu = number & { readonly __unit: 'milli-mu' };
export type FenPerMu = number & { readonly __unit: 'fen-per-mu' };
/** A rate in basis points: 2000 = 20%. */
export type BasisPoints = number & { readonly __unit: 'bp' };

export const fen = (n: number) => assertSafeInteger(n) as Fen;
export const milliMu = (n: number) => assertSafeInteger(n) as MilliMu;
export const fenPerMu = (n: number) => assertSafeInteger(n) as FenPerMu;
export const basisPoints = (n: number) => assertSafeInteger(n) as BasisPoints;

function assertSafeInteger(n: number): number {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a safe integer: ${n}`);
  return n;
}

/** numerator / denominator rounded half-up (away from zero on .5), in exact integer arithmetic. */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): number {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const q = (abs * 2n + denominator) / (denominator * 2n);
  return assertSafeInteger(Number(negative ? -q : q));
}

/** Amount of a trade = quantity × unit price, rounded half-up to the fen once (domain.md). */
export function tradeAmount(qty: MilliMu, price: FenPerMu): Fen {
  return divRoundHalfUp(BigInt(qty) * BigInt(price), 1000n) as Fen;
}

/** A share of an amount at a rate in basis points, rounded half-up to the fen. */
export function shareOf(amount: Fen, rate: BasisPoints): Fen {
  return divRoundHalfUp(BigInt(amount) * BigInt(rate), 10000n) as Fen;
}

/** part × whole / total rounded half-up: a proportional share of an integer quantity. */
export function proportion(part: number, whole: number, total: number): number {
  return divRoundHalfUp(BigInt(part) * BigInt(whole), BigInt(total));
}

const DECIMAL = /^\s*(\d{1,12})(?:\.(\d*))?\s*$/;
const GROUPED_BY_THREE = /^-?\d{1,3}(,\d{3})+(\.\d*)?$/;

/**
 * A number as officials type it: full-width digits and point (an IME left in full-width) as
 * half-width, and thousands separators dropped where they group by three (1,348.888, as the pages
 * show amounts); anything else is left for the parser to refuse.
 */
function asTyped(text: string): string {
  const t = text.normalize('NFKC').trim();
  return GROUPED_BY_THREE.test(t) ? t.replaceAll(',', '') : t;
}

/** Parses a decimal string with up to `places` decimals into an integer of 10^-places units, or null. */
export function parseDecimal(text: string, places: number): number | null {
  const m = DECIMAL.exec(asTyped(text));
  if (!m) return null;
  const whole = m[1] ?? '0';
  const frac = m[2] ?? '';
  if (frac.length > places) return null;
  const n = Number(whole) * 10 ** places + Number(frac.padEnd(places, '0') || '0');
  return Number.isSafeInteger(n) ? n : null;
}

/** Why a typed number was refused, each with its own message (messages/errors.ts). */
export type DecimalProblem = 'required' | 'notANumber' | 'negative' | 'tooManyDecimals' | 'tooLarge';

const SIGNED_DECIMAL = /^\s*(-?)(\d+)(?:\.(\d*))?\s*$/;

/** parseDecimal with the reason when it refuses: blank, not a number, negative, too many decimals, too large. */
export function readDecimal(text: string, places: number): { value: number } | { problem: DecimalProblem } {
  const value = parseDecimal(text, places);
  if (value !== null) return { value };
  if (text.trim() === '') return { problem: 'required' };
  const m = SIGNED_DECIMAL.exec(asTyped(text));
  if (!m) return { problem: 'notANumber' };
  if (m[1] === '-') return { problem: 'negative' };
  if ((m[3] ?? '').length > places) return { problem: 'tooManyDecimals' };
  return { problem: 'tooLarge' };
}

const GROUPED = new Intl.NumberFormat('en-US'); // built once: toLocaleString builds one per call

/** An integer of 10^-places units as grouped decimal text: (123456, 2) → "1,234.56". */
export function formatScaled(n: number, places: number): string {
  const negative = n < 0;
  const abs = BigInt(Math.abs(n));
  const scale = 10n ** BigInt(places);
  const whole = GROUPED.format(abs / scale);
  const frac = (abs % scale).toString().padStart(places, '0');
  return `${negative ? '-' : ''}${whole}${places > 0 ? `.${frac}` : ''}`;
}

/** 1234567 milli-mu → "1,234.567" (亩, 3 decimals as the seeds show them). */
export const formatMu = (qty: number) => formatScaled(qty, 3);
/** 123456 fen → "1,234.56" (元). */
export const formatYuan = (amount: number) => formatScaled(amount, 2);
/** 123456789 fen → "123.4568" (万元, rounded half-up to 4 decimals, i.e. to the yuan). */
export const formatWanYuan = (amount: number) => formatScaled(divRoundHalfUp(BigInt(amount), 100n), 4);
