// Issuing a surplus quota lot to its county with the three rights it carries (domain.md step 2).
// Until issue 3's approval workflow, only the seed calls this.
import { inTransaction } from '@/db/client';
import { writeAudit } from '@/server/data/audit';
import { postEntry } from '@/server/data/ledger';
import { insertLot, nextSerial } from '@/server/data/lots';
import * as market from '@/server/data/market';
import { lotIssued } from '@/server/domain/ledger';
import type { Actor, Services } from './context';

export interface LotInput {
  projectId: number;
  countyId: number;
  code: string;
  qtyMilliMu: number;
  farmlandMilliMu: number;
  landType: 'ordinary' | 'high_standard' | 'other';
}

export function issueLot(s: Services, actor: Actor | null, input: LotInput) {
  const now = s.clock.now();
  return inTransaction(s.db, (tx) => {
    const lot = insertLot(tx, { ...input, serialStart: nextSerial(tx), issuedAt: now });
    postEntry(
      tx,
      { idempotencyKey: `issue:${lot.id}`, reason: 'lot_issued', actorUserId: actor?.userId ?? null, at: now },
      lotIssued(market.provinceId(tx), lot.countyId, lot.id, lot.qtyMilliMu, lot.farmlandMilliMu),
    );
    writeAudit(tx, now, actor, 'lot.issue', 'lot', lot.id, null, lot);
    return lot;
  });
}
