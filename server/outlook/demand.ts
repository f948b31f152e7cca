// A zone declares its demand for quota in a year (用地需求申报), this year or the next, and revises it as
// its plans change; every revision is kept, and audited with the one it replaces (seed 001 三(三), 四(三)).
import 'server-only';
import { writeAudit } from '@/server/books/audit-log';
import { yearCst } from '@/server/kernel/china-time';
import { checkDeclarableYear, nextRevision } from '@/server/outlook/domain/outlook';
import { type Actor, type Services, inUseCase } from '@/server/kernel/deps';
import * as data from './queries';

export interface DemandInput {
  year: number;
  areaMilliMu: number;
  note: string;
}

/** The zone's declaration for the year, as a new revision of its own (the procedure lets only zones call). */
export function declareDemand(s: Services, actor: Actor, input: DemandInput) {
  return inUseCase(s, async (tx, now) => {
    checkDeclarableYear(input.year, yearCst(now));
    const before = await data.latestDemand(tx, actor.organisationId, input.year);
    const after = await data.insertDemand(tx, {
      zoneId: actor.organisationId,
      year: input.year,
      revision: nextRevision(before),
      areaMilliMu: input.areaMilliMu,
      note: input.note.trim(),
      declaredAt: now,
      declaredBy: actor.userId,
    });
    await writeAudit(tx, { at: now, actor, action: 'demand.declare', entity: 'zone_demand', entityId: after.id, before: before ?? undefined, after });
    return after;
  });
}
