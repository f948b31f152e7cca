// The province sets a poverty county's yearly trading target (seed 001 三(一): 1000 mu a year for
// 2018–2019, later years set by the province), by a policy document; every target set is kept.
import 'server-only';
import { writeAudit } from '@/server/books/audit-log';
import { countiesWithCity, setTarget, targetDocumentsOf, targetsOf } from '@/server/stats/queries';
import { yearCst } from '@/server/kernel/china-time';
import { ensure } from '@/server/kernel/errors';
import { isInTarget } from '@/server/holdings/domain/plan';
import { type Actor, type Services, inUseCase } from '@/server/kernel/deps';

export interface TargetInput {
  year: number;
  qtyMilliMu: number;
  /** The policy document (文号) that sets it. */
  documentRef: string;
  to: { countyId: number } | { group: 'poverty' };
}

export function setTargets(s: Services, actor: Actor, input: TargetInput) {
  return inUseCase(s, async (tx, now) => {
    // Targets are set for this year and later years only: a past year is already assessed.
    ensure(input.year >= yearCst(now), 'targetYearInPast');
    const poverty = (await countiesWithCity(tx)).filter((c) => isInTarget(c, 'poverty'));
    const counties = 'countyId' in input.to ? poverty.filter((c) => c.id === (input.to as { countyId: number }).countyId) : poverty;
    ensure(counties.length > 0, 'countyNotFound');
    const before = await targetsOf(tx, input.year);
    const documents = await targetDocumentsOf(tx, input.year);
    const documentRef = input.documentRef.trim();
    for (const c of counties) {
      await setTarget(tx, { countyId: c.id, year: input.year, qtyMilliMu: input.qtyMilliMu, documentRef, setAt: now, setBy: actor.userId });
      const was = before.has(c.id) ? { year: input.year, qtyMilliMu: before.get(c.id), documentRef: documents.get(c.id) } : null;
      await writeAudit(tx, { at: now, actor, action: 'target.set', entity: 'county_target', entityId: c.id, before: was, after: { year: input.year, qtyMilliMu: input.qtyMilliMu, documentRef } });
    }
    return { set: counties.length };
  });
}
