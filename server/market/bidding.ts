// Bids (auction) and offers (negotiated listing) by zones, and a county accepting an offer
// (domain.md step 4).
import 'server-only';
import { inGroupCommit, together, type Tx } from '@/db/client';
import { writeAudit } from '@/server/books/audit-log';
import { answerOnce } from '@/server/books/client-requests';
import { balanceOf, postEntry } from '@/server/books/journal';
import * as market from './queries';
import { settingsAt } from '@/server/settings/queries';
import type { LandType } from '@/server/projects/domain/projects';
import { bestPrice, bidderNumberOf, checkBidQty, depositFor, extendedClose, listingPhase, minimumBid } from '@/server/market/domain/auction';
import { DomainError, ensure } from '@/server/kernel/errors';
import { accountsOf, holdFrozen } from '@/server/books/domain/ledger';
import { awardInTx, finishListingInTx, releaseBidInTx } from './closing';
import { guidanceRows } from '@/server/guidance/queries';
import { type Guidance, checkFloor, guidanceInForce } from '@/server/guidance/domain/guidance';
import { type Notice, outbidNotices } from '@/server/notifications/domain/notifications';
import { type Actor, type Services, inUseCase } from '@/server/kernel/deps';
import { notifyInTx } from '@/server/notifications/notifications';
import { seesListing } from './domain/visibility';

export interface BidInput {
  listingId: number;
  priceFenPerMu: number;
  qtyMilliMu: number;
  /** The caller's id for this call: sent again, it gets the first answer (server/books/client-requests.ts). */
  requestId?: string;
}

function checkOpenListing<L extends market.ListingRow>(listing: L | undefined, now: number, actor: Actor, mode: 'auction' | 'negotiated'): L {
  // What a zone may not open (under review, rejected, withdrawn) is "not found" to it, read or bid on.
  ensure(listing && seesListing({ role: 'zone', organisationId: actor.organisationId }, listing), 'listingNotFound');
  ensure(listing.countyId !== actor.organisationId, 'ownListing');
  const phase = listingPhase(listing, now);
  ensure(phase !== 'upcoming', 'listingNotYetOpen');
  ensure(phase === 'open', 'listingClosed');
  ensure(listing.mode === mode, 'wrongMode');
  return listing;
}

/** A bid or offer must also reach the floor of the guidance in force now (seed 001 三(三)). */
function checkGuidanceFloor(guidance: readonly Guidance[], now: number, listing: { landType: LandType }, priceFenPerMu: number) {
  checkFloor(guidanceInForce(guidance, now, listing.landType), priceFenPerMu);
}

/**
 * What a bid or offer reads before its checks, read together: on PostgreSQL one round trip. The new
 * bid's id is among them, so that its writes need not wait for its insert.
 */
async function readsForBid(tx: Tx, now: number, actor: Actor, listingId: number) {
  const [listing, standing, settings, free, bidderNumbers, guidance, bidId] = await together([
    market.listingToBidOn(tx, listingId),
    market.activeBids(tx, listingId),
    settingsAt(tx, now),
    balanceOf(tx, accountsOf.zoneFunds(actor.organisationId)),
    market.bidderNumbersOf(tx, listingId, actor.organisationId),
    guidanceRows(tx),
    market.nextId(tx, 'bids'),
  ]);
  return { listing, standing, settings, free, bidderNumbers, guidance, bidId };
}
type ReadForBid = Awaited<ReturnType<typeof readsForBid>>;

/**
 * Freezes the deposit of a new bid or offer, replacing the zone's earlier one on the same listing
 * (`previous`): its deposit counts toward the new one, so a raise needs only the difference in free
 * funds (`read.free`, before the bid). `read.settings` are those in force at the bid's moment. All of
 * the bid's writes go together (on PostgreSQL, in one round trip), in order: the earlier bid's
 * deposit released before the new one is frozen; `noticesFor` the bid among them.
 */
