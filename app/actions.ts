'use server';
import { AuthError } from 'next-auth';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { LOCALE_COOKIE, asLocale } from '@/lib/i18n/define';
import { signIn, signOut } from '@/server/auth';

export async function switchLocale(formData: FormData) {
  const jar = await cookies();
  jar.set(LOCALE_COOKIE, asLocale(String(formData.get('locale'))), { path: '/', maxAge: 365 * 86400, sameSite: 'lax' });
  const back = String(formData.get('back') ?? '/');
  redirect(back.startsWith('/') && !back.startsWith('//') ? back : '/');
}

export async function signInAction(_prev: { error: string | null }, formData: FormData): Promise<{ error: string | null }> {
  try {
    await signIn('credentials', {
      username: String(formData.get('username') ?? ''),
      password: String(formData.get('password') ?? ''),
      redirectTo: '/',
    });
  } catch (e) {
    if (e instanceof AuthError) return { error: 'invalidCredentials' };
    throw e; // the redirect after a successful sign-in
  }
  return { error: null };
}

export async function signOutAction() {
  await signOut({ redirectTo: '/' });
}
