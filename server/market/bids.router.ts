import 'server-only';
import { acceptOffer, placeBid, placeOffer, withdrawOffer } from './bidding';
import * as views from './views';
import { type BidStanding, bidStandings } from '@/server/market/domain/auction';
import type { DbOrTx } from '@/db/client';
import { LIST_PAGE_SIZE, pageInput, pageWindow } from '@/server/kernel/fields';
import { bidInput, byId } from './schemas';
import { placedBidOut, placedOfferOut, tradeRowOut, zoneBidsPageOut } from './outputs';
import { okOut } from '@/server/kernel/outputs';
import { countyProcedure, router, zoneProcedure } from '@/server/kernel/trpc';

const toBid = (i: { listingId: number; price: number; qty: number; requestId?: string }) => ({ listingId: i.listingId, priceFenPerMu: i.price, qtyMilliMu: i.qty, requestId: i.requestId });

type ZoneBid = Awaited<ReturnType<typeof views.bidsOfZone>>['rows'][number];

/**
 * Where each of a page of the zone's bids stands: per listing, its active bids among all the
 * listing's active ones (read for the page's open listings in one query), its won and lost ones by
 * their awards.
 */
async function standingsOf(db: DbOrTx, rows: ZoneBid[]): Promise<Map<number, BidStanding>> {
  const open = [...new Set(rows.filter((b) => b.status === 'active').map((b) => b.listingId))];
  const activeOf = new Map<number, Awaited<ReturnType<typeof views.activeBidsOfListings>>>();
  for (const b of await views.activeBidsOfListings(db, open)) {
    const some = activeOf.get(b.listingId);
    if (some) some.push(b);
    else activeOf.set(b.listingId, [b]);
  }
  const ownOf = new Map<number, ZoneBid[]>();
  for (const b of rows) {
    const some = ownOf.get(b.listingId);
    if (some) some.push(b);
    else ownOf.set(b.listingId, [b]);
  }
  const standings = new Map<number, BidStanding>();
  for (const [listingId, own] of ownOf) {
    const l = own[0]!;
    const competing = (activeOf.get(listingId) ?? []).filter((b) => !own.some((o) => o.id === b.id));
    const here = bidStandings([...own, ...competing], {
      open: l.listingStatus === 'approved' ? { offeredMilliMu: l.listingQtyMilliMu - l.listingAwardedMilliMu, minLotMilliMu: l.minLotMilliMu } : null,
      awardedMilliMu: new Map(own.flatMap((b) => (b.awardedMilliMu === null ? [] : [[b.id, b.awardedMilliMu] as const]))),
    });
    for (const b of own) {
      const s = here.get(b.id);
      if (s) standings.set(b.id, s);
    }
  }
  return standings;
}

export const bidsRouter = router({
  place: zoneProcedure.meta({ data: 'own organisation' }).input(bidInput).output(placedBidOut).mutation(({ ctx, input }) => placeBid(ctx.services, ctx.actor, toBid(input))),
  offer: zoneProcedure.meta({ data: 'own organisation' }).input(bidInput).output(placedOfferOut).mutation(({ ctx, input }) => placeOffer(ctx.services, ctx.actor, toBid(input))),
  withdrawOffer: zoneProcedure.meta({ data: 'own organisation' }).input(byId).output(okOut).mutation(({ ctx, input }) => withdrawOffer(ctx.services, ctx.actor, input.id)),
  accept: countyProcedure.meta({ data: 'own organisation' }).input(byId).output(tradeRowOut).mutation(({ ctx, input }) => acceptOffer(ctx.services, ctx.actor, input.id)),
  /** The zone's bids and offers, newest first, a page at a time, each with where it stands. */
  mine: zoneProcedure.meta({ data: 'own organisation' }).input(pageInput).output(zoneBidsPageOut).query(async ({ ctx, input }) => {
    const { rows, total } = await views.bidsOfZone(ctx.services.db, ctx.actor.organisationId, pageWindow(input.page));
    const standings = await standingsOf(ctx.services.db, rows);
    return { bids: rows.map((b) => ({ ...b, standing: standings.get(b.id) ?? null })), total, page: input.page ?? 1, pageSize: LIST_PAGE_SIZE };
  }),
});
