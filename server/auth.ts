// Sign-in (next-auth v5, credentials, JWT sessions). Passwords are argon2id hashes. The session
// carries the user id, the user's session version and a session id: every request reloads the user
// and compares the version (signing out, a password reset or disabling the account ends its sessions
// at once) and ends a session left idle (server/session.ts). Failed attempts are throttled per user
// name and address together, and per address (server/http/limits.ts); every attempt is recorded with
// its address, for the province's user administration and the operator's log.
import { hashSync } from '@node-rs/argon2';
import crypto from 'node:crypto';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { authSecret } from './auth-secret';
import { findUserByUsername, recordSignIn } from './data/users';
import { CLIENT_ADDRESS_HEADER, REQUEST_ID_HEADER } from './http/headers';
import { recordSignInFailure, recordSignInSuccess, signInWaitMs } from './http/limits';
import { log } from './http/log';
import { passwordMatches } from './passwords';
import { services } from './runtime';

const credentials = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) });

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** Too many failed attempts: the form says so, with the minutes to wait. */
export class SignInThrottled extends CredentialsSignin {
  code = 'throttled';
  constructor(readonly retryAfterMs: number) {
    super();
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: authSecret(),
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/login' },
  // A wrong password is an answer to the user, not a server error worth a stack trace.
  logger: {
    error(error) {
      if ((error as { type?: string }).type !== 'CredentialsSignin') log().error({ event: 'auth-error', err: error }, 'sign-in machinery failed');
    },
  },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        const { username, password } = parsed.data;
        // Set by server/main.ts from the socket and the trusted proxies only; never a client's own header.
        const address = request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown';
        const requestId = request.headers.get(REQUEST_ID_HEADER) ?? undefined;
        const { db, clock } = services();
        const attempt = (outcome: 'success' | 'failure' | 'throttled', userId: number | null) => {
          recordSignIn(db, { at: clock.now(), username, userId, address, outcome });
          log()[outcome === 'success' ? 'info' : 'warn']({ event: 'sign-in', outcome, username, user: userId ?? undefined, address, requestId }, `sign-in ${outcome}`);
        };
        const waitMs = await signInWaitMs(username, address);
        const user = findUserByUsername(db, username);
        if (waitMs > 0) {
          attempt('throttled', user?.id ?? null);
          throw new SignInThrottled(waitMs);
        }
        // Verify against a hash even when the user is unknown, so timing does not reveal names.
        const ok = await passwordMatches(user?.passwordHash ?? DUMMY_HASH, password);
        if (!user || !ok || user.disabled) {
          await recordSignInFailure(username, address);
          attempt('failure', user?.id ?? null);
          throw new CredentialsSignin();
        }
        await recordSignInSuccess(username, address);
        attempt('success', user.id);
        return { id: String(user.id), name: user.displayName, sv: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.sv = (user as { sv?: number }).sv ?? 0;
        token.sid = crypto.randomUUID();
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === 'string') session.user.id = token.uid;
      (session.user as { sv?: number }).sv = typeof token.sv === 'number' ? token.sv : -1;
      return session;
    },
  },
});

// A hash of a random string, verified against when the user name is unknown.
const DUMMY_HASH = hashSync(crypto.randomBytes(16).toString('hex'));
