// Output schemas of linking projects (增减挂钩项目区): the plan and its plots, documents, the review
// workflow, reclamation (复垦) obligations, the lot of quota a project issues and where its units went.
import 'server-only';
import { z } from 'zod';
import { projects } from '@/db/schema';
import { CURRENT_USES, type ProjectStatus } from '@/server/projects/domain/projects';
import { OVERDUE_CONSEQUENCES, REMINDER_DAYS, type ObligationState, type ObligationStatus } from '@/server/projects/domain/reclamation';
import type { LotRow } from '@/server/market/queries';
import type * as data from './queries';
import type { reportProgress } from './reclamation';
import { landTypeOut } from '@/server/guidance/outputs';
import { assetOut } from '@/server/accounts/outputs';
import { type Describes, type Proves, type SameValues, epochMsOut, fenPerMuOut, idOut, milliMuOut } from '@/server/kernel/outputs';

export const projectStatusOut = z
  .enum(projects.status.enumValues)
  .describe('项目状态：draft 草稿 / city_review 市级审核 / province_review 省级审批 / returned 退回 / approved 已立项');
type _Status = Proves<SameValues<typeof projectStatusOut, ProjectStatus>>;

export const OBLIGATION_STATES = ['accepted', 'overdue', 'due', 'on_track'] as const;
export const obligationStateOut = z.enum(OBLIGATION_STATES).describe('复垦义务：accepted 已验收 / overdue 逾期 / due 临近期限 / on_track 正常');
type _State = Proves<SameValues<typeof obligationStateOut, ObligationState>>;

/** Where an approved project's reclamation (复垦) obligation stands. */
export const obligationOut = z
  .object({
    state: obligationStateOut,
    deadline: epochMsOut.describe('验收期限 (acceptance deadline)'),
    daysLeft: z.number().int().nullable().describe('距期限天数，逾期为负；已验收为 null'),
    reminderDays: z.literal(REMINDER_DAYS).nullable().describe('已到的提醒节点（180/90/30 天），临近期限时'),
    consequences: z.array(z.enum(OVERDUE_CONSEQUENCES)).readonly().describe('逾期后果 (consequences once overdue)'),
  })
  .describe('复垦义务状态 (reclamation obligation)');
type _Obligation = Proves<Describes<typeof obligationOut, ObligationStatus>>;

/** A project as stored. */
export const projectRowOut = z
  .object({
    id: idOut,
    countyId: idOut,
    name: z.string().describe('项目区名称'),
    villages: z.string().describe('涉及村庄'),
    status: projectStatusOut,
    forCrossRegion: z.boolean().describe('节余指标是否用于跨区域交易'),
    landType: landTypeOut,
    resettlementMilliMu: milliMuOut.describe('建新区安置用地面积（不计入节余）'),
    createdAt: epochMsOut,
    submittedAt: epochMsOut.nullable(),
    cityReviewedAt: epochMsOut.nullable(),
    returnedAt: epochMsOut.nullable(),
    returnReason: z.string().nullable().describe('退回理由'),
    approvedAt: epochMsOut.nullable().describe('立项时刻'),
    approvalRef: z.string().nullable().describe('立项批文号'),
    designApprovedAt: epochMsOut.nullable().describe('复垦设计批复时刻'),
    designRef: z.string().nullable().describe('复垦设计批复文号'),
    firstTradedAt: epochMsOut.nullable().describe('首笔交易结算时刻（复垦两年期限起算）'),
    reclamationAcceptedAt: epochMsOut.nullable().describe('复垦验收时刻'),
    acceptanceRef: z.string().nullable().describe('验收文号'),
  })
  .describe('项目区 (a linking project as stored)');
type _ProjectRow = Proves<Describes<typeof projectRowOut, data.ProjectRow>>;

/** A demolition plot (拆旧地块) of a project. */
export const plotOut = z
  .object({
    id: idOut,
    projectId: idOut,
    code: z.string().describe('地块编号'),
    village: z.string(),
    currentUse: z.enum(CURRENT_USES).describe('现状用途'),
    areaMilliMu: milliMuOut.describe('面积'),
    farmlandMilliMu: milliMuOut.describe('可复垦为耕地的面积'),
    farmlandGrade: z.number().int().nullable().describe('耕地质量等级（1 最好 … 10）；无耕地时为 null'),
  })
  .describe('拆旧地块 (a demolition plot)');
type _Plot = Proves<Describes<typeof plotOut, data.PlotRow>>;

/** A plan document (PDF) of a project; where it is stored is not said. */
export const documentOut = z
  .object({ id: idOut, projectId: idOut, fileName: z.string(), sizeBytes: z.number().int().describe('字节数'), sha256: z.string(), uploadedAt: epochMsOut, uploadedBy: idOut })
  .describe('规划文件 (a plan document)');
type _Document = Proves<Describes<typeof documentOut, Omit<Awaited<ReturnType<typeof data.documentsOf>>[number], 'storedName'>>>;

/** A county's report of reclamation progress (复垦进度). */
export const reportOut = z
  .object({ id: idOut, projectId: idOut, percent: z.number().int().describe('进度百分比 0–100'), note: z.string(), at: epochMsOut, reportedBy: idOut })
  .describe('复垦进度报告');
type _Reports = Proves<Describes<typeof reportOut, Awaited<ReturnType<typeof data.reportsOf>>[number]>>;
type _Reported = Proves<Describes<typeof reportOut, Awaited<ReturnType<typeof reportProgress>>>>;

/** A step of the project's workflow, as the audit log recorded it. */
const historyStepOut = z
  .object({ at: epochMsOut, action: z.string().describe('审计动作，如 project.submit'), actorName: z.string().nullable(), organisationName: z.string().nullable() })
  .describe('流程记录');
