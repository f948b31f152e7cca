import 'server-only';
import { z } from 'zod';
import { MAX_LOOKUP_UNITS } from './queries';

/** A code as typed: anything up to 64 characters; what is not a genuine code is answered as such, not refused. */
export const codeInput = z.object({ code: z.string({ error: 'required' }).max(64, { error: 'tooLong' }) });

/** A serial as shown (000000000001), up to 12 digits; spaces are ignored. */
const serialField = z
  .string({ error: 'required' })
  .transform((s) => s.replace(/\s+/g, ''))
  .refine((s) => /^\d{1,12}$/.test(s), { error: 'serialFormat' })
  .transform(Number);

/** One serial, or a range from–to (both included) of at most MAX_LOOKUP_UNITS units. */
export const serialsInput = z
  .object({ from: serialField, to: z.union([serialField, z.literal('').transform(() => null), z.null()]).optional() })
  .transform((i) => ({ start: i.from, end: (i.to ?? i.from) + 1 }))
  .refine((r) => r.end > r.start, { error: 'serialOrder', path: ['to'] })
  .refine((r) => r.end - r.start <= MAX_LOOKUP_UNITS, { error: 'serialRangeTooWide', path: ['to'], params: { max: MAX_LOOKUP_UNITS } });
