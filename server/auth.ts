// Sign-in (next-auth v5, credentials, JWT sessions). Passwords are argon2id hashes. The session
// carries the user id and the user's session version: every request reloads the user and compares
// the version, so signing out, a password reset or disabling the account ends its sessions at once.
// Failed attempts are throttled per account and per address (server/domain/throttle.ts).
import { hashSync, verify } from '@node-rs/argon2';
import crypto from 'node:crypto';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { authSecret } from './auth-secret';
import { findUserByUsername } from './data/users';
import { recordSignInFailure, recordSignInSuccess, signInLockedUntil } from './sign-in-throttle';
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

/** The client's address as the reverse proxy in front reports it (the app listens on loopback). */
const clientAddress = (request: Request) => request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || request.headers.get('x-real-ip') || 'direct';

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: authSecret(),
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/login' },
  // A wrong password is an answer to the user, not a server error worth a stack trace.
  logger: {
    error(error) {
      if ((error as { type?: string }).type !== 'CredentialsSignin') console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        const { username, password } = parsed.data;
        const address = clientAddress(request);
        const now = services().clock.now();
        const until = signInLockedUntil(username, address, now);
        if (until !== null) throw new SignInThrottled(until - now);
        const user = findUserByUsername(services().db, username);
        // Verify against a hash even when the user is unknown, so timing does not reveal names.
        const ok = await verify(user?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
        if (!user || !ok || user.disabled) {
          recordSignInFailure(username, address, now);
          throw new CredentialsSignin();
        }
        recordSignInSuccess(username);
        return { id: String(user.id), name: user.displayName, sv: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.sv = (user as { sv?: number }).sv ?? 0;
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
