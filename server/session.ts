// The session behind a request's cookie, for the API's hot path (issue 6, docs/decisions/0005).
// next-auth's own decode derives the key (HKDF) and decrypts the JWE on every call, about a
// millisecond; a token never changes once issued, so each is decoded once and remembered until it
// expires. What can change — sign-out, a password reset, a disabled account — lives in the user row,
// which the caller reloads on every request (sessionUser compares the session version).
import { parse } from 'cookie';
import { decode } from 'next-auth/jwt';
import { authSecret } from './auth-secret';

/** next-auth's cookie names: plain over http, __Secure- over https. The name is also the key's salt. */
const COOKIE_NAMES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;
const CACHE_LIMIT = 10_000;

export interface SessionClaims {
  userId: number;
  sessionVersion: number;
  /** Seconds since the epoch, as in the token. */
  expiresAt: number;
}

const cache = new Map<string, SessionClaims | null>();
let secret: string | undefined;

/** The value of one cookie in a Cookie header (a malformed escape is kept as sent, not an error). */
export function cookieValue(header: string | null | undefined, name: string): string | undefined {
  return header ? parse(header)[name] : undefined;
}

async function decodeOnce(token: string, salt: string): Promise<SessionClaims | null> {
  try {
    secret ??= authSecret();
    const claims = await decode({ token, secret, salt });
    const userId = Number(claims?.uid);
    if (!claims || !Number.isSafeInteger(userId) || userId <= 0 || typeof claims.exp !== 'number') return null;
    return { userId, sessionVersion: typeof claims.sv === 'number' ? claims.sv : -1, expiresAt: claims.exp };
  } catch {
    return null; // forged, truncated or signed with another secret
  }
}

/** The signed-in user's id and session version from the request's cookies, or null; `nowMs` is real time. */
export async function sessionFromCookies(header: string | null | undefined, nowMs = Date.now()): Promise<SessionClaims | null> {
  const jar = header ? parse(header) : {};
  for (const name of COOKIE_NAMES) {
    const token = jar[name];
    if (!token) continue;
    const key = `${name}\u0000${token}`;
    let claims = cache.get(key);
    if (claims === undefined) {
      claims = await decodeOnce(token, name);
      if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!); // the oldest first
      cache.set(key, claims);
    }
    return claims && claims.expiresAt * 1000 > nowMs ? claims : null;
  }
  return null;
}
