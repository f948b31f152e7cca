import 'server-only';
import { writeAudit } from '@/server/books/audit-log';
import { readSettings, writeSetting } from './queries';
import type { MarketSettings, SettingKey } from '@/server/settings/domain/settings';
import { type Actor, type Services, inUseCase } from '@/server/kernel/deps';

/** The province changes market settings; they apply to bids and awards made from now on. */
export function updateSettings(s: Services, actor: Actor, next: MarketSettings) {
  return inUseCase(s, (tx, now) => {
    const before = readSettings(tx);
    for (const key of Object.keys(next) as SettingKey[]) writeSetting(tx, key, next[key]);
    const after = readSettings(tx);
    writeAudit(tx, { at: now, actor, action: 'settings.update', entity: 'settings', entityId: null, before, after });
    return after;
  });
}
