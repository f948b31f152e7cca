// The province's dashboards (seed 001 三(一), 三(三), 四(三)); a county and a zone see the
// parts about themselves. Figures come from the journal and settled trades; aggregation is in
// server/stats/domain/stats.ts. Every chart's data is returned as the rows of its table too.
import 'server-only';
import { together } from '@/db/client';
import { guidanceRows } from '@/server/guidance/queries';
import { projectList } from '@/server/projects/queries';
import * as data from './queries';
import { dayCst, yearRangeCst } from '@/server/kernel/china-time';
import { guidanceInForce, guidanceSegments } from '@/server/guidance/domain/guidance';
import { type CountyFlags, isInTarget } from '@/server/holdings/domain/plan';
import { obligationStatus } from '@/server/projects/domain/reclamation';
import type { ReclamationYears } from '@/server/settings/domain/settings';
import { reclamationYearsReader } from '@/server/settings/queries';
import { SEED_001_DOCUMENT } from '@/server/settings/domain/settings';
import {
  DEFAULT_TARGET_MILLI_MU,
  assessment,
  monthlySeriesOf,
  monthsBetween,
  obligationCounts,
  quarterlySeriesOf,
  spreadByCityOf,
  targetProgress,
  yearOf,
} from '@/server/stats/domain/stats';
import type { Services } from '@/server/kernel/deps';
import { setTargets } from '@/server/guidance/targets';
import { memo } from '@/server/books/memo';
import { statsFilter, targetInput } from '@/server/guidance/schemas';
import { type Context, provinceProcedure, publicProcedure, roleProcedure, router } from '@/server/kernel/trpc';
import { assessmentStatsOut, marketStatsOut, obligationStatsOut, proceedsStatsOut, publicStatsOut, statsPlacesOut, targetHistoryOut, targetsSetOut, targetsStatsOut } from './outputs';

type SignedIn = Context & { user: NonNullable<Context['user']> };

const MAX_POINTS = 1500;

/** The scope a caller may see: the province what it filters, a county its own sales, a zone its own purchases. */
function scopeOf(ctx: SignedIn, input: { cityId: number | null; countyId: number | null }) {
  if (ctx.user.role === 'county') return { cityId: null, countyId: ctx.user.organisationId, buyerId: null };
  if (ctx.user.role === 'zone') return { cityId: null, countyId: null, buyerId: ctx.user.organisationId };
  return { cityId: input.cityId, countyId: input.countyId, buyerId: null };
}

/** The reclamation state of an approved project (its approval time is set by then). */
const obligationOf = (
  p: Parameters<typeof obligationStatus>[0] extends infer F ? Omit<F, 'approvedAt' | 'years'> & { approvedAt: number | null } : never,
  now: number,
  yearsOf: (p: { approvedAt: number; firstTradedAt: number | null }) => ReclamationYears,
) => (p.approvedAt === null ? null : obligationStatus({ ...p, approvedAt: p.approvedAt, years: yearsOf({ approvedAt: p.approvedAt, firstTradedAt: p.firstTradedAt }) }, now).state);

const isPoverty = (c: CountyFlags) => isInTarget(c, 'poverty');

const dashboardProcedure = roleProcedure('province', 'county', 'zone');

/** A dashboard answer for this caller and filter, kept until the data changes (server/books/memo.ts). */
const kept = <T>(ctx: Context, name: string, input: unknown, compute: () => Promise<T>) =>
  memo(ctx.services.db, ctx.services.clock.now(), `${name}:${ctx.user?.role ?? 'public'}:${ctx.user?.organisationId ?? ''}:${JSON.stringify(input)}`, compute);