async function placeInTx(
  tx: Tx,
  now: number,
  actor: Actor,
  listing: market.ListingRow,
  input: BidInput,
  kind: 'bid' | 'offer',
  read: ReadForBid,
  previous: market.BidRow | undefined,
  noticesFor: (bid: market.BidRow) => Notice[] = () => [],
) {
  // A refusal names the document that set the deposit rate.
  const deposit = read.settings.versions.depositRateBp;
  const depositFen = depositFor(input.qtyMilliMu, input.priceFenPerMu, deposit.value);
  const available = read.free + (previous?.depositFen ?? 0);
  // A new bid that replaces the zone's earlier one counts that deposit as available, and says so.
  ensure(depositFen <= available, previous ? 'replacementAboveFreeFunds' : 'depositAboveFreeFunds', {
    neededFen: depositFen,
    freeFen: available,
    rateBp: deposit.value,
    documentNo: deposit.documentNo,
    ...(previous ? { heldFen: previous.depositFen } : {}),
  });
  const bid: market.BidRow = {
    id: read.bidId,
    listingId: listing.id,
    zoneId: actor.organisationId,
    kind,
    status: 'active',
    priceFenPerMu: input.priceFenPerMu,
    qtyMilliMu: input.qtyMilliMu,
    depositFen,
    placedAt: now,
    placedBy: actor.userId,
  };
  const bidderNumber = bidderNumberOf(read.bidderNumbers);
  await together([
    previous ? releaseBidInTx(tx, now, previous, 'superseded') : Promise.resolve(),
    market.recordBidderNumber(tx, listing.id, actor.organisationId, read.bidderNumbers),
    market.insertBid(tx, bid),
    postEntry(
      tx,
      { idempotencyKey: `freeze:${bid.id}`, reason: 'deposit_frozen', listingId: listing.id, actorUserId: actor.userId, at: now },
      holdFrozen(actor.organisationId, depositFen),
    ),
    writeAudit(tx, { at: now, actor, action: `${kind}.place`, entity: 'bid', entityId: bid.id, before: previous ?? null, after: { ...bid, bidderNumber } }),
    notifyInTx(tx, now, noticesFor(bid)),
  ]);
  return { bid, bidderNumber };
}

/**
 * An auction bid: at least max(reserve, best + increment); a late one extends the close. Bids crowd at
 * an auction's close, so they share their commits (inGroupCommit, docs/decisions/0005).
 */
export function placeBid(s: Services, actor: Actor, input: BidInput) {
  const now = s.clock.now();
  return inGroupCommit(s.db, (tx) => answerOnce(tx, now, { organisationId: actor.organisationId, requestId: input.requestId, kind: 'bid' }, () => placeBidInTx(tx, now, actor, input)));
}

/** A bid's transaction, for callers already in one (the synthetic markets' batches). */
export async function placeBidInTx(tx: Tx, now: number, actor: Actor, input: BidInput) {
  const read = await readsForBid(tx, now, actor, input.listingId);
  const listing = checkOpenListing(read.listing, now, actor, 'auction');
  // One read of the standing bids gives the best price, the zone's own bid and whom a new one outbids.
  const { standing, settings: inForce } = read;
  const best = bestPrice(standing);
  const minimum = minimumBid(listing, best);
  if (input.priceFenPerMu < minimum) {
    throw best === null
      ? new DomainError('belowReserve', { reserveFenPerMu: listing.reservePriceFenPerMu })
      : new DomainError('belowMinimumBid', { minimumFenPerMu: minimum, bestFenPerMu: best });
  }
  checkGuidanceFloor(read.guidance, now, listing, input.priceFenPerMu);
  checkBidQty(input.qtyMilliMu, listing);
  const previous = standing.find((b) => b.zoneId === actor.organisationId);
  // Nothing is awarded before an auction's close, so the whole quantity is still on offer.
  const placed = await placeInTx(tx, now, actor, listing, input, 'bid', read, previous, (bid) => outbidNotices(listing, standing, bid));
  const settings = inForce.values;
  const closesAt = extendedClose(listing.closesAt, now, {
    windowMs: settings.antiSnipingWindowSeconds * 1000,
    extensionMs: settings.antiSnipingExtensionSeconds * 1000,
  });
  if (closesAt !== listing.closesAt) {
    const after = await market.updateListing(tx, listing.id, { closesAt });
    await writeAudit(tx, { at: now, actor, action: 'listing.extend', entity: 'listing', entityId: listing.id, before: { closesAt: listing.closesAt }, after: { closesAt: after.closesAt } });
  }
  return { ...placed, closesAt };
}

