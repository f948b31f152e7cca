// Payment and settlement (domain.md step 6): one transaction moves the money to the seller county
// and the quota with its three rights to the zone. Settling twice changes nothing.
import 'server-only';
import { inTransaction } from '@/db/client';
import { writeAudit } from '@/server/books/audit-log';
import { balanceOf, postEntry } from '@/server/books/journal';
import * as market from './queries';
import { DomainError, ensure } from '@/server/kernel/errors';
import { accountsOf, farmlandShare, settlement } from '@/server/books/domain/ledger';
import { nextSaleRange } from '@/server/lots/domain/serials';
import { isReclamationAccepted, markFirstTrade } from '@/server/projects/queries';
import { splitProceeds } from '@/server/holdings/domain/holdback';
import { recordSettledTrade } from '@/server/stats/queries';
import { lapseTradeInTx } from './closing';
import { readSettings, settingsAt } from '@/server/settings/queries';
import type { Actor, Services } from '@/server/kernel/deps';

export async function payTrade(s: Services, actor: Actor, tradeId: number) {
  const now = s.clock.now();
  // A payment after the due date finds its award lapsed; the lapse is committed, then the payment refused,
  // naming the document that set the payment term in force at the award.
  let lapsed: { documentNo: string } = { documentNo: '' };
  const paid = await inTransaction(s.db, async (tx) => {
    const trade = await market.findTradeOfBuyer(tx, tradeId, actor.organisationId);
    ensure(trade, 'tradeNotFound');
    if (trade.status === 'settled') return trade;
    // Read only on a refusal: a payment in time does not look the document up.
    const lapsedBy = async () => ({ documentNo: (await settingsAt(tx, trade.awardedAt)).versions.paymentDays.documentNo });
    if (await lapseTradeInTx(tx, now, trade.id)) {
      lapsed = await lapsedBy();
      return null;
    }
    if (trade.status !== 'awaiting_payment') throw new DomainError('tradeLapsed', await lapsedBy());
    const balanceDue = trade.amountFen - trade.depositFen;
    const free = await balanceOf(tx, accountsOf.zoneFunds(actor.organisationId));
    ensure(free >= balanceDue, 'insufficientFunds', { neededFen: balanceDue, freeFen: free });
    const farmlandMilliMu = farmlandShare(trade.qtyMilliMu, {
      newLandMilliMu: await balanceOf(tx, accountsOf.right(trade.sellerId, 'NEW_LAND', 'held', trade.lotId)),
      farmlandMilliMu: await balanceOf(tx, accountsOf.right(trade.sellerId, 'FARMLAND', 'held', trade.lotId)),
    });
    // The province's holdback share of the amount waits in the county's holdback for the lot until
    // the project's reclamation is accepted (seed 001 二(二); docs/decisions/0015-holdback.md).
    const lot = (await market.lotById(tx, trade.lotId))!;
    const accepted = await isReclamationAccepted(tx, lot.projectId);
    const { heldFen } = splitProceeds(trade.amountFen, (await readSettings(tx, now)).holdbackBp, accepted);
    await postEntry(
      tx,
      { idempotencyKey: `settle:${trade.id}`, reason: 'settlement', tradeId: trade.id, listingId: trade.listingId, actorUserId: actor.userId, at: now },
      settlement({ ...trade, farmlandMilliMu, heldFen }),
    );
    // The units sold are the next contiguous range of the lot; the first sale of a project's quota
    // starts its reclamation clock (2 years by default, the period in force now: seed 001 二(二)).
    const range = nextSaleRange(lot, (await market.settledQtyOfLot(tx, lot)), trade.qtyMilliMu);
    const after = await market.markTradeSettled(tx, trade.id, { settledAt: now, farmlandMilliMu, serialStart: range.start });
    await markFirstTrade(tx, lot.projectId, now);
    await recordSettledTrade(tx, { settledAt: now, sellerId: trade.sellerId, buyerId: trade.buyerId, priceFenPerMu: trade.priceFenPerMu, qtyMilliMu: trade.qtyMilliMu, amountFen: trade.amountFen });
    await writeAudit(tx, { at: now, actor, action: 'trade.settle', entity: 'trade', entityId: trade.id, before: trade, after: heldFen > 0 ? { ...after, heldFen } : after });
    return after;
  });
  if (!paid) throw new DomainError('tradeLapsed', lapsed);
  return paid;
}
