// What an API key may do and for how long: its scopes, its expiry (at most a year ahead), and whether
// it still opens the door. Pure rules; the secret, its hash and the table are in ../keys.ts and ../queries.ts.
import { DomainError, ensure } from '@/server/kernel/errors';

/**
 * read:market — the public market (listings, trades, guidance, statistics) as the organisation sees it;
 * read:own — the organisation's own data (its trades, holdings, uses, projects, obligations);
 * write:uses — record a zone's use of its rights (核销).
 */
export const API_SCOPES = ['read:market', 'read:own', 'write:uses'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const DAY_MS = 86_400_000;
/** A key lives at most a year: another system's key is renewed, not kept forever. */
export const MAX_KEY_LIFE_MS = 365 * DAY_MS;

/** Scopes as stored: sorted, unique, space-separated. */
export const formatScopes = (scopes: readonly ApiScope[]) => [...new Set(scopes)].sort().join(' ');

export function parseScopes(stored: string): ApiScope[] {
  return stored.split(' ').filter((s): s is ApiScope => (API_SCOPES as readonly string[]).includes(s));
}

/** The expiry a key is made with: after now, and no later than a year from now. */
export function checkExpiry(expiresAt: number, now: number) {
  ensure(expiresAt > now, 'apiKeyExpiryInPast');
  if (expiresAt > now + MAX_KEY_LIFE_MS) throw new DomainError('apiKeyExpiryTooLate', { days: MAX_KEY_LIFE_MS / DAY_MS });
}

export type KeyStatus = 'active' | 'expired' | 'revoked';

export function keyStatus(key: { expiresAt: number; revokedAt: number | null }, now: number): KeyStatus {
  if (key.revokedAt !== null) return 'revoked';
  return now >= key.expiresAt ? 'expired' : 'active';
}
