import type { DbOrTx } from '@/db/client';
import { auditLog } from '@/db/schema';

export interface Actor {
  userId: number;
  organisationId: number;
}

/** Writes the audit record of a state change, in the caller's transaction. */
export function writeAudit(
  db: DbOrTx,
  at: number,
  actor: Actor | null,
  action: string,
  entity: string,
  entityId: number | null,
  before: unknown,
  after: unknown,
) {
  db.insert(auditLog)
    .values({
      at,
      actorUserId: actor?.userId ?? null,
      actorOrganisationId: actor?.organisationId ?? null,
      action,
      entity,
      entityId,
      before: before === undefined || before === null ? null : JSON.stringify(before),
      after: after === undefined || after === null ? null : JSON.stringify(after),
    })
    .run();
}
