import { redirect } from 'next/navigation';
import { pageContext } from '@/server/page';
import { LoginForm } from './login-form';

export default async function LoginPage() {
  const { user, t } = await pageContext();
  if (user) redirect('/');
  return (
    <section className="card narrow">
      <h1>{t('login_title')}</h1>
      <LoginForm />
      <p className="muted">{t('login_hint')}</p>
    </section>
  );
}
