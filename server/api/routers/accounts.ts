import * as views from '@/server/data/views';
import { statement } from '@/server/data/ledger';
import { readSettings } from '@/server/data/settings';
import { recordBankTransfer } from '@/server/services/funds';
import { updateSettings } from '@/server/services/settings';
import { settingsInput, statementPage, transferInput } from '../schemas/market';
import { countyProcedure, provinceProcedure, publicProcedure, roleProcedure, router } from '../trpc';

export const accountsRouter = router({
  /** The caller's balances per asset and bucket, and its journal lines (funds, proceeds, rights). */
  /** Its journal comes a page of entries at a time, newest first; `olderThan` asks for the next page. */
  ledger: roleProcedure('county', 'zone').meta({ data: 'own organisation' }).input(statementPage).query(({ ctx, input }) => {
    const db = ctx.services.db;
    const org = ctx.actor.organisationId;
    const journal = statement(db, org, ['CNY', 'QUOTA', 'NEW_LAND', 'SCALE', 'FARMLAND', 'PLAN_NEW_LAND', 'PLAN_LINKING'], { beforeEntryId: input.before });
    return {
      balances: views.balancesOf(db, org),
      holdings: ctx.user.role === 'zone' ? views.holdingsOf(db, org) : [],
      lines: journal.lines,
      olderThan: journal.olderThan,
    };
  }),

  /** A county's quota per lot: free, listed, awarded, sold. */
  quota: countyProcedure.meta({ data: 'own organisation' }).query(({ ctx }) => views.quotaOfCounty(ctx.services.db, ctx.actor.organisationId)),

  zones: provinceProcedure.meta({ data: 'province-wide' }).query(({ ctx }) =>
    views.zones(ctx.services.db).map((z) => ({ ...z, balances: views.balancesOf(ctx.services.db, z.id).filter((b) => b.asset === 'CNY') })),
  ),

  transfers: provinceProcedure.meta({ data: 'province-wide' }).query(({ ctx }) => views.bankTransfersList(ctx.services.db)),

  recordTransfer: provinceProcedure.meta({ data: 'province-wide' })
    .input(transferInput)
    .mutation(({ ctx, input }) => recordBankTransfer(ctx.services, ctx.actor, { zoneId: input.zoneId, amountFen: input.amount, bankRef: input.bankRef })),

  places: publicProcedure.meta({ data: 'public' }).query(({ ctx }) => views.citiesWithCounties(ctx.services.db)),

  settings: publicProcedure.meta({ data: 'public' }).query(({ ctx }) => readSettings(ctx.services.db)),

  updateSettings: provinceProcedure.meta({ data: 'province-wide' }).input(settingsInput).mutation(({ ctx, input }) => updateSettings(ctx.services, ctx.actor, input)),
});
