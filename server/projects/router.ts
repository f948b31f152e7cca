// Linking projects, their review workflow, reclamation obligations and the trace of their quota.
import 'server-only';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { translate } from '@/lib/i18n';
import * as data from './queries';
import { reviewerOf, isEditable, type ProjectStatus } from '@/server/projects/domain/projects';
import { obligationStatus } from '@/server/projects/domain/reclamation';
import type { ReclamationYears } from '@/server/settings/domain/settings';
import { reclamationYearsReader } from '@/server/settings/queries';
import { formatSerialRange, remainingRange } from '@/server/lots/domain/serials';
import { seesProject } from '@/server/market/domain/visibility';
import { acceptReclamation, approveDesign, reportProgress } from './reclamation';
import {
  type ProjectDraft,
  cityReview,
  draftProject,
  provinceReview,
  removeDocument,
  submitProject,
  updateProject,
} from './projects';
import { balanceOf } from '@/server/books/journal';
import { accountsOf } from '@/server/books/domain/ledger';
import { byId } from '@/server/market/schemas';
import { progressInput, projectInput, projectReviewInput, projectUpdateInput, provinceReviewInput, refInput } from './schemas';
import { documentOut, projectListOut, projectQueueOut, projectRowOut, projectTraceOut, projectViewOut, reportOut } from './outputs';
import { type Context, countyProcedure, provinceProcedure, roleProcedure, router } from '@/server/kernel/trpc';

const officialProcedure = roleProcedure('county', 'city', 'province');
const cityProcedure = roleProcedure('city');

const toDraft = (i: z.output<typeof projectInput>): ProjectDraft => ({
  name: i.name,
  villages: i.villages,
  forCrossRegion: i.forCrossRegion,
  landType: i.landType,
  resettlementMilliMu: i.resettlement,
  plots: i.plots.map((p) => ({
    code: p.code,
    village: p.village,
    currentUse: p.currentUse,
    areaMilliMu: p.area,
    farmlandMilliMu: p.farmland,
    farmlandGrade: p.farmland > 0 ? p.farmlandGrade : null,
  })),
});

type SignedIn = Context & { user: NonNullable<Context['user']> };

/** Projects in the caller's jurisdiction: its own (county), its counties' (city), all (province). */
function scopeOf(ctx: SignedIn): data.ProjectScope {
  if (ctx.user.role === 'county') return { countyId: ctx.user.organisationId };
  if (ctx.user.role === 'city') return { cityId: ctx.user.cityId ?? -1 };
  return 'all';
}

/** The project if the caller may see it; otherwise the same "not found" as a missing one. */
async function visibleProject(ctx: SignedIn, id: number) {
  const found = await data.projectWithCounty(ctx.services.db, id);
  if (!found || !seesProject(ctx.user, { countyId: found.project.countyId, cityId: found.cityId })) {
    throw new TRPCError({ code: 'NOT_FOUND', message: translate(ctx.locale, 'errors', 'projectNotFound') });
  }
  return found;
}

const withObligation = <T extends { status: ProjectStatus; approvedAt: number | null; firstTradedAt: number | null; reclamationAcceptedAt: number | null }>(
  p: T,
  now: number,
  yearsOf: (p: { approvedAt: number; firstTradedAt: number | null }) => ReclamationYears,
) => ({
  ...p,
  obligation:
    p.status === 'approved' && p.approvedAt !== null
      ? obligationStatus({ approvedAt: p.approvedAt, firstTradedAt: p.firstTradedAt, reclamationAcceptedAt: p.reclamationAcceptedAt, years: yearsOf({ approvedAt: p.approvedAt, firstTradedAt: p.firstTradedAt }) }, now)
      : null,
});

const STATE_ORDER = { overdue: 0, due: 1, on_track: 2, accepted: 3 } as const;

