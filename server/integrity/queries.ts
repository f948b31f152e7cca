// The reads behind the market-integrity screens: the listings closed in a period (China time) with
// every bid ever made on them and their awards, in three queries (listings, bids, trades) over the
// same filter; the thresholds the province set. The screens themselves are in ./domain/screens.ts.
import 'server-only';
import { type SQL, and, eq, gte, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { bids, integrityThresholds, listings, organisations, trades, users } from '@/db/schema';
import type { ScreenListing } from '@/server/integrity/domain/screens';
import { type ThresholdKey, type Thresholds, thresholdsOf } from '@/server/integrity/domain/thresholds';

export interface ScreenScope {
  from: number;
  to: number;
  cityId: number | null;
  countyId: number | null;
}

/** A closed listing as the screens read it, with its code for the links. */
export type ScreenListingRow = ScreenListing & { code: string };

function closedIn(scope: ScreenScope): SQL {
  return and(
    eq(listings.status, 'closed'),
    gte(listings.closedAt, scope.from),
    lt(listings.closedAt, scope.to),
    scope.cityId === null ? undefined : eq(organisations.cityId, scope.cityId),
    scope.countyId === null ? undefined : eq(listings.countyId, scope.countyId),
  )!;
}

export async function closedListings(db: DbOrTx, scope: ScreenScope): Promise<ScreenListingRow[]> {
  const where = closedIn(scope);
  const rows = await db
    .select({
      id: listings.id,
      code: listings.code,
      mode: listings.mode,
      countyId: listings.countyId,
      cityId: sql<number>`${organisations.cityId}`,
      reservePriceFenPerMu: listings.reservePriceFenPerMu,
      incrementFenPerMu: listings.incrementFenPerMu,
      scheduledClosesAt: listings.scheduledClosesAt,
      closesAt: listings.closesAt,
      closedAt: sql<number>`${listings.closedAt}`,
    })
    .from(listings)
    .innerJoin(organisations, eq(organisations.id, listings.countyId))
    .where(where)
    .orderBy(listings.closedAt, listings.id)
    .all();
  const byId = new Map<number, ScreenListingRow>(rows.map((r) => [r.id, { ...r, bids: [], awards: [] }]));
  const bidRows = await db
    .select({ listingId: bids.listingId, id: bids.id, zoneId: bids.zoneId, priceFenPerMu: bids.priceFenPerMu, placedAt: bids.placedAt })
    .from(bids)
    .innerJoin(listings, eq(listings.id, bids.listingId))
    .innerJoin(organisations, eq(organisations.id, listings.countyId))
    .where(where)
    .all();
  for (const { listingId, ...b } of bidRows) (byId.get(listingId)?.bids as ScreenListing['bids'][number][] | undefined)?.push(b);
  const tradeRows = await db
    .select({ listingId: trades.listingId, zoneId: trades.buyerId, priceFenPerMu: trades.priceFenPerMu })
    .from(trades)
    .innerJoin(listings, eq(listings.id, trades.listingId))
    .innerJoin(organisations, eq(organisations.id, listings.countyId))
    .where(where)
    .all();
  for (const { listingId, ...a } of tradeRows) (byId.get(listingId)?.awards as ScreenListing['awards'][number][] | undefined)?.push(a);
  return [...byId.values()];
}

/** Names of the zones, for the pairs. */
export const zoneNames = async (db: DbOrTx) =>
  new Map(
    (await db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.kind, 'zone'))
      .all())
      .map((z) => [z.id, z.name]),
  );

export function storedThresholds(db: DbOrTx) {
  return db
    .select({ key: integrityThresholds.key, value: integrityThresholds.value, updatedAt: integrityThresholds.updatedAt, updatedByName: users.displayName })
    .from(integrityThresholds)
    .innerJoin(users, eq(users.id, integrityThresholds.updatedBy))
    .all();
}

export const readThresholds = async (db: DbOrTx): Promise<Thresholds> => thresholdsOf((await db.select({ key: integrityThresholds.key, value: integrityThresholds.value }).from(integrityThresholds).all()));

export async function writeThreshold(db: DbOrTx, key: ThresholdKey, value: number, at: number, userId: number) {
  await db.insert(integrityThresholds)
    .values({ key, value, updatedAt: at, updatedBy: userId })
    .onConflictDoUpdate({ target: integrityThresholds.key, set: { value, updatedAt: at, updatedBy: userId } })
    .run();
}
