import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countSignInAttempt, firstPausedAttempt, mutationWaitMs, recordSignInSuccess, resetLimits } from './limits';

const MIN = 60_000;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.UTC(2026, 11, 4, 2, 0, 0));
  resetLimits({ user: 3, address: 5 });
});
afterEach(() => vi.useRealTimers());

describe('sign-in throttling', () => {
  const attempt = (name: string, address: string) => countSignInAttempt(name, address);

  it('the sixth attempt for a name from one address in 15 minutes waits; from elsewhere the name is free', async () => {
    for (let i = 0; i < 5; i++) expect(await attempt('zone', '203.0.113.9')).toBe(0);
    const wait = await attempt('Zone ', '203.0.113.9'); // the same name, however typed
    expect(wait).toBeGreaterThan(14 * MIN);
    expect(wait).toBeLessThanOrEqual(15 * MIN);
    // A stranger cannot lock the user out: from the user's own address the name is free.
    expect(await attempt('zone', '198.51.100.7')).toBe(0);
    vi.advanceTimersByTime(15 * MIN + 1);
    expect(await attempt('zone', '203.0.113.9')).toBe(0);
  });

  it('attempts sent at once are counted before any password is checked', async () => {
    const waits = await Promise.all(Array.from({ length: 50 }, () => attempt('zone', '203.0.113.9')));
    expect(waits.filter((w) => w === 0)).toHaveLength(5);
  });

  it('twenty failures from one address, whatever the names, pause the address', async () => {
    for (let i = 0; i < 20; i++) expect(await attempt(`name${i}`, '203.0.113.9')).toBe(0);
    expect(await attempt('anyone', '203.0.113.9')).toBeGreaterThan(0);
    expect(await attempt('anyone', '198.51.100.7')).toBe(0);
  });

  it('a success clears that name’s count from that address and gives the address its attempt back', async () => {
    for (let i = 0; i < 4; i++) await attempt('zone', '203.0.113.9');
    await recordSignInSuccess('zone', '203.0.113.9');
    for (let i = 0; i < 5; i++) expect(await attempt('zone', '203.0.113.9')).toBe(0);
    // An office signing in one after another does not pause its shared address.
    for (let i = 0; i < 40; i++) {
      expect(await attempt(`official${i}`, '198.51.100.20')).toBe(0);
      await recordSignInSuccess(`official${i}`, '198.51.100.20');
    }
  });

  it('a paused name and address is worth one history row per window', async () => {
    expect(await firstPausedAttempt('zone', '203.0.113.9')).toBe(true);
    expect(await firstPausedAttempt('zone', '203.0.113.9')).toBe(false);
    expect(await firstPausedAttempt('zone', '198.51.100.7')).toBe(true);
  });
});

describe('mutation limits', () => {
  it('per user and per address, each over a minute', async () => {
    for (let i = 0; i < 3; i++) expect(await mutationWaitMs(1, 'a')).toBe(0);
    expect(await mutationWaitMs(1, 'a')).toBeGreaterThan(0);
    expect(await mutationWaitMs(2, 'a')).toBe(0); // the address's fourth: user 1's refused one spent none of it
    expect(await mutationWaitMs(3, 'a')).toBe(0); // the fifth
    expect(await mutationWaitMs(4, 'a')).toBeGreaterThan(0); // the sixth
    expect(await mutationWaitMs(3, 'b')).toBe(0);
    vi.advanceTimersByTime(MIN + 1);
    expect(await mutationWaitMs(1, 'a')).toBe(0);
  });
});
