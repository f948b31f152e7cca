import 'server-only';
import { transfersHistory, transfersWaiting } from './queries';
import * as views from '@/server/market/views';
import { statement } from '@/server/books/journal';
import { readSettings } from '@/server/settings/queries';
import { confirmBankTransfer, proposeBankTransfer, rejectBankTransfer } from './funds';
import { byId, statementPage, transferInput, transferRejectInput } from '@/server/market/schemas';
import { countyProcedure, provinceProcedure, publicProcedure, roleProcedure, router } from '@/server/kernel/trpc';
import { bankTransferOut, ledgerOut, placesOut, quotaOut, settingsOut, transfersOut, zonesOut } from './outputs';

export const accountsRouter = router({
  /** The caller's balances per asset and bucket, and its journal lines (funds, proceeds, rights). */
  /** Its journal comes a page of entries at a time, newest first; `olderThan` asks for the next page. */
  ledger: roleProcedure('county', 'zone').meta({ data: 'own organisation' }).input(statementPage).output(ledgerOut).query(async ({ ctx, input }) => {
    const db = ctx.services.db;
    const org = ctx.actor.organisationId;
    const journal = await statement(db, org, ['CNY', 'QUOTA', 'NEW_LAND', 'SCALE', 'FARMLAND', 'PLAN_NEW_LAND', 'PLAN_LINKING'], { beforeEntryId: input.before });
    return {
      balances: await views.balancesOf(db, org),
      holdings: ctx.user.role === 'zone' ? await views.holdingsOf(db, org) : [],
      lines: journal.lines,
      olderThan: journal.olderThan,
    };
  }),

  /** A county's quota per lot: free, listed, awarded, sold. */
  quota: countyProcedure.meta({ data: 'own organisation' }).output(quotaOut).query(({ ctx }) => views.quotaOfCounty(ctx.services.db, ctx.actor.organisationId)),

  zones: provinceProcedure.meta({ data: 'province-wide' }).output(zonesOut).query(async ({ ctx }) =>
    Promise.all((await views.zones(ctx.services.db)).map(async (z) => ({ ...z, balances: (await views.balancesOf(ctx.services.db, z.id)).filter((b) => b.asset === 'CNY') }))),
  ),

  /** Transfers waiting for a second official, and the history of all of them with their status. */
  transfers: provinceProcedure.meta({ data: 'province-wide' }).output(transfersOut).query(async ({ ctx }) => ({
    waiting: await transfersWaiting(ctx.services.db),
    history: await transfersHistory(ctx.services.db),
  })),

  /** One official records an incoming transfer; it credits the zone only once another confirms it. */
  proposeTransfer: provinceProcedure.meta({ data: 'province-wide' })
    .input(transferInput)
    .output(bankTransferOut)
    .mutation(({ ctx, input }) => proposeBankTransfer(ctx.services, ctx.actor, { zoneId: input.zoneId, amountFen: input.amount, bankRef: input.bankRef })),

  confirmTransfer: provinceProcedure.meta({ data: 'province-wide' }).input(byId).output(bankTransferOut).mutation(({ ctx, input }) => confirmBankTransfer(ctx.services, ctx.actor, input.id)),

  rejectTransfer: provinceProcedure.meta({ data: 'province-wide' }).input(transferRejectInput).output(bankTransferOut).mutation(({ ctx, input }) => rejectBankTransfer(ctx.services, ctx.actor, input.id, input.reason)),

  places: publicProcedure.meta({ data: 'public' }).output(placesOut).query(({ ctx }) => views.citiesWithCounties(ctx.services.db)),

  /** The market settings in force now (their documents and history: settings.current, settings.history). */
  settings: publicProcedure.meta({ data: 'public' }).output(settingsOut).query(({ ctx }) => readSettings(ctx.services.db, ctx.services.clock.now())),
});
