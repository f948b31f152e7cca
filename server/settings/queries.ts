import 'server-only';
import { sql } from 'drizzle-orm';
import { type DbOrTx, reusable } from '@/db/client';
import { settings } from '@/db/schema';
import { type MarketSettings, SETTING_DEFAULTS, type SettingKey } from '@/server/settings/domain/settings';

const settingsQuery = (db: DbOrTx) => db.select().from(settings).prepare();

export function readSettings(db: DbOrTx): MarketSettings {
  const stored = new Map(reusable(db, settingsQuery).all().map((r) => [r.key, r.value]));
  const out = { ...SETTING_DEFAULTS } as MarketSettings;
  for (const key of Object.keys(SETTING_DEFAULTS) as SettingKey[]) out[key] = stored.get(key) ?? SETTING_DEFAULTS[key];
  return out;
}

export function writeSetting(db: DbOrTx, key: SettingKey, value: number) {
  db.insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value` } })
    .run();
}
