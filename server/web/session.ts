// The session behind a request's cookie, for the API's hot path (docs/decisions/0005).
// next-auth's own decode derives the key (HKDF) and decrypts the JWE on every call, about a
// millisecond; a token never changes once issued, so each is decoded once and remembered until it
// expires. What can change — sign-out, a password reset, a disabled account — lives in the user row,
// which the caller reloads on every request (sessionUser compares the session version).
import 'server-only';
import { parse } from 'cookie';
import { decode } from 'next-auth/jwt';
import { authSecret } from './auth-secret';

/** next-auth's cookie names: plain over http, __Secure- over https. The name is also the key's salt. */
const COOKIE_NAMES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;
/** A session ends this long after its sign-in, however often next-auth re-issues its token. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
const CACHE_LIMIT = 10_000;

export interface SessionClaims {
  userId: number;
  sessionVersion: number;
  /** Seconds since the epoch, as in the token. */
  expiresAt: number;
  issuedAt: number;
  /** Names this sign-in across its requests, for the idle timeout. */
  sessionId: string;
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
    // `sat` is the sign-in's time, set once (server/web/auth.ts); `iat` and `exp` move when next-auth re-issues the token.
    const issuedAt = typeof claims.sat === 'number' ? claims.sat : typeof claims.iat === 'number' ? claims.iat : 0;
    const sessionId = typeof claims.sid === 'string' ? claims.sid : `${userId}:${issuedAt}`;
    return { userId, sessionVersion: typeof claims.sv === 'number' ? claims.sv : -1, expiresAt: Math.min(claims.exp, issuedAt + SESSION_MAX_AGE_SECONDS), issuedAt, sessionId };
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

// The idle timeout: when each session was last used, in memory, and in the database at most once a
// minute per session so that a restart neither forgets it nor revives an idle session.
const PERSIST_EVERY_MS = 60_000;
const activity = new Map<string, { lastSeen: number; persistedAt: number }>();

export interface ActivityStore {
  lastSeenOf(sessionId: string): Promise<number | undefined> | number | undefined;
  recordSeen(sessionId: string, userId: number, at: number): Promise<void> | void;
}

/** Whether a session was used within `idleMs` before `nowMs` (real time); counts this use if it was and `counts`. */
export async function sessionStillActive(store: ActivityStore, claims: SessionClaims, nowMs: number, idleMs: number, counts = true): Promise<boolean> {
  let seen = activity.get(claims.sessionId);
  if (!seen) {
    const stored = await store.lastSeenOf(claims.sessionId);
    seen = { lastSeen: stored ?? claims.issuedAt * 1000, persistedAt: stored ?? 0 };
  }
  if (nowMs - seen.lastSeen > idleMs) {
    activity.delete(claims.sessionId);
    return false;
  }
  if (counts) seen.lastSeen = Math.max(seen.lastSeen, nowMs);
  if (counts && nowMs - seen.persistedAt >= PERSIST_EVERY_MS) {
    await store.recordSeen(claims.sessionId, claims.userId, nowMs);
    seen.persistedAt = nowMs;
  }
  if (!activity.has(claims.sessionId) && activity.size >= CACHE_LIMIT) activity.delete(activity.keys().next().value!);
  activity.set(claims.sessionId, seen);
  return true;
}

/** For tests: forget what this process remembers (as a restart does). */
export function forgetSessionActivity() {
  activity.clear();
}
