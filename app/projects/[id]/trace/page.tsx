// Where a project's quota went: its source plots, the lot's serial range, each
// sale's sub-range and buyer, what the county still holds, and the rights zones have used from it.
import Link from 'next/link';
import { load } from '@/components/market-load';
import { PageError } from '@/components/market-notice';
import { PlotsTable } from '@/components/project-plan';
import { SalesTable, UsesTable } from '@/components/trace-tables';
import { Mu } from '@/components/ui';
import { translator } from '@/lib/i18n';
import { requireRole } from '@/server/web/page';

export default async function ProjectTracePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { caller, locale, user } = await requireRole('county', 'city', 'province');
  const t = translator(locale, 'holdings');
  const tp = translator(locale, 'projects');
  const projectId = Number(id);
  if (!Number.isSafeInteger(projectId) || projectId <= 0) return <PageError message={tp('bad_id')} />;
  const got = await load(() => caller.projects.trace({ id: projectId }));
  if (!got.ok) return <PageError message={got.message} />;
  const { project, countyName, plots, lot, sales, remaining, uses } = got.data;

  return (
    <>
      <p>
        <Link href={`/projects/${project.id}`}>{t('trace_back')}</Link>
      </p>
      <h1>
        {t('trace_title')} · {project.name}
      </h1>
      <p className="muted">{t('trace_projectIntro')}</p>

      <section className="card" data-testid="trace-plots">
        <h2>{t('trace_plots')}</h2>
        <p>
          {countyName} · {project.villages}
        </p>
        <PlotsTable plots={plots} locale={locale} />
      </section>

      <section className="card" data-testid="trace-lot">
        <h2>{t('trace_lot')}</h2>
        {lot === null ? (
          <p className="muted">{t('trace_lotNone')}</p>
        ) : (
          <dl className="terms">
            <dt>{t('col_lotCode')}</dt>
            <dd>{lot.code}</dd>
            <dt>{t('col_serials')}</dt>
            <dd className="num">{lot.range}</dd>
            <dt>{t('col_qty')}</dt>
            <dd>
              <Mu milliMu={lot.qtyMilliMu} locale={locale} />
            </dd>
          </dl>
        )}
      </section>

      {lot === null ? null : (
        <>
          <section className="card">
            <h2>{t('trace_sales')}</h2>
            {sales.length === 0 ? (
              <p className="muted" data-testid="trace-sales">
                {t('trace_salesEmpty')}
              </p>
            ) : (
              <SalesTable rows={sales} locale={locale} testId="trace-sales" linkTrades={user.role !== 'city'} />
            )}
          </section>

          <section className="card" data-testid="trace-remaining">
            <h2>{t('trace_remaining')}</h2>
            {remaining === null ? (
              <p className="muted">{t('trace_remainingNone')}</p>
            ) : (
              <dl className="terms">
                <dt>{t('col_serials')}</dt>
                <dd className="num">{remaining.range}</dd>
                <dt>{t('col_qty')}</dt>
                <dd>
                  <Mu milliMu={remaining.qtyMilliMu} locale={locale} />
                </dd>
                <dt>{t('col_free')}</dt>
                <dd>
                  <Mu milliMu={remaining.freeMilliMu} locale={locale} />
                </dd>
                <dt>{t('col_listed')}</dt>
                <dd>
                  <Mu milliMu={remaining.listedMilliMu} locale={locale} />
                </dd>
                <dt>{t('col_awarded')}</dt>
                <dd>
                  <Mu milliMu={remaining.awardedMilliMu} locale={locale} />
                </dd>
              </dl>
            )}
          </section>

          <section className="card">
            <h2>{t('trace_uses')}</h2>
            {uses.length === 0 ? (
              <p className="muted" data-testid="trace-uses">
                {t('trace_usesEmpty')}
              </p>
            ) : (
              <UsesTable rows={uses} locale={locale} testId="trace-uses" />
            )}
          </section>
        </>
      )}
    </>
  );
}
