import 'server-only';
import { TRPCError } from '@trpc/server';
import type { DbOrTx } from '@/db/client';
import { type ListingInput, createListing, reviewListing, updateListing, withdrawListing } from './listings';
import * as views from './views';
import { awardSummary, bidStandings, listingPhase, phaseBounds } from '@/server/market/domain/auction';
import { guidanceRows } from '@/server/guidance/queries';
import { type Guidance, type LandType, guidanceInForce } from '@/server/guidance/domain/guidance';
import { seesAllBids, seesBid, seesBidderNames, seesListing, seesResults, seesStanding, seesTrade, type Viewer } from '@/server/market/domain/visibility';
import { translate } from '@/lib/i18n';
import { LIST_PAGE_SIZE, pageInput, pageWindow } from '@/server/kernel/fields';
import { allListingsInput, announcementsInput, byId, listingInput, listingUpdateInput, marketFilter, reviewInput } from './schemas';
import { announcementsOut, listingPageOut, listingRowOut, listingsWithResultsPageOut, marketPageOut, reviewQueueOut } from './outputs';
import { countyProcedure, provinceProcedure, publicProcedure, roleProcedure, router, type Context } from '@/server/kernel/trpc';
import { z } from 'zod';

type ListingFields = z.output<typeof listingInput>;
const toTerms = (i: ListingFields): ListingInput => ({
  lotId: i.lotId,
  mode: i.mode,
  qtyMilliMu: i.qty,
  reservePriceFenPerMu: i.reservePrice,
  minLotMilliMu: i.minLot,
  incrementFenPerMu: i.increment ?? 0,
  opensAt: i.opensAt,
  closesAt: i.closesAt,
  note: i.note,
});

const viewerOf = (ctx: Context): Viewer => (ctx.user ? { role: ctx.user.role, organisationId: ctx.user.organisationId } : { role: 'public', organisationId: null });

/** Bids a listing's page shows besides the active ones: the newest, as a live auction room lists them. */
const LISTING_BIDS_SHOWN = 50;

const withPhase = <T extends { status: views.ListingView['status']; opensAt: number; closesAt: number }>(l: T, now: number) => ({
  ...l,
  phase: listingPhase(l, now),
});

/**
 * A closed listing's result beside it in a list: what it awarded, between which prices, and each
 * trade to open; read for a page of listings in one query.
 */
async function withResults<T extends views.ListingView & { phase: string }>(db: DbOrTx, rows: T[]) {
  const closed = rows.filter((l) => l.phase === 'closed').map((l) => l.id);
  const tradesOf = new Map<number, views.TradeView[]>();
  // Newest first as read; each listing's trades are listed oldest first, in the order they were awarded.
  for (const t of await views.tradesOfListings(db, closed)) {
    const some = tradesOf.get(t.listingId);
    if (some) some.unshift(t);
    else tradesOf.set(t.listingId, [t]);
  }
  return rows.map((l) => {
    const trades = tradesOf.get(l.id) ?? [];
    const result = l.phase === 'closed' ? { summary: awardSummary(trades), trades: trades.map((t) => ({ id: t.id, confirmationNo: t.confirmationNo, status: t.status })) } : null;
    return { ...l, result };
  });
}

/** The guidance in force for a listing's land, shown next to its price. */
const guidanceOf = (rows: readonly Guidance[], now: number) => (l: { landType: LandType }) => {
  const g = guidanceInForce(rows, now, l.landType);
  return g && { referenceFenPerMu: g.referenceFenPerMu, floorFenPerMu: g.floorFenPerMu, documentRef: g.documentRef };
};

