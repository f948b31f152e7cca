'use client';
// 付款: the zone pays an award. The server applies the deposit, debits the balance and settles in one
// transaction; the page then reloads its data from the server.
import { useHydrated } from '@/lib/use-hydrated';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useT } from '@/lib/i18n/client';
import { useTRPC } from '@/lib/trpc';

export function PayButton({ tradeId, payable }: { tradeId: number; payable: boolean }) {
  const t = useT();
  const tm = useT('market');
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const pay = useMutation(
    trpc.trades.pay.mutationOptions({
      onSuccess: (trade) => {
        setDone(tm('paid', { no: trade.confirmationNo }));
        router.refresh();
      },
      // A lapse found at payment changes the row too.
      onError: () => router.refresh(),
    }),
  );
  return (
    <div className="pay">
      {payable ? (
        <button type="button" onClick={() => pay.mutate({ id: tradeId })} disabled={!hydrated || pay.isPending}>
          {pay.isPending ? t('saving') : tm('pay')}
        </button>
      ) : null}
      {pay.error ? (
        <p className="error" role="alert">
          {pay.error.message}
        </p>
      ) : null}
      {done ? (
        <p className="success" role="status">
          {done}
        </p>
      ) : null}
    </div>
  );
}
