import { env } from './env';
import { runtime } from './runtime';
import { sweep } from './services/closing';

const g = globalThis as unknown as { __qxScheduler?: NodeJS.Timeout };

export function startScheduler() {
  const { services } = runtime();
  const tick = () => {
    try {
      sweep(services);
    } catch (e) {
      console.error('scheduler sweep failed:', e);
    }
  };
  tick();
  g.__qxScheduler ??= setInterval(tick, env.sweepMs);
  g.__qxScheduler.unref();
}
