// Request limits kept in this process's memory (one process serves the app; a restart forgets them,
// which only shortens a wait), by rate-limiter-flexible:
// - failed sign-ins, counted per user name and address together (so a stranger elsewhere cannot lock a
//   user out) and per address (so one address cannot try many names);
// - mutations, per user and per address, so one caller cannot crowd out the rest at an auction's close;
// - calls of the open API (/api/v1), per key, so one other system cannot crowd out the rest.
import 'server-only';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { env } from './env';

const FIFTEEN_MINUTES_S = 15 * 60;

const SIGN_IN_LIMITS = {
  /** Five wrong passwords for one user name from one address in 15 minutes. */
  pair: { points: 5, duration: FIFTEEN_MINUTES_S },
  /** Twenty failures from one address in 15 minutes, whatever the names tried. */
  address: { points: 20, duration: FIFTEEN_MINUTES_S },
} as const;

const g = globalThis as unknown as { __qxLimits?: Awaited<ReturnType<typeof createLimits>>; __qxApiLimit?: RateLimiterMemory };

function createLimits(mutationsPerMinute = env.mutationsPerMinute) {
  return {
    signInPair: new RateLimiterMemory(SIGN_IN_LIMITS.pair),
    signInAddress: new RateLimiterMemory(SIGN_IN_LIMITS.address),
    /** A paused name and address is recorded in the sign-in history once per window, not per attempt. */
    throttledRecord: new RateLimiterMemory({ points: 1, duration: FIFTEEN_MINUTES_S }),
    mutationUser: new RateLimiterMemory({ points: mutationsPerMinute.user, duration: 60 }),
    mutationAddress: new RateLimiterMemory({ points: mutationsPerMinute.address, duration: 60 }),
  };
}

/** One set for the process (the server's bundle and Next.js's share it through globalThis). */
const limits = () => (g.__qxLimits ??= createLimits());

const pairKey = (username: string, address: string) => `${username.trim().toLowerCase()}\u0000${address}`;

/**
 * Counts a sign-in attempt before its password is checked, so that attempts sent together cannot all
 * pass while the first is being verified; resolves to 0, or to the milliseconds to wait if this name
 * from this address, or this address, is over its limit. A success gives the points back
 * (`recordSignInSuccess`): only failures count.
 */
export async function countSignInAttempt(username: string, address: string): Promise<number> {
  const l = limits();
  const [pair, byAddress] = await Promise.all([l.signInPair.penalty(pairKey(username, address)), l.signInAddress.penalty(address)]);
  const over = (res: RateLimiterRes, points: number) => (res.consumedPoints > points ? Math.max(1, res.msBeforeNext) : 0);
  return Math.max(over(pair, SIGN_IN_LIMITS.pair.points), over(byAddress, SIGN_IN_LIMITS.address.points));
}

/** A successful sign-in clears that name's failures from that address, and gives back its attempt to the address. */
export async function recordSignInSuccess(username: string, address: string) {
  const l = limits();
  await Promise.all([l.signInPair.delete(pairKey(username, address)), l.signInAddress.reward(address, 1)]);
}

/** Whether a paused attempt is the first of its window for this name and address (the one worth a history row). */
export async function firstPausedAttempt(username: string, address: string): Promise<boolean> {
  try {
    await limits().throttledRecord.consume(pairKey(username, address));
    return true;
  } catch (e) {
    if (e instanceof RateLimiterRes) return false;
    throw e;
  }
}

/** Counts one mutation; resolves to 0, or to the milliseconds to wait when the user or address is over its limit. */
export async function mutationWaitMs(userId: number, address: string | undefined): Promise<number> {
  const l = limits();
  try {
    // The user's own limit first: a user over it spends nothing of the address's, shared by an office.
    await l.mutationUser.consume(String(userId));
    await l.mutationAddress.consume(address ?? 'unknown');
    return 0;
  } catch (e) {
    if (e instanceof RateLimiterRes) return Math.max(1, e.msBeforeNext);
    throw e;
  }
}

/** Tests start from no counts, with the configured mutation limits or their own. */
export function resetLimits(mutationsPerMinute?: { user: number; address: number }) {
  g.__qxLimits = createLimits(mutationsPerMinute);
}

const apiLimit = () => (g.__qxApiLimit ??= new RateLimiterMemory({ points: env.apiCallsPerMinute, duration: 60 }));

/** Counts one call of the open API by a key; resolves to 0, or to the milliseconds to wait when the key is over its limit. */
export async function apiCallWaitMs(keyId: number): Promise<number> {
  try {
    await apiLimit().consume(String(keyId));
    return 0;
  } catch (e) {
    if (e instanceof RateLimiterRes) return Math.max(1, e.msBeforeNext);
    throw e;
  }
}

/** Tests start from no counts of API calls, with the configured limit or their own. */
export function resetApiLimits(callsPerMinute = env.apiCallsPerMinute) {
  g.__qxApiLimit = new RateLimiterMemory({ points: callsPerMinute, duration: 60 });
}
