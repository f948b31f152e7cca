'use client';
// The county's and the province's one-click actions, each a single tRPC mutation.
import { useState } from 'react';
import { useT } from '@/lib/i18n/client';
import { useTRPCClient } from '@/lib/trpc';
import { ActionButton } from './admin-action-button';

export function WithdrawButton({ listingId }: { listingId: number }) {
  const t = useT('admin');
  const client = useTRPCClient();
  return <ActionButton className="secondary" label={t('withdraw')} doneText={t('withdrawn')} run={() => client.listings.withdraw.mutate({ id: listingId })} />;
}

export function ReviewControls({ listingId }: { listingId: number }) {
  const t = useT('admin');
  const client = useTRPCClient();
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
  return (
    <div className="form" data-testid="review-controls">
      <label>
        {t('reject_reason')}
        <input name="reason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      </label>
      <div className="row">
        <ActionButton label={t('approve')} doneText={t('approved_msg')} onDone={() => setDecided(t('approved_msg'))} run={() => client.listings.review.mutate({ listingId, approve: true, reason })} />
        <ActionButton className="danger" label={t('reject')} doneText={t('rejected_msg')} onDone={() => setDecided(t('rejected_msg'))} run={() => client.listings.review.mutate({ listingId, approve: false, reason })} />
      </div>
    </div>
  );
}
