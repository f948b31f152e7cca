// Input fields shared by the procedures. Messages are keys of messages/errors.ts, so the error
// formatter can give them in the user's language. Quantities and prices come as decimal text (as
// typed) or numbers and are parsed to integers without ever being floats in the database.
import 'server-only';
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '@/server/users/domain/passwords';
import { type TextKind, isCleanText } from './text';
import { formatScaled, readDecimal } from './units';

/** Upper bounds keep every product of quantity and price a safe integer. */
export const MAX_QTY_MILLI_MU = 100_000_000; // 100,000 mu
export const MAX_PRICE_FEN_PER_MU = 1_000_000_000; // 10,000,000 yuan per mu
const MAX_AMOUNT_FEN = 1_000_000_000_000; // 10,000,000,000 yuan

/** A limit as users read it in the field's unit: 100,000 (亩), 10,000,000 (元/亩). */
const shown = (max: number, places: number) => formatScaled(max, places).replace(/\.0+$/, '');

/** A decimal as typed (text or number) with up to `places` decimals → an integer of 10^-places units, at most `max`. */
export function decimalField(places: number, max: number, allowZero = false) {
  return z
    .union([z.string(), z.number()], { error: (issue) => (issue.input === undefined || issue.input === null ? 'required' : 'notANumber') })
    .transform((v, ctx) => {
      const read = readDecimal(String(v), places);
      // Each refusal names its real reason: blank, not a number, negative, too many decimals, too large.
      if ('problem' in read) {
        ctx.addIssue({ code: 'custom', message: read.problem === 'tooLarge' ? 'atMost' : read.problem, params: { places, max: shown(max, places) } });
        return z.NEVER;
      }
      if (read.value === 0 && !allowZero) {
        ctx.addIssue({ code: 'custom', message: 'positive' });
        return z.NEVER;
      }
      if (read.value > max) {
        ctx.addIssue({ code: 'custom', message: 'atMost', params: { max: shown(max, places) } });
        return z.NEVER;
      }
      return read.value;
    });
}

/** Area in 亩 with up to 3 decimals → milli-mu. */
export const muField = decimalField(3, MAX_QTY_MILLI_MU);
/** Area in 亩 that may be zero (a plot none of which becomes farmland). */
export const muOrZeroField = decimalField(3, MAX_QTY_MILLI_MU, true);
/** Price in 元/亩 with up to 2 decimals → fen per mu. */
export const pricePerMuField = decimalField(2, MAX_PRICE_FEN_PER_MU);
/** Money in 元 with up to 2 decimals → fen. */
export const yuanField = decimalField(2, MAX_AMOUNT_FEN);

export const idField = z.number({ error: (issue) => (issue.input === undefined ? 'required' : 'invalidId') }).int({ error: 'invalidId' }).positive({ error: 'invalidId' }).max(Number.MAX_SAFE_INTEGER, { error: 'invalidId' });

/** An id picked from a list on a form: null when nothing was picked, which is refused as required. */
export const chosenIdField = idField.nullable().transform((id, ctx) => {
  if (id === null) {
    ctx.addIssue({ code: 'custom', message: 'required' });
    return z.NEVER;
  }
  return id;
});

/** A calendar year the market can have: 2000–2100. */
export const yearField = z.number({ error: 'invalidYear' }).int({ error: 'invalidYear' }).min(2000, { error: 'invalidYear' }).max(2100, { error: 'invalidYear' });

/** A moment as epoch milliseconds (the browser converts its local date-time input). */
export const timeField = z
  // A blank date-time input reaches the server as null.
  .number({ error: (issue) => (issue.input === undefined || issue.input === null ? 'required' : 'invalidTime') })
  .int({ error: 'invalidTime' })
  .min(946_684_800_000, { error: 'invalidTime' }) // 2000-01-01
  .max(4_102_444_800_000, { error: 'invalidTime' }); // 2100-01-01

/** Free text, trimmed and bounded, refused with a message if it holds control or text-direction characters
 *  (server/kernel/text.ts); 'lines' for a note or a reason, which may keep tabs and line breaks. */
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

/** A password as typed; the policy itself is checked where it is hashed (server/users/passwords.ts). */
export const passwordField = z.string({ error: 'required' }).min(1, { error: 'required' }).max(PASSWORD_MAX_LENGTH, { error: 'tooLong' });

/** A caller's id for a call it may send again after an unknown outcome (8–64 letters, digits and dashes). */
export const requestIdField = z
  .string()
  .regex(/^[A-Za-z0-9-]{8,64}$/, { error: 'invalidRequestId' })
  .optional()
  .describe('请求编号：重发同一编号的请求得到第一次的结果，不再重复执行 (a retry with the same id gets the first answer)');
