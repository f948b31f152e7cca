// Output schemas of what follows a trade: a zone's rights and their use (权益核销), a county's proceeds
// and their spending (收益使用), and the province's annual plan quota (计划指标).
import 'server-only';
import { z } from 'zod';
import { PLAN_KINDS } from '@/server/holdings/domain/plan';
import { SPENDING_CATEGORIES } from '@/server/holdings/domain/proceeds';
import type { proceedsStatement } from '@/server/books/journal';
import type * as data from '@/server/projects/queries';
import type { allocatePlan, spendProceeds, useRights } from './holdings';
import type { holdbacksByProject } from './queries';
import { type HoldbackState, holdbackView } from '@/server/holdings/domain/holdback';
import { entryReasonOut, holdingOut } from '@/server/accounts/outputs';
import { lotOut, lotUseOut, plotOut, saleOut } from '@/server/projects/outputs';
import { type Describes, type Proves, basisPointsOut, countOut, epochMsOut, fenOut, idOut, milliMuOut, yearOut } from '@/server/kernel/outputs';

// --- rights ------------------------------------------------------------------------------------------

/** A zone's use of rights for one of its land applications, as stored. */
export const rightsUseOut = z
  .object({
    id: idOut,
    zoneId: idOut,
    applicationName: z.string().describe('用地申请名称'),
    approvalRef: z.string().describe('用地批准文号'),
    areaMilliMu: milliMuOut.describe('用地面积'),
    rights: z.string().describe('核销的权益，逗号分隔：NEW_LAND, SCALE, FARMLAND'),
    at: epochMsOut,
    recordedBy: idOut,
  })
  .describe('权益核销记录 (a use of rights)');
type _Use = Proves<Describes<typeof rightsUseOut, Awaited<ReturnType<typeof useRights>>>>;
type _Uses = Proves<Describes<typeof rightsUseOut, Awaited<ReturnType<typeof data.usesOfZone>>[number]>>;

export const rightsUsesOut = z.array(rightsUseOut).describe('本园区的权益核销，最新在前');

export const rightsHeldOut = z.array(holdingOut).describe('本园区持有的指标与权益（按批次和资产）');

/** Where a zone's holding of a lot came from, and what it used of it. */
export const rightsTraceOut = z
  .object({
    lot: lotOut,
    project: z.object({ id: idOut, name: z.string(), villages: z.string(), approvalRef: z.string().nullable(), approvedAt: epochMsOut.nullable() }),
    countyName: z.string(),
    plots: z.array(plotOut),
    purchases: z.array(saleOut).describe('本园区购入该批次的交易及序号区间'),
    uses: z.array(lotUseOut),
    holdings: z.array(holdingOut),
  })
  .describe('持有指标溯源 (where a holding came from)');

// --- proceeds ----------------------------------------------------------------------------------------

export const spendingCategoryOut = z.enum(SPENDING_CATEGORIES).describe('收益使用类别');

/** A county's spending of its proceeds, as stored. */
export const spendingOut = z
  .object({
    id: idOut,
    countyId: idOut,
    spentOn: z.string().describe('支出日期 YYYY-MM-DD'),
    amountFen: fenOut,
    category: spendingCategoryOut,
    purpose: z.string().describe('用途'),
    budgetRef: z.string().describe('预算文号'),
    at: epochMsOut,
    recordedBy: idOut,
  })
  .describe('收益支出记录');
type _Spent = Proves<Describes<typeof spendingOut, Awaited<ReturnType<typeof spendProceeds>>>>;
type _Spendings = Proves<Describes<typeof spendingOut, Awaited<ReturnType<typeof data.spendingsOfCounty>>[number]>>;

/** A county's proceeds received and spent, from the journal. */
const countyProceedsOut = z.object({
  countyId: idOut,
  countyName: z.string(),
  cityName: z.string(),
  receivedFen: fenOut.describe('累计收入（成交价款及没收的保证金；验收前暂扣的价款拨付后计入）'),
  spentFen: fenOut.describe('累计支出'),
});
type _CountyProceeds = Proves<Describes<typeof countyProceedsOut, Awaited<ReturnType<typeof data.proceedsByCounty>>[number]>>;

export const proceedsByCountyOut = z.array(countyProceedsOut).describe('各县收益：收入与支出');

