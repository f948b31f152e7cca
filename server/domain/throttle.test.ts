import { describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS, lockedUntil, passwordAcceptable } from './throttle';

const MIN = 60_000;
const limit = SIGN_IN_LIMITS.account; // 5 in 15 minutes

describe('sign-in throttling', () => {
  it('locks after the fifth failure in 15 minutes, until the first of those five leaves the window', () => {
    const four = [0, MIN, 2 * MIN, 3 * MIN];
    expect(lockedUntil(four, 4 * MIN, limit)).toBeNull();
    const five = [...four, 4 * MIN];
    expect(lockedUntil(five, 4 * MIN, limit)).toBe(15 * MIN);
    expect(lockedUntil(five, 15 * MIN - 1, limit)).toBe(15 * MIN);
    expect(lockedUntil(five, 15 * MIN, limit)).toBeNull();
  });

  it('forgets failures older than the window', () => {
    expect(lockedUntil([0, 1, 2, 3, 16 * MIN], 16 * MIN, limit)).toBeNull();
    expect(lockedUntil([], 0, limit)).toBeNull();
  });

  it('a new password has at least 8 characters, letters and digits', () => {
    expect(passwordAcceptable('Demo@2026')).toBe(true);
    expect(passwordAcceptable('国土资源2026年')).toBe(true);
    expect(passwordAcceptable('abc1234')).toBe(false);
    expect(passwordAcceptable('abcdefghij')).toBe(false);
    expect(passwordAcceptable('1234567890')).toBe(false);
  });
});
