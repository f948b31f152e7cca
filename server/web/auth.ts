// Sign-in (next-auth v5, credentials, JWT sessions). Passwords are argon2id hashes. The session
// carries the user id, the user's session version and a session id: every request reloads the user
// and compares the version (signing out, a password reset or disabling the account ends its sessions
// at once) and ends a session left idle (server/web/session.ts). Failed attempts are throttled per user
// name and address together, and per address (server/web/limits.ts); every attempt is recorded with
// its address, for the province's user administration and the operator's log.
import 'server-only';
import { hashSync } from '@node-rs/argon2';
import crypto from 'node:crypto';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { authSecret } from './auth-secret';
import { findUserByUsername, recordSignIn } from '@/server/users/queries';
import { CLIENT_ADDRESS_HEADER, REQUEST_ID_HEADER } from './headers';
import { edgeInFront } from './edge-marker';
import { countSignInAttempt, firstPausedAttempt, recordSignInSuccess } from '@/server/kernel/limits';
import { log } from '@/server/kernel/log';
import { PASSWORD_MAX_LENGTH } from '@/server/users/domain/passwords';
import { passwordMatches } from '@/server/users/passwords';
import { SESSION_MAX_AGE_SECONDS } from './session';
import { services } from './runtime';

const credentials = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(PASSWORD_MAX_LENGTH) });

/** A name no account has, as the history keeps it: its first two characters and its length. */
const maskedName = (name: string) => `${[...name].slice(0, 2).join('')}…（${[...name].length}）`;


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
        // Set by server/main.ts from the socket and the trusted proxies only; a client's own copy is
        // dropped there, and counts for nothing under any other server (edgeInFront).
        const address = (edgeInFront() && request.headers.get(CLIENT_ADDRESS_HEADER)) || 'unknown';
        const requestId = (edgeInFront() && request.headers.get(REQUEST_ID_HEADER)) || undefined;
        const { db, clock } = await services();
        const user = await findUserByUsername(db, username);
        // A name nobody has is often a password typed in the wrong field: it is kept only in part.
        const named = user ? username : maskedName(username);
        const attempt = async (outcome: 'success' | 'failure' | 'throttled') => {
          await recordSignIn(db, { at: clock.now(), username: named, userId: user?.id ?? null, address, outcome });
          log()[outcome === 'success' ? 'info' : 'warn']({ event: 'sign-in', outcome, username: named, user: user?.id, address, requestId }, `sign-in ${outcome}`);
        };
        // Counted before the password is checked, so that attempts sent at once cannot all slip through.
        const waitMs = await countSignInAttempt(username, address);
        if (waitMs > 0) {
          if (await firstPausedAttempt(username, address)) await attempt('throttled');
          else log().warn({ event: 'sign-in', outcome: 'throttled', username: named, address, requestId }, 'sign-in throttled');
          throw new SignInThrottled(waitMs);
        }
        // Verify against a hash even when the user is unknown, so timing does not reveal names.
        const ok = await passwordMatches(user?.passwordHash ?? DUMMY_HASH, password);
        if (!user || !ok || user.disabled) {
          await attempt('failure');
          throw new CredentialsSignin();
        }
        await recordSignInSuccess(username, address);
        await attempt('success');
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
        // The sign-in's own time: next-auth re-issues the token (a new iat and exp) when its session is read, this stays.
        token.sat = Math.floor(Date.now() / 1000);
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
