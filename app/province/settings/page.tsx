import { SettingsForm } from '@/components/admin-funds-forms';
import { translator } from '@/lib/i18n';
import { requireRole } from '@/server/web/page';

export default async function SettingsPage() {
  const { caller, locale } = await requireRole('province');
  const t = translator(locale, 'admin');
  const settings = await caller.accounts.settings();
  return (
    <>
      <h1>{t('settings_title')}</h1>
      <p className="muted">{t('settings_intro')}</p>
      <section className="card">
        <SettingsForm settings={settings} />
      </section>
    </>
  );
}