type _History = Proves<Describes<typeof historyStepOut, Omit<Awaited<ReturnType<typeof data.historyOf>>[number], 'after'>>>;

/** The lot of surplus quota (节余指标批次) a project's approval issued, with its serial range. */
export const lotOut = z
  .object({
    id: idOut,
    projectId: idOut,
    countyId: idOut,
    code: z.string().describe('指标批次编号，如 ZB2026-0001'),
    serialStart: z.number().int().describe('序号起点：批次的指标单位为 [serialStart, serialStart + qtyMilliMu)'),
    qtyMilliMu: milliMuOut.describe('节余指标数量'),
    farmlandMilliMu: milliMuOut.describe('所附耕地占补平衡指标'),
    landType: landTypeOut,
    issuedAt: epochMsOut,
  })
  .describe('节余指标批次 (a lot of surplus quota)');
type _Lot = Proves<Describes<typeof lotOut, LotRow>>;

/** A project as a row of a list, with its plan's totals and its lot. */
export const projectListRowOut = z
  .object({
    id: idOut,
    name: z.string(),
    status: projectStatusOut,
    countyId: idOut,
    countyName: z.string(),
    cityName: z.string(),
    expandedPower: z.boolean().describe('扩权强县（免市级审核）'),
    forCrossRegion: z.boolean(),
    resettlementMilliMu: milliMuOut,
    submittedAt: epochMsOut.nullable(),
    approvedAt: epochMsOut.nullable(),
    approvalRef: z.string().nullable(),
    firstTradedAt: epochMsOut.nullable(),
    designApprovedAt: epochMsOut.nullable(),
    reclamationAcceptedAt: epochMsOut.nullable(),
    lotId: idOut.nullable().describe('已立项项目的指标批次'),
    lotCode: z.string().nullable(),
    areaMilliMu: milliMuOut.describe('拆旧地块总面积'),
    farmlandMilliMu: milliMuOut.describe('可复垦耕地总面积'),
  })
  .describe('项目区（列表行）');
type _ListRow = Proves<Describes<typeof projectListRowOut, Awaited<ReturnType<typeof data.projectList>>[number]>>;

/** Projects in the caller's jurisdiction, each with its reclamation state (null until approved). */
export const projectListOut = z.array(projectListRowOut.extend({ obligation: obligationOut.nullable() })).describe('辖区内的项目区及复垦义务');

/** Plans waiting for the caller's decision. */
export const projectQueueOut = z.array(projectListRowOut).describe('待审核的项目区');

/** One project whole: plan, documents, workflow, reclamation, and what the caller may do. */
export const projectViewOut = z
  .object({
    project: projectRowOut.extend({ obligation: obligationOut.nullable() }),
    countyName: z.string(),
    cityId: idOut.nullable(),
    expandedPower: z.boolean(),
    plots: z.array(plotOut),
    documents: z.array(documentOut),
    reports: z.array(reportOut).describe('复垦进度报告，最新在前'),
    history: z.array(historyStepOut).describe('流程记录，最早在前'),
    lot: lotOut.nullable(),
    can: z
      .object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean(), approveDesign: z.boolean(), report: z.boolean(), accept: z.boolean() })
      .describe('调用者可进行的操作'),
  })
  .describe('项目区详情 (a project whole)');

const saleRowOut = z.object({
  tradeId: idOut,
  confirmationNo: z.string().describe('成交确认书编号'),
  buyerId: idOut,
  buyerName: z.string(),
  qtyMilliMu: milliMuOut,
  farmlandMilliMu: milliMuOut.nullable(),
  priceFenPerMu: fenPerMuOut,
  serialStart: z.number().int().nullable(),
  settledAt: epochMsOut.nullable(),
});
type _Sale = Proves<Describes<typeof saleRowOut, Awaited<ReturnType<typeof data.salesOfLot>>[number]>>;

/** A settled sale of a lot's units, with their serial range. */
export const saleOut = saleRowOut.extend({ range: z.string().describe('指标序号区间，如 000000000001–000000001000') }).describe('已结算的指标转让及其序号区间');

/** A zone's use of rights drawn from a lot. */
export const lotUseOut = z
  .object({
    useId: idOut,
    zoneId: idOut,
    zoneName: z.string(),
    applicationName: z.string().describe('用地申请名称'),
    approvalRef: z.string().describe('用地批准文号'),
    asset: assetOut,
    qtyMilliMu: milliMuOut.describe('从该批次核销的数量'),
    at: epochMsOut,
  })
  .describe('权益核销（本批次部分）');
type _Use = Proves<Describes<typeof lotUseOut, Awaited<ReturnType<typeof data.usesOfLot>>[number]>>;

/** Where every unit of the project's lot went. */
export const projectTraceOut = z
  .object({
    project: projectRowOut,
    countyName: z.string(),
    plots: z.array(plotOut),
    lot: lotOut.extend({ range: z.string().describe('批次序号区间') }).nullable().describe('未立项时为 null'),
    sales: z.array(saleOut),
    remaining: z
      .object({
        range: z.string().describe('未售序号区间'),
        qtyMilliMu: milliMuOut,
        freeMilliMu: milliMuOut.describe('可挂牌'),
        listedMilliMu: milliMuOut.describe('挂牌中'),
        awardedMilliMu: milliMuOut.describe('已成交待结算'),
      })
      .nullable()
      .describe('县仍持有的部分；全部售出时为 null'),
    uses: z.array(lotUseOut),
  })
  .describe('指标去向追溯 (where every unit of the lot went)');
