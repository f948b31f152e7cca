import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mutationWaitMs, recordSignInFailure, recordSignInSuccess, resetLimits, signInWaitMs } from './limits';

const MIN = 60_000;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.UTC(2026, 11, 4, 2, 0, 0));
  resetLimits({ user: 3, address: 5 });
});
afterEach(() => vi.useRealTimers());

describe('sign-in throttling', () => {
  it('five failures for a name from one address pause that name there, not from elsewhere', async () => {
    for (let i = 0; i < 4; i++) await recordSignInFailure('zone', '203.0.113.9');
    expect(await signInWaitMs('zone', '203.0.113.9')).toBe(0);
    await recordSignInFailure('Zone ', '203.0.113.9'); // the same name, however typed
    const wait = await signInWaitMs('zone', '203.0.113.9');
    expect(wait).toBeGreaterThan(14 * MIN);
    expect(wait).toBeLessThanOrEqual(15 * MIN);
    // A stranger cannot lock the user out: from the user's own address the name is free.
    expect(await signInWaitMs('zone', '198.51.100.7')).toBe(0);
    vi.advanceTimersByTime(15 * MIN + 1);
    expect(await signInWaitMs('zone', '203.0.113.9')).toBe(0);
  });

  it('twenty failures from one address, whatever the names, pause the address', async () => {
    for (let i = 0; i < 19; i++) await recordSignInFailure(`name${i}`, '203.0.113.9');
    expect(await signInWaitMs('anyone', '203.0.113.9')).toBe(0);
    await recordSignInFailure('name19', '203.0.113.9');
    expect(await signInWaitMs('anyone', '203.0.113.9')).toBeGreaterThan(0);
    expect(await signInWaitMs('anyone', '198.51.100.7')).toBe(0);
  });

  it('a success clears that name’s failures from that address', async () => {
    for (let i = 0; i < 4; i++) await recordSignInFailure('zone', '203.0.113.9');
    await recordSignInSuccess('zone', '203.0.113.9');
    await recordSignInFailure('zone', '203.0.113.9');
    expect(await signInWaitMs('zone', '203.0.113.9')).toBe(0);
  });
});

describe('mutation limits', () => {
  it('per user and per address, each over a minute', async () => {
    for (let i = 0; i < 3; i++) expect(await mutationWaitMs(1, 'a')).toBe(0);
    expect(await mutationWaitMs(1, 'a')).toBeGreaterThan(0);
    expect(await mutationWaitMs(2, 'a')).toBe(0); // the address's fifth
    expect(await mutationWaitMs(3, 'a')).toBeGreaterThan(0); // the address's sixth
    expect(await mutationWaitMs(3, 'b')).toBe(0);
    vi.advanceTimersByTime(MIN + 1);
    expect(await mutationWaitMs(1, 'a')).toBe(0);
  });
});
