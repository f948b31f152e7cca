import { TRPCError } from '@trpc/server';
import { translate } from '@/lib/i18n';
import * as views from '@/server/data/views';
import { sweep } from '@/server/services/closing';
import { payTrade } from '@/server/services/trades';
import { seesTrade } from '@/server/domain/visibility';
import { byId } from '../schemas/market';
import { roleProcedure, router, zoneProcedure } from '../trpc';

const partyProcedure = roleProcedure('county', 'zone', 'province');

export const tradesRouter = router({
  /** The caller's trades: a county's sales, a zone's awards, every trade for the province. */
  list: partyProcedure.meta({ data: 'own organisation' }).query(({ ctx }) => {
    sweep(ctx.services);
    return views.tradesFor(ctx.services.db, ctx.user.role === 'province' ? 'all' : ctx.actor);
  }),

  /** One trade confirmation (成交确认书), for its two parties and the province. */
  get: partyProcedure.meta({ data: 'own organisation' }).input(byId).query(({ ctx, input }) => {
    sweep(ctx.services);
    const trade = views.tradeView(ctx.services.db, input.id);
    if (!trade || !seesTrade({ role: ctx.user.role, organisationId: ctx.actor.organisationId }, trade)) throw new TRPCError({ code: 'NOT_FOUND', message: translate(ctx.locale, 'errors', 'tradeNotFound') });
    return trade;
  }),

  pay: zoneProcedure.meta({ data: 'own organisation' }).input(byId).mutation(({ ctx, input }) => payTrade(ctx.services, ctx.actor, input.id)),
});
