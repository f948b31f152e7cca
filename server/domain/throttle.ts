// Sign-in throttling (issue 5): after too many failed attempts in a window, further attempts for that
// account, or from that address, are refused until the window has passed since the failure that
// reached the limit. Pure: the failures' times in, a verdict out.
export interface ThrottleLimit {
  failures: number;
  windowMs: number;
}

export const SIGN_IN_LIMITS = {
  /** Five wrong passwords for one account in 15 minutes lock it for the rest of those 15 minutes. */
  account: { failures: 5, windowMs: 15 * 60_000 },
  /** Twenty failures from one address in 15 minutes, whatever the accounts tried. */
  address: { failures: 20, windowMs: 15 * 60_000 },
} as const satisfies Record<string, ThrottleLimit>;

/** The failures still inside the window at `now`, oldest first. */
export const recentFailures = (failures: readonly number[], now: number, limit: ThrottleLimit) => failures.filter((at) => at > now - limit.windowMs);

/** When attempts may start again, or null if they may now. */
export function lockedUntil(failures: readonly number[], now: number, limit: ThrottleLimit): number | null {
  const recent = recentFailures(failures, now, limit);
  if (recent.length < limit.failures) return null;
  // The lock lasts until enough failures have left the window for one more attempt to be allowed.
  return recent[recent.length - limit.failures]! + limit.windowMs;
}

/** A password a new or reset account may have: at least 8 characters, with letters and digits. */
export function passwordAcceptable(password: string): boolean {
  return password.length >= 8 && password.length <= 256 && /\p{L}/u.test(password) && /\d/.test(password);
}