export const projectsRouter = router({
  /** Projects in the caller's jurisdiction, newest first, with their reclamation state. */
  list: officialProcedure.meta({ data: 'jurisdiction' }).output(projectListOut).query(async ({ ctx }) => {
    const now = ctx.services.clock.now();
    const years = await reclamationYearsReader(ctx.services.db);
    return (await data.projectList(ctx.services.db, scopeOf(ctx))).map((p) => withObligation(p, now, years.of));
  }),

  /** Plans waiting for the caller's decision: the city's reviews, or the province's approvals. */
  queue: roleProcedure('city', 'province').meta({ data: 'jurisdiction' }).output(projectQueueOut).query(({ ctx }) =>
    data.projectList(ctx.services.db, scopeOf(ctx), [ctx.user.role === 'city' ? 'city_review' : 'province_review']),
  ),

  /** Reclamation obligations of approved projects, overdue first, then by deadline. */
  obligations: officialProcedure.meta({ data: 'jurisdiction' }).output(projectListOut).query(async ({ ctx }) => {
    const now = ctx.services.clock.now();
    const years = await reclamationYearsReader(ctx.services.db);
    return (await data
      .projectList(ctx.services.db, scopeOf(ctx), ['approved']))
      .map((p) => withObligation(p, now, years.of))
      .sort((a, b) => STATE_ORDER[a.obligation!.state] - STATE_ORDER[b.obligation!.state] || a.obligation!.deadline - b.obligation!.deadline);
  }),

  /** One project whole: plan, documents, workflow history, reclamation, and what the caller may do. */
  get: officialProcedure.meta({ data: 'jurisdiction' }).input(byId).output(projectViewOut).query(async ({ ctx, input }) => {
    const db = ctx.services.db;
    const now = ctx.services.clock.now();
    const { project, countyName, cityId, expandedPower } = await visibleProject(ctx, input.id);
    const role = ctx.user.role;
    const own = role === 'county';
    const reviewer = reviewerOf(project.status);
    const approved = project.status === 'approved';
    const open = approved && project.reclamationAcceptedAt === null;
    return {
      project: withObligation(project, now, (await reclamationYearsReader(db)).of),
      countyName,
      cityId,
      expandedPower,
      plots: await data.plotsOf(db, project.id),
      documents: (await data.documentsOf(db, project.id)).map(({ storedName: _stored, ...d }) => d),
      reports: await data.reportsOf(db, project.id),
      history: (await data.historyOf(db, project.id)).map(({ after: _after, ...h }) => h),
      lot: await data.lotOfProject(db, project.id) ?? null,
      can: {
        edit: own && isEditable(project.status),
        submit: own && isEditable(project.status),
        review: reviewer !== null && reviewer === role,
        approveDesign: role === 'city' && approved && project.designApprovedAt === null,
        report: own && open && project.designApprovedAt !== null,
        accept: role === 'city' && open && project.designApprovedAt !== null,
      },
    };
  }),

  /**
   * Where every unit of the project's lot went: the serial range of each sale and its buyer, what the
   * county still holds, and the rights zones have used from it.
   */
  trace: officialProcedure.meta({ data: 'jurisdiction' }).input(byId).output(projectTraceOut).query(async ({ ctx, input }) => {
    const db = ctx.services.db;
    const { project, countyName } = await visibleProject(ctx, input.id);
    const lot = await data.lotOfProject(db, project.id);
    if (!lot) return { project, countyName, plots: await data.plotsOf(db, project.id), lot: null, sales: [], remaining: null, uses: [] };
    const sales = await data.salesOfLot(db, lot.id);
    const sold = sales.reduce((sum, s) => sum + s.qtyMilliMu, 0);
    const rest = remainingRange(lot, sold);
    const held = (b: 'free' | 'listed' | 'awarded') => balanceOf(db, accountsOf.quota(project.countyId, b, lot.id));
    return {
      project,
      countyName,
      plots: await data.plotsOf(db, project.id),
      lot: { ...lot, range: formatSerialRange({ start: lot.serialStart, end: lot.serialStart + lot.qtyMilliMu }) },
      sales: sales.map((s) => ({ ...s, range: formatSerialRange({ start: s.serialStart!, end: s.serialStart! + s.qtyMilliMu }) })),
      remaining: rest && { range: formatSerialRange(rest), qtyMilliMu: rest.end - rest.start, freeMilliMu: await held('free'), listedMilliMu: await held('listed'), awardedMilliMu: await held('awarded') },
      uses: await data.usesOfLot(db, lot.id),
    };
  }),

  create: countyProcedure.meta({ data: 'own organisation' }).input(projectInput).output(projectRowOut).mutation(({ ctx, input }) => draftProject(ctx.services, ctx.actor, toDraft(input))),

  update: countyProcedure.meta({ data: 'own organisation' }).input(projectUpdateInput).output(projectRowOut).mutation(({ ctx, input }) => updateProject(ctx.services, ctx.actor, input.projectId, toDraft(input))),

  removeDocument: countyProcedure.meta({ data: 'own organisation' }).input(byId).output(documentOut).mutation(async ({ ctx, input }) => {
    const { storedName: _stored, ...doc } = await removeDocument(ctx.services, ctx.actor, input.id);
    return doc;
  }),

  submit: countyProcedure.meta({ data: 'own organisation' }).input(byId).output(projectRowOut).mutation(({ ctx, input }) => submitProject(ctx.services, ctx.actor, input.id)),

  cityReview: cityProcedure.meta({ data: 'jurisdiction' }).input(projectReviewInput).output(projectRowOut).mutation(({ ctx, input }) => cityReview(ctx.services, ctx.actor, input.projectId, input)),

  provinceReview: provinceProcedure.meta({ data: 'province-wide' }).input(provinceReviewInput).output(projectRowOut).mutation(({ ctx, input }) => provinceReview(ctx.services, ctx.actor, input.projectId, input)),

  approveDesign: cityProcedure.meta({ data: 'jurisdiction' }).input(refInput).output(projectRowOut).mutation(({ ctx, input }) => approveDesign(ctx.services, ctx.actor, input.projectId, input.ref)),

  reportProgress: countyProcedure.meta({ data: 'own organisation' }).input(progressInput).output(reportOut).mutation(({ ctx, input }) => reportProgress(ctx.services, ctx.actor, input.projectId, input)),

  acceptReclamation: cityProcedure.meta({ data: 'jurisdiction' }).input(refInput).output(projectRowOut).mutation(({ ctx, input }) => acceptReclamation(ctx.services, ctx.actor, input.projectId, input.ref)),
});
