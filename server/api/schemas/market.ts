import { z } from 'zod';
import { idField, muField, pageField, pricePerMuField, textField, timeField, yuanField } from './common';

export const listingInput = z.object({
  lotId: idField,
  mode: z.enum(['auction', 'negotiated'], { error: 'required' }),
  qty: muField,
  reservePrice: pricePerMuField,
  minLot: muField,
  increment: pricePerMuField.optional(),
  opensAt: timeField,
  closesAt: timeField,
  note: textField(500, 'lines').default(''),
});

export const listingUpdateInput = listingInput.extend({ listingId: idField });

export const bidInput = z.object({ listingId: idField, price: pricePerMuField, qty: muField });

export const reviewInput = z.object({ listingId: idField, approve: z.boolean({ error: 'required' }), reason: textField(500, 'lines').default('') });

export const transferInput = z.object({ zoneId: idField, amount: yuanField, bankRef: textField(64).min(1, { error: 'required' }) });

export const transferRejectInput = z.object({ id: idField, reason: textField(500).default('') });

export const marketFilter = z
  .object({
    cityId: idField.optional(),
    countyId: idField.optional(),
    minPrice: pricePerMuField.optional(),
    maxPrice: pricePerMuField.optional(),
    minQty: muField.optional(),
    maxQty: muField.optional(),
    page: pageField.optional(),
  })
  .default({});

/** The public announcements page by page: the announced listings and the results, each paged alone. */
export const announcementsInput = z.object({ listingsPage: pageField.optional(), resultsPage: pageField.optional() }).default({});

/** The province's whole market, in one phase or all. */
export const allListingsInput = z
  .object({ phase: z.enum(['pending_review', 'rejected', 'withdrawn', 'upcoming', 'open', 'due', 'closed'], { error: 'invalidInput' }).optional(), page: pageField.optional() })
  .default({});

export const settingsInput = z.object({
  depositRateBp: z.number({ error: 'invalidInput' }).int({ error: 'invalidInput' }).min(0, { error: 'invalidInput' }).max(10000, { error: 'tooLarge' }),
  paymentDays: z.number({ error: 'invalidInput' }).int({ error: 'invalidInput' }).min(1, { error: 'positive' }).max(365, { error: 'tooLarge' }),
  antiSnipingWindowSeconds: z.number({ error: 'invalidInput' }).int({ error: 'invalidInput' }).min(0, { error: 'invalidInput' }).max(86400, { error: 'tooLarge' }),
  antiSnipingExtensionSeconds: z.number({ error: 'invalidInput' }).int({ error: 'invalidInput' }).min(0, { error: 'invalidInput' }).max(86400, { error: 'tooLarge' }),
});

export const byId = z.object({ id: idField });

/** A page of the caller's statement: entries older than `before` (the previous page's cursor). */
export const statementPage = z.object({ before: idField.optional() }).default({});
