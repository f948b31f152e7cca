// The public answer for a verification code: the document's public facts and its standing now, or
// "not a genuine document" for anything this platform did not issue. No funds, bids or deposits.
import Link from 'next/link';
import { Money, Mu, PricePerMu } from '@/components/ui';
import { formatDate } from '@/lib/format';
import { translator } from '@/lib/i18n';
import { pageContext } from '@/server/web/page';
import { VerifyForm } from '@/components/verify-form';

const GOOD = new Set(['valid', 'used_part']);
const BAD = new Set(['lapsed', 'none_held']);

export default async function VerifyCodePage({ params }: { params: Promise<{ code: string }> }) {
  const { code: raw } = await params;
  const { caller, locale, t: tu } = await pageContext();
  const t = translator(locale, 'verify');
  let typed = raw;
  try {
    typed = decodeURIComponent(raw);
  } catch {
    // A malformed escape is simply not a code.
  }
  const answer = typed.length <= 64 ? await caller.verify.document({ code: typed }) : { genuine: false as const };
  const day = (ms: number | null) => (ms === null ? '—' : formatDate(ms, locale));

  if (!answer.genuine) {
    return (
      <>
        <h1>{t('verify_title')}</h1>
        <section className="card verdict verdict-bad" data-testid="verdict" data-status="not_genuine">
          <h2>{t('not_genuine_title')}</h2>
          <p>{t('not_genuine_body')}</p>
        </section>
        <VerifyForm label={t('verify_field')} submit={t('verify_submit')} value={typed} />
      </>
    );
  }

  const d = answer.document;
  const tone = GOOD.has(d.status) ? 'verdict-valid' : BAD.has(d.status) ? 'verdict-bad' : 'verdict-warn';
  const rights = (
    <table>
      <thead>
        <tr>
          <th>{t('col_right')}</th>
          <th className="num">{t('col_carried')}</th>
          <th className="num">{t('col_used')}</th>
        </tr>
      </thead>
      <tbody>
        {d.rights.map((r) => (
          <tr key={r.asset}>
            <td>{tu(`asset_${r.asset}`)}</td>
            <td className="num">{r.carriedMilliMu === null ? <span className="muted">{t('pending')}</span> : <Mu milliMu={r.carriedMilliMu} locale={locale} />}</td>
            <td className="num">
              <Mu milliMu={r.usedMilliMu} locale={locale} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <>
      <h1>{t('verify_title')}</h1>
      <section className={`card verdict ${tone}`} data-testid="verdict" data-status={d.status}>
        <p className="muted">{t(d.kind === 'trade' ? 'genuine_trade' : 'genuine_holding')}</p>
        <h2>{t(`status_${d.status}`)}</h2>
      </section>
      {d.kind === 'trade' ? (
        <section className="card" data-testid="verified-trade">
          <dl className="terms">
            <dt>{t('col_confirmationNo')}</dt>
            <dd>{d.confirmationNo}</dd>
            <dt>{t('col_seller')}</dt>
            <dd>{d.sellerName}</dd>
            <dt>{t('col_buyer')}</dt>
            <dd>{d.buyerName}</dd>
            <dt>{t('col_listing')}</dt>
            <dd>{d.listingCode}</dd>
            <dt>{t('col_project')}</dt>
            <dd>
              {d.projectName} · {d.lotCode}
            </dd>
            <dt>{t('col_qty')}</dt>
            <dd>
              <Mu milliMu={d.qtyMilliMu} locale={locale} />
            </dd>
            <dt>{t('col_unitPrice')}</dt>
            <dd>
              <PricePerMu fen={d.priceFenPerMu} locale={locale} />
            </dd>
            <dt>{t('col_amount')}</dt>
            <dd>
              <Money fen={d.amountFen} locale={locale} />
            </dd>
            <dt>{t('col_awardedAt')}</dt>
            <dd>{day(d.awardedAt)}</dd>
            {d.settledAt !== null ? (
              <>
                <dt>{t('col_settledAt')}</dt>
                <dd>{day(d.settledAt)}</dd>
              </>
            ) : null}
            {d.lapsedAt !== null ? (
              <>
                <dt>{t('col_lapsedAt')}</dt>
                <dd>{day(d.lapsedAt)}</dd>
              </>
            ) : null}
            <dt>{t('col_serials')}</dt>
            <dd className="num">{d.serialRange ?? <span className="muted">{t('pending')}</span>}</dd>
          </dl>
          {rights}
        </section>
      ) : (
        <section className="card" data-testid="verified-holding">
          <dl className="terms">
            <dt>{t('col_zone')}</dt>
            <dd>{d.zoneName}</dd>
            <dt>{t('col_lot')}</dt>
            <dd>{d.lotCode}</dd>
            <dt>{t('col_project')}</dt>
            <dd>{d.projectName}</dd>
            <dt>{t('col_county')}</dt>
            <dd>{d.countyName}</dd>
            <dt>{t('col_purchases')}</dt>
            <dd>
              {d.purchases.map((p) => (
                <div key={p.confirmationNo}>
                  {p.confirmationNo} · <Mu milliMu={p.qtyMilliMu} locale={locale} /> · <span className="num">{p.serialRange}</span> · {day(p.settledAt)}
                </div>
              ))}
            </dd>
          </dl>
          {rights}
        </section>
      )}
      <p>
        <Link href="/verify">{t('verify_again')}</Link> · <Link href="/serials">{t('nav_serials')}</Link>
      </p>
    </>
  );
}
