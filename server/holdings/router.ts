// After the trade: a zone's rights and their use, a county's proceeds and their spending, and the
// province's annual plan quota.
import 'server-only';
import { TRPCError } from '@trpc/server';
import { translate } from '@/lib/i18n';
import { balanceOf, proceedsStatement } from '@/server/books/journal';
import * as data from '@/server/projects/queries';
import * as views from '@/server/market/views';
import { accountsOf } from '@/server/books/domain/ledger';
import { formatSerialRange } from '@/server/lots/domain/serials';
import { allocatePlan, spendProceeds, useRights } from './holdings';
import { statementPage } from '@/server/market/schemas';
import { allocationInput, lotRef, rightsUseInput, spendingInput } from '@/server/projects/schemas';
import { type Context, countyProcedure, provinceProcedure, roleProcedure, router, zoneProcedure } from '@/server/kernel/trpc';
import { holdbacksByProject } from './queries';
import { holdbackTotals, holdbackView } from '@/server/holdings/domain/holdback';
import { readSettings } from '@/server/settings/queries';
import type { ProjectScope } from '@/server/projects/queries';
import { lotById } from '@/server/market/queries';
import { allocatedOut, allocationsOut, holdbacksOut, ownProceedsOut, proceedsByCountyOut, proceedsStatementOut, rightsHeldOut, rightsTraceOut, rightsUseOut, rightsUsesOut, spendingOut } from './outputs';

export const rightsRouter = router({
  /** The zone's uses of rights, newest first. */
  uses: zoneProcedure.meta({ data: 'own organisation' }).output(rightsUsesOut).query(({ ctx }) => data.usesOfZone(ctx.services.db, ctx.actor.organisationId)),

  /** The zone's held rights per lot and asset: what it can still use. */
  held: zoneProcedure.meta({ data: 'own organisation' }).output(rightsHeldOut).query(({ ctx }) => views.holdingsOf(ctx.services.db, ctx.actor.organisationId)),

  use: zoneProcedure.meta({ data: 'own organisation' }).input(rightsUseInput).output(rightsUseOut).mutation(({ ctx, input }) =>
    useRights(ctx.services, ctx.actor, { applicationName: input.applicationName, approvalRef: input.approvalRef, areaMilliMu: input.area, rights: input.rights, requestId: input.requestId }),
  ),

  /** Where a zone's holding of a lot came from: its purchases with their serial ranges, the project and its plots, and its uses. */
  trace: zoneProcedure.meta({ data: 'own organisation' }).input(lotRef).output(rightsTraceOut).query(async ({ ctx, input }) => {
    const db = ctx.services.db;
    const purchases = await data.salesOfLot(db, input.lotId, ctx.actor.organisationId);
    const lot = await lotById(db, input.lotId);
    if (!lot || purchases.length === 0) throw new TRPCError({ code: 'NOT_FOUND', message: translate(ctx.locale, 'errors', 'holdingNotFound') });
    const found = (await data.projectWithCounty(db, lot.projectId))!;
    return {
      lot,
      project: { id: found.project.id, name: found.project.name, villages: found.project.villages, approvalRef: found.project.approvalRef, approvedAt: found.project.approvedAt },
      countyName: found.countyName,
      plots: await data.plotsOf(db, lot.projectId),
      purchases: purchases.map((p) => ({ ...p, range: formatSerialRange({ start: p.serialStart!, end: p.serialStart! + p.qtyMilliMu }) })),
      uses: await data.usesOfLot(db, lot.id, ctx.actor.organisationId),
      holdings: (await views.holdingsOf(db, ctx.actor.organisationId)).filter((h) => h.lotId === lot.id),
    };
  }),
});

/** The caller's jurisdiction: its own county, its city's counties, or all (the province). */
function scopeOf(ctx: Context & { user: NonNullable<Context['user']> }): ProjectScope {
  if (ctx.user.role === 'county') return { countyId: ctx.user.organisationId };
  if (ctx.user.role === 'city') return { cityId: ctx.user.cityId ?? -1 };
  return 'all';
}

export const proceedsRouter = router({
  /** The county's proceeds: received, spent, left, and each spending. */
  mine: countyProcedure.meta({ data: 'own organisation' }).output(ownProceedsOut).query(async ({ ctx }) => {
    const db = ctx.services.db;
    const row = (await data.proceedsByCounty(db)).find((r) => r.countyId === ctx.actor.organisationId)!;
    return { ...row, availableFen: await balanceOf(db, accountsOf.countyProceeds(ctx.actor.organisationId)), spendings: await data.spendingsOfCounty(db, ctx.actor.organisationId) };
  }),

  /** The county's proceeds as an account statement: what came in from which trade and buyer, what went out, the balance after each; a page at a time, newest first. */
  statement: countyProcedure.meta({ data: 'own organisation' }).input(statementPage).output(proceedsStatementOut).query(({ ctx, input }) => proceedsStatement(ctx.services.db, ctx.actor.organisationId, { beforeEntryId: input.before })),

  spend: countyProcedure.meta({ data: 'own organisation' }).input(spendingInput).output(spendingOut).mutation(({ ctx, input }) =>
    spendProceeds(ctx.services, ctx.actor, { spentOn: input.spentOn, amountFen: input.amount, category: input.category, purpose: input.purpose, budgetRef: input.budgetRef }),
  ),

  /**
   * What is held back of the proceeds until reclamation is accepted, per project: a county's own, a
   * city's counties', every project for the province; with totals (docs/decisions/0015-holdback.md).
   */
  holdbacks: roleProcedure('county', 'city', 'province').meta({ data: 'jurisdiction' }).output(holdbacksOut).query(async ({ ctx }) => {
    const db = ctx.services.db;
    const now = ctx.services.clock.now();
    const rows = (await holdbacksByProject(db, scopeOf(ctx))).map((r) => holdbackView(r, now));
    return { rows, totals: holdbackTotals(rows), holdbackBp: (await readSettings(db, now)).holdbackBp };
  }),

  /** Received vs spent for every county (seed 001 三(三)). */
  byCounty: provinceProcedure.meta({ data: 'province-wide' }).output(proceedsByCountyOut).query(({ ctx }) => data.proceedsByCounty(ctx.services.db)),
});

export const planRouter = router({
  list: provinceProcedure.meta({ data: 'province-wide' }).output(allocationsOut).query(({ ctx }) => data.allocations(ctx.services.db)),

  mine: countyProcedure.meta({ data: 'own organisation' }).output(allocationsOut).query(({ ctx }) => data.allocations(ctx.services.db, ctx.actor.organisationId)),

  allocate: provinceProcedure.meta({ data: 'province-wide' }).input(allocationInput).output(allocatedOut).mutation(({ ctx, input }) =>
    allocatePlan(ctx.services, ctx.actor, { kind: input.kind, year: input.year, qtyMilliMu: input.qty, documentRef: input.documentRef, to: input.to }),
  ),
});
