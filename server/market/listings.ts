// Listing (挂牌) lifecycle: a county lists free quota of a lot, the province reviews it, the clock
// opens and closes it (domain.md step 3).
import 'server-only';
import { documentNo } from '@/server/kernel/china-time';
import { writeAudit } from '@/server/books/audit-log';
import { balanceOf, entryCountOfListing, postEntry } from '@/server/books/journal';
import * as market from './queries';
import { projectById } from '@/server/projects/queries';
import { type ListingTerms, checkListingTerms, listingEditRefusal } from '@/server/market/domain/auction';
import { DomainError, ensure } from '@/server/kernel/errors';
import { accountsOf, quotaMoved } from '@/server/books/domain/ledger';
import { guidanceFor } from '@/server/guidance/queries';
import { checkFloor } from '@/server/guidance/domain/guidance';
import { listingReviewNotices } from '@/server/notifications/domain/notifications';
import { type Actor, type Services, inUseCase } from '@/server/kernel/deps';
import { notifyInTx } from '@/server/notifications/notifications';

export interface ListingInput extends ListingTerms {
  lotId: number;
  note: string;
}

/** A listing code such as GP2026-00012 (挂牌编号). */
const listingCode = (id: number, at: number) => documentNo('GP', id, at, 5);

/** The columns of a listing's terms as submitted; a new or changed listing awaits review. */
const termsToReview = (input: ListingInput) => ({
  mode: input.mode,
  status: 'pending_review' as const,
  qtyMilliMu: input.qtyMilliMu,
  reservePriceFenPerMu: input.reservePriceFenPerMu,
  minLotMilliMu: input.minLotMilliMu,
  // A negotiated listing has no bidding rounds, so no increment.
  incrementFenPerMu: input.mode === 'auction' ? input.incrementFenPerMu : 0,
  opensAt: input.opensAt,
  scheduledClosesAt: input.closesAt,
  closesAt: input.closesAt,
  note: input.note,
});

export function createListing(s: Services, actor: Actor, input: ListingInput) {
  return inUseCase(s, async (tx, now) => {
    const lot = await market.findLotOfCounty(tx, input.lotId, actor.organisationId);
    ensure(lot, 'lotNotFound');
    // Only quota of a project approved for cross-region trading may be sold elsewhere (001 二(一)).
    ensure((await projectById(tx, lot.projectId))?.forCrossRegion, 'lotNotTradable');
    const free = await balanceOf(tx, accountsOf.quota(actor.organisationId, 'free', lot.id));
    checkListingTerms(input, free, now);
    checkFloor((await guidanceFor(tx, now, lot.landType)), input.reservePriceFenPerMu);
    const id = await market.nextId(tx, 'listings');
    const listing = await market.insertListing(tx, {
      id,
      code: listingCode(id, now),
      countyId: actor.organisationId,
      lotId: lot.id,
      ...termsToReview(input),
      createdAt: now,
    });
    await postEntry(
      tx,
      { idempotencyKey: `list:${listing.id}:0`, reason: 'listing_created', listingId: listing.id, actorUserId: actor.userId, at: now },
      quotaMoved(actor.organisationId, lot.id, 'free', 'listed', listing.qtyMilliMu),
    );
    await writeAudit(tx, { at: now, actor, action: 'listing.create', entity: 'listing', entityId: listing.id, after: listing });
    return listing;
  });
}

/**
 * Changes a listing's terms. Only while nobody has bid; a changed listing goes back to
 * review, since its announcement no longer holds.
 */
