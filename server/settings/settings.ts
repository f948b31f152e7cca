import 'server-only';
import { writeAudit } from '@/server/books/audit-log';
import { insertSettingVersion, settingsAt } from './queries';
import { type MarketSettings, type SettingKey, effectiveFromFor, SETTING_KEYS } from '@/server/settings/domain/settings';
import { type Actor, type Services, inUseCase } from '@/server/kernel/deps';

export interface NewVersionsInput {
  /** The settings the document sets, in their stored units; the others keep their versions. */
  values: Partial<MarketSettings>;
  documentNo: string;
  /** 00:00 China time of the day the values take effect (today: at once). */
  effectiveDay: number;
}

/**
 * The province records a policy document's new values of market settings: a new version of each, in
 * force from the chosen day (at once when it is today, never earlier). What was in force before stays
 * recorded and keeps applying to every event before that moment.
 */
export function addSettingVersions(s: Services, actor: Actor, input: NewVersionsInput) {
  return inUseCase(s, async (tx, now) => {
    const effectiveFrom = effectiveFromFor(input.effectiveDay, now);
    const documentNo = input.documentNo.trim();
    const keys = SETTING_KEYS.filter((k): k is SettingKey => input.values[k] !== undefined);
    const before = (await settingsAt(tx, effectiveFrom)).values;
    const versions = [];
    for (const key of keys) versions.push(await insertSettingVersion(tx, { key, value: input.values[key]!, documentNo, effectiveFrom, recordedAt: now, recordedBy: actor.userId }));
    const pick = (m: MarketSettings) => Object.fromEntries(keys.map((k) => [k, m[k]]));
    await writeAudit(tx, {
      at: now,
      actor,
      action: 'settings.update',
      entity: 'settings',
      entityId: null,
      before: pick(before),
      after: { ...pick((await settingsAt(tx, effectiveFrom)).values), documentNo, effectiveFrom },
    });
    return { effectiveFrom, documentNo, versions };
  });
}
