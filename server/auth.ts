// Sign-in (next-auth v5, credentials, JWT sessions). Passwords are argon2id hashes. The session
// carries only the user id: every request reloads the user, so a disabled account stops at once.
import { hashSync, verify } from '@node-rs/argon2';
import crypto from 'node:crypto';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { authSecret } from './auth-secret';
import { findUserByUsername } from './data/users';
import { services } from './runtime';

const credentials = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) });

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

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
      async authorize(raw) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        const user = findUserByUsername(services().db, parsed.data.username);
        // Verify against a hash even when the user is unknown, so timing does not reveal names.
        const ok = await verify(user?.passwordHash ?? DUMMY_HASH, parsed.data.password).catch(() => false);
        if (!user || !ok || user.disabled) throw new CredentialsSignin();
        return { id: String(user.id), name: user.displayName };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === 'string') session.user.id = token.uid;
      return session;
    },
  },
});

// A hash of a random string, verified against when the user name is unknown.
const DUMMY_HASH = hashSync(crypto.randomBytes(16).toString('hex'));