export const statsRouter = router({
  /** Prices against the guidance band (per month for the table, as in force day by day for the chart), spread by city, volume per month and cumulative. */
  market: dashboardProcedure.meta({ data: 'own organisation' }).input(statsFilter).output(marketStatsOut).query(({ ctx, input }) =>
    kept(ctx, 'market', input, async () => {
      const db = ctx.services.db;
      const now = ctx.services.clock.now();
      const year = input.year ?? yearOf(now);
      const [settled, guidance, cities] = await together([data.settledInMonths(db, `${year}-01`, `${year}-12`, scopeOf(ctx, input), MAX_POINTS), guidanceRows(db), data.citiesList(db)]);
      const months = monthsBetween(`${year}-01`, `${year}-12`);
      const cityName = new Map(cities.map((c) => [c.id, c.name]));
      return {
        year,
        count: settled.count,
        months: monthlySeriesOf(settled.countyMonths, months).map((m) => {
          // The band of a month: the guidance for ordinary farmland in force in its middle (the 15th).
          const g = guidanceInForce(guidance, dayCst(Number(m.month.slice(0, 4)), Number(m.month.slice(5)), 15), 'ordinary');
          return { ...m, referenceFenPerMu: g?.referenceFenPerMu ?? null, floorFenPerMu: g?.floorFenPerMu ?? null };
        }),
        band: guidanceSegments(guidance, yearRangeCst(year).from, yearRangeCst(year).to, 'ordinary'),
        // A chart needs no more points than it can draw: an even sample, in time order.
        points: settled.points,
        byCity: spreadByCityOf(settled.countyMonths).map((r) => ({ ...r, cityName: cityName.get(r.key) ?? '' })),
      };
    }),
  ),

  /** Proceeds per county: received and spent in the year, spent by category; ranked by received. */
  proceeds: roleProcedure('province', 'county').meta({ data: 'own organisation' }).input(statsFilter).output(proceedsStatsOut).query(({ ctx, input }) =>
    kept(ctx, 'proceeds', input, async () => {
      const db = ctx.services.db;
      const year = input.year ?? yearOf(ctx.services.clock.now());
      const scope = scopeOf(ctx, input);
      const [received, spent, counties] = await together([data.receivedByCounty(db, `${year}-01`, `${year}-12`), data.spentByCountyAndCategory(db, `${year}-01-01`, `${year}-12-31`), data.countiesWithCity(db)]);
      return {
        year,
        rows: counties
          .filter((c) => (scope.countyId ? c.id === scope.countyId : scope.cityId ? c.cityId === scope.cityId : true))
          .map((c) => {
            const mine = spent.filter((s) => s.countyId === c.id);
            return {
              countyId: c.id,
              countyName: c.name,
              cityName: c.cityName,
              receivedFen: received.get(c.id) ?? 0,
              spentFen: mine.reduce((sum, s) => sum + s.fen, 0),
              byCategory: Object.fromEntries(mine.map((s) => [s.category, s.fen])) as Partial<Record<(typeof mine)[number]['category'], number>>,
            };
          })
          .sort((a, b) => b.receivedFen - a.receivedFen || b.spentFen - a.spentFen || a.countyId - b.countyId),
      };
    }),
  ),

  /** Each poverty county's quantity traded in the year against its target, the counties behind first. */
  targets: roleProcedure('province', 'county').meta({ data: 'own organisation' }).input(statsFilter).output(targetsStatsOut).query(({ ctx, input }) =>
    kept(ctx, 'targets', input, async () => {
      const db = ctx.services.db;
      const year = input.year ?? yearOf(ctx.services.clock.now());
      const scope = scopeOf(ctx, input);
      const [all, targets, documents, traded] = await together([data.countiesWithCity(db), data.targetsOf(db, year), data.targetDocumentsOf(db, year), data.tradedByCounty(db, `${year}-01`, `${year}-12`)]);
      const counties = all.filter((c) => isPoverty(c) && (scope.countyId ? c.id === scope.countyId : scope.cityId ? c.cityId === scope.cityId : true));
      const byId = new Map(counties.map((c) => [c.id, c]));
      return {
        year,
        rows: targetProgress(counties.map((c) => ({ countyId: c.id, targetMilliMu: targets.get(c.id) ?? DEFAULT_TARGET_MILLI_MU, tradedMilliMu: traded.get(c.id) ?? 0 }))).map((r) => ({
          ...r,
          countyName: byId.get(r.countyId)!.name,
          cityName: byId.get(r.countyId)!.cityName,
          // The default target is seed 001's (三(一)); a target the province set names its own document.
          documentRef: documents.get(r.countyId) ?? SEED_001_DOCUMENT,
        })),
      };
    }),
  ),

  /** Reclamation due and overdue (seed 001 二(二)), by county and by city. */
  obligations: provinceProcedure.meta({ data: 'province-wide' }).input(statsFilter).output(obligationStatsOut).query(({ ctx, input }) =>
    kept(ctx, 'obligations', input, async () => {
      const db = ctx.services.db;
      const now = ctx.services.clock.now();
      const [all, years, projects] = await together([data.countiesWithCity(db), reclamationYearsReader(db), projectList(db, 'all', ['approved'])]);
      const counties = new Map(all.map((c) => [c.id, c]));
      const states = projects.flatMap((p) => {
        const c = counties.get(p.countyId)!;
        const state = obligationOf(p, now, years.of);
        return state === null || (input.cityId && c.cityId !== input.cityId) || (input.countyId && c.id !== input.countyId) ? [] : [{ county: c, state }];
      });
      return {
        byCounty: obligationCounts(states.map((s) => ({ key: s.county.id, state: s.state }))).map(({ key, ...r }) => ({ countyId: key, name: counties.get(key)!.name, cityName: counties.get(key)!.cityName, ...r })),
        byCity: obligationCounts(states.map((s) => ({ key: s.county.cityName, state: s.state }))).map(({ key, ...r }) => ({ cityName: key, ...r })),
      };
    }),
  ),

  /** The annual assessment: one row per poverty county with its mark. Made each first quarter for the past
   *  year; without a year it is of this year, as every other dashboard, and shows the progress so far. */
  assessment: provinceProcedure.meta({ data: 'province-wide' }).input(statsFilter).output(assessmentStatsOut).query(({ ctx, input }) =>
    kept(ctx, 'assessment', input, async () => {
      const db = ctx.services.db;
      const now = ctx.services.clock.now();
      const year = input.year ?? yearOf(now);
      const [all, targets, traded, received, spentRows, years, projects] = await together([
        data.countiesWithCity(db),
        data.targetsOf(db, year),
        data.tradedByCounty(db, `${year}-01`, `${year}-12`),
        data.receivedByCounty(db, `${year}-01`, `${year}-12`),
        data.spentByCountyAndCategory(db, `${year}-01-01`, `${year}-12-31`),
        reclamationYearsReader(db),
        projectList(db, 'all', ['approved']),
      ]);
      const counties = all.filter((c) => isPoverty(c) && (!input.cityId || c.cityId === input.cityId) && (!input.countyId || c.id === input.countyId));
      const byId = new Map(counties.map((c) => [c.id, c]));
      const spent = new Map<number, number>();
      for (const s of spentRows) spent.set(s.countyId, (spent.get(s.countyId) ?? 0) + s.fen);
      const overdue = new Map<number, number>();
      for (const p of projects) if (obligationOf(p, now, years.of) === 'overdue') overdue.set(p.countyId, (overdue.get(p.countyId) ?? 0) + 1);
      return {
        year,
        rows: assessment(
          counties.map((c) => ({
            countyId: c.id,
            targetMilliMu: targets.get(c.id) ?? DEFAULT_TARGET_MILLI_MU,
            tradedMilliMu: traded.get(c.id) ?? 0,
            receivedFen: received.get(c.id) ?? 0,
            spentFen: spent.get(c.id) ?? 0,
            overdueCount: overdue.get(c.id) ?? 0,
          })),
        ).map((r) => ({ ...r, countyName: byId.get(r.countyId)!.name, cityName: byId.get(r.countyId)!.cityName })),
      };
    }),
  ),

  /** The province sets a year's target for one poverty county or for all of them. */
  /** Every target set for the year, newest first, with its document and who set it: what was in force on any past day. */
  targetHistory: provinceProcedure.meta({ data: 'province-wide' }).input(statsFilter).output(targetHistoryOut).query(async ({ ctx, input }) => {
    const year = input.year ?? yearOf(ctx.services.clock.now());
    return { year, versions: await data.targetVersionsOf(ctx.services.db, year) };
  }),

  setTarget: provinceProcedure.meta({ data: 'province-wide' }).input(targetInput).output(targetsSetOut).mutation(({ ctx, input }) => setTargets(ctx.services, ctx.actor, { year: input.year, qtyMilliMu: input.qty, documentRef: input.documentRef, to: input.to })),

  /** Filters: cities and counties. */
  places: provinceProcedure.meta({ data: 'province-wide' }).output(statsPlacesOut).query(async ({ ctx }) => ({ cities: await data.citiesList(ctx.services.db), counties: await data.countiesWithCity(ctx.services.db) })),

  /** Public statistics (signed out): volume and median price per quarter over the last two years, guidance in force. */
  public: publicProcedure.meta({ data: 'public' }).output(publicStatsOut).query(({ ctx }) => kept(ctx, 'public', null, () => publicFigures(ctx.services))),
});

const everyScope = { cityId: null, countyId: null, buyerId: null };

async function publicFigures({ db, clock }: Services) {
  const year = yearOf(clock.now());
  const quarters = quarterlySeriesOf((await data.settledInMonths(db, `${year - 1}-01`, `${year}-12`, everyScope)).countyMonths);
  return { quarters, years: [year - 1, year] };
}