export function updateListing(s: Services, actor: Actor, listingId: number, input: ListingInput) {
  return inUseCase(s, async (tx, now) => {
    const before = await market.findListingOfCounty(tx, listingId, actor.organisationId);
    ensure(before, 'listingNotFound');
    const refusal = listingEditRefusal({ ...before, bidsEver: await market.bidCount(tx, listingId) }, now);
    if (refusal) throw new DomainError(refusal);
    ensure(input.lotId === before.lotId, 'listingNotEditable');
    const free = await balanceOf(tx, accountsOf.quota(actor.organisationId, 'free', before.lotId));
    // The listing's own quantity is already out of the free quota: it is available to itself.
    checkListingTerms(input, free + before.qtyMilliMu, now);
    checkFloor((await guidanceFor(tx, now, (await market.lotById(tx, before.lotId))!.landType)), input.reservePriceFenPerMu);
    const after = await market.updateListing(tx, listingId, {
      ...termsToReview(input),
      reviewNote: null,
      reviewedAt: null,
    });
    const delta = after.qtyMilliMu - before.qtyMilliMu;
    // One key per edit that moves quota: two edits in the same millisecond must not share one.
    const key = `list:${listingId}:edit:${await entryCountOfListing(tx, listingId, 'listing_changed') + 1}`;
    const header = { idempotencyKey: key, reason: 'listing_changed' as const, listingId, actorUserId: actor.userId, at: now };
    if (delta > 0) await postEntry(tx, header, quotaMoved(actor.organisationId, before.lotId, 'free', 'listed', delta));
    if (delta < 0) await postEntry(tx, header, quotaMoved(actor.organisationId, before.lotId, 'listed', 'free', -delta));
    await writeAudit(tx, { at: now, actor, action: 'listing.update', entity: 'listing', entityId: listingId, before, after });
    return after;
  });
}

/** The county withdraws a listing nobody has bid on; its quantity returns to free quota. */
export function withdrawListing(s: Services, actor: Actor, listingId: number) {
  return inUseCase(s, async (tx, now) => {
    const before = await market.findListingOfCounty(tx, listingId, actor.organisationId);
    ensure(before, 'listingNotFound');
    const refusal = listingEditRefusal({ ...before, bidsEver: await market.bidCount(tx, listingId) }, now);
    if (refusal) throw new DomainError(refusal);
    const after = await market.updateListing(tx, listingId, { status: 'withdrawn', closedAt: now });
    await postEntry(
      tx,
      { idempotencyKey: `list:${listingId}:withdrawn`, reason: 'listing_withdrawn', listingId, actorUserId: actor.userId, at: now },
      quotaMoved(before.countyId, before.lotId, 'listed', 'free', before.qtyMilliMu),
    );
    await writeAudit(tx, { at: now, actor, action: 'listing.withdraw', entity: 'listing', entityId: listingId, before, after });
    return after;
  });
}

/** The province approves a listing (it is then announced) or rejects it with a reason. */
export function reviewListing(s: Services, actor: Actor, listingId: number, decision: { approve: boolean; reason: string }) {
  return inUseCase(s, async (tx, now) => {
    const before = await market.listingById(tx, listingId);
    ensure(before, 'listingNotFound');
    ensure(before.status === 'pending_review', 'listingNotPending');
    if (decision.approve) {
      ensure(before.closesAt > now, 'closeInPast');
      // Guidance published since the county listed may have raised the floor.
      checkFloor((await guidanceFor(tx, now, (await market.lotById(tx, before.lotId))!.landType)), before.reservePriceFenPerMu);
      const after = await market.updateListing(tx, listingId, { status: 'approved', reviewedAt: now, reviewNote: decision.reason || null });
      const reviewNo = await writeAudit(tx, { at: now, actor, action: 'listing.approve', entity: 'listing', entityId: listingId, before, after });
      await notifyInTx(tx, now, listingReviewNotices(after, true, after.reviewNote ?? '', reviewNo));
      return after;
    }
    ensure(decision.reason.trim().length > 0, 'reasonRequired');
    const after = await market.updateListing(tx, listingId, { status: 'rejected', reviewedAt: now, reviewNote: decision.reason.trim(), closedAt: now });
    await postEntry(
      tx,
      { idempotencyKey: `list:${listingId}:rejected`, reason: 'listing_rejected', listingId, actorUserId: actor.userId, at: now },
      quotaMoved(before.countyId, before.lotId, 'listed', 'free', before.qtyMilliMu),
    );
    const reviewNo = await writeAudit(tx, { at: now, actor, action: 'listing.reject', entity: 'listing', entityId: listingId, before, after });
    await notifyInTx(tx, now, listingReviewNotices(after, false, after.reviewNote ?? '', reviewNo));
    return after;
  });
}
