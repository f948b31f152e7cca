// The province's market-integrity screens (seed 001 三(三), 四(三): the province guides prices and
// watches the market): per period, city and county, the shares graded against the thresholds, each
// flag with the listings behind it; the suspicious pairs of zones; the thresholds and their sources.
import 'server-only';
import { memo } from '@/server/books/memo';
import { yearCst } from '@/server/kernel/china-time';
import { provinceProcedure, router } from '@/server/kernel/trpc';
import { settingVersionRows } from '@/server/settings/queries';
import { versionInForce } from '@/server/settings/domain/settings';
import { citiesList, countiesWithCity } from '@/server/stats/queries';
import { periodLabel, periodRange } from '@/server/integrity/domain/period';
import { type GroupScreen, screenBy, screenGroup, screenPairs } from '@/server/integrity/domain/screens';
import { METRIC_KEYS, THRESHOLD_KEYS, THRESHOLD_SPECS, type Thresholds } from '@/server/integrity/domain/thresholds';
import { closedListings, readThresholds, storedThresholds, zoneNames } from './queries';
import { integrityFilter, thresholdsInput } from './schemas';
import { setThresholds } from './thresholds';
import { screensOut, thresholdsOut, thresholdsSetOut } from './outputs';

/** Listings named under one flag, and pairs shown: the rest are counted. */
const MAX_LINKED = 50;
const MAX_PAIRS = 50;

export const integrityRouter = router({
  screens: provinceProcedure
    .meta({ data: 'province-wide' })
    .input(integrityFilter)
    .output(screensOut)
    .query(({ ctx, input }) => {
      const { db, clock } = ctx.services;
      const now = clock.now();
      // Kept until the data (or a threshold, whose change is audited) changes: server/books/memo.ts.
      return memo(db, now, `integrity:${JSON.stringify(input)}`, async () => {
        const period = { year: input.year ?? yearCst(now), quarter: input.month === null ? input.quarter : null, month: input.month };
        const range = periodRange(period);
        const rows = await closedListings(db, { ...range, cityId: input.cityId, countyId: input.countyId });
        const codes = new Map(rows.map((r) => [r.id, r.code]));
        const t: Thresholds = await readThresholds(db);
        const versions = await settingVersionRows(db);
        const rules = { windowMsAt: (at: number) => versionInForce(versions, 'antiSnipingWindowSeconds', at).value * 1000 };
        const linked = (ids: readonly number[]) => ({ listings: ids.slice(0, MAX_LINKED).map((id) => ({ id, code: codes.get(id) ?? '' })), more: Math.max(0, ids.length - MAX_LINKED) });
        const shown = (g: GroupScreen) => ({
          ...g,
          metrics: Object.fromEntries(METRIC_KEYS.map((k) => {
            const { listingIds, ...m } = g.metrics[k];
            return [k, { ...m, ...linked(listingIds) }];
          })) as Record<(typeof METRIC_KEYS)[number], Omit<GroupScreen['metrics'][(typeof METRIC_KEYS)[number]], 'listingIds'> & Awaited<ReturnType<typeof linked>>>,
        });
        const cityName = new Map((await citiesList(db)).map((c) => [c.id, c.name]));
        const county = new Map((await countiesWithCity(db)).map((c) => [c.id, c]));
        const zones = await zoneNames(db);
        const pairs = screenPairs(rows, t);
        return {
          ...period,
          label: periodLabel(period),
          ...range,
          windowSeconds: versionInForce(versions, 'antiSnipingWindowSeconds', Math.min(range.to - 1, now)).value,
          total: shown(screenGroup(rows, t, rules)),
          cities: screenBy(rows, (l) => l.cityId, t, rules).map(({ key, screen }) => ({ cityId: key, cityName: cityName.get(key) ?? '', ...shown(screen) })),
          counties: screenBy(rows, (l) => l.countyId, t, rules).map(({ key, screen }) => ({ countyId: key, countyName: county.get(key)?.name ?? '', cityName: county.get(key)?.cityName ?? '', ...shown(screen) })),
          pairs: pairs.slice(0, MAX_PAIRS).map(({ listingIds, zoneA, zoneB, ...p }) => ({
            ...p,
            zoneA: { id: zoneA, name: zones.get(zoneA) ?? '' },
            zoneB: { id: zoneB, name: zones.get(zoneB) ?? '' },
            ...linked(listingIds),
          })),
          pairsMore: Math.max(0, pairs.length - MAX_PAIRS),
        };
      });
    }),

  /** Every threshold: its value, its default and the default's source, who changed it last. */
  thresholds: provinceProcedure
    .meta({ data: 'province-wide' })
    .output(thresholdsOut)
    .query(async ({ ctx }) => {
      const values = await readThresholds(ctx.services.db);
      const stored = new Map((await storedThresholds(ctx.services.db)).map((r) => [r.key, r]));
      return THRESHOLD_KEYS.map((key) => {
        const spec = THRESHOLD_SPECS[key];
        const s = stored.get(key);
        return { key, value: values[key], defaultValue: spec.value, unit: spec.unit, min: spec.min, max: spec.max, source: spec.source, updatedAt: s?.updatedAt ?? null, updatedByName: s?.updatedByName ?? null };
      });
    }),

  setThresholds: provinceProcedure
    .meta({ data: 'province-wide' })
    .input(thresholdsInput)
    .output(thresholdsSetOut)
    .mutation(async ({ ctx, input }) => ({ changed: (await setThresholds(ctx.services, ctx.actor, input as Thresholds)).changed })),
});
