// Auction and negotiated-listing rules (domain.md, lifecycle steps 3–4).
import { ensure } from '@/server/kernel/errors';
import { type BasisPoints, type Fen, type FenPerMu, type MilliMu, shareOf, tradeAmount } from '@/server/kernel/units';

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
 * Why a county may not change or withdraw its listing now, or null when it may: only while it is under
 * review or approved and not yet closing, and never once any bid or offer has been made on it (bids are
 * made on the announced terms; domain.md step 3).
 */
export function listingEditRefusal(
  l: { status: ListingStatus; opensAt: number; closesAt: number; bidsEver: number },
  now: number,
): 'listingNotEditable' | 'listingClosed' | 'listingHasBids' | null {
  if (l.status !== 'pending_review' && l.status !== 'approved') return 'listingNotEditable';
  if (listingPhase(l, now) === 'due') return 'listingClosed';
  if (l.bidsEver > 0) return 'listingHasBids';
  return null;
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

/** A listing's bidder numbers as read for one zone: the zone's own, if it has bid, and how many are given. */
export interface BidderNumbers {
  number: string | null;
  given: number;
}

/** The zone's bidder number (竞买号) in a listing: the one it has, or the listing's next, 001 upward. */
export const bidderNumberOf = (read: BidderNumbers): string => read.number ?? String(read.given + 1).padStart(3, '0');

/** The best price among a listing's standing bids, null when none stands. */
export function bestPrice(standing: readonly { priceFenPerMu: number }[]): number | null {
  return standing.length === 0 ? null : Math.max(...standing.map((b) => b.priceFenPerMu));
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

export type BidKind = 'bid' | 'offer';
export type BidStatus = 'active' | 'superseded' | 'won' | 'lost' | 'declined' | 'withdrawn';

/**
 * Where a bid stands, as its zone reads it. While the auction is open: leading (the allocation would
 * award it in full if the auction closed now), partly leading (a part, `qtyMilliMu`), outbid (nothing).
 * Once awarded: won (in full), partly won (a part), not won (nothing).
 */
export type Standing = 'leading' | 'partlyLeading' | 'outbid' | 'won' | 'partlyWon' | 'notWon';

export interface BidStanding {
  standing: Standing;
  /** What the bid would be awarded if the auction closed now, or was awarded. */
  qtyMilliMu: MilliMu;
}

export interface StandingBid extends RankedBid {
  kind: BidKind;
  status: BidStatus;
}

export interface StandingMoment {
  /**
   * The auction still taking bids: what is left to award and the minimum lot. Null where no active
   * bid is asked about (an award's page).
   */
  open: { offeredMilliMu: number; minLotMilliMu: number } | null;
  /** The quantity each won bid was awarded (its trade's), by bid id. */
  awardedMilliMu: ReadonlyMap<number, number>;
}

/**
 * The standing of each bid that has one. An active auction bid stands where `allocate` would put it
 * at this moment, so `bids` must hold every active bid of the listing; a won or lost bid stands where
 * its award put it. Raised, withdrawn and declined bids, and offers the county has still to decide
 * on, have none: their status says where they are.
 */
export function bidStandings(bids: readonly StandingBid[], at: StandingMoment): Map<number, BidStanding> {
  const competing = bids.filter((b) => b.kind === 'bid' && b.status === 'active');
  const wouldGet = new Map(at.open ? allocate(competing, at.open.offeredMilliMu, at.open.minLotMilliMu).map((f) => [f.bidId, f.qtyMilliMu]) : []);
  const standings = new Map<number, BidStanding>();
  const place = (bid: StandingBid, qty: number, open: boolean) => {
    const standing: Standing =
      qty === 0 ? (open ? 'outbid' : 'notWon') : qty < bid.qtyMilliMu ? (open ? 'partlyLeading' : 'partlyWon') : open ? 'leading' : 'won';
    standings.set(bid.id, { standing, qtyMilliMu: qty as MilliMu });
  };
  for (const bid of bids) {
    if (bid.status === 'active' && bid.kind === 'bid' && at.open) place(bid, wouldGet.get(bid.id) ?? 0, true);
    else if (bid.status === 'lost') place(bid, 0, false);
    else if (bid.status === 'won') {
      // A won bid whose award the caller did not give stays without a standing rather than read "not won".
      const awarded = at.awardedMilliMu.get(bid.id);
      if (awarded !== undefined) place(bid, awarded, false);
    }
  }
  return standings;
}

/** A listing's result: how much it awarded, in how many trades, between which prices. */
export interface AwardSummary {
  trades: number;
  qtyMilliMu: MilliMu;
  lowestFenPerMu: FenPerMu;
  highestFenPerMu: FenPerMu;
}

/** Sums a listing's awards (lapsed ones too: each was awarded); null when it awarded nothing. */
export function awardSummary(trades: readonly { qtyMilliMu: number; priceFenPerMu: number }[]): AwardSummary | null {
  if (trades.length === 0) return null;
  return {
    trades: trades.length,
    qtyMilliMu: trades.reduce((s, t) => s + t.qtyMilliMu, 0) as MilliMu,
    lowestFenPerMu: trades.reduce((m, t) => Math.min(m, t.priceFenPerMu), Infinity) as FenPerMu,
    highestFenPerMu: trades.reduce((m, t) => Math.max(m, t.priceFenPerMu), -Infinity) as FenPerMu,
  };
}
