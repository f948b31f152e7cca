// The printable trade confirmation (成交确认书) for the two parties and the province (trades.get).
import Link from 'next/link';
import { translator } from '@/lib/i18n';
import { formatDate, formatTime } from '@/lib/format';
import { documentBasis, settingText } from '@/lib/settings-view';
import { requireRole } from '@/server/web/page';
import { Money, Mu, PricePerMu, StandingBadge, StatusBadge, Time } from '@/components/ui';
import { PageError } from '@/components/market-notice';
import { load } from '@/components/market-load';
import { yuanInWords } from '@/components/market-format';
import { PrintButton } from './print-button';
import { VerificationBlock } from '@/components/verification-block';
import { tradeCode } from '@/server/verify/queries';
import { verificationLink } from '@/server/web/qr';

export default async function TradeConfirmationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { caller, ctx, locale, t } = await requireRole('county', 'zone', 'province');
  const tm = translator(locale, 'market');
  const ta = translator(locale, 'admin');
  const tu = translator(locale, 'ui');
  const basis = (documentNo: string) => documentBasis(tu, documentNo);
  const tradeId = Number(id);
  if (!Number.isSafeInteger(tradeId) || tradeId <= 0) return <PageError message={tm('bad_id')} />;
  const got = await load(() => caller.trades.get({ id: tradeId }));
  if (!got.ok) return <PageError message={got.message} />;
  const tr = got.data;
  // Read only once the caller may see the trade (trades.get above).
  const code = await tradeCode(ctx.services.db, tr.id);
  const link = code === null ? null : await verificationLink(code);

  return (
    <>
      <div className="row spread no-print">
        <Link href="/trades">← {tm('back_trades')}</Link>
        <PrintButton />
      </div>
      <article className="card confirmation" data-testid="confirmation">
        <header className="confirmation-head">
          <p className="muted">{tm('conf_issuer')}</p>
          <h1>{tm('conf_title')}</h1>
          <p>
            {tm('conf_no')}: <strong data-testid="confirmation-no">{tr.confirmationNo}</strong> · <StatusBadge status={tr.status} locale={locale} />
          </p>
        </header>

        <h2>{tm('conf_parties')}</h2>
        <table className="kv">
          <tbody>
            <tr>
              <th>{tm('conf_seller')}</th>
              <td>{tr.sellerName}</td>
            </tr>
            <tr>
              <th>{tm('conf_buyer')}</th>
              <td>{tr.buyerName}</td>
            </tr>
          </tbody>
        </table>

        <h2>{tm('conf_subject')}</h2>
        <table className="kv">
          <tbody>
            <tr>
              <th>{tm('col_listing')}</th>
              <td>
                {tr.listingCode} · {t(`mode_${tr.mode}`)}
              </td>
            </tr>
            <tr>
              <th>{tm('col_project')}</th>
              <td>{tr.projectName}</td>
            </tr>
            <tr>
              <th>{tm('col_lot')}</th>
              <td>
                {tr.lotCode} · {t(`landType_${tr.landType}`)}
              </td>
            </tr>
            <tr>
              <th>{tm('conf_qty')}</th>
              <td>
                <Mu milliMu={tr.qtyMilliMu} locale={locale} />
              </td>
            </tr>
            <tr>
              <th>{tm('conf_bidQty')}</th>
              <td data-testid="confirmation-bid">
                <Mu milliMu={tr.bid.qtyMilliMu} locale={locale} />
                {tr.standing ? (
                  <>
                    {' '}
                    <StandingBadge standing={tr.standing} locale={locale} />
                  </>
                ) : null}
              </td>
            </tr>
          </tbody>
        </table>

        <h2>{tm('conf_rights')}</h2>
        <table className="kv">
          <tbody>
            <tr>
              <th>{t('asset_NEW_LAND')}</th>
              <td>
                <Mu milliMu={tr.qtyMilliMu} locale={locale} />
              </td>
            </tr>
            <tr>
              <th>{t('asset_SCALE')}</th>
              <td>
                <Mu milliMu={tr.qtyMilliMu} locale={locale} />
              </td>
            </tr>
            <tr>
              <th>{t('asset_FARMLAND')}</th>
              <td>
                {tr.status === 'settled' && tr.farmlandMilliMu !== null ? (
                  <Mu milliMu={tr.farmlandMilliMu} locale={locale} />
                ) : tr.status === 'lapsed' ? (
                  '—'
                ) : (
                  <span className="muted">{tm('conf_farmlandPending')}</span>
                )}
              </td>
            </tr>
          </tbody>
        </table>

        <h2>{tm('conf_price')}</h2>
        <table className="kv">
          <tbody>
            <tr>
              <th>{tm('conf_unitPrice')}</th>
              <td>
                <PricePerMu fen={tr.priceFenPerMu} locale={locale} />
              </td>
            </tr>
            <tr>
              <th>{tm('conf_amount')}</th>
              <td data-testid="confirmation-amount">
                <Money fen={tr.amountFen} locale={locale} />
              </td>
            </tr>
            {locale === 'zh' ? (
              <tr>
                <th>{tm('conf_amountWords')}</th>
                <td>{yuanInWords(tr.amountFen)}</td>
              </tr>
            ) : null}
            <tr>
              <th>{tm('conf_deposit')}</th>
              <td>
                <Money fen={tr.depositFen} locale={locale} />
              </td>
            </tr>
            <tr>
              <th>{tm('conf_balance')}</th>
              <td>{tr.status === 'awaiting_payment' ? <Money fen={tr.amountFen - tr.depositFen} locale={locale} /> : '—'}</td>
            </tr>
          </tbody>
        </table>

        <h2>{tm('conf_dates')}</h2>
        <table className="kv">
          <tbody>
            <tr>
              <th>{tm('col_awardedAt')}</th>
              <td>
                <Time ms={tr.awardedAt} locale={locale} />
              </td>
            </tr>
            <tr>
              <th>{tm('col_dueAt')}</th>
              <td>
                <Time ms={tr.dueAt} locale={locale} />
              </td>
            </tr>
            {tr.settledAt !== null ? (
              <tr>
                <th>{tm('conf_settledAt')}</th>
                <td>
                  <Time ms={tr.settledAt} locale={locale} />
                </td>
              </tr>
            ) : null}
            {tr.lapsedAt !== null ? (
              <tr>
                <th>{tm('conf_lapsedAt')}</th>
                <td>
                  <Time ms={tr.lapsedAt} locale={locale} />
                </td>
              </tr>
            ) : null}
            <tr>
              <th>{tm('col_status')}</th>
              <td>
                <StatusBadge status={tr.status} locale={locale} />
              </td>
            </tr>
          </tbody>
        </table>

        <h2>{tm('conf_rules')}</h2>
        <p className="muted">{tm('conf_rulesNote')}</p>
        <table className="kv" data-testid="confirmation-rules">
          <tbody>
            {(
              [
                ['conf_ruleDeposit', 'depositRate', settingText(ta, 'depositRateBp', tr.rules.depositRate.value)],
                ['conf_rulePayment', 'paymentDays', settingText(ta, 'paymentDays', tr.rules.paymentDays.value)],
                ['conf_ruleReclamation', 'reclamationYears', settingText(ta, 'reclamationYearsAfterTrade', tr.rules.reclamationYears.value)],
              ] as const
            ).map(([label, key, value]) => (
              <tr key={key} data-rule={key}>
                <th>{tm(label)}</th>
                <td>
                  {tm('conf_ruleValue', {
                    value,
                    documentNo: basis(tr.rules[key].documentNo),
                    from: tr.rules[key].effectiveFrom === 0 ? tm('conf_ruleFromStart') : formatTime(tr.rules[key].effectiveFrom, locale),
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>

        <h2>{tm('conf_terms')}</h2>
        <ol className="terms-list">
          <li>{tm('conf_term1')}</li>
          <li>{tm('conf_term2')}</li>
          <li>{tm('conf_term3')}</li>
          <li>{tm('conf_term4', { years: tr.rules.reclamationYears.value, documentNo: basis(tr.rules.reclamationYears.documentNo) })}</li>
        </ol>

        <div className="seals">
          {(['conf_sealSeller', 'conf_sealBuyer', 'conf_sealPlatform'] as const).map((k) => (
            <div key={k} className="seal">
              <div>{tm(k)}</div>
              <div className="muted">
                {tm('conf_date')} {k === 'conf_sealPlatform' ? formatDate(tr.awardedAt, locale) : ''}
              </div>
            </div>
          ))}
        </div>
        {code !== null && link !== null ? <VerificationBlock code={code} url={link.url} svg={link.svg} locale={locale} /> : null}
      </article>
    </>
  );
}
