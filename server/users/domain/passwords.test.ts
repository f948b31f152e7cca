import { describe, expect, it } from 'vitest';
import { passwordAcceptable } from './passwords';

describe('password policy', () => {
  it('a new password has at least 8 characters, letters and digits', () => {
    expect(passwordAcceptable('Demo@2026')).toBe(true);
    expect(passwordAcceptable('国土资源2026年')).toBe(true);
    expect(passwordAcceptable('abc1234')).toBe(false);
    expect(passwordAcceptable('abcdefghij')).toBe(false);
    expect(passwordAcceptable('1234567890')).toBe(false);
    expect(passwordAcceptable(`a1${'x'.repeat(254)}`)).toBe(true);
    expect(passwordAcceptable(`a1${'x'.repeat(255)}`)).toBe(false);
  });
});
