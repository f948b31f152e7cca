// Input fields shared by the procedures. Messages are keys of messages/errors.ts, so the error
// formatter can give them in the user's language. Quantities and prices come as decimal text (as
// typed) or numbers and are parsed to integers without ever being floats in the database.
import { z } from 'zod';
import { type TextKind, isCleanText } from '@/server/domain/text';
import { parseDecimal } from '@/server/domain/units';

/** Upper bounds keep every product of quantity and price a safe integer. */
export const MAX_QTY_MILLI_MU = 100_000_000; // 100,000 mu
export const MAX_PRICE_FEN_PER_MU = 1_000_000_000; // 10,000,000 yuan per mu
export const MAX_AMOUNT_FEN = 1_000_000_000_000; // 10,000,000,000 yuan

function decimalField(places: number, message: 'invalidMu' | 'invalidYuan', max: number, allowZero = false) {
  return z
    .union([z.string().max(32, { error: message }), z.number({ error: message })], { error: message })
    .transform((v, ctx) => {
      const n = parseDecimal(String(v), places);
      if (n === null) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      if (n < 0 || (n === 0 && !allowZero)) {
        ctx.addIssue({ code: 'custom', message: 'positive' });
        return z.NEVER;
      }
      if (n > max) {
        ctx.addIssue({ code: 'custom', message: 'tooLarge' });
        return z.NEVER;
      }
      return n;
    });
}

/** Area in 亩 with up to 3 decimals → milli-mu. */
export const muField = decimalField(3, 'invalidMu', MAX_QTY_MILLI_MU);
/** Area in 亩 that may be zero (a plot none of which becomes farmland). */
export const muOrZeroField = decimalField(3, 'invalidMu', MAX_QTY_MILLI_MU, true);
/** Price in 元/亩 with up to 2 decimals → fen per mu. */
export const pricePerMuField = decimalField(2, 'invalidYuan', MAX_PRICE_FEN_PER_MU);
/** Money in 元 with up to 2 decimals → fen. */
export const yuanField = decimalField(2, 'invalidYuan', MAX_AMOUNT_FEN);

export const idField = z.number({ error: 'invalidId' }).int({ error: 'invalidId' }).positive({ error: 'invalidId' }).max(Number.MAX_SAFE_INTEGER, { error: 'invalidId' });

/** A moment as epoch milliseconds (the browser converts its local date-time input). */
export const timeField = z
  .number({ error: 'invalidTime' })
  .int({ error: 'invalidTime' })
  .min(946_684_800_000, { error: 'invalidTime' }) // 2000-01-01
  .max(4_102_444_800_000, { error: 'invalidTime' }); // 2100-01-01

/** Free text, trimmed and bounded, refused with a message if it holds control or text-direction characters
 *  (server/domain/text.ts); 'lines' for a note or a reason, which may keep tabs and line breaks. */
export const textField = (max: number, kind: TextKind = 'line') =>
  z
    .string({ error: 'required' })
    .trim()
    .max(max, { error: 'tooLong' })
    .refine((s) => isCleanText(s, kind), { error: 'textControl' });

/** A 1-based page number; a page past the last is simply empty. */
export const pageField = z.number({ error: 'invalidInput' }).int({ error: 'invalidInput' }).min(1, { error: 'invalidInput' }).max(100_000, { error: 'tooLarge' });

/** A list that grows with the market, one page at a time. */
export const pageInput = z.object({ page: pageField.optional() }).default({});

/** Rows per page of every paged list: a screen an official reads without scrolling far, as trading
 *  portals show them, and a page that renders quickly (`npm run bench`, figure 3). */
export const LIST_PAGE_SIZE = 20;

/** The rows of page `page` (1-based). */
export const pageWindow = (page = 1) => ({ offset: (page - 1) * LIST_PAGE_SIZE, limit: LIST_PAGE_SIZE });
