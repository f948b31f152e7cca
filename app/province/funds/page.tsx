// The province records zones' incoming bank transfers and sees every zone's free and frozen funds.
import { TransferForm } from '@/components/admin-funds-forms';
import { Money, Time } from '@/components/ui';
import { translator } from '@/lib/i18n';
import { requireRole } from '@/server/page';

export default async function FundsPage() {
  const { caller, locale } = await requireRole('province');
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
      <table>
        <thead>
          <tr>
            <th>{t('col_recordedAt')}</th>
            <th>{t('col_zone')}</th>
            <th className="num">{t('col_amount')}</th>
            <th>{t('col_bankRef')}</th>
          </tr>
        </thead>
        <tbody>
          {transfers.map((r) => (
            <tr key={r.id}>
              <td><Time ms={r.at} locale={locale} /></td>
              <td>{r.zoneName}</td>
              <td className="num"><Money fen={r.amountFen} locale={locale} /></td>
              <td>{r.bankRef}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
