// The public verification form: anyone types the code printed on a document (no account needed).
import { redirect } from 'next/navigation';
import { translator } from '@/lib/i18n';
import { pageContext } from '@/server/web/page';
import { VerifyForm } from '@/components/verify-form';

export default async function VerifyFormPage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  const { code } = await searchParams;
  const typed = typeof code === 'string' ? code.trim().slice(0, 64) : '';
  if (typed) redirect(`/verify/${encodeURIComponent(typed)}`);
  const { locale } = await pageContext();
  const t = translator(locale, 'verify');
  return (
    <>
      <h1>{t('verify_title')}</h1>
      <p className="muted">{t('verify_intro')}</p>
      <VerifyForm label={t('verify_field')} submit={t('verify_submit')} />
    </>
  );
}
