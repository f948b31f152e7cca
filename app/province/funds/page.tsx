// The province records zones' incoming bank transfers, one official proposing and another confirming
// or rejecting each, and sees every zone's free and frozen funds.
import { TransferDecision, TransferForm } from '@/components/admin-funds-forms';
import { Money, Time } from '@/components/ui';
import { formatWanYuan, formatYuan } from '@/lib/format';
import { translator } from '@/lib/i18n';
import { requireRole } from '@/server/web/page';
import type { TransferStatus } from '@/server/accounts/domain/funds';

// The badge colours of the listing states of the same meaning.
const STATUS_BADGE: Record<TransferStatus, string> = { proposed: 'pending_review', confirmed: 'settled', rejected: 'rejected' };

export default async function FundsPage() {
  const { caller, locale, user } = await requireRole('province');
  const t = translator(locale, 'admin');
  const [zones, transfers] = await Promise.all([caller.accounts.zones(), caller.accounts.transfers()]);
  const bucket = (z: (typeof zones)[number], b: string) => z.balances.find((x) => x.bucket === b)?.balance ?? 0;
  return (
    <>
      <h1>{t('funds_title')}</h1>
      <p className="muted">{t('funds_intro')}</p>
      <section className="card">
        <TransferForm zones={zones} />
      </section>
      <h2>{t('waiting_title')}</h2>
      <p className="muted">{t('waiting_intro')}</p>
      {transfers.waiting.length === 0 ? (
        <p className="muted" data-testid="transfers-waiting-empty">
          {t('waiting_empty')}
        </p>
      ) : (
        <table data-testid="transfers-waiting">
          <thead>
            <tr>
              <th>{t('col_proposedAt')}</th>
              <th>{t('col_zone')}</th>
              <th className="num">{t('col_amount_yuan')}</th>
              <th className="num">{t('col_amount_wan')}</th>
              <th>{t('col_bankRef')}</th>
              <th>{t('col_proposer')}</th>
              <th>{t('col_actions')}</th>
            </tr>
          </thead>
          <tbody>
            {transfers.waiting.map((r) => (
              <tr key={r.id} data-testid="transfer-waiting" data-ref={r.bankRef}>
                <td><Time ms={r.at} locale={locale} /></td>
                <td>{r.zoneName}</td>
                <td className="num">{formatYuan(r.amountFen)}</td>
                <td className="num">{formatWanYuan(r.amountFen)}</td>
                <td>{r.bankRef}</td>
                <td>{r.proposerName}</td>
                <td>{r.proposedBy === user.id ? <span className="muted">{t('transfer_own')}</span> : <TransferDecision transferId={r.id} bankRef={r.bankRef} zoneName={r.zoneName} amountFen={r.amountFen} proposerName={r.proposerName} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('zones_title')}</h2>
      <table data-testid="zone-funds">
        <thead>
          <tr>
            <th>{t('col_zone')}</th>
            <th className="num">{t('col_free_funds')}</th>
            <th className="num">{t('col_held_funds')}</th>
          </tr>
        </thead>
        <tbody>
          {zones.map((z) => (
            <tr key={z.id}>
              <td>{z.name}</td>
              <td className="num"><Money fen={bucket(z, 'funds')} locale={locale} /></td>
              <td className="num"><Money fen={bucket(z, 'held')} locale={locale} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('transfers_title')}</h2>
      <table data-testid="transfers-history">
        <thead>
          <tr>
            <th>{t('col_proposedAt')}</th>
            <th>{t('col_zone')}</th>
            <th className="num">{t('col_amount')}</th>
            <th>{t('col_bankRef')}</th>
            <th>{t('col_status')}</th>
            <th>{t('col_proposer')}</th>
            <th>{t('col_decider')}</th>
            <th>{t('col_decidedAt')}</th>
            <th>{t('col_rejection')}</th>
          </tr>
        </thead>
        <tbody>
          {transfers.history.map((r) => (
            <tr key={r.id} data-testid="transfer-row" data-ref={r.bankRef}>
              <td><Time ms={r.at} locale={locale} /></td>
              <td>{r.zoneName}</td>
              <td className="num"><Money fen={r.amountFen} locale={locale} /></td>
              <td>{r.bankRef}</td>
              <td>
                <span className={`badge ${STATUS_BADGE[r.status]}`} data-status={r.status}>
                  {t(`transfer_status_${r.status}`)}
                </span>
              </td>
              <td>{r.proposerName}</td>
              <td>{r.deciderName ?? ''}</td>
              <td>{r.decidedAt === null ? '' : <Time ms={r.decidedAt} locale={locale} />}</td>
              <td>{r.rejectionReason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
