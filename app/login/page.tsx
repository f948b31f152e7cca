import { redirect } from 'next/navigation';
import { DEMO_PASSWORD, env } from '@/server/kernel/env';
import { pageContext } from '@/server/web/page';
import { LoginForm } from './login-form';

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ ended?: string; changed?: string }> }) {
  const { user, t } = await pageContext();
  if (user) redirect('/');
  const { ended, changed } = await searchParams;
  return (
    <section className="card narrow">
      <h1>{t('login_title')}</h1>
      {ended === 'idle' ? (
        <p className="notice" role="status">
          {t('login_idle')}
        </p>
      ) : null}
      {changed === '1' ? (
        <p className="notice" role="status">
          {t('login_changed')}
        </p>
      ) : null}
      <LoginForm />
      {/* The demo's password is published; a production start never shows it. */}
      {env.demo ? <p className="muted" data-testid="demo-hint">{t('login_hint', { password: DEMO_PASSWORD })}</p> : null}
    </section>
  );
}
