// User administration by the province: accounts, and who signed in from where.
import { Pager, pageParam } from '@/components/pager';
import { CreateUserForm, UserActions } from '@/components/user-admin';
import { formatTime } from '@/lib/format';
import { translator } from '@/lib/i18n';
import { requireRole } from '@/server/web/page';

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ username?: string; page?: string }> }) {
  const { caller, locale, user: me } = await requireRole('province');
  const t = translator(locale, 'admin');
  const tu = translator(locale, 'ui');
  const query = await searchParams;
  const username = /^[a-z0-9_.-]{1,64}$/.test(query.username ?? '') ? query.username : undefined;
  const page = pageParam(query.page) ?? 1;
  const [list, organisations, signIns] = await Promise.all([caller.users.list(), caller.users.organisations(), caller.users.signIns({ username, page })]);
  const pageHref = (p: number) => `/province/users?${new URLSearchParams({ ...(username ? { username } : {}), page: String(p) })}#sign-ins`;
  return (
    <>
      <h1>{t('users_title')}</h1>
      <p className="muted">
        {t('users_intro')} {t('users_intro_policy')}
      </p>
      <section className="card">
        <h2>{t('users_create')}</h2>
        <CreateUserForm organisations={organisations.map((o) => ({ id: o.id, name: `${tu(`role_${o.kind}`)} · ${o.name}` }))} />
      </section>
      <div className="table-scroll">
        <table data-testid="users">
          <thead>
            <tr>
              <th>{t('users_col_user')}</th>
              <th>{t('users_col_org')}</th>
              <th>{t('users_col_state')}</th>
              <th>{t('users_col_actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((u) => (
              <tr key={u.id} data-username={u.username}>
                <td>
                  {u.displayName} <span className="muted">{u.username}</span>
                  {u.id === me.id ? t('users_self') : null}
                </td>
                <td>
                  {tu(`role_${u.role}`)} · {u.organisationName}
                </td>
                <td>
                  {t(u.disabled ? 'users_disabled' : 'users_active')}
                  {u.mustChangePassword && !u.disabled ? <span className="muted"> · {t('users_mustChange')}</span> : null}
                </td>
                <td>
                  <UserActions userId={u.id} disabled={u.disabled} self={u.id === me.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="card" id="sign-ins">
        <h2>{t('signins_title')}</h2>
        <p className="muted">{t('signins_intro')}</p>
        <form className="row" method="get" action="/province/users#sign-ins">
          <label>
            {t('signins_filter')} <input name="username" defaultValue={username ?? ''} maxLength={64} />
          </label>
          <button type="submit" className="secondary">
            {t('signins_filter_submit')}
          </button>
        </form>
        {signIns.signIns.length === 0 ? (
          <p className="muted">{t('signins_none')}</p>
        ) : (
          <div className="table-scroll">
            <table data-testid="sign-ins">
              <thead>
                <tr>
                  <th>{t('signins_col_time')}</th>
                  <th>{t('signins_col_user')}</th>
                  <th>{t('signins_col_address')}</th>
                  <th>{t('signins_col_outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {signIns.signIns.map((a) => (
                  <tr key={a.id} data-outcome={a.outcome}>
                    <td>{formatTime(a.at, locale)}</td>
                    <td>{a.username}</td>
                    <td>{a.address}</td>
                    <td className={a.outcome === 'success' ? undefined : 'error'}>{t(`signins_${a.outcome}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager page={page} total={signIns.total} pageSize={signIns.pageSize} href={pageHref} locale={locale} testId="sign-ins-pager" />
      </section>
    </>
  );
}
