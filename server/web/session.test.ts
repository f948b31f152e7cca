import { encode } from 'next-auth/jwt';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ActivityStore, type SessionClaims, cookieValue, forgetSessionActivity, sessionFromCookies, sessionStillActive } from './session';

const SECRET = 'session-test-secret-not-for-production-0000';
const NAME = 'authjs.session-token';

async function token(claims: Record<string, unknown>, { secret = SECRET, salt = NAME, maxAge = 3600 } = {}) {
  return encode({ token: claims, secret, salt, maxAge });
}

describe('sessionFromCookies', () => {
  beforeAll(() => {
    process.env.AUTH_SECRET = SECRET;
  });

  it('reads the user id and session version of a token next-auth issued, among other cookies', async () => {
    const t = await token({ uid: '7', sv: 3 });
    const claims = await sessionFromCookies(`qx-locale=en; ${NAME}=${t}; other=1`);
    expect(claims).toMatchObject({ userId: 7, sessionVersion: 3 });
  });

  it('answers the same token again from memory, and still refuses it once it has expired', async () => {
    const t = await token({ uid: '8', sv: 0 }, { maxAge: 60 });
    const first = await sessionFromCookies(`${NAME}=${t}`);
    expect(first?.userId).toBe(8);
    expect(await sessionFromCookies(`${NAME}=${t}`)).toBe(first);
    expect(await sessionFromCookies(`${NAME}=${t}`, first!.expiresAt * 1000 + 1)).toBeNull();
  });

  it('ends 8 hours after the sign-in, however often next-auth re-issues the token', async () => {
    const signedIn = Math.floor(Date.now() / 1000) - 8 * 3600 + 60;
    const t = await token({ uid: '9', sv: 0, sat: signedIn }, { maxAge: 30 * 24 * 3600 });
    const claims = await sessionFromCookies(`${NAME}=${t}`);
    expect(claims?.expiresAt).toBe(signedIn + 8 * 3600);
    expect(await sessionFromCookies(`${NAME}=${t}`, (signedIn + 8 * 3600) * 1000 + 1)).toBeNull();
  });

  it('refuses a token sealed with another secret, one for another cookie name, and garbage', async () => {
    expect(await sessionFromCookies(`${NAME}=${await token({ uid: '7' }, { secret: 'another-secret-another-secret-another' })}`)).toBeNull();
    expect(await sessionFromCookies(`${NAME}=${await token({ uid: '7' }, { salt: '__Secure-authjs.session-token' })}`)).toBeNull();
    expect(await sessionFromCookies(`${NAME}=not.a.token`)).toBeNull();
    expect(await sessionFromCookies(`${NAME}=${(await token({ uid: '7' })).slice(0, -4)}AAAA`)).toBeNull();
  });

  it('refuses a token without a user id, and no cookie at all', async () => {
    expect(await sessionFromCookies(`${NAME}=${await token({ sv: 1 })}`)).toBeNull();
    expect(await sessionFromCookies(`${NAME}=${await token({ uid: 'abc' })}`)).toBeNull();
    expect(await sessionFromCookies('')).toBeNull();
    expect(await sessionFromCookies(undefined)).toBeNull();
  });

  it('reads the __Secure- cookie a site served over https sets', async () => {
    const secure = '__Secure-authjs.session-token';
    const t = await token({ uid: '9', sv: 1 }, { salt: secure });
    expect((await sessionFromCookies(`${secure}=${t}`))?.userId).toBe(9);
  });
});

describe('cookieValue', () => {
  it('finds one cookie by exact name and decodes it', () => {
    expect(cookieValue('a=1; qx-locale=en; b=x%20y', 'b')).toBe('x y');
    expect(cookieValue('aqx-locale=zh; qx-locale=en', 'qx-locale')).toBe('en');
    expect(cookieValue('a=1', 'b')).toBeUndefined();
    expect(cookieValue(null, 'b')).toBeUndefined();
    expect(cookieValue('b=%E0%A4%A', 'b')).toBe('%E0%A4%A');
  });
});

describe('the idle timeout', () => {
  const IDLE = 30 * 60_000;
  const T = Date.UTC(2026, 11, 4, 1, 0, 0);
  const claims = (sessionId: string): SessionClaims => ({ userId: 5, sessionVersion: 0, expiresAt: T / 1000 + 8 * 3600, issuedAt: T / 1000, sessionId });
  const store = () => {
    const rows = new Map<string, number>();
    const writes: number[] = [];
    const s: ActivityStore = {
      lastSeenOf: (id) => rows.get(id),
      recordSeen: (id, _u, at) => {
        rows.set(id, at);
        writes.push(at);
      },
    };
    return { s, rows, writes };
  };

  it('a session used within the window stays; one left idle longer ends, and stays ended', async () => {
    const { s } = store();
    expect(await sessionStillActive(s, claims('a'), T + 1000, IDLE)).toBe(true);
    expect(await sessionStillActive(s, claims('a'), T + 1000 + IDLE, IDLE)).toBe(true); // exactly the window
    expect(await sessionStillActive(s, claims('a'), T + 1000 + 2 * IDLE + 1, IDLE)).toBe(false);
    expect(await sessionStillActive(s, claims('a'), T + 1000 + 2 * IDLE + 2, IDLE)).toBe(false);
  });

  it('a session first seen long after sign-in is idle from its sign-in', async () => {
    expect(await sessionStillActive(store().s, claims('b'), T + IDLE + 1, IDLE)).toBe(false);
  });

  it('is written at most once a minute, and a restart neither forgets nor revives it', async () => {
    const { s, writes } = store();
    for (let t = 0; t < 5 * 60_000; t += 10_000) expect(await sessionStillActive(s, claims('c'), T + t, IDLE)).toBe(true);
    expect(writes.length).toBe(5);
    forgetSessionActivity(); // as a restart
    expect(await sessionStillActive(s, claims('c'), T + 5 * 60_000 + IDLE - 60_000, IDLE)).toBe(true);
    forgetSessionActivity();
    expect(await sessionStillActive(s, claims('c'), T + 5 * 60_000 + 3 * IDLE, IDLE)).toBe(false);
  });

  it("a page's own refreshes find an active session active but do not keep it alive", async () => {
    const { s, writes } = store();
    expect(await sessionStillActive(s, claims('d'), T + 1000, IDLE)).toBe(true);
    const before = writes.length;
    // A live auction refreshing every 2 s, past the idle window, the user doing nothing.
    let t = T + 1000;
    for (; t <= T + 1000 + IDLE; t += 2000) expect(await sessionStillActive(s, claims('d'), t, IDLE, false)).toBe(true);
    expect(writes.length).toBe(before);
    expect(await sessionStillActive(s, claims('d'), t + 2000, IDLE, false)).toBe(false);
    expect(await sessionStillActive(s, claims('d'), t + 2000, IDLE)).toBe(false);
  });
});
