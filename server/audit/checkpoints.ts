// Published checkpoints of the audit chain: once a day (China time) the chain's head — the newest
// record's id and hash — is written down and shown to the public, so a later rewrite of the log, even
// one that recomputes every hash after it, disagrees with a head someone kept.
import 'server-only';
import { asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { auditCheckpoints, auditLog } from '@/db/schema';
import { writeAudit } from '@/server/books/audit-log';
import { isoDateCst } from '@/server/kernel/china-time';
import { type Services, inUseCase } from '@/server/kernel/deps';

export type Checkpoint = typeof auditCheckpoints.$inferSelect;

/**
 * Publishes today's checkpoint, once: a day already published is left as it is (returns null), and so
 * is an empty log. The publication is itself audited, after the head it names.
 */
export function publishCheckpoint(s: Services): Promise<Checkpoint | null> {
  return inUseCase(s, async (tx, now) => {
    const day = isoDateCst(now);
    if ((await tx.select({ day: auditCheckpoints.day }).from(auditCheckpoints).where(eq(auditCheckpoints.day, day)).all())[0]) return null;
    const head = (await tx.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).all())[0];
    if (!head || head.hash === null) return null;
    const checkpoint = { day, auditId: head.id, hash: head.hash, publishedAt: now };
    await tx.insert(auditCheckpoints).values(checkpoint).run();
    await writeAudit(tx, { at: now, actor: null, action: 'audit.checkpoint', entity: 'audit_checkpoint', entityId: null, after: checkpoint });
    return checkpoint;
  });
}

/** Every published checkpoint, newest first (one a day: a few hundred a year). */
export const checkpoints = (db: DbOrTx, limit = 400) => db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.day)).limit(limit).all();

/** All of them, oldest first, for the verifier. */
export const allCheckpoints = (db: DbOrTx) => db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.auditId)).all();

export type CheckpointMismatch = { label: string; auditId: number; expected: string; found: string | null };

/** The checkpoints the log disagrees with: the record with a checkpoint's id must carry its hash. */
export async function checkpointMismatches(db: DbOrTx, list: { label: string; auditId: number; hash: string }[]): Promise<CheckpointMismatch[]> {
  const out: CheckpointMismatch[] = [];
  for (const c of list) {
    const found = (await db.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.id, c.auditId)).all())[0]?.hash ?? null;
    if (found !== c.hash.toLowerCase()) out.push({ label: c.label, auditId: c.auditId, expected: c.hash.toLowerCase(), found });
  }
  return out;
}
