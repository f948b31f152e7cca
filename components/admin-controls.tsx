'use client';
// The county's and the province's binding actions on a listing, each a single tRPC mutation after a
// confirmation that states its terms.
import { useState } from 'react';
import { formatMu, formatTime } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n/client';
import { useTRPCClient } from '@/lib/trpc';
import type { ListingPhase } from '@/server/market/domain/auction';
import { ActionButton } from './admin-action-button';
import { type Fact } from './confirm-dialog';
import { Mu, PricePerMu, Time } from './ui';

/** What the confirmations show of a listing. */
export interface ListingSummary {
  id: number;
  code: string;
  countyName: string;
  qtyMilliMu: number;
  reservePriceFenPerMu: number;
  opensAt: number;
  closesAt: number;
}

function useListingFacts(l: ListingSummary): Fact[] {
  const locale = useLocale();
  const t = useT('admin');
  return [
    [t('col_code'), l.code],
    [t('col_county'), l.countyName],
    [t('col_qty'), <Mu milliMu={l.qtyMilliMu} locale={locale} />],
    [t('col_reserve'), <PricePerMu fen={l.reservePriceFenPerMu} locale={locale} />],
    [t('col_opensAt'), <Time ms={l.opensAt} locale={locale} />],
    [t('col_closesAt'), <Time ms={l.closesAt} locale={locale} />],
  ];
}

/** The county withdraws a listing nobody has bid on: still in review, announced, or already open. */
export function WithdrawButton({ listing, phase }: { listing: ListingSummary; phase: ListingPhase }) {
  const locale = useLocale();
  const t = useT('admin');
  const client = useTRPCClient();
  const facts = useListingFacts(listing);
  const params = { qty: formatMu(listing.qtyMilliMu), opensAt: formatTime(listing.opensAt, locale), closesAt: formatTime(listing.closesAt, locale) };
  return (
    <ActionButton
      className="secondary"
      label={t('withdraw')}
      doneText={t('withdrawn')}
      run={() => client.listings.withdraw.mutate({ id: listing.id })}
      confirm={{
        title: t('confirm_withdraw_title', { code: listing.code }),
        facts,
        children: <p>{t(phase === 'open' ? 'confirm_withdraw_open' : phase === 'upcoming' ? 'confirm_withdraw_upcoming' : 'confirm_withdraw_pending_review', params)}</p>,
        warning: t('confirm_withdraw_warning'),
        confirmLabel: t('confirm_withdraw_ok'),
        danger: true,
      }}
    />
  );
}

export function ReviewControls({ listing }: { listing: ListingSummary }) {
  const locale = useLocale();
  const t = useT('admin');
  const tu = useT();
  const client = useTRPCClient();
  const facts = useListingFacts(listing);
  const [reason, setReason] = useState('');
  // A decided listing leaves the queue on the next visit; until then it stays, with the answer shown.
  const [decided, setDecided] = useState<string | null>(null);
  if (decided) {
    return (
      <p className="success" role="status" data-testid="review-controls">
        {decided}
      </p>
    );
  }
  const review = (approve: boolean) => () => client.listings.review.mutate({ listingId: listing.id, approve, reason });
  return (
    <div className="form" data-testid="review-controls">
      <label>
        {t('reject_reason')}
        <input name="reason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      </label>
      <div className="row">
        <ActionButton
          label={t('approve')}
          doneText={t('approved_msg')}
          onDone={() => setDecided(t('approved_msg'))}
          run={review(true)}
          confirm={{
            title: t('confirm_approve_title', { code: listing.code }),
            facts,
            children: <p>{t('confirm_approve_text', { opensAt: formatTime(listing.opensAt, locale) })}</p>,
            warning: t('confirm_approve_warning'),
            confirmLabel: t('confirm_approve_ok'),
          }}
        />
        <ActionButton
          className="danger"
          label={t('reject')}
          doneText={t('rejected_msg')}
          onDone={() => setDecided(t('rejected_msg'))}
          run={review(false)}
          confirm={{
            title: t('confirm_reject_title', { code: listing.code }),
            facts: [...facts, [t('confirm_reason'), reason.trim() || tu('not_filled')]],
            children: <p>{t('confirm_reject_text', { qty: formatMu(listing.qtyMilliMu) })}</p>,
            warning: t('confirm_reject_warning'),
            confirmLabel: t('confirm_reject_ok'),
            danger: true,
          }}
        />
      </div>
    </div>
  );
}
