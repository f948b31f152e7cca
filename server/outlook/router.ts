// The supply and demand outlook (seed 001 三(三), 四(三)): zones declare their demand for a year; the
// province reads the outlook of the whole province, a city bureau that of its own city.
import 'server-only';
import { TRPCError } from '@trpc/server';
import { translate } from '@/lib/i18n';
import { yearCst } from '@/server/kernel/china-time';
import { declarableYears, outlookOf, outlookOfCity } from '@/server/outlook/domain/outlook';
import { declareDemand } from './demand';
import * as data from './queries';
import { demandInput, outlookInput } from './schemas';
import { roleProcedure, router, zoneProcedure } from '@/server/kernel/trpc';
import { demandOut, outlookOut, ownDemandOut } from './outputs';

export const outlookRouter = router({
  /** The zone's declarations for this year and the next, and every revision of them. */
  demand: zoneProcedure.meta({ data: 'own organisation' }).output(ownDemandOut).query(async ({ ctx }) => {
    const db = ctx.services.db;
    const years = declarableYears(yearCst(ctx.services.clock.now()));
    const revisions = await data.demandRevisions(db, ctx.actor.organisationId, years);
    return { years, current: years.map((year) => ({ year, declaration: revisions.find((r) => r.year === year) ?? null })), revisions };
  }),

  /** The zone declares (or revises) its own demand for this year or the next. */
  declare: zoneProcedure.meta({ data: 'own organisation' }).input(demandInput).output(demandOut).mutation(({ ctx, input }) =>
    declareDemand(ctx.services, ctx.actor, { year: input.year, areaMilliMu: input.area, note: input.note }),
  ),

  /** Supply against declared demand by city: the province sees every city, a city bureau its own. */
  byCity: roleProcedure('province', 'city').meta({ data: 'jurisdiction' }).input(outlookInput).output(outlookOut).query(async ({ ctx, input }) => {
    const now = ctx.services.clock.now();
    const year = input.year ?? yearCst(now);
    const all = outlookOf((await data.outlookRows(ctx.services.db, year)));
    if (ctx.user.role === 'province') return { year, asOf: now, ...all };
    // A city bureau without a city has no jurisdiction to see.
    if (ctx.user.cityId === null) throw new TRPCError({ code: 'NOT_FOUND', message: translate(ctx.locale, 'errors', 'notFound') });
    return { year, asOf: now, ...outlookOfCity(all, ctx.user.cityId) };
  }),
});
