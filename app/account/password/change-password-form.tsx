'use client';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useT } from '@/lib/i18n/client';
import { useTRPC } from '@/lib/trpc';
import { useHydrated } from '@/lib/use-hydrated';
import { Feedback } from '@/components/feedback';
import { signOutAfterPasswordChange } from '../../actions';

export function ChangePasswordForm({ username }: { username: string }) {
  const t = useT();
  const te = useT('errors');
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const [form, setForm] = useState({ currentPassword: '', newPassword: '', confirm: '' });
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation(trpc.me.changePassword.mutationOptions({ onSuccess: () => void signOutAfterPasswordChange() }));
  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm((f) => ({ ...f, [key]: e.target.value }));
  return (
    <form
      className="form"
      data-testid="change-password-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const differ = form.newPassword !== form.confirm;
        setMismatch(differ);
        if (!differ) change.mutate({ currentPassword: form.currentPassword, newPassword: form.newPassword });
      }}
    >
      {/* For password managers: which account this is. */}
      <input type="hidden" name="username" autoComplete="username" value={username} />
      <label>
        {t('account_current_password')}
        <input name="currentPassword" type="password" autoComplete="current-password" required maxLength={256} value={form.currentPassword} onChange={set('currentPassword')} />
      </label>
      <label>
        {t('account_new_password')}
        <input name="newPassword" type="password" autoComplete="new-password" required maxLength={256} aria-describedby="password-policy" value={form.newPassword} onChange={set('newPassword')} />
      </label>
      <label>
        {t('account_confirm_password')}
        <input name="confirm" type="password" autoComplete="new-password" required maxLength={256} value={form.confirm} onChange={set('confirm')} />
      </label>
      <button type="submit" disabled={!hydrated || change.isPending || change.isSuccess}>
        {t('account_change_submit')}
      </button>
      <Feedback error={mismatch ? te('passwordMismatch') : change.error?.message} done={change.isSuccess ? te('passwordChanged') : null} />
    </form>
  );
}
