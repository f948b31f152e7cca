// Verification codes printed on documents: a kind letter, the document's ids in base 32 and a keyed
// MAC over the document's key facts, in Crockford's base 32 (no I, L, O, U: nothing to misread),
// grouped by four. Only the MAC is secret; the ids let the verifier find the document without storing
// anything. The MAC is computed elsewhere (it needs the key); this module only shapes the text.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The document kinds a code can name, each with its letter and the width of its ids. */
export const KINDS = {
  trade: { letter: 'T', idWidths: [5] },
  holding: { letter: 'H', idWidths: [5, 4] },
} as const;
export type DocumentKind = keyof typeof KINDS;

/** Characters of MAC in every code: 14 × 5 = 70 bits, beyond any guessing over the network. */
export const MAC_CHARS = 14;

/** A non-negative integer in `width` base-32 digits, or null if it does not fit. */
export function encodeNumber(n: number, width: number): string | null {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 32 ** width) return null;
  let out = '';
  for (let i = 0; i < width; i++) {
    out = ALPHABET[n % 32] + out;
    n = Math.floor(n / 32);
  }
  return out;
}

const decodeNumber = (digits: string) => [...digits].reduce((n, c) => n * 32 + ALPHABET.indexOf(c), 0);

/** Bytes as base-32 text, 5 bits a character, cut to `chars` characters. */
export function base32(bytes: Uint8Array, chars: number): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
    if (out.length >= chars) break;
  }
  return out;
}

/** What a reader typed, as the code's characters: spaces and dashes dropped, O read as 0, I and L as 1. */
export const normaliseCode = (typed: string) =>
  typed
    .toUpperCase()
    .replace(/[\s\-–—_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');

/** The code grouped by four for reading: XXXX-XXXX-XXXX-XXXX-XXXX. */
export const groupCode = (code: string) => code.match(/.{1,4}/g)?.join('-') ?? code;

/** The part of a code before its MAC: the kind's letter and its ids; null if an id does not fit. */
export function codeHead(kind: DocumentKind, ids: readonly number[]): string | null {
  const { letter, idWidths } = KINDS[kind];
  if (ids.length !== idWidths.length) return null;
  const parts = ids.map((id, i) => encodeNumber(id, idWidths[i]!));
  return parts.every((p) => p !== null) ? letter + parts.join('') : null;
}

/** A typed code read back into its kind, ids and MAC; null if it cannot be a code at all. */
export function parseCode(typed: string): { kind: DocumentKind; ids: number[]; head: string; mac: string } | null {
  const code = normaliseCode(typed);
  if (code.length > 64 || [...code].some((c) => !ALPHABET.includes(c) && !/[A-Z]/.test(c))) return null;
  for (const [kind, { letter, idWidths }] of Object.entries(KINDS) as [DocumentKind, (typeof KINDS)[DocumentKind]][]) {
    const headLength = 1 + idWidths.reduce((a, b) => a + b, 0);
    if (code[0] !== letter || code.length !== headLength + MAC_CHARS) continue;
    const body = code.slice(1);
    if ([...body].some((c) => !ALPHABET.includes(c))) return null;
    const ids: number[] = [];
    let at = 0;
    for (const w of idWidths) {
      ids.push(decodeNumber(body.slice(at, at + w)));
      at += w;
    }
    return { kind, ids, head: code.slice(0, headLength), mac: code.slice(headLength) };
  }
  return null;
}
