'use client';
// 付款: the zone pays an award, after confirming what it pays. The server applies the deposit, debits
// the balance and settles in one transaction; the page then reloads its data from the server.
import { useHydrated } from '@/lib/use-hydrated';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useLocale, useT } from '@/lib/i18n/client';
import { unanswered, useTRPC } from '@/lib/trpc';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { Money, Mu } from '@/components/ui';

export interface PayableTrade {
  id: number;
  confirmationNo: string;
  listingCode: string;
  qtyMilliMu: number;
  amountFen: number;
  depositFen: number;
}

export function PayButton({ trade, payable }: { trade: PayableTrade; payable: boolean }) {
  const locale = useLocale();
  const t = useT();
  const tm = useT('market');
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const pay = useMutation(
    trpc.trades.pay.mutationOptions({
      onSuccess: (settled) => {
        setDone(tm('paid', { no: settled.confirmationNo }));
        router.refresh();
      },
      // A lapse found at payment changes the row too. With no answer from the server, the page stays
      // as it is, its message shown (a refresh would replace it with the browser's error page).
      onError: (error) => {
        if (!unanswered(error)) router.refresh();
      },
    }),
  );
  return (
    <div className="pay">
      {payable ? (
        <button type="button" onClick={() => setAsking(true)} disabled={!hydrated || pay.isPending}>
          {pay.isPending ? t('saving') : tm('pay')}
        </button>
      ) : null}
      {pay.error ? (
        <p className="error" role="alert">
          {pay.error.message}
        </p>
      ) : done ? (
        <p className="success" role="status">
          {done}
        </p>
      ) : null}
      <ConfirmDialog
        open={asking}
        onClose={() => setAsking(false)}
        title={tm('confirm_pay_title')}
        facts={[
          [tm('col_confirmationNo'), trade.confirmationNo],
          [tm('col_listing'), trade.listingCode],
          [tm('col_qty'), <Mu milliMu={trade.qtyMilliMu} locale={locale} />],
          [tm('col_amount'), <Money fen={trade.amountFen} locale={locale} />],
          [tm('col_deposit'), <Money fen={trade.depositFen} locale={locale} />],
          [tm('col_balanceDue'), <Money fen={trade.amountFen - trade.depositFen} locale={locale} />],
        ]}
        warning={tm('confirm_pay_warning')}
        confirmLabel={tm('confirm_pay_ok')}
        onConfirm={() => pay.mutateAsync({ id: trade.id })}
      >
        <p>{tm('confirm_pay_text')}</p>
      </ConfirmDialog>
    </div>
  );
}
