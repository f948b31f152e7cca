import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { API_SCOPES, DAY_MS, MAX_KEY_LIFE_MS, checkExpiry, formatScopes, keyStatus, parseScopes } from './keys';

describe('API key rules', () => {
  it('scopes survive storing, whatever their order and repeats', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...API_SCOPES)), (scopes) => {
        expect(parseScopes(formatScopes(scopes))).toEqual([...new Set(scopes)].sort());
      }),
    );
    expect(parseScopes('read:own admin:all')).toEqual(['read:own']);
  });

  it('an expiry is after now and at most a year ahead', () => {
    const now = 1_800_000_000_000;
    expect(() => checkExpiry(now, now)).toThrow('apiKeyExpiryInPast');
    expect(() => checkExpiry(now + MAX_KEY_LIFE_MS + 1, now)).toThrow('apiKeyExpiryTooLate');
    expect(() => checkExpiry(now + MAX_KEY_LIFE_MS, now)).not.toThrow();
    expect(() => checkExpiry(now + DAY_MS, now)).not.toThrow();
  });

  it('a revoked key stays revoked; an unrevoked one expires at its moment', () => {
    expect(keyStatus({ expiresAt: 10, revokedAt: null }, 9)).toBe('active');
    expect(keyStatus({ expiresAt: 10, revokedAt: null }, 10)).toBe('expired');
    expect(keyStatus({ expiresAt: 10, revokedAt: 5 }, 9)).toBe('revoked');
  });
});
