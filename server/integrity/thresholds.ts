// The province changes the thresholds of the market-integrity screens (seed 001 四(三)); the next
// reading of the screens grades by them. Audited with every value before and after.
import 'server-only';
import { writeAudit } from '@/server/books/audit-log';
import { readThresholds, writeThreshold } from './queries';
import { THRESHOLD_KEYS, type Thresholds, checkThresholds } from '@/server/integrity/domain/thresholds';
import { type Actor, type Services, inUseCase } from '@/server/kernel/deps';

export function setThresholds(s: Services, actor: Actor, next: Thresholds) {
  return inUseCase(s, async (tx, now) => {
    checkThresholds(next);
    const before = await readThresholds(tx);
    const changed = THRESHOLD_KEYS.filter((k) => next[k] !== before[k]);
    for (const key of changed) await writeThreshold(tx, key, next[key], now, actor.userId);
    const after = await readThresholds(tx);
    if (changed.length > 0) await writeAudit(tx, { at: now, actor, action: 'integrity.thresholds', entity: 'integrity_thresholds', entityId: null, before, after });
    return { changed: changed.length, values: after };
  });
}
