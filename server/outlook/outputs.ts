// Output schemas of the supply and demand outlook (供需形势) and of the zones' declared demand (用地需求申报).
import 'server-only';
import { z } from 'zod';
import { type CityOutlook, type CountyOutlook, OUTLOOK_LEVELS, type OutlookLevel, type OutlookTotals, type ZoneOutlook } from '@/server/outlook/domain/outlook';
import type { declareDemand } from './demand';
import type { demandRevisions } from './queries';
import { type Describes, type Proves, type SameValues, epochMsOut, idOut, milliMuOut, yearOut } from '@/server/kernel/outputs';

/** A zone's declaration for a year, as stored. */
export const demandOut = z
  .object({
    id: idOut,
    zoneId: idOut,
    year: yearOut,
    revision: z.number().int().describe('第几次申报（1 为首次）'),
    areaMilliMu: milliMuOut.describe('申报的用地需求'),
    note: z.string().describe('用途或说明'),
    declaredAt: epochMsOut,
    declaredBy: idOut.describe('申报人 (user id)'),
  })
  .describe('用地需求申报 (a declaration of demand)');
type _Declared = Proves<Describes<typeof demandOut, Awaited<ReturnType<typeof declareDemand>>>>;

const revisionOut = z.object({
  id: idOut,
  year: yearOut,
  revision: z.number().int().describe('第几次申报（1 为首次）'),
  areaMilliMu: milliMuOut,
  note: z.string(),
  declaredAt: epochMsOut,
  declaredByName: z.string().describe('申报人姓名'),
});
type _Revision = Proves<Describes<typeof revisionOut, Awaited<ReturnType<typeof demandRevisions>>[number]>>;

/** The zone's declarations for this year and the next: the one in force for each, and every revision. */
export const ownDemandOut = z
  .object({
    years: z.array(yearOut).length(2).describe('可申报的年度：[今年, 明年]'),
    current: z.array(z.object({ year: yearOut, declaration: revisionOut.nullable().describe('现行申报；null 为未申报') })).describe('各年度现行申报'),
    revisions: z.array(revisionOut).describe('全部申报记录，年度和次序倒序'),
  })
  .describe('本开发区的用地需求申报');

const levelOut = z.enum(OUTLOOK_LEVELS as [OutlookLevel, ...OutlookLevel[]]).describe('ample 充足 / thin 偏紧（需求超过可用和挂牌指标）/ short 短缺（含在审项目仍不足）');
type _Level = Proves<SameValues<typeof levelOut, OutlookLevel>>;

const supply = {
  pipelineMilliMu: milliMuOut.describe('在审项目区（市级审查、省级审批中）将产生的节余指标'),
  freeMilliMu: milliMuOut.describe('可用指标（未挂牌）'),
  listedMilliMu: milliMuOut.describe('挂牌中指标（待审核、未开始、交易中）'),
  soldMilliMu: milliMuOut.describe('年内已成交（已结算）'),
  supplyMilliMu: milliMuOut.describe('可供指标 = 可用 + 挂牌中 + 在审'),
};
const demand = {
  declaredMilliMu: milliMuOut.describe('开发区申报的年度需求'),
  boughtMilliMu: milliMuOut.describe('开发区年内已购得（已结算）'),
  remainingMilliMu: milliMuOut.describe('尚未满足的需求（每个开发区不低于 0）'),
};
const balance = {
  gapMilliMu: z.number().int().describe('供需差 = 可供指标 − 尚未满足的需求，单位：千分之一亩；负数为短缺'),
  thin: z.boolean().describe('尚未满足的需求超过可用和挂牌指标：市场将偏紧'),
  level: levelOut,
};

const countyRowOut = z.object({ countyId: idOut, name: z.string(), ...supply });
type _County = Proves<Describes<typeof countyRowOut, CountyOutlook>>;
const zoneRowOut = z.object({ zoneId: idOut, name: z.string(), ...demand });
type _Zone = Proves<Describes<typeof zoneRowOut, ZoneOutlook>>;
const cityRowOut = z.object({
  cityId: idOut.nullable().describe('市 id；null 为未指定市的开发区'),
  cityName: z.string(),
  ...supply,
  ...demand,
  ...balance,
  counties: z.array(countyRowOut).describe('本市各县的供给'),
  zones: z.array(zoneRowOut).describe('本市各开发区的需求'),
});
type _City = Proves<Describes<typeof cityRowOut, CityOutlook>>;
const totalsOut = z.object({ ...supply, ...demand, ...balance });
type _Totals = Proves<Describes<typeof totalsOut, OutlookTotals>>;

/** The outlook of a year by city, with the totals of the cities shown. */
export const outlookOut = z
  .object({
    year: yearOut,
    asOf: epochMsOut.describe('可用、挂牌中和在审指标为此刻的数量'),
    cities: z.array(cityRowOut),
    totals: totalsOut.describe('所列各市合计'),
  })
  .describe('指标供需形势（年度，按市）');
