// Auction and negotiated-listing rules (domain.md, lifecycle steps 3–4; issue 2 "Rules to implement").
import { ensure } from './errors';
import { type BasisPoints, type Fen, type FenPerMu, type MilliMu, shareOf, tradeAmount } from './units';

export type ListingMode = 'auction' | 'negotiated';
export type ListingStatus = 'pending_review' | 'rejected' | 'approved' | 'closed' | 'withdrawn';
export type ListingPhase = 'pending_review' | 'rejected' | 'withdrawn' | 'upcoming' | 'open' | 'due' | 'closed';

/** Listing terms as stored: milli-mu and fen per mu (plain integers as they come from the database). */
export interface ListingTerms {
  mode: ListingMode;
  qtyMilliMu: number;
  reservePriceFenPerMu: number;
  minLotMilliMu: number;
  incrementFenPerMu: number;
  opensAt: number;
  closesAt: number;
}

/** Where a listing stands at `now`: an approved listing opens and closes by the clock alone. */
export function listingPhase(l: { status: ListingStatus; opensAt: number; closesAt: number }, now: number): ListingPhase {
  if (l.status !== 'approved') return l.status;
  if (now < l.opensAt) return 'upcoming';
  if (now < l.closesAt) return 'open';
  return 'due';
}

/**
 * The listings in one phase at `now`, as bounds a query can use: the converse of listingPhase, so the
 * province's market filters by phase in the database instead of over a page already read.
 */
export interface PhaseBounds {
  status: ListingStatus;
  /** now < opensAt */
  opensAfter?: number;
  /** opensAt <= now */
  openedBy?: number;
  /** now < closesAt */
  closesAfter?: number;
  /** closesAt <= now */
  closedBy?: number;
}

export function phaseBounds(phase: ListingPhase, now: number): PhaseBounds {
  switch (phase) {
    case 'upcoming':
      return { status: 'approved', opensAfter: now };
    case 'open':
      return { status: 'approved', openedBy: now, closesAfter: now };
    case 'due':
      return { status: 'approved', closedBy: now };
    default:
      return { status: phase };
  }
}

/** A listing's terms must be coherent and offer no more than the county's free quota of the lot. */
export function checkListingTerms(terms: ListingTerms, freeQtyMilliMu: number, now: number): void {
  ensure(terms.qtyMilliMu <= freeQtyMilliMu, 'overFreeQuota', { freeMilliMu: freeQtyMilliMu });
  ensure(terms.minLotMilliMu <= terms.qtyMilliMu, 'minLotAboveQty');
  ensure(terms.opensAt < terms.closesAt, 'closeBeforeOpen');
  ensure(terms.closesAt > now, 'closeInPast');
  ensure(terms.mode === 'negotiated' || terms.incrementFenPerMu > 0, 'incrementRequired');
  // Every award is at least a minimum lot at the reserve; it must be worth a fen, or the trade cannot exist.
  ensure(tradeAmount(terms.minLotMilliMu as MilliMu, terms.reservePriceFenPerMu as FenPerMu) > 0, 'minLotWorthless');
}

/** The lowest acceptable auction bid: max(reserve, best + increment). */
export function minimumBid(terms: Pick<ListingTerms, 'reservePriceFenPerMu' | 'incrementFenPerMu'>, bestPrice: number | null): number {
  if (bestPrice === null) return terms.reservePriceFenPerMu;
  return Math.max(terms.reservePriceFenPerMu, bestPrice + terms.incrementFenPerMu);
}

/** A bid's quantity: at least the minimum lot, at most what is offered. */
export function checkBidQty(qty: number, terms: Pick<ListingTerms, 'qtyMilliMu' | 'minLotMilliMu'>): void {
  ensure(qty <= terms.qtyMilliMu, 'qtyAboveOffered', { maxMilliMu: terms.qtyMilliMu });
  ensure(qty >= terms.minLotMilliMu, 'qtyBelowMinLot', { minMilliMu: terms.minLotMilliMu });
}

export interface AntiSniping {
  windowMs: number;
  extensionMs: number;
}

/**
 * A bid inside the last `windowMs` pushes the close to `extensionMs` after the bid, so the online
 * auction ends like a live 现场竞价 round whose countdown restarts on every bid.
 */
export function extendedClose(closesAt: number, bidAt: number, rule: AntiSniping): number {
  if (closesAt - bidAt > rule.windowMs) return closesAt;
  return Math.max(closesAt, bidAt + rule.extensionMs);
}

/** The deposit (竞买保证金) a bid freezes: a rate of its amount. */
export function depositFor(qtyMilliMu: number, priceFenPerMu: number, rateBp: number): Fen {
  return shareOf(tradeAmount(qtyMilliMu as MilliMu, priceFenPerMu as FenPerMu), rateBp as BasisPoints);
}

export interface RankedBid {
  id: number;
  priceFenPerMu: number;
  qtyMilliMu: number;
  placedAt: number;
}

export interface Fill {
  bidId: number;
  qtyMilliMu: MilliMu;
}

/**
 * Awards at close in price-then-time order (earlier bid first at equal price; id breaks exact ties).
 * A bid takes what it asked for or, partly, what is left if that is still a minimum lot; never more
 * than offered in total.
 */
export function allocate(bids: readonly RankedBid[], offeredMilliMu: number, minLotMilliMu: number): Fill[] {
  const ranked = [...bids].sort((a, b) => b.priceFenPerMu - a.priceFenPerMu || a.placedAt - b.placedAt || a.id - b.id);
  const fills: Fill[] = [];
  let remaining = offeredMilliMu;
  for (const bid of ranked) {
    if (remaining < minLotMilliMu) break;
    // Every bid asks for at least a minimum lot, so this is one too.
    const qty = Math.min(bid.qtyMilliMu, remaining);
    fills.push({ bidId: bid.id, qtyMilliMu: qty as MilliMu });
    remaining -= qty;
  }
  return fills;
}
