import 'server-only';
import { z } from 'zod';
import { idField, muField, pageField, pricePerMuField, requestIdField, textField, timeField, yuanField } from '@/server/kernel/fields';

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

export const bidInput = z.object({ listingId: idField, price: pricePerMuField, qty: muField, requestId: requestIdField });

export const reviewInput = z.object({ listingId: idField, approve: z.boolean({ error: 'required' }), reason: textField(500, 'lines').default('') });

/**
 * A bank's reference as one form however typed: full-width letters and digits as half-width (NFKC),
 * no spaces, upper case — so one transfer cannot be recorded twice under references that read alike.
 */
const bankRefOf = (typed: string) => typed.normalize('NFKC').replace(/\s+/g, '').toUpperCase();

export const transferInput = z.object({ zoneId: idField, amount: yuanField, bankRef: textField(64).min(1, { error: 'required' }).transform(bankRefOf) });

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

/** Where a listing stands (server/market/domain/auction.ts ListingPhase): its status, or by the clock for an approved one. */
export const LISTING_PHASES = ['pending_review', 'rejected', 'withdrawn', 'upcoming', 'open', 'due', 'closed'] as const;

/** The province's whole market, in one phase or all. */
export const allListingsInput = z.object({ phase: z.enum(LISTING_PHASES, { error: 'invalidInput' }).optional(), page: pageField.optional() }).default({});

export const byId = z.object({ id: idField });

/** A page of the caller's statement: entries older than `before` (the previous page's cursor). */
export const statementPage = z.object({ before: idField.optional() }).default({});
