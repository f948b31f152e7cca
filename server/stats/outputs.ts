// Output schemas of the dashboards (统计): market prices against the guidance band, proceeds per
// county, poverty counties' targets (交易任务) and the annual assessment (考核), reclamation due and
// overdue, and the public figures. Each chart's data comes as the rows of its table.
import 'server-only';
import { z } from 'zod';
import type { AssessmentMark, AssessmentRow, MonthRow, ObligationCounts, QuarterRow, SpreadRow, TargetRow } from '@/server/stats/domain/stats';
import { SPENDING_CATEGORIES } from '@/server/holdings/domain/proceeds';
import type { setTargets } from '@/server/guidance/targets';
import type { citiesList, countiesWithCity } from './queries';
import { guidanceSegmentOut } from '@/server/guidance/outputs';
import { type Describes, type Proves, type SameValues, basisPointsOut, countOut, epochMsOut, fenOut, fenPerMuOut, idOut, milliMuOut, yearOut } from '@/server/kernel/outputs';

const monthOut = z.object({
  month: z.string().describe('月份 YYYY-MM（北京时间）'),
  count: countOut.describe('成交笔数'),
  volumeMilliMu: milliMuOut.describe('成交量'),
  amountFen: fenOut.describe('成交额'),
  medianFenPerMu: fenPerMuOut.nullable().describe('成交价中位数；无成交为 null'),
  cumulativeMilliMu: milliMuOut.describe('年内累计成交量'),
  cumulativeAmountFen: fenOut.describe('年内累计成交额'),
});
type _Month = Proves<Describes<typeof monthOut, MonthRow>>;

const spreadOut = z.object({
  key: idOut.describe('市 id'),
  count: countOut,
  minFenPerMu: fenPerMuOut,
  p25FenPerMu: fenPerMuOut.describe('25% 分位'),
  medianFenPerMu: fenPerMuOut,
  p75FenPerMu: fenPerMuOut.describe('75% 分位'),
  maxFenPerMu: fenPerMuOut,
  volumeMilliMu: milliMuOut,
});
type _Spread = Proves<Describes<typeof spreadOut, SpreadRow<number>>>;

/** The market dashboard of a year. */
export const marketStatsOut = z
  .object({
    year: yearOut,
    count: countOut.describe('全年已结算成交笔数'),
    months: z
      .array(monthOut.extend({ referenceFenPerMu: fenPerMuOut.nullable().describe('当月 15 日现行的普通耕地指导价'), floorFenPerMu: fenPerMuOut.nullable().describe('当月 15 日现行的最低限价') }))
      .describe('逐月成交'),
    band: z.array(guidanceSegmentOut).describe('价格指导区间（普通耕地），供价格图'),
    points: z
      .array(z.object({ at: epochMsOut.describe('结算时刻'), priceFenPerMu: fenPerMuOut, qtyMilliMu: milliMuOut }))
      .describe('成交价散点，均匀抽样最多 1500 个，按时间排序'),
    byCity: z.array(spreadOut.extend({ cityName: z.string() })).describe('各市成交价分布，按中位数降序'),
  })
  .describe('市场统计（年度）');

/** Proceeds per county in a year: received, spent, spent by category. */
export const proceedsStatsOut = z
  .object({
    year: yearOut,
    rows: z.array(
      z.object({
        countyId: idOut,
        countyName: z.string(),
        cityName: z.string(),
        receivedFen: fenOut.describe('年内收入'),
        spentFen: fenOut.describe('年内支出'),
        byCategory: z.partialRecord(z.enum(SPENDING_CATEGORIES), fenOut).describe('按类别的支出；无支出的类别不出现'),
      }),
    ),
  })
  .describe('各县收益统计（年度），按收入降序');

const targetRowOut = z.object({
  countyId: idOut,
  targetMilliMu: milliMuOut.describe('年度交易任务'),
  tradedMilliMu: milliMuOut.describe('年内已结算交易量'),
  shortfallMilliMu: milliMuOut.describe('差额'),
  progressBp: basisPointsOut.describe('完成进度（基点）；任务为 0 时为 10000'),
  met: z.boolean().describe('是否完成'),
});
type _Target = Proves<Describes<typeof targetRowOut, TargetRow>>;

