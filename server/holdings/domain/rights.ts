// Use of rights (核销), domain.md step 8: a zone uses rights for one of its approved land applications,
// never more than it holds. Each right is drawn from the zone's lots oldest first, so every used unit
// stays traceable to its lot and project.
import { ensure } from '@/server/kernel/errors';
import type { RIGHTS } from '@/server/books/domain/ledger';

export type Right = (typeof RIGHTS)[number];

export interface RightHolding {
  lotId: number;
  heldMilliMu: number;
}

export interface UseLine {
  lotId: number;
  qtyMilliMu: number;
}

/** Draws `qtyMilliMu` of one right from holdings in the order given; refuses beyond what is held. */
export function drawRight(right: Right, holdings: readonly RightHolding[], qtyMilliMu: number): UseLine[] {
  const held = holdings.reduce((sum, h) => sum + h.heldMilliMu, 0);
  ensure(qtyMilliMu <= held, 'overUse', { right, heldMilliMu: held });
  const lines: UseLine[] = [];
  let left = qtyMilliMu;
  for (const h of holdings) {
    if (left === 0) break;
    const take = Math.min(left, h.heldMilliMu);
    if (take > 0) lines.push({ lotId: h.lotId, qtyMilliMu: take });
    left -= take;
  }
  return lines;
}
