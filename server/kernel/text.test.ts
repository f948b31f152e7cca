import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCleanText } from './text';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];
const LINE_BREAKS = ['\t', '\n', '\r'];
const C0_BUT_BREAKS = range(0x00, 0x1f).filter((c) => !LINE_BREAKS.includes(c));
const DEL_AND_C1 = range(0x7f, 0x9f);
const INVISIBLE = ['\u200B', '\u2060', '\uFEFF', '\u00AD'];
const REFUSED_ALWAYS = [...C0_BUT_BREAKS, ...DEL_AND_C1, ...BIDI, ...INVISIBLE];

describe('isCleanText', () => {
  it('accepts what officials write: Chinese, document numbers, punctuation, emoji, joiners, spaces', () => {
    for (const text of ['', '山西转型综改示范区', '晋自然资发〔2026〕1号', 'Plan B — v2 (final).pdf', '１２３４　全角', '👩‍🌾 农户', 'a\u200Db', 'a\u200Cb', 'x\u00A0y', '«ok»', 'ア'])
      for (const kind of ['line', 'lines'] as const) expect(isCleanText(text, kind), JSON.stringify(text)).toBe(true);
  });

  it('refuses NUL, every other C0 control, DEL, the C1 controls, every bidi control and the invisible characters, wherever they stand', () => {
    expect(REFUSED_ALWAYS).toHaveLength(29 + 33 + 12 + 4);
    for (const c of REFUSED_ALWAYS)
      for (const kind of ['line', 'lines'] as const)
        for (const text of [c, `偏关县${c}`, `${c}偏关县`, `偏${c}关县`]) expect(isCleanText(text, kind), `U+${c.charCodeAt(0).toString(16)} in ${kind}`).toBe(false);
  });

  it('lets multi-line text keep tab, line feed and carriage return, and a single line none of them', () => {
    for (const c of LINE_BREAKS) {
      expect(isCleanText(`第一行${c}第二行`, 'lines')).toBe(true);
      expect(isCleanText(`第一行${c}第二行`, 'line')).toBe(false);
    }
    expect(isCleanText('无序号')).toBe(true);
    expect(isCleanText('a\nb')).toBe(false); // a single line is the default
  });

  it('property: clean text stays clean, and one refused character anywhere makes it refused', () => {
    const cleanChar = fc.integer({ min: 0x20, max: 0xffff }).map((n) => String.fromCharCode(n)).filter((c) => !REFUSED_ALWAYS.includes(c) && !(c >= '\uD800' && c <= '\uDFFF'));
    const clean = fc.array(cleanChar, { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(clean, fc.nat(), fc.constantFrom(...REFUSED_ALWAYS), (text, at, bad) => {
        expect(isCleanText(text, 'line')).toBe(true);
        expect(isCleanText(text, 'lines')).toBe(true);
        const i = at % (text.length + 1);
        const spoiled = text.slice(0, i) + bad + text.slice(i);
        expect(isCleanText(spoiled, 'line')).toBe(false);
        expect(isCleanText(spoiled, 'lines')).toBe(false);
      }),
    );
  });
});
