// Request limits kept in this process's memory (one process serves the app; a restart forgets them,
// which only shortens a wait), by rate-limiter-flexible:
// - failed sign-ins, counted per user name and address together (so a stranger elsewhere cannot lock a
//   user out) and per address (so one address cannot try many names);
// - mutations, per user and per address, so one caller cannot crowd out the rest at an auction's close.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { env } from '@/server/env';

const FIFTEEN_MINUTES_S = 15 * 60;

export const SIGN_IN_LIMITS = {
  /** Five wrong passwords for one user name from one address in 15 minutes. */
  pair: { points: 5, duration: FIFTEEN_MINUTES_S },
  /** Twenty failures from one address in 15 minutes, whatever the names tried. */
  address: { points: 20, duration: FIFTEEN_MINUTES_S },
} as const;

const g = globalThis as unknown as { __qxLimits?: ReturnType<typeof createLimits> };

function createLimits(mutationsPerMinute = env.mutationsPerMinute) {
  return {
    signInPair: new RateLimiterMemory(SIGN_IN_LIMITS.pair),
    signInAddress: new RateLimiterMemory(SIGN_IN_LIMITS.address),
    mutationUser: new RateLimiterMemory({ points: mutationsPerMinute.user, duration: 60 }),
    mutationAddress: new RateLimiterMemory({ points: mutationsPerMinute.address, duration: 60 }),
  };
}

/** One set for the process (the server's bundle and Next.js's share it through globalThis). */
const limits = () => (g.__qxLimits ??= createLimits());

const pairKey = (username: string, address: string) => `${username.trim().toLowerCase()}\u0000${address}`;

async function waitOf(limiter: RateLimiterMemory, key: string, points: number): Promise<number> {
  const res = await limiter.get(key);
  // A record past its window (its removal timer not yet run) no longer counts.
  return res && res.consumedPoints >= points && res.msBeforeNext > 0 ? res.msBeforeNext : 0;
}

/** Milliseconds until this user name may be tried again from this address (0: now). */
export async function signInWaitMs(username: string, address: string): Promise<number> {
  const l = limits();
  return Math.max(await waitOf(l.signInPair, pairKey(username, address), SIGN_IN_LIMITS.pair.points), await waitOf(l.signInAddress, address, SIGN_IN_LIMITS.address.points));
}

export async function recordSignInFailure(username: string, address: string) {
  const l = limits();
  await Promise.all([l.signInPair.penalty(pairKey(username, address)), l.signInAddress.penalty(address)]);
}

/** A successful sign-in clears that name's failures from that address (not the address's). */
export async function recordSignInSuccess(username: string, address: string) {
  await limits().signInPair.delete(pairKey(username, address));
}

/** Counts one mutation; resolves to 0, or to the milliseconds to wait when the user or address is over its limit. */
export async function mutationWaitMs(userId: number, address: string | undefined): Promise<number> {
  const l = limits();
  try {
    await Promise.all([l.mutationUser.consume(String(userId)), l.mutationAddress.consume(address ?? 'unknown')]);
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
