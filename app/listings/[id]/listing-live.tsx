'use client';
// The live part of a listing: phase and countdown against the server's clock, best bid, the bid or
// offer form, the bid history and the result. Polls listings.get every 2 s; no full reload.
import { useHydrated } from '@/lib/use-hydrated';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { useLocale, useT } from '@/lib/i18n/client';
import { unanswered, useTRPC } from '@/lib/trpc';
import { background } from '@/lib/background';
import type { AppRouter } from '@/server/app-router';
import { listingPhase, minimumBid } from '@/server/market/domain/auction';
import type { Role } from '@/server/kernel/roles';
import { Money, Mu, PricePerMu, StandingBadge, StatusBadge, Time } from '@/components/ui';
import { formatCountdown } from '@/components/market-format';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { formatTime } from '@/lib/format';
import { type FenPerMu, type MilliMu, tradeAmount } from '@/server/kernel/units';
import { BidForm } from './bid-form';

export type ListingData = inferRouterOutputs<AppRouter>['listings']['get'];
type BidRow = ListingData['bids'][number];

/**
 * The server's clock as of now: the `now` of the last answer plus the time elapsed since it came.
 * The first render uses the server's `now` as is, so server and browser render the same text.
 */
function useServerNow(serverNow: number, receivedAt: number): number {
  const [clientNow, setClientNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setClientNow(Date.now());
    tick();
    const handle = setInterval(tick, 1000);
    return () => clearInterval(handle);
  }, []);
  return clientNow === null ? serverNow : serverNow + Math.max(0, clientNow - receivedAt);
}

export function ListingLive({
  initial,
  depositRateBp,
  role,
}: {
  initial: ListingData;
  depositRateBp: number;
  role: Role | null;
}) {
  const locale = useLocale();
  const t = useT();
  const tm = useT('market');
  const trpc = useTRPC();
  const id = initial.listing.id;
  const query = useQuery(trpc.listings.get.queryOptions({ id }, { initialData: initial, refetchInterval: 2000, trpc: { context: background } }));
  const data = query.data ?? initial;
  const now = useServerNow(data.now, query.dataUpdatedAt);
  const l = data.listing;
  const phase = listingPhase(l, now);
  const isAuction = l.mode === 'auction';
  const seesNames = data.viewer.seesNames;
  const remaining = l.qtyMilliMu - l.awardedMilliMu;
  const myActive = data.bids.find((b) => b.mine && b.status === 'active') ?? null;
  // The zone's bid that counts: its active one while open, its won or lost one after the close.
  const myStanding = data.bids.find((b) => b.mine && b.standing !== null)?.standing ?? null;
  // After the close the result table shows the prices; offers on a negotiated listing stay private.
  const showBest = (isAuction || seesNames) && (phase === 'open' || phase === 'due' || phase === 'upcoming');

  return (
    <>
      <section className="card live" aria-live="polite">
        {query.isError ? (
          // The last refresh failed: the countdown still runs, but the bids shown may be out of date.
          // A refusal (the session ended while the page was left open) is said as the server said it.
          <p className="error" role="alert" data-testid="live-stale">
            {unanswered(query.error) ? tm('live_stale', { time: formatTime(query.dataUpdatedAt, locale) }) : query.error.message}
          </p>
        ) : null}
        <div className="stats">
          <div className="stat">
            <div className="label">{tm('col_status')}</div>
            <div className="value">
              <StatusBadge status={phase} locale={locale} />
            </div>
          </div>
          <Countdown phase={phase} opensAt={l.opensAt} closesAt={l.closesAt} now={now} />
          {showBest ? (
            <div className="stat">
              <div className="label">{tm('col_best')}</div>
              <div className="value" data-testid="best-price">
                {l.bestPriceFenPerMu !== null ? <PricePerMu fen={l.bestPriceFenPerMu} locale={locale} /> : tm('best_none')}
              </div>
            </div>
          ) : null}
          {isAuction && (phase === 'open' || phase === 'upcoming') ? (
            <div className="stat">
              <div className="label">{tm('min_next')}</div>
              <div className="value" data-testid="minimum-bid">
                <PricePerMu fen={minimumBid(l, l.bestPriceFenPerMu)} locale={locale} />
              </div>
            </div>
          ) : null}
          {role === 'zone' && myStanding ? (
            <div className="stat">
              <div className="label">{tm('listing_myStanding')}</div>
              <div className="value" data-testid="my-standing">
                <StandingBadge standing={myStanding} locale={locale} />
              </div>
            </div>
          ) : null}
          {!isAuction ? (
            <div className="stat">
              <div className="label">{tm('listing_remaining')}</div>
              <div className="value">
                <Mu milliMu={remaining} locale={locale} />
              </div>
            </div>
          ) : null}
        </div>
        <p className="muted">
          {tm('col_closesAt')}: <Time ms={l.closesAt} locale={locale} />
          {l.scheduledClosesAt !== l.closesAt ? (
            <>
              {' · '}
              <span data-testid="extended">{tm('listing_extended', { time: formatTime(l.scheduledClosesAt, locale) })}</span>
            </>
          ) : null}
        </p>
      </section>

      {role === 'zone' && phase === 'open' ? (
        <BidForm
          key={`${l.id}`}
          listingId={l.id}
          listingCode={l.code}
          mode={l.mode}
          minPriceFenPerMu={isAuction ? minimumBid(l, l.bestPriceFenPerMu) : l.reservePriceFenPerMu}
          minQtyMilliMu={l.minLotMilliMu}
          maxQtyMilliMu={isAuction ? l.qtyMilliMu : remaining}
          depositRateBp={depositRateBp}
          myActive={myActive}
        />
      ) : null}
      {role === null && (phase === 'open' || phase === 'upcoming') ? (
        <p className="card muted">
          <Link href="/login">{t('signIn')}</Link> · {tm('listing_signInToBid')}
        </p>
      ) : null}

      <BidHistory data={data} phase={phase} role={role} />

      {data.results.length > 0 || phase === 'closed' ? <Results data={data} /> : null}
    </>
  );
}

