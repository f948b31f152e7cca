// What the clock does on its own: closing auctions and negotiated listings at their closing time,
// lapsing awards unpaid past their due date (domain.md steps 4–6), and the reminders of what falls
// due. Run by the scheduler (server/web/scheduler.ts) alone: reads never write, so a listing past its
// close reads as closing until the scheduler's next run (docs/decisions/0010-modules.md).
import 'server-only';
import { inTransaction, together, type Tx } from '@/db/client';
import { writeAudit } from '@/server/books/audit-log';
import { postEntry } from '@/server/books/journal';
import * as market from './queries';
import { readSettings } from '@/server/settings/queries';
import { allocate, listingPhase } from '@/server/market/domain/auction';
import { holdVoided, lapse, quotaMoved } from '@/server/books/domain/ledger';
import { lapsedNotices, wonNotices } from '@/server/notifications/domain/notifications';
import { DAY_MS, documentNo } from '@/server/kernel/china-time';
import { proportion, tradeAmount, type FenPerMu, type MilliMu } from '@/server/kernel/units';
import type { Services } from '@/server/kernel/deps';
import { notifyInTx, sendReminders } from '@/server/notifications/notifications';
import { log, loggableCause } from '@/server/kernel/log';
import { forfeitOverdueHoldbacks } from '@/server/holdings/holdback';

/** A confirmation number (成交确认书编号) such as QX2026-000123. */
const confirmationNo = (id: number, at: number) => documentNo('QX', id, at, 6);

/** Writes an award: a numbered trade, its deposit kept from the bid's, the quantity marked awarded. */
export async function awardInTx(tx: Tx, now: number, listing: market.ListingRow, bid: market.BidRow, qtyMilliMu: number) {
  const { paymentDays } = await readSettings(tx, now);
  const id = await market.nextId(tx, 'trades');
  const amountFen = tradeAmount(qtyMilliMu as MilliMu, bid.priceFenPerMu as FenPerMu);
  // A partly filled bid keeps the share of its deposit that matches the filled quantity; rounding
  // must not make it exceed the amount (possible at a 100% deposit rate).
  const depositFen = Math.min(proportion(qtyMilliMu, bid.depositFen, bid.qtyMilliMu), amountFen);
  const trade = await market.insertTrade(tx, {
    id,
    confirmationNo: confirmationNo(id, now),
    listingId: listing.id,
    bidId: bid.id,
    lotId: listing.lotId,
    sellerId: listing.countyId,
    buyerId: bid.zoneId,
    status: 'awaiting_payment',
    qtyMilliMu,
    priceFenPerMu: bid.priceFenPerMu,
    amountFen,
    depositFen,
    awardedAt: now,
    dueAt: now + paymentDays * DAY_MS,
  });
  await market.setBidStatus(tx, bid.id, 'won');
  await postEntry(
    tx,
    { idempotencyKey: `award:${trade.id}`, reason: 'award', tradeId: trade.id, listingId: listing.id, at: now },
    [...quotaMoved(listing.countyId, listing.lotId, 'listed', 'awarded', qtyMilliMu), ...holdVoided(bid.zoneId, bid.depositFen - depositFen)],
  );
  await writeAudit(tx, { at: now, actor: null, action: 'trade.award', entity: 'trade', entityId: trade.id, after: trade });
  await notifyInTx(tx, now, wonNotices(trade, listing.code));
  return trade;
}

/** Releases a bid or offer that did not win, with its whole deposit. */
export async function releaseBidInTx(tx: Tx, now: number, bid: market.BidRow, status: 'lost' | 'declined' | 'superseded' | 'withdrawn') {
  await together([
    market.setBidStatus(tx, bid.id, status),
    postEntry(
      tx,
      { idempotencyKey: `release:${bid.id}`, reason: `deposit_released_${status}`, listingId: bid.listingId, at: now },
      holdVoided(bid.zoneId, bid.depositFen),
    ),
  ]);
}

/**
 * Closes a listing whose time has come: an auction awards in price-then-time order down to the
 * minimum lot; a negotiated listing releases the offers still open. What is not awarded returns to
 * the county's free quota. Closing a closed listing does nothing.
 */
