import 'server-only';
import { TRPCError } from '@trpc/server';
import { translate } from '@/lib/i18n';
import * as views from './views';
import { payTrade } from './settlement';
import { seesTrade } from '@/server/market/domain/visibility';
import { bidStandings } from '@/server/market/domain/auction';
import { LIST_PAGE_SIZE, pageInput, pageWindow } from '@/server/kernel/fields';
import { byId } from './schemas';
import { tradeConfirmationOut, tradeRowOut, tradesPageOut } from './outputs';
import { settingVersionRows } from '@/server/settings/queries';
import { versionInForce } from '@/server/settings/domain/settings';
import { roleProcedure, router, zoneProcedure } from '@/server/kernel/trpc';

const partyProcedure = roleProcedure('county', 'zone', 'province');

/** Each trade with its award's standing: won in full or partly filled, against the bid it awarded. */
function withStanding<T extends views.TradeView>(trades: T[]) {
  const standings = bidStandings(
    trades.map((t) => t.bid),
    { open: null, awardedMilliMu: new Map(trades.map((t) => [t.bid.id, t.qtyMilliMu])) },
  );
  return trades.map((t) => ({ ...t, standing: standings.get(t.bid.id) ?? null }));
}

export const tradesRouter = router({
  /** The caller's trades: a county's sales, a zone's awards, every trade for the province. */
  list: partyProcedure.meta({ data: 'own organisation' }).input(pageInput).output(tradesPageOut).query(async ({ ctx, input }) => {
    const db = ctx.services.db;
    const { rows, total } = await views.tradesPageFor(db, ctx.user.role === 'province' ? 'all' : ctx.actor, pageWindow(input.page));
    return {
      trades: withStanding(rows),
      total,
      page: input.page ?? 1,
      pageSize: LIST_PAGE_SIZE,
      // A zone's awards awaiting payment, over all pages.
      awaiting: ctx.user.role === 'zone' ? await views.awaitingPaymentOf(db, ctx.actor.organisationId) : null,
    };
  }),

  /** One trade confirmation (成交确认书), for its two parties and the province. */
  get: partyProcedure.meta({ data: 'own organisation' }).input(byId).output(tradeConfirmationOut).query(async ({ ctx, input }) => {
    const trade = await views.tradeView(ctx.services.db, input.id);
    if (!trade || !seesTrade({ role: ctx.user.role, organisationId: ctx.actor.organisationId }, trade)) throw new TRPCError({ code: 'NOT_FOUND', message: translate(ctx.locale, 'errors', 'tradeNotFound') });
    // Each rule as its version stood when it applied: versions are only added, never take effect before
    // they are recorded, so what was in force at a past moment reads the same today.
    const versions = await settingVersionRows(ctx.services.db);
    const rule = (key: Parameters<typeof versionInForce>[1], at: number) => {
      const v = versionInForce(versions, key, at);
      return { value: v.value, documentNo: v.documentNo, effectiveFrom: v.effectiveFrom };
    };
    return {
      ...withStanding([trade])[0]!,
      rules: {
        depositRate: rule('depositRateBp', trade.bid.placedAt),
        paymentDays: rule('paymentDays', trade.awardedAt),
        reclamationYears: rule('reclamationYearsAfterTrade', trade.settledAt ?? trade.awardedAt),
      },
    };
  }),

  pay: zoneProcedure.meta({ data: 'own organisation' }).input(byId).output(tradeRowOut).mutation(({ ctx, input }) => payTrade(ctx.services, ctx.actor, input.id)),
});
