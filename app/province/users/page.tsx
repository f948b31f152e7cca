// User administration by the province (issue 5).
import { CreateUserForm, UserActions } from '@/components/user-admin';
import { translator } from '@/lib/i18n';
import { requireRole } from '@/server/page';

export default async function UsersPage() {
  const { caller, locale, user: me } = await requireRole('province');
  const t = translator(locale, 'admin');
  const tu = translator(locale, 'ui');
  const [list, organisations] = await Promise.all([caller.users.list(), caller.users.organisations()]);
  return (
    <>
      <h1>{t('users_title')}</h1>
      <p className="muted">{t('users_intro')}</p>
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
                <td>{t(u.disabled ? 'users_disabled' : 'users_active')}</td>
                <td>
                  <UserActions userId={u.id} disabled={u.disabled} self={u.id === me.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
