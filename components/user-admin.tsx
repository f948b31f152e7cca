'use client';
// The province's user administration: a form to create a user, and per user a disable/enable button
// and a password reset. The server checks the role and the password policy.
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useT } from '@/lib/i18n/client';
import { useTRPC } from '@/lib/trpc';
import { useHydrated } from '@/lib/use-hydrated';
import { Feedback } from './feedback';
import { FieldNote, FormErrorList, formErrorsOf, invalidProps } from './field-errors';

export function CreateUserForm({ organisations }: { organisations: { id: number; name: string }[] }) {
  const t = useT('admin');
  const tu = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const empty = { username: '', displayName: '', organisationId: '', password: '' };
  const [form, setForm] = useState(empty);
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: () => {
        setForm(empty);
        setDone(t('users_created'));
        router.refresh();
      },
    }),
  );
  const errors = formErrorsOf(create.error);
  const set = (key: keyof typeof empty) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm((f) => ({ ...f, [key]: e.target.value }));
  return (
    <form
      className="form grid"
      data-testid="create-user-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        // Nothing chosen goes as null, which the server refuses as required beside the other fields.
        create.mutate({ ...form, organisationId: form.organisationId === '' ? null : Number(form.organisationId) });
      }}
    >
      <label>
        {t('users_username')}
        <input name="username" value={form.username} maxLength={64} autoComplete="off" onChange={set('username')} {...invalidProps(errors, 'username')} />
        <FieldNote errors={errors} path="username" />
      </label>
      <label>
        {t('users_displayName')}
        <input name="displayName" value={form.displayName} maxLength={100} onChange={set('displayName')} {...invalidProps(errors, 'displayName')} />
        <FieldNote errors={errors} path="displayName" />
      </label>
      <label>
        {t('users_org')}
        <select name="organisationId" value={form.organisationId} onChange={set('organisationId')} {...invalidProps(errors, 'organisationId')}>
          <option value="" />
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <FieldNote errors={errors} path="organisationId" />
      </label>
      <label>
        {t('users_password')}
        <input name="password" type="password" value={form.password} maxLength={256} autoComplete="new-password" onChange={set('password')} {...invalidProps(errors, 'password')} />
        <FieldNote errors={errors} path="password" />
      </label>
      <button type="submit" disabled={!hydrated || create.isPending}>
        {create.isPending ? tu('saving') : t('users_submit')}
      </button>
      <div style={{ gridColumn: '1 / -1' }}>
        <FormErrorList errors={errors} labels={{ username: t('users_username'), displayName: t('users_displayName'), organisationId: t('users_org'), password: t('users_password') }} />
        <Feedback error={null} done={done} />
      </div>
    </form>
  );
}

export function UserActions({ userId, disabled, self }: { userId: number; disabled: boolean; self: boolean }) {
  const t = useT('admin');
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const toggle = useMutation(trpc.users.setDisabled.mutationOptions({ onSuccess: () => router.refresh() }));
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: () => {
        setPassword('');
        setDone(t('users_resetDone'));
      },
    }),
  );
  return (
    <div className="row" data-testid="user-actions">
      {self ? null : (
        <button type="button" className={disabled ? undefined : 'danger'} disabled={!hydrated || toggle.isPending} onClick={() => toggle.mutate({ userId, disabled: !disabled })}>
          {t(disabled ? 'users_enable' : 'users_disable')}
        </button>
      )}
      <form
        className="row"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setDone(null);
          reset.mutate({ userId, password });
        }}
      >
        <input name="password" type="password" aria-label={t('users_newPassword')} placeholder={t('users_newPassword')} value={password} maxLength={256} autoComplete="new-password" onChange={(e) => setPassword(e.target.value)} />
        <button type="submit" className="secondary" disabled={!hydrated || reset.isPending}>
          {t('users_reset')}
        </button>
      </form>
      <FormErrorList errors={formErrorsOf(toggle.error ?? reset.error)} labels={{ password: t('users_newPassword') }} />
      <Feedback error={null} done={done} />
    </div>
  );
}