/** Each poverty county's progress against its yearly target, the counties behind first. */
export const targetsStatsOut = z
  .object({ year: yearOut, rows: z.array(targetRowOut.extend({ countyName: z.string(), cityName: z.string(), documentRef: z.string().describe('目标的依据文号') })) })
  .describe('贫困县交易任务完成情况（年度）');

/** Every target the province set for a year, newest first: the one in force on a day is the latest set by then. */
export const targetHistoryOut = z
  .object({
    year: yearOut,
    versions: z.array(
      z.object({
        countyId: idOut,
        countyName: z.string(),
        qtyMilliMu: milliMuOut.describe('年度交易目标'),
        documentRef: z.string().describe('依据文号'),
        setAt: epochMsOut.describe('设置时间'),
        setBy: z.string().nullable().describe('设置人；迁移前设置的为空'),
      }),
    ),
  })
  .describe('年度交易目标的设置历史');

const countsOut = z.object({
  open: countOut.describe('未验收'),
  due: countOut.describe('其中临近期限'),
  overdue: countOut.describe('其中逾期'),
  accepted: countOut.describe('已验收'),
});
type _Counts = Proves<Describes<typeof countsOut, ObligationCounts>>;

/** Reclamation obligations counted by county and by city, most overdue first. */
export const obligationStatsOut = z
  .object({
    byCounty: z.array(z.object({ countyId: idOut, name: z.string(), cityName: z.string(), ...countsOut.shape })),
    byCity: z.array(z.object({ cityName: z.string(), ...countsOut.shape })),
  })
  .describe('复垦义务统计');

export const ASSESSMENT_MARKS = ['reward', 'interview', 'none'] as const;
const markOut = z.enum(ASSESSMENT_MARKS).describe('reward 奖励 / interview 约谈 / none 无');
type _Mark = Proves<SameValues<typeof markOut, AssessmentMark>>;

const assessmentRowOut = z.object({
  countyId: idOut,
  targetMilliMu: milliMuOut,
  tradedMilliMu: milliMuOut,
  receivedFen: fenOut,
  spentFen: fenOut,
  overdueCount: countOut.describe('逾期未验收的项目数'),
  progressBp: basisPointsOut,
  mark: markOut,
});
type _Assessment = Proves<Describes<typeof assessmentRowOut, AssessmentRow>>;

/** The annual assessment: one row per poverty county with its mark. */
export const assessmentStatsOut = z
  .object({ year: yearOut, rows: z.array(assessmentRowOut.extend({ countyName: z.string(), cityName: z.string() })) })
  .describe('年度考核评估');

export const targetsSetOut = z.object({ set: countOut.describe('设定任务的县数') }).describe('已设定交易任务');
type _Set = Proves<Describes<typeof targetsSetOut, Awaited<ReturnType<typeof setTargets>>>>;

const cityOut = z.object({ id: idOut, name: z.string() });
type _City = Proves<Describes<typeof cityOut, Awaited<ReturnType<typeof citiesList>>[number]>>;
const countyOut = z.object({
  id: idOut,
  name: z.string(),
  cityId: idOut,
  cityName: z.string(),
  nationalPoverty: z.boolean().describe('国家级贫困县'),
  provincialPoverty: z.boolean().describe('省级贫困县'),
});
type _County = Proves<Describes<typeof countyOut, Awaited<ReturnType<typeof countiesWithCity>>[number]>>;

/** The filters' choices: cities and counties. */
export const statsPlacesOut = z.object({ cities: z.array(cityOut), counties: z.array(countyOut) }).describe('筛选项：市、县');

const quarterOut = z.object({
  quarter: z.string().describe('季度 YYYY-Qn'),
  count: countOut,
  volumeMilliMu: milliMuOut,
  medianFenPerMu: fenPerMuOut.nullable(),
});
type _Quarter = Proves<Describes<typeof quarterOut, QuarterRow>>;

/** The public figures: volume and median price per quarter over the last two years. */
export const publicStatsOut = z
  .object({ quarters: z.array(quarterOut).describe('有成交的季度，升序'), years: z.array(yearOut).length(2).describe('[去年, 今年]') })
  .describe('公开统计');