function Countdown({ phase, opensAt, closesAt, now }: { phase: string; opensAt: number; closesAt: number; now: number }) {
  const locale = useLocale();
  const tm = useT('market');
  let label: string;
  let value: string;
  if (phase === 'upcoming') {
    label = tm('countdown_toOpen');
    value = formatCountdown(opensAt - now, locale);
  } else if (phase === 'open') {
    label = tm('countdown_toClose');
    value = formatCountdown(closesAt - now, locale);
  } else if (phase === 'due') {
    label = tm('countdown_toClose');
    value = tm('countdown_closing');
  } else {
    return null;
  }
  return (
    <div className="stat">
      <div className="label">{label}</div>
      <div className="value" data-testid="countdown" role="timer">
        {value}
      </div>
    </div>
  );
}

function BidHistory({ data, phase, role }: { data: ListingData; phase: string; role: Role | null }) {
  const locale = useLocale();
  const tm = useT('market');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const seesNames = data.viewer.seesNames;
  const negotiated = data.listing.mode === 'negotiated';
  const showDeposit = data.bids.some((b) => b.depositFen !== null);
  // The owning county accepts offers; a zone may withdraw its own open offer.
  const canAccept = negotiated && role === 'county' && seesNames && phase === 'open';
  const canWithdraw = negotiated && role === 'zone' && phase === 'open';
  const hasActions = data.bids.some((b) => b.status === 'active' && ((canAccept && !b.mine) || (canWithdraw && b.mine)));

  return (
    <section className="card" aria-labelledby="history-heading">
      <div className="row spread">
        <h2 id="history-heading">{tm('history_title')}</h2>
        <span className="muted">{tm('history_live')}</span>
      </div>
      {!seesNames && data.listing.mode === 'auction' ? <p className="muted">{tm('listing_numbersOnly')}</p> : null}
      {!seesNames && negotiated ? <p className="muted">{tm('listing_privateOffers')}</p> : null}
      <OutcomeMessage outcome={outcome} />
      {data.bidsTotal > data.bids.length ? <p className="muted" data-testid="history-partial">{tm('history_partial', { shown: data.bids.length, total: data.bidsTotal })}</p> : null}
      {data.bids.length === 0 ? (
        <p className="muted">{tm('history_empty')}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="bid-history">
            <thead>
              <tr>
                <th>{tm('col_bidderNo')}</th>
                {seesNames ? <th>{tm('col_bidder')}</th> : null}
                <th className="num">{tm('col_price')}</th>
                <th className="num">{tm('col_qty')}</th>
                {showDeposit ? <th className="num">{tm('col_deposit')}</th> : null}
                <th>{tm('col_placedAt')}</th>
                <th>{tm('col_status')}</th>
                {hasActions ? <th>{tm('col_action')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.bids.map((b) => (
                <tr key={b.id} className={b.mine ? 'mine-row' : undefined} data-mine={b.mine ? 'true' : undefined}>
                  <td>
                    {b.bidderNumber}
                    {b.mine ? <span className="badge mine">{tm('mine')}</span> : null}
                  </td>
                  {seesNames ? <td>{b.zoneName}</td> : null}
                  <td className="num">
                    <PricePerMu fen={b.priceFenPerMu} locale={locale} />
                  </td>
                  <td className="num">
                    <Mu milliMu={b.qtyMilliMu} locale={locale} />
                  </td>
                  {showDeposit ? <td className="num">{b.depositFen !== null ? <Money fen={b.depositFen} locale={locale} /> : '—'}</td> : null}
                  <td>
                    <Time ms={b.placedAt} locale={locale} />
                  </td>
                  <td>{b.standing ? <StandingBadge standing={b.standing} locale={locale} /> : <StatusBadge status={b.status} locale={locale} />}</td>
                  {hasActions ? (
                    <td>
                      {b.status === 'active' && canAccept && !b.mine ? <AcceptButton bid={b} listingId={data.listing.id} announce={setOutcome} /> : null}
                      {b.status === 'active' && canWithdraw && b.mine ? <WithdrawButton bid={b} listingId={data.listing.id} announce={setOutcome} /> : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

type Outcome = { ok: boolean; text: string } | null;

/** The outcome of accept / withdraw, shown above the table (the rows themselves re-render on poll). */
function OutcomeMessage({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  return outcome.ok ? (
    <p className="success" role="status">
      {outcome.text}
    </p>
  ) : (
    <p className="error" role="alert">
      {outcome.text}
    </p>
  );
}

function useRefreshListing(listingId: number) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.listings.get.queryKey({ id: listingId }) }), queryClient.invalidateQueries({ queryKey: trpc.accounts.ledger.queryKey() })]);
}

function AcceptButton({ bid, listingId, announce }: { bid: BidRow; listingId: number; announce: (o: Outcome) => void }) {
  const hydrated = useHydrated();
  const locale = useLocale();
  const t = useT();
  const tm = useT('market');
  const trpc = useTRPC();
  const refresh = useRefreshListing(listingId);
  const [asking, setAsking] = useState(false);
  const accept = useMutation(
    trpc.bids.accept.mutationOptions({
      onMutate: () => announce(null),
      onSuccess: (trade) => {
        announce({ ok: true, text: tm('accepted', { no: trade.confirmationNo }) });
        return refresh();
      },
      onError: (e) => announce({ ok: false, text: e.message }),
    }),
  );
  const zone = bid.zoneName ?? bid.bidderNumber;
  return (
    <>
      <button type="button" onClick={() => setAsking(true)} disabled={!hydrated || accept.isPending}>
        {accept.isPending ? t('saving') : tm('accept')}
      </button>
      <ConfirmDialog
        open={asking}
        onClose={() => setAsking(false)}
        title={tm('confirm_accept_title')}
        facts={[
          [tm('col_bidder'), zone],
          [tm('col_price'), <PricePerMu fen={bid.priceFenPerMu} locale={locale} />],
          [tm('col_qty'), <Mu milliMu={bid.qtyMilliMu} locale={locale} />],
          [tm('col_amount'), <Money fen={tradeAmount(bid.qtyMilliMu as MilliMu, bid.priceFenPerMu as FenPerMu)} locale={locale} />],
        ]}
        warning={tm('confirm_accept_warning')}
        confirmLabel={tm('confirm_accept_ok')}
        onConfirm={() => accept.mutateAsync({ id: bid.id })}
      >
        <p>{tm('confirm_accept_text', { zone })}</p>
      </ConfirmDialog>
    </>
  );
}

function WithdrawButton({ bid, listingId, announce }: { bid: BidRow; listingId: number; announce: (o: Outcome) => void }) {
  const hydrated = useHydrated();
  const t = useT();
  const tm = useT('market');
  const trpc = useTRPC();
  const refresh = useRefreshListing(listingId);
  const withdraw = useMutation(
    trpc.bids.withdrawOffer.mutationOptions({
      onMutate: () => announce(null),
      onSuccess: () => {
        announce({ ok: true, text: tm('withdrawn_offer') });
        return refresh();
      },
      onError: (e) => announce({ ok: false, text: e.message }),
    }),
  );
  return (
    <button type="button" className="secondary" onClick={() => withdraw.mutate({ id: bid.id })} disabled={!hydrated || withdraw.isPending}>
      {withdraw.isPending ? t('saving') : tm('withdraw_offer')}
    </button>
  );
}

function Results({ data }: { data: ListingData }) {
  const locale = useLocale();
  const tm = useT('market');
  return (
    <section className="card" aria-labelledby="results-heading">
      <h2 id="results-heading">{tm('results_title')}</h2>
      {data.results.length === 0 ? (
        <p className="muted">{tm('results_none')}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="results">
            <thead>
              <tr>
                <th>{tm('col_confirmationNo')}</th>
                <th>{tm('col_buyer')}</th>
                <th className="num">{tm('col_qty')}</th>
                <th className="num">{tm('col_price')}</th>
                <th className="num">{tm('col_amount')}</th>
                <th>{tm('col_awardedAt')}</th>
                <th>{tm('col_status')}</th>
              </tr>
            </thead>
            <tbody>
              {data.results.map((r) => {
                // Only a party to the trade (or the province) may open its confirmation.
                return (
                  <tr key={r.id}>
                    <td>{r.seesConfirmation ? <Link href={`/trades/${r.id}`}>{r.confirmationNo}</Link> : r.confirmationNo}</td>
                    <td>{r.buyerName}</td>
                    <td className="num">
                      <Mu milliMu={r.qtyMilliMu} locale={locale} />
                    </td>
                    <td className="num">
                      <PricePerMu fen={r.priceFenPerMu} locale={locale} />
                    </td>
                    <td className="num">
                      <Money fen={r.amountFen} locale={locale} />
                    </td>
                    <td>
                      <Time ms={r.awardedAt} locale={locale} />
                    </td>
                    <td>
                      <StatusBadge status={r.status} locale={locale} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