export const listingsRouter = router({
  /** Open and upcoming approved listings. */
  market: roleProcedure('zone', 'province', 'county', 'city').meta({ data: 'jurisdiction' })
    .input(marketFilter)
    .output(marketPageOut)
    .query(async ({ ctx, input }) => {
      const now = ctx.services.clock.now();
      const guidance = guidanceOf((await guidanceRows(ctx.services.db)), now);
      const { page = 1, ...filter } = input;
      const rows = await views.marketListings(ctx.services.db, now, filter, pageWindow(page));
      return {
        listings: rows.map((l) => ({ ...withPhase(l, now), guidance: guidance(l) })),
        total: await views.marketCount(ctx.services.db, now, filter),
        page,
        pageSize: LIST_PAGE_SIZE,
      };
    }),

  /** One listing with its bids as the viewer may see them. */
  get: publicProcedure.meta({ data: 'public' }).input(byId).output(listingPageOut).query(async ({ ctx, input }) => {
    const now = ctx.services.clock.now();
    const listing = await views.listingView(ctx.services.db, input.id);
    const viewer = viewerOf(ctx);
    if (!listing || !seesListing(viewer, listing)) {
      throw new TRPCError({ code: 'NOT_FOUND', message: translate(ctx.locale, 'errors', 'listingNotFound') });
    }
    const names = seesBidderNames(viewer, listing);
    // A viewer who may not see every bid (a zone, on a negotiated listing) is shown its own only.
    const shown = await views.bidsOfListing(ctx.services.db, listing.id, { newest: LISTING_BIDS_SHOWN, zoneId: seesAllBids(viewer, listing) ? undefined : (viewer.organisationId ?? -1) });
    const results = seesResults(viewer, listing) ? await views.tradesFor(ctx.services.db, 'all', listing.id) : [];
    // A zone's own offer accepted while the listing is open is not in the results yet: its own trades are.
    const ownWon = !seesResults(viewer, listing) && viewer.organisationId !== null && shown.rows.some((b) => b.status === 'won' && b.zoneId === viewer.organisationId);
    const awards = ownWon ? await views.tradesFor(ctx.services.db, { organisationId: viewer.organisationId! }, listing.id) : results;
    // Every active bid is among the rows shown, as the allocation needs.
    const standings = bidStandings(shown.rows, {
      open: listing.status === 'approved' ? { offeredMilliMu: listing.qtyMilliMu - listing.awardedMilliMu, minLotMilliMu: listing.minLotMilliMu } : null,
      awardedMilliMu: new Map(awards.map((t) => [t.bid.id, t.qtyMilliMu])),
    });
    const bids = shown.rows
      .filter((b) => seesBid(viewer, listing, b))
      .map((b) => {
        const mine = viewer.organisationId === b.zoneId;
        return {
          id: b.id,
          kind: b.kind,
          status: b.status,
          priceFenPerMu: b.priceFenPerMu,
          qtyMilliMu: b.qtyMilliMu,
          placedAt: b.placedAt,
          bidderNumber: b.bidderNumber ?? '',
          zoneName: names ? b.zoneName : null,
          depositFen: names || mine ? b.depositFen : null,
          mine,
          standing: seesStanding(viewer, listing, b) ? (standings.get(b.id) ?? null) : null,
        };
      });
    return {
      listing: withPhase(listing, now),
      guidance: guidanceOf((await guidanceRows(ctx.services.db)), now)(listing),
      bids,
      bidsTotal: shown.total,
      results: results.map((r) => ({
        id: r.id,
        confirmationNo: r.confirmationNo,
        status: r.status,
        buyerName: r.buyerName,
        qtyMilliMu: r.qtyMilliMu,
        priceFenPerMu: r.priceFenPerMu,
        amountFen: r.amountFen,
        awardedAt: r.awardedAt,
        seesConfirmation: seesTrade(viewer, r),
      })),
      now,
      viewer: { ...viewer, seesNames: names },
    };
  }),

  /** Public announcements (公示): approved listings and closed ones with their results, a page of each. */
  announcements: publicProcedure.meta({ data: 'public' }).input(announcementsInput).output(announcementsOut).query(async ({ ctx, input }) => {
    const now = ctx.services.clock.now();
    const db = ctx.services.db;
    const announced = await views.listingsPage(db, { statuses: ['approved'] }, pageWindow(input.listingsPage));
    const closed = await views.listingsPage(db, { statuses: ['closed'] }, pageWindow(input.resultsPage));
    const tradesOf = new Map<number, Awaited<ReturnType<typeof views.tradesOfListings>>>();
    for (const t of await views.tradesOfListings(db, closed.rows.map((l) => l.id))) {
      const some = tradesOf.get(t.listingId);
      if (some) some.push(t);
      else tradesOf.set(t.listingId, [t]);
    }
    return {
      listings: announced.rows.map((l) => withPhase(l, now)),
      listingsTotal: announced.total,
      listingsPage: input.listingsPage ?? 1,
      results: closed.rows.map((l) => ({
        ...withPhase(l, now),
        trades: (tradesOf.get(l.id) ?? []).map((t) => ({
          confirmationNo: t.confirmationNo,
          buyerName: t.buyerName,
          qtyMilliMu: t.qtyMilliMu,
          priceFenPerMu: t.priceFenPerMu,
          amountFen: t.amountFen,
          status: t.status,
        })),
      })),
      resultsTotal: closed.total,
      resultsPage: input.resultsPage ?? 1,
      pageSize: LIST_PAGE_SIZE,
      now,
    };
  }),

  /** The county's own listings, newest first, a page at a time. */
  mine: countyProcedure.meta({ data: 'own organisation' }).input(pageInput).output(listingsWithResultsPageOut).query(async ({ ctx, input }) => {
    const now = ctx.services.clock.now();
    const { rows, total } = await views.listingsPage(ctx.services.db, { countyId: ctx.actor.organisationId }, pageWindow(input.page));
    return { listings: await withResults(ctx.services.db, rows.map((l) => withPhase(l, now))), total, page: input.page ?? 1, pageSize: LIST_PAGE_SIZE };
  }),

  create: countyProcedure.meta({ data: 'own organisation' }).input(listingInput).output(listingRowOut).mutation(({ ctx, input }) => createListing(ctx.services, ctx.actor, toTerms(input))),

  update: countyProcedure.meta({ data: 'own organisation' })
    .input(listingUpdateInput)
    .output(listingRowOut)
    .mutation(({ ctx, input }) => updateListing(ctx.services, ctx.actor, input.listingId, toTerms(input))),

  withdraw: countyProcedure.meta({ data: 'own organisation' }).input(byId).output(listingRowOut).mutation(({ ctx, input }) => withdrawListing(ctx.services, ctx.actor, input.id)),

  reviewQueue: provinceProcedure.meta({ data: 'province-wide' }).output(reviewQueueOut).query(async ({ ctx }) => {
    const now = ctx.services.clock.now();
    return (await views.listingsByStatus(ctx.services.db, ['pending_review'])).map((l) => withPhase(l, now));
  }),

  /** Every listing in every state, for the province's view of the whole market. */
  all: provinceProcedure.meta({ data: 'province-wide' }).input(allListingsInput).output(listingsWithResultsPageOut).query(async ({ ctx, input }) => {
    const now = ctx.services.clock.now();
    const { rows, total } = await views.listingsPage(ctx.services.db, { phase: input.phase && phaseBounds(input.phase, now) }, pageWindow(input.page));
    return { listings: await withResults(ctx.services.db, rows.map((l) => withPhase(l, now))), total, page: input.page ?? 1, pageSize: LIST_PAGE_SIZE };
  }),

  review: provinceProcedure.meta({ data: 'province-wide' }).input(reviewInput).output(listingRowOut).mutation(({ ctx, input }) => reviewListing(ctx.services, ctx.actor, input.listingId, input)),
});