/** An offer on a negotiated listing: at least the reserve, for no more than is still on offer (commits shared as bids'). */
export function placeOffer(s: Services, actor: Actor, input: BidInput) {
  const now = s.clock.now();
  return inGroupCommit(s.db, (tx) => answerOnce(tx, now, { organisationId: actor.organisationId, requestId: input.requestId, kind: 'offer' }, () => placeOfferInTx(tx, now, actor, input)));
}

/** An offer's transaction, for callers already in one. */
export async function placeOfferInTx(tx: Tx, now: number, actor: Actor, input: BidInput) {
  const read = await readsForBid(tx, now, actor, input.listingId);
  const listing = checkOpenListing(read.listing, now, actor, 'negotiated');
  ensure(input.priceFenPerMu >= listing.reservePriceFenPerMu, 'belowReserve', { reserveFenPerMu: listing.reservePriceFenPerMu });
  checkGuidanceFloor(read.guidance, now, listing, input.priceFenPerMu);
  const remaining = listing.qtyMilliMu - await market.awardedQty(tx, listing.id);
  checkBidQty(input.qtyMilliMu, { qtyMilliMu: remaining, minLotMilliMu: listing.minLotMilliMu });
  const previous = read.standing.find((b) => b.zoneId === actor.organisationId);
  return placeInTx(tx, now, actor, listing, input, 'offer', read, previous);
}

/** A zone withdraws its open offer on a negotiated listing (auction bids are binding). */
export function withdrawOffer(s: Services, actor: Actor, offerId: number) {
  return inUseCase(s, async (tx, now) => {
    const offer = await market.bidById(tx, offerId);
    ensure(offer && offer.zoneId === actor.organisationId && offer.kind === 'offer', 'bidNotFound');
    ensure(offer.status === 'active', 'offerNotActive');
    await releaseBidInTx(tx, now, offer, 'withdrawn');
    await writeAudit(tx, { at: now, actor, action: 'offer.withdraw', entity: 'bid', entityId: offer.id, before: offer, after: { ...offer, status: 'withdrawn' } });
    return { ok: true as const };
  });
}

/**
 * The county accepts one offer on its negotiated listing: it becomes an award. Offers asking for more
 * than is left are declined; when less than a minimum lot is left the listing ends.
 */
export function acceptOffer(s: Services, actor: Actor, offerId: number) {
  return inUseCase(s, async (tx, now) => {
    const offer = await market.bidById(tx, offerId);
    const listing = offer && await market.findListingOfCounty(tx, offer.listingId, actor.organisationId);
    ensure(offer && listing && offer.kind === 'offer', 'bidNotFound');
    ensure(offer.status === 'active', 'offerNotActive');
    ensure(listingPhase(listing, now) === 'open', 'listingClosed');
    const remainingBefore = listing.qtyMilliMu - await market.awardedQty(tx, listing.id);
    ensure(offer.qtyMilliMu <= remainingBefore, 'offerQtyUnavailable');
    const trade = await awardInTx(tx, now, listing, offer, offer.qtyMilliMu);
    await writeAudit(tx, { at: now, actor, action: 'offer.accept', entity: 'bid', entityId: offer.id, before: offer, after: { ...offer, status: 'won', tradeId: trade.id } });
    const remaining = remainingBefore - offer.qtyMilliMu;
    if (remaining < listing.minLotMilliMu) {
      await finishListingInTx(tx, now, listing);
    } else {
      for (const other of await market.activeBids(tx, listing.id)) if (other.qtyMilliMu > remaining) await releaseBidInTx(tx, now, other, 'declined');
    }
    return trade;
  });
}
