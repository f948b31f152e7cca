// A zone's holding of one lot traced back: the serial ranges it bought, the
// project and demolition plots they came from, what it still holds and what it has used.
import Link from 'next/link';
import { load } from '@/components/market-load';
import { PageError } from '@/components/market-notice';
import { PlotsTable } from '@/components/project-plan';
import { SalesTable, UsesTable } from '@/components/trace-tables';
import { Mu, Time } from '@/components/ui';
import { translator } from '@/lib/i18n';
import { requireRole } from '@/server/web/page';
import { VerificationBlock } from '@/components/verification-block';
import { holdingCode } from '@/server/verify/queries';
import { verificationLink } from '@/server/web/qr';

const RIGHTS = ['NEW_LAND', 'SCALE', 'FARMLAND'] as const;

export default async function HoldingTracePage({ params }: { params: Promise<{ lotId: string }> }) {
  const { lotId } = await params;
  const { caller, ctx, user, locale, t: tu } = await requireRole('zone');
  const t = translator(locale, 'holdings');
  const tp = translator(locale, 'projects');
  const id = Number(lotId);
  const got = Number.isSafeInteger(id) && id > 0 ? await load(() => caller.rights.trace({ lotId: id })) : null;
  if (got === null) return <PageError message={translator(locale, 'errors')('holdingNotFound')} />;
  if (!got.ok) return <PageError message={got.message} />;
  const { lot, project, countyName, plots, purchases, uses, holdings } = got.data;
  // The rights certificate's code: read only once the zone's own holding was found (rights.trace above).
  const code = await holdingCode(ctx.services.db, user.organisationId, lot.id);
  const link = code === null ? null : await verificationLink(code);
  const held = (asset: string) => holdings.filter((h) => h.asset === asset).reduce((sum, h) => sum + h.balance, 0);

  return (
    <>
      <p>
        <Link href="/ledger">{tu('nav_funds')}</Link>
      </p>
      <h1>
        {t('trace_title')} · {lot.code}
      </h1>
      <p className="muted">{t('trace_holdingIntro')}</p>

      <section className="card" data-testid="holding-origin">
        <h2>{t('col_project')}</h2>
        <dl className="terms">
          <dt>{t('col_project')}</dt>
          <dd>{project.name}</dd>
          <dt>{t('col_county')}</dt>
          <dd>{countyName}</dd>
          <dt>{tp('field_villages')}</dt>
          <dd>{project.villages}</dd>
          <dt>{tp('field_approvalRef')}</dt>
          <dd>{project.approvalRef ?? '—'}</dd>
          <dt>{tp('field_approvedAt')}</dt>
          <dd>
            <Time ms={project.approvedAt} locale={locale} />
          </dd>
        </dl>
        <h3>{t('trace_plots')}</h3>
        <PlotsTable plots={plots} locale={locale} />
      </section>

      <section className="card">
        <h2>{t('trace_purchases')}</h2>
        <SalesTable rows={purchases} locale={locale} testId="holding-purchases" linkTrades />
      </section>

      <section className="card" data-testid="holding-held">
        <h2>{t('trace_held')}</h2>
        <dl className="terms">
          {RIGHTS.map((a) => (
            <div key={a} style={{ display: 'contents' }}>
              <dt>{tu(`asset_${a}`)}</dt>
              <dd>
                <Mu milliMu={held(a)} locale={locale} />
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="card">
        <h2>{t('trace_uses')}</h2>
        {uses.length === 0 ? (
          <p className="muted" data-testid="holding-uses">
            {t('trace_usesEmpty')}
          </p>
        ) : (
          <UsesTable rows={uses} locale={locale} testId="holding-uses" />
        )}
      </section>

      {code !== null && link !== null ? (
        <section className="card">
          <VerificationBlock code={code} url={link.url} svg={link.svg} locale={locale} />
        </section>
      ) : null}
    </>
  );
}
