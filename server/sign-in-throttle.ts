// The failed sign-ins of this server process, per account and per address, kept in memory (one
// process serves the app; a restart forgets them, which only shortens a lock). Bounded in size.
import { type ThrottleLimit, SIGN_IN_LIMITS, lockedUntil, recentFailures } from './domain/throttle';

const MAX_KEYS = 10_000;
const failures = new Map<string, number[]>();

const keys = (username: string, address: string) => [
  [`account:${username.trim().toLowerCase()}`, SIGN_IN_LIMITS.account],
  [`address:${address}`, SIGN_IN_LIMITS.address],
] as const satisfies readonly (readonly [string, ThrottleLimit])[];

/** When the account or address may try again, or null if it may now. */
export function signInLockedUntil(username: string, address: string, now: number): number | null {
  const until = keys(username, address).map(([k, limit]) => lockedUntil(failures.get(k) ?? [], now, limit));
  return until.reduce<number | null>((a, b) => (b === null ? a : a === null ? b : Math.max(a, b)), null);
}

export function recordSignInFailure(username: string, address: string, now: number) {
  for (const [k, limit] of keys(username, address)) {
    failures.set(k, [...recentFailures(failures.get(k) ?? [], now, limit), now]);
  }
  // Forget the oldest keys beyond the bound (Map keeps insertion order).
  for (const k of failures.keys()) {
    if (failures.size <= MAX_KEYS) break;
    failures.delete(k);
  }
}

/** A successful sign-in clears the account's failures (not the address's). */
export function recordSignInSuccess(username: string) {
  failures.delete(`account:${username.trim().toLowerCase()}`);
}

/** For tests. */
export function resetSignInThrottle() {
  failures.clear();
}
