// Market settings as versioned rules: the province records a policy document's new values with the day
// they take effect, and reads what is in force now, on any day, and every version ever recorded.
import 'server-only';
import { dayStartCst, DAY_MS } from '@/server/kernel/china-time';
import { DomainError } from '@/server/kernel/errors';
import { SETTING_KEYS, type MarketSettings, type SettingsInForce } from '@/server/settings/domain/settings';
import { settingHistory, settingVersionRows, settingsAt } from './queries';
import { addSettingVersions } from './settings';
import { settingVersionInput, settingsOnDateInput } from './schemas';
import { provinceProcedure, router } from '@/server/kernel/trpc';
import { settingsCurrentOut, settingsHistoryOut, settingsInForceOut, settingVersionsAddedOut } from './outputs';

const dayStart = (isoDate: string) => {
  const at = dayStartCst(isoDate);
  if (at === null) throw new DomainError('invalidDate');
  return at;
};

const rowsOf = (s: SettingsInForce) => SETTING_KEYS.map((k) => s.versions[k]);

export const settingsRouter = router({
  /** The settings in force now, each with its document and effective date, and the versions waiting for their date. */
  current: provinceProcedure.meta({ data: 'province-wide' }).output(settingsCurrentOut).query(async ({ ctx }) => {
    const at = ctx.services.clock.now();
    const versions = await settingVersionRows(ctx.services.db);
    const pending = versions.filter((v) => v.effectiveFrom > at).sort((a, b) => a.effectiveFrom - b.effectiveFrom || a.id - b.id);
    return { at, rows: rowsOf((await settingsAt(ctx.services.db, at))), pending };
  }),

  /** The settings in force on a day (China time), as they stood at its end, with the documents behind them. */
  onDate: provinceProcedure.meta({ data: 'province-wide' }).input(settingsOnDateInput).output(settingsInForceOut).query(async ({ ctx, input }) => {
    const at = dayStart(input.date) + DAY_MS - 1;
    return { at, rows: rowsOf((await settingsAt(ctx.services.db, at))) };
  }),

  /** Every version ever recorded, newest first, with who recorded it. */
  history: provinceProcedure.meta({ data: 'province-wide' }).output(settingsHistoryOut).query(({ ctx }) => settingHistory(ctx.services.db)),

  /** A policy document's new values, in force from the chosen day (today: at once; never an earlier day). */
  addVersion: provinceProcedure
    .meta({ data: 'province-wide' })
    .input(settingVersionInput)
    .output(settingVersionsAddedOut)
    .mutation(({ ctx, input }) => {
      const { documentNo, effectiveDate, ...rest } = input;
      const values: Partial<MarketSettings> = {};
      for (const k of SETTING_KEYS) if (rest[k] !== undefined) values[k] = rest[k];
      return addSettingVersions(ctx.services, ctx.actor, { values, documentNo, effectiveDay: dayStart(effectiveDate) });
    }),
});
