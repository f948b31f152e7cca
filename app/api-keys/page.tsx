// An organisation's keys for the open API (/api/v1): any signed-in user lists, makes and revokes its
// own; the province sees and may revoke every organisation's. The secret is shown once, on creation.
import Link from 'next/link';
import { ApiKeysManager } from '@/components/api-keys-manager';
import { translator } from '@/lib/i18n';
import { requireRole } from '@/server/web/page';

export default async function ApiKeysPage() {
  const { caller, locale, user, ctx } = await requireRole('province', 'city', 'county', 'zone');
  const t = translator(locale, 'admin');
  const keys = await caller.apiKeys.list();
  return (
    <>
      <h1>{t('apikeys_title')}</h1>
      <p className="muted">
        {t('apikeys_intro')} <Link href="/api-docs">{t('apikeys_docs')}</Link>
      </p>
      <ApiKeysManager keys={keys} now={ctx.services.clock.now()} showOrganisation={user.role === 'province'} canWriteUses={user.role === 'zone'} />
    </>
  );
}
