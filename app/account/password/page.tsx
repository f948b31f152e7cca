// Every signed-in user changes their own password here; a user whose password an administrator set
// is sent here before anything else (server/web/page.ts).
import { pageContext, signInAgain } from '@/server/web/page';
import { ChangePasswordForm } from './change-password-form';

export default async function ChangePasswordPage() {
  const { ctx, user, t } = await pageContext();
  if (!user) signInAgain(ctx);
  return (
    <section className="card narrow">
      <h1>{t('account_password_title')}</h1>
      <p className="muted">{t('account_password_intro')}</p>
      <p id="password-policy">{t('account_password_policy')}</p>
      <ChangePasswordForm username={user!.username} />
    </section>
  );
}
