// What follows a trade for each party: the zone uses its rights (domain.md step 8), the county spends
// its proceeds (step 9); and the province's annual plan quota (seed 000). Each is one journal entry
// with its record, so the ledger shows it and conserves it.
import 'server-only';
import { writeAudit } from '@/server/books/audit-log';
import { answerOnce } from '@/server/books/client-requests';
import { balanceOf, postEntry } from '@/server/books/journal';
import * as data from '@/server/projects/queries';
import { ensure } from '@/server/kernel/errors';
import { accountsOf, planAllocated, proceedsSpent, rightsUsed } from '@/server/books/domain/ledger';
import { type PlanKind, type PlanTarget, isInTarget } from '@/server/holdings/domain/plan';
import { type SpendingCategory, checkSpending, checkSpendingDate } from '@/server/holdings/domain/proceeds';
import { type Right, drawRight } from '@/server/holdings/domain/rights';
import { type Actor, type Services, inUseCase } from '@/server/kernel/deps';

export interface RightsUseInput {
  applicationName: string;
  approvalRef: string;
  areaMilliMu: number;
  rights: Right[];
  /** The caller's id for this call: sent again, it gets the first answer (server/books/client-requests.ts). */
  requestId?: string;
}

/** A zone uses rights for an approved land application: each chosen right, oldest lot first. */
export function useRights(s: Services, actor: Actor, input: RightsUseInput) {
  return inUseCase(s, (tx, now) => answerOnce(tx, now, { organisationId: actor.organisationId, requestId: input.requestId, kind: 'use' }, async () => {
    const rights = [...new Set(input.rights)];
    ensure(rights.length > 0, 'rightsRequired');
    const lines = [];
    for (const asset of rights) lines.push(...drawRight(asset, await data.rightHoldings(tx, actor.organisationId, asset), input.areaMilliMu).map((l) => ({ ...l, asset })));
    const use = await data.insertUse(tx, {
      zoneId: actor.organisationId,
      applicationName: input.applicationName.trim(),
      approvalRef: input.approvalRef.trim(),
      areaMilliMu: input.areaMilliMu,
      rights: rights.join(','),
      at: now,
      recordedBy: actor.userId,
    });
    await postEntry(tx, { idempotencyKey: `use:${use.id}`, reason: 'rights_used', useId: use.id, actorUserId: actor.userId, at: now }, rightsUsed(actor.organisationId, lines));
    await writeAudit(tx, { at: now, actor, action: 'rights.use', entity: 'rights_use', entityId: use.id, after: { ...use, lines } });
    return use;
  }));
}

export interface SpendingInput {
  spentOn: string;
  amountFen: number;
  category: SpendingCategory;
  purpose: string;
  budgetRef: string;
}

/** A county records spending from its proceeds; never more than it has left. */
export function spendProceeds(s: Services, actor: Actor, input: SpendingInput) {
  return inUseCase(s, async (tx, now) => {
    checkSpendingDate(input.spentOn, now);
    checkSpending((await balanceOf(tx, accountsOf.countyProceeds(actor.organisationId))), input.amountFen);
    const row = await data.insertSpending(tx, {
      countyId: actor.organisationId,
      spentOn: input.spentOn,
      amountFen: input.amountFen,
      category: input.category,
      purpose: input.purpose.trim(),
      budgetRef: input.budgetRef.trim(),
      at: now,
      recordedBy: actor.userId,
    });
    await postEntry(tx, { idempotencyKey: `spend:${row.id}`, reason: 'proceeds_spent', actorUserId: actor.userId, at: now }, proceedsSpent(actor.organisationId, input.amountFen));
    await writeAudit(tx, { at: now, actor, action: 'proceeds.spend', entity: 'proceeds_spending', entityId: row.id, after: row });
    return row;
  });
}

export interface AllocationInput {
  kind: PlanKind;
  year: number;
  qtyMilliMu: number;
  documentRef: string;
  /** One county, or every county of a group (national poverty counties, or all poverty counties). */
  to: { countyId: number } | { group: PlanTarget };
}

/**
 * The province allocates a year's plan quota. To a group, counties that already have this year's
 * allocation of the kind are skipped; to one county, a second allocation is refused.
 */
export function allocatePlan(s: Services, actor: Actor, input: AllocationInput) {
  return inUseCase(s, async (tx, now) => {
    const counties = await data.countiesForPlan(tx);
    const targets = 'countyId' in input.to ? counties.filter((c) => c.id === (input.to as { countyId: number }).countyId) : counties.filter((c) => isInTarget(c, (input.to as { group: PlanTarget }).group));
    if ('countyId' in input.to) ensure(targets.length === 1, 'countyNotFound');
    ensure(targets.length > 0, 'noCountiesInTarget');
    const fresh = [];
    for (const c of targets) if (!(await data.allocationExists(tx, c.id, input.year, input.kind))) fresh.push(c);
    ensure(fresh.length > 0, 'planAlreadyAllocated', { year: input.year });
    for (const c of fresh) {
      const row = await data.insertAllocation(tx, {
        countyId: c.id,
        year: input.year,
        kind: input.kind,
        qtyMilliMu: input.qtyMilliMu,
        documentRef: input.documentRef.trim(),
        at: now,
        recordedBy: actor.userId,
      });
      await postEntry(
        tx,
        { idempotencyKey: `plan:${row.id}`, reason: 'plan_allocated', memo: `${input.year}`, actorUserId: actor.userId, at: now },
        planAllocated(actor.organisationId, c.id, input.kind, input.qtyMilliMu),
      );
      await writeAudit(tx, { at: now, actor, action: 'plan.allocate', entity: 'plan_allocation', entityId: row.id, after: row });
    }
    return { allocated: fresh.length, skipped: targets.length - fresh.length };
  });
}
