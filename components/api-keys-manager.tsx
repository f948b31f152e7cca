'use client';
// The API keys page's form and table: a key is made after a confirmation and its secret shown this
// once, with a copy button; a key is revoked after a confirmation. The server's answers are shown here.
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/app-router';
import { useLocale, useT } from '@/lib/i18n/client';
import { useTRPC } from '@/lib/trpc';
import { formatTime } from '@/lib/format';
import { useHydrated } from '@/lib/use-hydrated';
import { ConfirmDialog } from './confirm-dialog';
import { Feedback } from './feedback';
import { FieldNote, FormErrorList, formErrorsOf, invalidProps, mergeErrors } from './field-errors';
import { parseDecimal } from '@/server/kernel/units';
import { DAY_MS, MAX_KEY_LIFE_MS } from '@/server/apikeys/domain/keys';

type Key = inferRouterOutputs<AppRouter>['apiKeys']['list'][number];
type Scope = Key['scopes'][number];
const SCOPES: readonly Scope[] = ['read:market', 'read:own', 'write:uses'];
const MAX_DAYS = MAX_KEY_LIFE_MS / DAY_MS;

export function ApiKeysManager({ keys, now, showOrganisation, canWriteUses }: { keys: Key[]; now: number; showOrganisation: boolean; canWriteUses: boolean }) {
  const locale = useLocale();
  const t = useT('admin');
  const tu = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['read:market']);
  const [days, setDays] = useState('365');
  const [asking, setAsking] = useState<{ name: string; scopes: Scope[]; expiresAt: number } | null>(null);
  const [revoking, setRevoking] = useState<Key | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: (d) => {
        setSecret(d.secret);
        setCopied(false);
        setName('');
        router.refresh();
      },
    }),
  );
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: () => {
        setDone(t('apikeys_revoked_done'));
        router.refresh();
      },
    }),
  );
  // The days are checked here, before the dialog: the server sees only the expiry they make.
  const [daysNote, setDaysNote] = useState<string | null>(null);
  const errors = mergeErrors(daysNote ? { fields: { expiresAt: daysNote }, message: null } : null, formErrorsOf(create.error));
  const shownScopes = SCOPES.filter((s) => s !== 'write:uses' || canWriteUses);

  return (
    <>
      {secret ? (
        <section className="card" data-testid="api-key-secret">
          <h2>{t('apikeys_secret_title')}</h2>
          <p>
            <code data-testid="api-key-secret-value">{secret}</code>{' '}
            <button
              type="button"
              className="secondary"
              onClick={() => {
                void navigator.clipboard?.writeText(secret).then(() => setCopied(true), () => setCopied(false));
              }}
            >
              {copied ? t('apikeys_copied') : t('apikeys_copy')}
            </button>
          </p>
          <p className="muted">{t('apikeys_secret_hint')}</p>
        </section>
      ) : null}

      <section className="card">
        <h2>{t('apikeys_create')}</h2>
        <form
          className="form grid"
          data-testid="api-key-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setSecret(null);
            setDone(null);
            const n = parseDecimal(days, 0);
            if (n === null || n < 1 || n > MAX_DAYS) {
              setDaysNote(t('apikeys_daysRange', { max: MAX_DAYS }));
              return;
            }
            setDaysNote(null);
            setAsking({ name: name.trim(), scopes, expiresAt: now + n * DAY_MS });
          }}
        >
          <label>
            {t('apikeys_name')}
            <input name="name" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} {...invalidProps(errors, 'name')} />
            <FieldNote errors={errors} path="name" />
          </label>
          <label>
            {t('apikeys_expires')}
            <input name="days" inputMode="numeric" value={days} maxLength={3} onChange={(e) => setDays(e.target.value)} {...invalidProps(errors, 'expiresAt')} />
            <FieldNote errors={errors} path="expiresAt" />
          </label>
          <fieldset style={{ gridColumn: '1 / -1' }}>
            <legend>{t('apikeys_scopes')}</legend>
            {shownScopes.map((s) => (
              <label key={s} className="row">
                <input type="checkbox" name="scopes" value={s} checked={scopes.includes(s)} onChange={(e) => setScopes(e.target.checked ? [...scopes, s] : scopes.filter((x) => x !== s))} />
                {t(`apikeys_scope_${s}`)}
              </label>
            ))}
            <FieldNote errors={errors} path="scopes" />
          </fieldset>
          <button type="submit" disabled={!hydrated || create.isPending}>
            {create.isPending ? tu('saving') : t('apikeys_create')}
          </button>
          <div style={{ gridColumn: '1 / -1' }}>
            <FormErrorList errors={errors} labels={{ name: t('apikeys_name'), scopes: t('apikeys_scopes'), expiresAt: t('apikeys_expires') }} />
            <Feedback error={revoke.error?.message} done={done} />
          </div>
        </form>
      </section>

      {keys.length === 0 ? (
        <p className="card muted">{t('apikeys_empty')}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="api-keys">
            <thead>
              <tr>
                <th>{t('apikeys_col_name')}</th>
                {showOrganisation ? <th>{t('apikeys_col_org')}</th> : null}
                <th>{t('apikeys_col_prefix')}</th>
                <th>{t('apikeys_col_scopes')}</th>
                <th>{t('apikeys_col_expires')}</th>
                <th>{t('apikeys_col_lastUsed')}</th>
                <th>{t('apikeys_col_status')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id} data-key-prefix={k.prefix}>
                  <td>{k.name}</td>
                  {showOrganisation ? <td>{k.organisationName}</td> : null}
                  <td>
                    <code>{k.prefix}…</code>
                  </td>
                  <td>{k.scopes.join(' ')}</td>
                  <td className="num">{formatTime(k.expiresAt, locale)}</td>
                  <td className="num">{k.lastUsedAt === null ? t('apikeys_never') : formatTime(k.lastUsedAt, locale)}</td>
                  <td data-testid="api-key-status">{t(`apikeys_status_${k.status}`)}</td>
                  <td>
                    {k.status === 'active' ? (
                      <button type="button" className="danger" disabled={!hydrated || revoke.isPending} onClick={() => setRevoking(k)}>
                        {t('apikeys_revoke')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <ConfirmDialog
        open={asking !== null}
        onClose={() => setAsking(null)}
        title={t('apikeys_confirm_title')}
        facts={
          asking
            ? [
                [t('apikeys_name'), asking.name || tu('not_filled')],
                [t('apikeys_scopes'), asking.scopes.join(' ') || tu('not_filled')],
                [t('apikeys_col_expires'), formatTime(asking.expiresAt, locale)],
              ]
            : []
        }
        warning={t('apikeys_confirm_warning')}
        confirmLabel={t('apikeys_confirm_ok')}
        focusConfirm
        onConfirm={() => (asking ? create.mutateAsync(asking) : Promise.resolve())}
      />
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title={t('apikeys_revoke_title')}
        facts={revoking ? [[t('apikeys_col_name'), revoking.name], [t('apikeys_col_prefix'), `${revoking.prefix}…`]] : []}
        warning={t('apikeys_revoke_warning')}
        confirmLabel={t('apikeys_revoke')}
        danger
        onConfirm={() => (revoking ? revoke.mutateAsync({ id: revoking.id }) : Promise.resolve())}
      />
    </>
  );
}
