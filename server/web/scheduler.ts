// The process's timer: closes due auctions, lapses unpaid awards and writes the reminders owed
// (server/market/closing.ts) even if nobody opens a page; once an hour it also forgets sessions that
// can no longer be used and sign-in attempts older than the log's retention. Once a day (China time) it
// publishes the audit chain's head (server/audit/checkpoints.ts).
import 'server-only';
import { forgetSessionsUnusedSince, forgetSignInsBefore } from '@/server/users/queries';
import { env } from '@/server/kernel/env';
import { log, loggableCause } from '@/server/kernel/log';
import { runtime } from './runtime';
import { sweep } from '@/server/market/closing';
import { publishCheckpoint } from '@/server/audit/checkpoints';
import { isoDateCst } from '@/server/kernel/china-time';
import type { Services } from '@/server/kernel/deps';
import { SESSION_MAX_AGE_SECONDS } from './session';

const g = globalThis as unknown as { __qxScheduler?: NodeJS.Timeout };
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** One run of the sweep now, as the timer's next would: for the test clock, once it has moved the market's time. */
export const sweepNow = async () => sweep((await runtime()).services);

/**
 * Today's checkpoint, if the day has none yet: the day's first tick publishes it (a restart the same day
 * finds it published and leaves it). Returns a function for the timer, remembering the last day seen so
 * that the other ticks of the day do not even ask the database.
 */
export function dailyCheckpointer(services: Services) {
  let publishedDay: string | null = null;
  return async () => {
    const day = isoDateCst(services.clock.now());
    if (day === publishedDay) return null;
    const published = await publishCheckpoint(services);
    publishedDay = day;
    return published;
  };
}

export async function startScheduler() {
  const { services } = await runtime();
  let forgotAt = 0;
  const checkpoint = dailyCheckpointer(services);
  const tick = async () => {
    try {
      await sweep(services);
      await checkpoint();
      const now = Date.now();
      if (now - forgotAt >= HOUR_MS) {
        forgotAt = now;
        await forgetSessionsUnusedSince(services.db, now - SESSION_MAX_AGE_SECONDS * 1000 - env.idleMs);
        await forgetSignInsBefore(services.db, services.clock.now() - env.log.retentionDays * DAY_MS);
      }
    } catch (e) {
      log().error({ event: 'internal-error', ...loggableCause(e) }, 'scheduler sweep failed');
    }
  };
  await tick();
  g.__qxScheduler ??= setInterval(() => void tick(), env.sweepMs);
  g.__qxScheduler.unref();
}
