// Output schemas of the market-integrity screens (seed 001 三(三), 四(三)).
import 'server-only';
import { z } from 'zod';
import { METRIC_KEYS, THRESHOLD_KEYS } from '@/server/integrity/domain/thresholds';
import { basisPointsOut, countOut, epochMsOut, idOut, yearOut } from '@/server/kernel/outputs';

export const levelOut = z.enum(['green', 'amber', 'red', 'na']).describe('等级：绿（正常）、黄（关注）、红（警示）、na（样本不足） (green, amber, red; na: too few listings to grade)');
const linkedListingOut = z.object({ id: idOut, code: z.string().describe('挂牌编号') }).describe('标记所依据的挂牌 (a listing behind a flag)');

const metricOut = z
  .object({
    value: z.number().int().nullable().describe('指标值：比例为基点，平均竞买人数为百分之一人，成交价/底价为基点；null 为无可计 (share in bp, mean bidders in hundredths, ratio in bp)'),
    count: countOut.describe('分子 (what the share counts)'),
    base: countOut.describe('分母 (out of)'),
    level: levelOut,
    listings: z.array(linkedListingOut).describe('标记所依据的挂牌，至多 50 个 (the listings behind it, at most 50)'),
    more: countOut.describe('未列出的挂牌数 (listings behind it not listed)'),
  })
  .describe('一项筛查指标 (one screen)');

const groupOut = {
  listings: countOut.describe('期内截止的挂牌数 (listings closed in the period)'),
  withBids: countOut,
  awarded: countOut,
  auctions: countOut,
  medianBiddersX100: z.number().int().nullable().describe('竞买人数中位数，百分之一人'),
  meanRatioBp: basisPointsOut.nullable().describe('成交价/底价 平均值，基点'),
  metrics: z.object(Object.fromEntries(METRIC_KEYS.map((k) => [k, metricOut])) as Record<(typeof METRIC_KEYS)[number], typeof metricOut>),
  worst: levelOut.describe('各项中最严重的等级'),
};

const zoneOut = z.object({ id: idOut, name: z.string() });

export const screensOut = z
  .object({
    year: yearOut,
    quarter: z.number().int().nullable(),
    month: z.number().int().nullable(),
    label: z.string().describe('期间，如 2026、2026-Q2、2026-05'),
    from: epochMsOut,
    to: epochMsOut.describe('不含 (exclusive)'),
    windowSeconds: countOut.describe('判定迟到出价的延时窗口（秒），取期末适用的交易设置；每个挂牌按其截止时适用的设置判定 (the anti-sniping window in force at the period’s end; each listing is judged by the window in force at its close)'),
    total: z.object(groupOut),
    cities: z.array(z.object({ cityId: idOut, cityName: z.string(), ...groupOut })),
    counties: z.array(z.object({ countyId: idOut, countyName: z.string(), cityName: z.string(), ...groupOut })),
    pairs: z.array(
      z.object({
        kind: z.enum(['apart', 'rotation']).describe('apart：从不同场竞价；rotation：轮流中标'),
        zoneA: zoneOut,
        zoneB: zoneOut,
        listingsA: countOut,
        listingsB: countOut,
        base: countOut,
        runs: countOut.nullable(),
        pBp: basisPointsOut.describe('随机情况下出现此情形的概率，基点 (chance at random, bp)'),
        level: z.enum(['amber', 'red']),
        listings: z.array(linkedListingOut),
        more: countOut,
      }),
    ),
    pairsMore: countOut.describe('未列出的可疑开发区对 (flagged pairs not listed)'),
  })
  .describe('市场诚信筛查 (market-integrity screens)');

export const thresholdsOut = z
  .array(
    z.object({
      key: z.enum(THRESHOLD_KEYS as [string, ...string[]]),
      value: z.number().int(),
      defaultValue: z.number().int(),
      unit: z.enum(['bp', 'count', 'bidders']),
      min: z.number().int(),
      max: z.number().int(),
      source: z.enum(['eu_scoreboard', 'oecd_2009', 'cai_henderson_zhang_2013', 'comco_screens', 'significance', 'calibration']),
      updatedAt: epochMsOut.nullable(),
      updatedByName: z.string().nullable(),
    }),
  )
  .describe('筛查阈值及其出处 (the thresholds with their sources)');

export const thresholdsSetOut = z.object({ changed: countOut }).describe('已保存 (saved)');
