import { acceptOffer, placeBid, placeOffer, withdrawOffer } from '@/server/services/bidding';
import * as views from '@/server/data/views';
import { inGroupCommit } from '@/db/client';
import { LIST_PAGE_SIZE, pageInput, pageWindow } from '../schemas/common';
import { bidInput, byId } from '../schemas/market';
import { countyProcedure, router, zoneProcedure } from '../trpc';

const toBid = (i: { listingId: number; price: number; qty: number }) => ({ listingId: i.listingId, priceFenPerMu: i.price, qtyMilliMu: i.qty });

export const bidsRouter = router({
  // The calls that crowd at an auction's close share their commits (db/client.ts, inGroupCommit).
  place: zoneProcedure.meta({ data: 'own organisation' }).input(bidInput).mutation(({ ctx, input }) => inGroupCommit(ctx.services.db, () => placeBid(ctx.services, ctx.actor, toBid(input)))),
  offer: zoneProcedure.meta({ data: 'own organisation' }).input(bidInput).mutation(({ ctx, input }) => inGroupCommit(ctx.services.db, () => placeOffer(ctx.services, ctx.actor, toBid(input)))),
  withdrawOffer: zoneProcedure.meta({ data: 'own organisation' }).input(byId).mutation(({ ctx, input }) => withdrawOffer(ctx.services, ctx.actor, input.id)),
  accept: countyProcedure.meta({ data: 'own organisation' }).input(byId).mutation(({ ctx, input }) => acceptOffer(ctx.services, ctx.actor, input.id)),
  /** The zone's bids and offers, newest first, a page at a time. */
  mine: zoneProcedure.meta({ data: 'own organisation' }).input(pageInput).query(({ ctx, input }) => {
    const { rows, total } = views.bidsOfZone(ctx.services.db, ctx.actor.organisationId, pageWindow(input.page));
    return { bids: rows, total, page: input.page ?? 1, pageSize: LIST_PAGE_SIZE };
  }),
});
