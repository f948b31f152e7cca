// What free text (names, references, notes, reasons, file names) may hold. Control characters have no
// place in it: a NUL cuts text short in C libraries and log lines, and the others corrupt exports and
// terminals. Bidirectional formatting characters make text display in another order than it is
// stored, so a file name or a document number could read as another one; invisible characters make two
// that read alike differ. Multi-line text keeps tab,
// line feed and carriage return; a single line keeps none of them.
/** 'line': a name, a reference, a file name; 'lines': a note or a reason that may span lines. */
export type TextKind = 'line' | 'lines';

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** The bidirectional formatting characters: embeddings and overrides, isolates, the marks. */
function isBidiControl(code: number) {
  return (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0x200e || code === 0x200f || code === 0x061c;
}

/**
 * Characters that show as nothing: a zero-width space, word joiner, byte-order mark or soft hyphen
 * would make two references that read the same differ. (Zero-width joiners stay: emoji need them.)
 */
function isInvisible(code: number) {
  return code === 0x200b || code === 0x2060 || code === 0xfeff || code === 0x00ad;
}

/** C0 controls, DEL and the C1 controls. */
function isControl(code: number, kind: TextKind) {
  if (code < 0x20) return kind === 'line' || !(code === TAB || code === LINE_FEED || code === CARRIAGE_RETURN);
  return code >= 0x7f && code <= 0x9f;
}

/** Whether `text` holds no control character (beyond a multi-line text's tab and line breaks) and no bidi control. */
export function isCleanText(text: string, kind: TextKind = 'line'): boolean {
  // Every refused character is in the Basic Multilingual Plane, so UTF-16 units are enough.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isControl(code, kind) || isBidiControl(code) || isInvisible(code)) return false;
  }
  return true;
}

