'use server';
import { AuthError } from 'next-auth';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { LOCALE_COOKIE, asLocale } from '@/lib/i18n/define';
import { endOwnSessions } from '@/server/web/page';
import { SignInThrottled, signIn, signOut } from '@/server/web/auth';
import { ownPath } from '@/server/web/edges';

export async function switchLocale(formData: FormData) {
  const jar = await cookies();
  jar.set(LOCALE_COOKIE, asLocale(String(formData.get('locale'))), { path: '/', maxAge: 365 * 86400, sameSite: 'lax' });
  redirect(ownPath(String(formData.get('back') ?? '/')));
}

export type SignInState = { error: null | 'invalidCredentials' | 'signInThrottled'; minutes?: number };

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  try {
    await signIn('credentials', {
      username: String(formData.get('username') ?? ''),
      password: String(formData.get('password') ?? ''),
      redirectTo: '/',
    });
  } catch (e) {
    if (e instanceof SignInThrottled) return { error: 'signInThrottled', minutes: Math.max(1, Math.ceil(e.retryAfterMs / 60_000)) };
    if (e instanceof AuthError) return { error: 'invalidCredentials' };
    throw e; // the redirect after a successful sign-in
  }
  return { error: null };
}

/** Signing out ends every session of the user on the server, not only this browser's cookie. */
export async function signOutAction() {
  await endOwnSessions();
  await signOut({ redirectTo: '/' });
}

/** After a password change (which has ended every session): the cookie goes too, and the form says why. */
export async function signOutAfterPasswordChange() {
  await signOut({ redirectTo: '/login?changed=1' });
}
