// The province publishes price guidance (seed 001 三(三)); a new period is added, never written over.
import 'server-only';
import { writeAudit } from '@/server/books/audit-log';
import { insertGuidance } from './queries';
import { type LandType, checkNewPeriod } from '@/server/guidance/domain/guidance';
import { type Actor, type Services, inUseCase } from '@/server/kernel/deps';

export interface GuidanceInput {
  validFrom: number;
  validTo: number | null;
  landType: LandType | null;
  referenceFenPerMu: number;
  floorFenPerMu: number;
  documentRef: string;
}

export function publishGuidance(s: Services, actor: Actor, input: GuidanceInput) {
  return inUseCase(s, async (tx, now) => {
    checkNewPeriod(input, now);
    const row = await insertGuidance(tx, { ...input, documentRef: input.documentRef.trim(), publishedAt: now, publishedBy: actor.userId });
    await writeAudit(tx, { at: now, actor, action: 'guidance.publish', entity: 'price_guidance', entityId: row.id, after: row });
    return row;
  });
}
