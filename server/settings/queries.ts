import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { type DbOrTx, reusable } from '@/db/client';
import { settingVersions, users } from '@/db/schema';
import {
  type MarketSettings,
  type ReclamationYears,
  type SettingKey,
  type SettingVersion,
  type SettingsInForce,
  isSettingKey,
  reclamationYearsOf,
  settingsInForce,
  shortestReclamationYears,
} from '@/server/settings/domain/settings';

const versionsQuery = (db: DbOrTx) => db.select().from(settingVersions).prepare();

/** Every recorded version of every setting (a handful of rows: the province changes rules rarely). */
export async function settingVersionRows(db: DbOrTx): Promise<SettingVersion[]> {
  // A key this build does not know (one a later build removed) is not a setting here.
  return (await reusable(db, versionsQuery)
    .all())
    .flatMap((r) => (isSettingKey(r.key) ? [{ ...r, key: r.key }] : []));
}

/** The settings in force at `at`, each with its document and effective date. */
export async function settingsAt(db: DbOrTx, at: number): Promise<SettingsInForce> {
  return settingsInForce((await settingVersionRows(db)), at);
}

/** The values of the settings in force at `at`: a use case passes its `now`, the moment of its event. */
export async function readSettings(db: DbOrTx, at: number): Promise<MarketSettings> {
  return (await settingsAt(db, at)).values;
}

/** A function giving each project the reclamation periods that bind it (reclamationYearsOf), the versions read once. */
export async function reclamationYearsReader(db: DbOrTx) {
  const versions = await settingVersionRows(db);
  return {
    of: (p: { approvedAt: number; firstTradedAt: number | null }): ReclamationYears => reclamationYearsOf(versions, p),
    shortest: shortestReclamationYears(versions),
  };
}

export interface NewSettingVersion {
  key: SettingKey;
  value: number;
  documentNo: string;
  effectiveFrom: number;
  recordedAt: number;
  recordedBy: number;
}

export async function insertSettingVersion(db: DbOrTx, v: NewSettingVersion): Promise<SettingVersion> {
  const row = await db.insert(settingVersions).values(v).returning().get();
  return { ...row, key: v.key };
}

/** Every recorded version, newest first, with the name of who recorded it. */
export async function settingHistory(db: DbOrTx) {
  return (await db
    .select({
      id: settingVersions.id,
      key: settingVersions.key,
      value: settingVersions.value,
      documentNo: settingVersions.documentNo,
      effectiveFrom: settingVersions.effectiveFrom,
      recordedAt: settingVersions.recordedAt,
      recordedBy: settingVersions.recordedBy,
      recordedByName: users.displayName,
    })
    .from(settingVersions)
    .leftJoin(users, eq(users.id, settingVersions.recordedBy))
    .orderBy(desc(settingVersions.recordedAt), desc(settingVersions.id))
    .all())
    .flatMap((r) => (isSettingKey(r.key) ? [{ ...r, key: r.key }] : []));
}
