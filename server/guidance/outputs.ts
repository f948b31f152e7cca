// Output schemas of price guidance (价格指导, seed 001 三(三)): the periods the province publishes and
// the figures in force beside a listing's price or on the dashboard's chart.
import 'server-only';
import { z } from 'zod';
import { LAND_TYPES } from '@/server/projects/domain/projects';
import type { GuidanceSegment } from '@/server/guidance/domain/guidance';
import type { guidanceHistory, guidanceRows } from './queries';
import type { publishGuidance } from './guidance';
import { type Describes, type Proves, epochMsOut, fenPerMuOut, idOut } from '@/server/kernel/outputs';

export const landTypeOut = z.enum(LAND_TYPES).describe('复垦土地类型 (type of reclaimed land)');

const period = {
  id: idOut,
  validFrom: epochMsOut.describe('起始时刻，含 (first moment of the period, 00:00 China time)'),
  validTo: epochMsOut.nullable().describe('结束时刻，不含；null 为未定 (first moment after the period; null while no end is set)'),
  landType: landTypeOut.nullable().describe('适用土地类型；null 为所有类型 (null: every type)'),
  referenceFenPerMu: fenPerMuOut.describe('指导价 (reference price)'),
  floorFenPerMu: fenPerMuOut.describe('最低限价 (floor price)'),
  documentRef: z.string().describe('发文文号 (reference of the publishing document)'),
  publishedAt: epochMsOut,
};

/** A period of price guidance as stored. */
export const guidanceRowOut = z.object({ ...period, publishedBy: idOut.describe('发布人 (user id)') }).describe('价格指导期间 (a period of price guidance)');
type _Row = Proves<Describes<typeof guidanceRowOut, Awaited<ReturnType<typeof guidanceRows>>[number]>>;
type _Published = Proves<Describes<typeof guidanceRowOut, Awaited<ReturnType<typeof publishGuidance>>>>;

/** A period with the name of who published it, for the province's history. */
const guidanceHistoryRowOut = z.object({ ...period, publishedByName: z.string().describe('发布人姓名') }).describe('价格指导期间及发布人');
type _History = Proves<Describes<typeof guidanceHistoryRowOut, Awaited<ReturnType<typeof guidanceHistory>>[number]>>;

export const guidanceHistoryOut = z.array(guidanceHistoryRowOut).describe('全部价格指导期间，最新在前');

/** The guidance in force for each type of reclaimed land. */
export const guidanceCurrentOut = z
  .array(z.object({ landType: landTypeOut, guidance: guidanceRowOut.nullable().describe('现行价格指导；null 为未发布') }))
  .describe('各类土地现行价格指导 (guidance in force now, per type of land)');

/** The guidance in force beside a listing's price: reference, floor and the document. */
export const guidanceBriefOut = z
  .object({ referenceFenPerMu: fenPerMuOut.describe('指导价'), floorFenPerMu: fenPerMuOut.describe('最低限价'), documentRef: z.string().describe('发文文号') })
  .describe('挂牌土地适用的现行价格指导 (guidance in force for the listing’s land)');

/** A stretch of time with the same guidance in force: the price chart's band. */
export const guidanceSegmentOut = z
  .object({ from: epochMsOut, to: epochMsOut.describe('不含 (exclusive)'), referenceFenPerMu: fenPerMuOut, floorFenPerMu: fenPerMuOut })
  .describe('价格指导区间 (a stretch with the same guidance in force)');
type _Segment = Proves<Describes<typeof guidanceSegmentOut, GuidanceSegment>>;