async function closeListingInTx(tx: Tx, now: number, listingId: number) {
  const listing = await market.listingById(tx, listingId);
  if (listing && listingPhase(listing, now) === 'due') await finishListingInTx(tx, now, listing);
}

/** Ends an approved listing now: at its close, or once a negotiated listing has nothing left to offer. */
export async function finishListingInTx(tx: Tx, now: number, listing: market.ListingRow) {
  const listingId = listing.id;
  const open = await market.activeBids(tx, listingId);
  const fills = listing.mode === 'auction' ? allocate(open, listing.qtyMilliMu - await market.awardedQty(tx, listingId), listing.minLotMilliMu) : [];
  const filled = new Map(fills.map((f) => [f.bidId, f.qtyMilliMu]));
  for (const bid of open) {
    const qty = filled.get(bid.id);
    if (qty === undefined) await releaseBidInTx(tx, now, bid, listing.mode === 'auction' ? 'lost' : 'declined');
    else await awardInTx(tx, now, listing, bid, qty);
  }
  const unsold = listing.qtyMilliMu - await market.awardedQty(tx, listingId);
  await postEntry(
    tx,
    { idempotencyKey: `close:${listingId}`, reason: 'listing_closed', listingId, at: now },
    quotaMoved(listing.countyId, listing.lotId, 'listed', 'free', unsold),
  );
  const after = await market.updateListing(tx, listingId, { status: 'closed', closedAt: now });
  await writeAudit(tx, { at: now, actor: null, action: 'listing.close', entity: 'listing', entityId: listingId, before: listing, after });
}

/** An award unpaid past its due date lapses: deposit forfeited to the county, quantity back to free. */
export async function lapseTradeInTx(tx: Tx, now: number, tradeId: number): Promise<boolean> {
  const trade = await market.tradeById(tx, tradeId);
  if (!trade || trade.status !== 'awaiting_payment' || now <= trade.dueAt) return false;
  await postEntry(
    tx,
    { idempotencyKey: `lapse:${trade.id}`, reason: 'award_lapsed', tradeId: trade.id, listingId: trade.listingId, at: now },
    lapse({ sellerId: trade.sellerId, buyerId: trade.buyerId, lotId: trade.lotId, qtyMilliMu: trade.qtyMilliMu, depositFen: trade.depositFen }),
  );
  const after = await market.updateTrade(tx, trade.id, { status: 'lapsed', lapsedAt: now });
  await writeAudit(tx, { at: now, actor: null, action: 'trade.lapse', entity: 'trade', entityId: trade.id, before: trade, after });
  await notifyInTx(tx, now, lapsedNotices(trade));
  return true;
}

/** Closes every due listing and lapses every overdue award, each in its own transaction. */
async function closeDue(s: Services) {
  const now = s.clock.now();
  const listingIds = await market.dueListingIds(s.db, now);
  const tradeIds = await market.overdueTradeIds(s.db, now);
  // One item that fails (rolled back whole) must not keep the others, or the market's reads, waiting.
  const each = async (what: string, id: number, fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (e) {
      log().error({ event: 'internal-error', what, id, ...loggableCause(e) }, `sweep: ${what} ${id} failed`);
    }
  };
  for (const id of listingIds) await each('closing listing', id, () => inTransaction(s.db, (tx) => closeListingInTx(tx, now, id)));
  for (const id of tradeIds) await each('lapsing trade', id, () => inTransaction(s.db, (tx) => lapseTradeInTx(tx, now, id)));
  return { closed: listingIds.length, lapsed: tradeIds.length };
}

/**
 * The scheduler's sweep: `closeDue`, then the holdbacks of projects past their reclamation deadline
 * forfeited to the province (server/holdings/holdback.ts, each project in its own transaction), then the
 * reminders now owed (payment due, reclamation deadlines) that are not written yet. Returns what
 * `closeDue` did.
 */
export async function sweep(s: Services) {
  const done = await closeDue(s);
  try {
    await forfeitOverdueHoldbacks(s);
  } catch (e) {
    log().error({ event: 'internal-error', ...loggableCause(e) }, 'sweep: forfeiting holdbacks failed');
  }
  try {
    await sendReminders(s, s.clock.now());
  } catch (e) {
    log().error({ event: 'internal-error', ...loggableCause(e) }, 'sweep: sending reminders failed');
  }
  return done;
}