/** The county's proceeds: received, spent, left, and each spending. */
export const ownProceedsOut = countyProceedsOut
  .extend({ availableFen: fenOut.describe('可用余额'), spendings: z.array(spendingOut).describe('支出记录，最新在前') })
  .describe('本县收益');

/** A page of the county's proceeds as an account statement. */
export const proceedsStatementOut = z
  .object({
    lines: z.array(
      z.object({
        entryId: idOut,
        at: epochMsOut,
        reason: entryReasonOut.describe('分录事由：settlement 结算 / award_lapsed 没收保证金 / proceeds_spent 支出'),
        tradeId: idOut.nullable(),
        confirmationNo: z.string().nullable(),
        buyerName: z.string().nullable(),
        purpose: z.string().nullable().describe('支出的用途'),
        amountFen: fenOut.describe('收入为正，支出为负'),
        balanceFen: fenOut.describe('本笔后余额'),
      }),
    ),
    olderThan: idOut.nullable().describe('下一页的游标（传作 before）；最后一页为 null'),
  })
  .describe('收益对账单（一页，最新在前）');
type _Statement = Proves<Describes<typeof proceedsStatementOut, Awaited<ReturnType<typeof proceedsStatement>>>>;

// --- holdback until reclamation is accepted ---------------------------------------------------------

const HOLDBACK_STATES = ['held', 'released', 'forfeited', 'none'] as const satisfies readonly HoldbackState[];

/** One project's holdback: held now, released to the county, forfeited to the province. */
const holdbackRowOut = z
  .object({
    projectId: idOut,
    projectName: z.string(),
    countyId: idOut,
    countyName: z.string(),
    cityName: z.string(),
    lotId: idOut,
    lotCode: z.string(),
    approvedAt: epochMsOut.nullable(),
    firstTradedAt: epochMsOut.nullable(),
    reclamationAcceptedAt: epochMsOut.nullable().describe('复垦验收时间'),
    heldFen: fenOut.describe('暂扣中（待验收）'),
    heldInAllFen: fenOut.describe('累计暂扣'),
    releasedFen: fenOut.describe('验收后已拨付给县'),
    forfeitedFen: fenOut.describe('逾期未验收，已划归省级'),
    state: z.enum(HOLDBACK_STATES).describe('held 暂扣中 / released 已拨付 / forfeited 已划归省级 / none 无'),
    deadline: epochMsOut.nullable().describe('复垦验收期限'),
    overdue: z.boolean().describe('已过验收期限而未验收'),
  })
  .describe('项目暂扣价款');
type _HoldbackRow = Proves<Describes<typeof holdbackRowOut, ReturnType<typeof holdbackView<Awaited<ReturnType<typeof holdbacksByProject>>[number]>>>>;

const holdbackTotalsOut = z
  .object({ heldFen: fenOut.describe('暂扣中'), releasedFen: fenOut.describe('已拨付给县'), forfeitedFen: fenOut.describe('已划归省级') })
  .describe('暂扣价款合计');

/** The holdbacks of the projects in the caller's jurisdiction, with their totals. */
export const holdbacksOut = z
  .object({ rows: z.array(holdbackRowOut).describe('按项目，暂扣中的在前'), totals: holdbackTotalsOut, holdbackBp: basisPointsOut.describe('现行暂扣比例（基点）') })
  .describe('验收前暂扣的成交价款 (proceeds held until reclamation is accepted)');

// --- plan quota --------------------------------------------------------------------------------------

/** A county's plan quota allocation for a year. */
const allocationOut = z
  .object({
    id: idOut,
    countyId: idOut,
    countyName: z.string(),
    year: yearOut,
    kind: z.enum(PLAN_KINDS).describe('PLAN_NEW_LAND 新增建设用地计划 / PLAN_LINKING 增减挂钩计划'),
    qtyMilliMu: milliMuOut,
    documentRef: z.string().describe('下达文号'),
    at: epochMsOut,
  })
  .describe('年度计划指标下达');
type _Allocation = Proves<Describes<typeof allocationOut, Awaited<ReturnType<typeof data.allocations>>[number]>>;

export const allocationsOut = z.array(allocationOut).describe('计划指标下达记录，按年度倒序');

export const allocatedOut = z
  .object({ allocated: countOut.describe('下达的县数'), skipped: countOut.describe('已有该年度该类计划而跳过的县数') })
  .describe('计划下达结果');
type _Allocated = Proves<Describes<typeof allocatedOut, Awaited<ReturnType<typeof allocatePlan>>>>;
