// The reads behind the supply and demand outlook, as plain rows for server/outlook/domain/outlook.ts,
// and the zones' declarations of demand (append-only revisions).
import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { accounts, organisations, projectPlots, projects, settledTotals, users, zoneDemands } from '@/db/schema';
import { citiesList, countiesWithCity, tradedByCounty } from '@/server/stats/queries';
import type { Qty } from '@/server/outlook/domain/outlook';

export type DemandRow = typeof zoneDemands.$inferSelect;

/** The zone's latest declaration for a year, or null before its first. */
export const latestDemand = async (db: DbOrTx, zoneId: number, year: number): Promise<DemandRow | null> =>
  (await db
    .select()
    .from(zoneDemands)
    .where(and(eq(zoneDemands.zoneId, zoneId), eq(zoneDemands.year, year)))
    .orderBy(desc(zoneDemands.revision))
    .limit(1)
    .all())[0] ?? null;

export const insertDemand = async (db: DbOrTx, values: typeof zoneDemands.$inferInsert) => (await db.insert(zoneDemands).values(values).returning().all())[0]!;

/** Every revision of the zone's declarations for the years, newest first, with who declared it. */
export const demandRevisions = (db: DbOrTx, zoneId: number, years: readonly number[]) =>
  db
    .select({
      id: zoneDemands.id,
      year: zoneDemands.year,
      revision: zoneDemands.revision,
      areaMilliMu: zoneDemands.areaMilliMu,
      note: zoneDemands.note,
      declaredAt: zoneDemands.declaredAt,
      declaredByName: users.displayName,
    })
    .from(zoneDemands)
    .innerJoin(users, eq(users.id, zoneDemands.declaredBy))
    .where(and(eq(zoneDemands.zoneId, zoneId), inArray(zoneDemands.year, [...years])))
    .orderBy(desc(zoneDemands.year), desc(zoneDemands.revision))
    .limit(500)
    .all();

/** Each zone's latest declaration for the year. */
const declaredIn = (db: DbOrTx, year: number): Promise<Qty[]> =>
  db
    .select({ id: zoneDemands.zoneId, qtyMilliMu: zoneDemands.areaMilliMu })
    .from(zoneDemands)
    .where(
      and(
        eq(zoneDemands.year, year),
        eq(zoneDemands.revision, sql`(select max(d.revision) from zone_demands d where d.zone_id = ${zoneDemands.zoneId} and d.year = ${zoneDemands.year})`),
      ),
    )
    .all();

/**
 * The surplus of each project submitted and not yet approved (under the city's or the province's
 * review), by county: its plots' area less the resettlement area, as approval would issue it
 * (server/projects/domain/projects.ts checkPlan).
 */
const pipelineByCounty = async (db: DbOrTx): Promise<Qty[]> => {
  const area = db.select({ projectId: projectPlots.projectId, area: sql<number>`sum(${projectPlots.areaMilliMu})`.as('area') }).from(projectPlots).groupBy(projectPlots.projectId).as('area');
  return (await db
    .select({ id: projects.countyId, qtyMilliMu: sql<number>`sum(case when ${area.area} > ${projects.resettlementMilliMu} then ${area.area} - ${projects.resettlementMilliMu} else 0 end)` })
    .from(projects)
    .innerJoin(area, eq(area.projectId, projects.id))
    .where(inArray(projects.status, ['city_review', 'province_review']))
    .groupBy(projects.countyId)
    .all())
    .map((r) => ({ id: r.id, qtyMilliMu: Number(r.qtyMilliMu) }));
};

/** Counties' quota in one bucket of the ledger ('free': not listed nor awarded; 'listed': in listings not yet closed), by county. */
const countyQuota = async (db: DbOrTx, bucket: 'free' | 'listed'): Promise<Qty[]> =>
  (await db
    .select({ id: accounts.organisationId, qtyMilliMu: sql<number>`sum(${accounts.balance})` })
    .from(accounts)
    .innerJoin(organisations, eq(organisations.id, accounts.organisationId))
    .where(and(eq(accounts.asset, 'QUOTA'), eq(accounts.bucket, bucket), eq(organisations.kind, 'county')))
    .groupBy(accounts.organisationId)
    .all())
    .map((r) => ({ id: r.id, qtyMilliMu: Number(r.qtyMilliMu) }));

/** Quota each zone bought (settled) in the year, from the settlements' monthly sums. */
const boughtIn = async (db: DbOrTx, year: number): Promise<Qty[]> =>
  (await db
    .select({ id: settledTotals.buyerId, qtyMilliMu: sql<number>`sum(${settledTotals.qtyMilliMu})` })
    .from(settledTotals)
    .where(and(sql`${settledTotals.month} >= ${`${year}-01`}`, sql`${settledTotals.month} <= ${`${year}-12`}`))
    .groupBy(settledTotals.buyerId)
    .all())
    .map((r) => ({ id: r.id, qtyMilliMu: Number(r.qtyMilliMu) }));

const zonesWithCity = (db: DbOrTx) =>
  db.select({ id: organisations.id, name: organisations.name, cityId: organisations.cityId }).from(organisations).where(eq(organisations.kind, 'zone')).orderBy(organisations.id).all();

/**
 * The rows of the outlook of a year: places, supply as it stands now (pipeline, free, listed) and
 * sold in the year, the zones' declarations for the year and what they bought in it.
 */
export async function outlookRows(db: DbOrTx, year: number) {
  return {
    cities: await citiesList(db),
    counties: (await countiesWithCity(db)).map((c) => ({ id: c.id, name: c.name, cityId: c.cityId })),
    zones: await zonesWithCity(db),
    pipeline: await pipelineByCounty(db),
    free: await countyQuota(db, 'free'),
    listed: await countyQuota(db, 'listed'),
    sold: [...await tradedByCounty(db, `${year}-01`, `${year}-12`)].map(([id, qtyMilliMu]) => ({ id, qtyMilliMu })),
    declared: await declaredIn(db, year),
    bought: await boughtIn(db, year),
  };
}
