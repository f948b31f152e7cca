'use client';
import { useActionState } from 'react';
import { useT } from '@/lib/i18n/client';
import { signInAction } from '../actions';

export function LoginForm() {
  const t = useT();
  const te = useT('errors');
  const [state, action, pending] = useActionState(signInAction, { error: null });
  return (
    <form action={action} className="form">
      <label>
        {t('username')}
        <input name="username" autoComplete="username" required maxLength={64} />
      </label>
      <label>
        {t('password')}
        <input name="password" type="password" autoComplete="current-password" required maxLength={256} />
      </label>
      {state.error ? (
        <p className="error" role="alert" aria-label="sign-in error">
          {te('invalidCredentials')}
        </p>
      ) : null}
      <button type="submit" disabled={pending}>
        {t('signIn')}
      </button>
    </form>
  );
}
