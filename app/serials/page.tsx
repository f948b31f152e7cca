// The public serial look-up: one serial or a range, each run of units with one history shown once —
// where it came from, the listing and trade that moved it, who holds it, and its use (核销).
import { Fragment } from 'react';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { Mu, PricePerMu } from '@/components/ui';
import { formatDate } from '@/lib/format';
import { type Locale, hasKey, translate, translator } from '@/lib/i18n';
import { pageContext } from '@/server/web/page';

/** The look-up, or why the typed serials were refused, in the reader's language. */
async function lookUp(call: () => Promise<Awaited<ReturnType<Awaited<ReturnType<typeof pageContext>>['caller']['verify']['serials']>>>, locale: Locale) {
  try {
    return { ok: true as const, data: await call() };
  } catch (e) {
    if (e instanceof TRPCError && e.cause instanceof ZodError) {
      const said = e.cause.issues.map((i) => translate(locale, 'errors', (hasKey('errors', i.message) ? i.message : 'invalidValue') as never, (i as { params?: Record<string, string | number> }).params));
      return { ok: false as const, message: [...new Set(said)].join(' ') };
    }
    if (e instanceof TRPCError && e.code !== 'INTERNAL_SERVER_ERROR') return { ok: false as const, message: e.message };
    throw e;
  }
}

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v.slice(0, 40) : '');

export default async function SerialsPage({ searchParams }: { searchParams: Promise<{ from?: string | string[]; to?: string | string[] }> }) {
  const q = await searchParams;
  const from = one(q.from);
  const to = one(q.to);
  const { caller, locale } = await pageContext();
  const t = translator(locale, 'verify');
  const got = from ? await lookUp(() => caller.verify.serials({ from, to }), locale) : null;
  const day = (ms: number | null) => (ms === null ? '—' : formatDate(ms, locale));

  return (
    <>
      <h1>{t('serials_title')}</h1>
      <p className="muted">{t('serials_intro')}</p>
      <form className="form grid card" method="get" action="/serials" data-testid="serials-form">
        <label>
          {t('field_from')}
          <input name="from" defaultValue={from} inputMode="numeric" maxLength={40} placeholder="000000000001" required />
        </label>
        <label>
          {t('field_to')}
          <input name="to" defaultValue={to} inputMode="numeric" maxLength={40} />
        </label>
        <div>
          <button type="submit">{t('serials_submit')}</button>
        </div>
      </form>
      {got === null ? null : !got.ok ? (
        <p className="error" role="alert" data-testid="serials-error">
          {got.message}
        </p>
      ) : (
        <section className="card">
          {got.data.truncated ? <p className="muted">{t('truncated')}</p> : null}
          <div className="table-scroll">
            <table data-testid="serials-result">
              <thead>
                <tr>
                  <th>{t('col_range')}</th>
                  <th className="num">{t('col_qty')}</th>
                  <th>{t('col_origin')}</th>
                  <th>{t('col_trade')}</th>
                  <th>{t('col_holder')}</th>
                  <th>{t('col_use')}</th>
                </tr>
              </thead>
              <tbody>
                {got.data.segments.map((s) => (
                  <tr key={s.range} data-holder-kind={s.holderKind ?? 'none'}>
                    <td className="num nowrap">{s.range}</td>
                    <td className="num">
                      <Mu milliMu={s.qtyMilliMu} locale={locale} />
                    </td>
                    <td>
                      {s.lot === null ? (
                        <span className="muted">{t('not_issued')}</span>
                      ) : (
                        <>
                          <div>
                            {s.lot.projectName} · {s.lot.countyName} · {s.lot.code}
                          </div>
                          <div className="muted">
                            {s.lot.villages}
                            {s.lot.approvalRef ? ` · ${t('approved')} ${s.lot.approvalRef} ${day(s.lot.approvedAt)}` : null}
                          </div>
                          <div className="muted">
                            {t('plots')}:{' '}
                            {s.lot.plots.map((p, i) => (
                              <Fragment key={p.code}>
                                {i > 0 ? '；' : null}
                                {p.code} {p.village} <Mu milliMu={p.areaMilliMu} locale={locale} />
                              </Fragment>
                            ))}
                          </div>
                        </>
                      )}
                    </td>
                    <td>
                      {s.trade === null ? (
                        <span className="muted">{s.lot === null ? '—' : t('not_traded')}</span>
                      ) : (
                        <>
                          <div>
                            {s.trade.listingCode} → {s.trade.confirmationNo}
                          </div>
                          <div className="muted">
                            {day(s.trade.settledAt)} · <PricePerMu fen={s.trade.priceFenPerMu} locale={locale} />
                          </div>
                        </>
                      )}
                    </td>
                    <td data-testid="serial-holder">
                      {s.holder === null ? '—' : `${s.holder}${s.holderKind === 'zone' ? t('held_zone') : t('held_county')}`}
                    </td>
                    <td data-testid="serial-use">
                      {s.newLandUse === null && s.scaleUse === null ? (
                        <span className="muted">{s.lot === null ? '—' : t('not_used')}</span>
                      ) : (
                        (
                          [
                            ['use_newLand', s.newLandUse],
                            ['use_scale', s.scaleUse],
                          ] as const
                        ).map(([label, u]) =>
                          u === null ? null : (
                            <div key={label}>
                              {t(label)}: {u.applicationName} · {u.approvalRef} · {day(u.at)}
                            </div>
                          ),
                        )
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
