// The province records a zone's incoming bank transfer, crediting the zone's free funds.
import { inTransaction } from '@/db/client';
import { writeAudit } from '@/server/data/audit';
import { postEntry } from '@/server/data/ledger';
import * as market from '@/server/data/market';
import { ensure } from '@/server/domain/errors';
import { fundsReceived } from '@/server/domain/ledger';
import type { Actor, Services } from './context';
import { findTransferByRef, insertTransfer } from '@/server/data/funds';

export function recordBankTransfer(s: Services, actor: Actor, input: { zoneId: number; amountFen: number; bankRef: string }) {
  const now = s.clock.now();
  return inTransaction(s.db, (tx) => {
    const zone = market.organisationById(tx, input.zoneId);
    ensure(zone && zone.kind === 'zone', 'zoneNotFound');
    ensure(!findTransferByRef(tx, input.bankRef), 'bankRefUsed', { ref: input.bankRef });
    const transfer = insertTransfer(tx, { ...input, recordedBy: actor.userId, at: now });
    postEntry(
      tx,
      { idempotencyKey: `bank:${input.bankRef}`, reason: 'funds_received', memo: input.bankRef, actorUserId: actor.userId, at: now },
      fundsReceived(actor.organisationId, zone.id, input.amountFen),
    );
    writeAudit(tx, now, actor, 'funds.receive', 'bank_transfer', transfer.id, null, transfer);
    return transfer;
  });
}
