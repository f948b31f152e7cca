'use client';
import { useActionState } from 'react';
import { useT } from '@/lib/i18n/client';
import { type SignInState, signInAction } from '../actions';

export function LoginForm() {
  const t = useT();
  const te = useT('errors');
  const [state, action, pending] = useActionState(signInAction, { error: null } as SignInState);
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
          {state.error === 'signInThrottled' ? te('signInThrottled', { minutes: state.minutes }) : te('invalidCredentials')}
        </p>
      ) : null}
      <button type="submit" disabled={pending}>
        {t('signIn')}
      </button>
    </form>
  );
}
