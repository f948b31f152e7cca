'use client';
// A zone's bid (auction) or offer (negotiated listing): price per mu and quantity, with the amount
// and the deposit that will be frozen previewed by the same pure functions the server uses, and
// confirmed in a dialog before it is sent. The server decides; its refusal is shown as it comes,
// already in the user's language.
import { useHydrated } from '@/lib/use-hydrated';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocale, useT } from '@/lib/i18n/client';
import { useTRPC } from '@/lib/trpc';
import { depositFor, type ListingMode } from '@/server/market/domain/auction';
import { type FenPerMu, type MilliMu, parseDecimal, tradeAmount } from '@/server/kernel/units';
import { formatMu, formatYuan } from '@/lib/format';
import { ConfirmDialog, type Fact, readPositive } from '@/components/confirm-dialog';
import { newRequestId } from '@/lib/request-id';
import { Money, Mu, PricePerMu } from '@/components/ui';
import { toDecimalText } from '@/components/market-format';

interface MyBid {
  priceFenPerMu: number;
  qtyMilliMu: number;
  depositFen: number | null;
}

/** A refusal's text: field by field when the input was malformed, else the server's message. */
function refusalText(error: { message: string; data?: unknown }, labels: Record<string, string>): string {
  const fieldErrors = (error.data as { fieldErrors?: Record<string, string> } | undefined)?.fieldErrors;
  if (!fieldErrors || Object.keys(fieldErrors).length === 0) return error.message;
  return Object.entries(fieldErrors)
    .map(([field, text]) => (labels[field] ? `${labels[field]}：${text}` : text))
    .join('；');
}

/** What the dialog confirms: the request as it will be sent, and its numbers as the server reads them. */
interface BidRequest {
  input: { listingId: number; price: string; qty: string; requestId?: string };
  priceFen: number;
  qtyMilliMu: number;
  /** The deposit this zone's active bid on the listing already holds, where the page knows it. */
  carriedFen: number | null;
}

export function BidForm({
  listingId,
  listingCode,
  mode,
  minPriceFenPerMu,
  minQtyMilliMu,
  maxQtyMilliMu,
  depositRateBp,
  myActive,
}: {
  listingId: number;
  listingCode: string;
  mode: ListingMode;
  minPriceFenPerMu: number;
  minQtyMilliMu: number;
  maxQtyMilliMu: number;
  depositRateBp: number;
  myActive: MyBid | null;
}) {
  const locale = useLocale();
  const t = useT();
  const tm = useT('market');
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const queryClient = useQueryClient();
  const [price, setPrice] = useState('');
  const [qty, setQty] = useState(() => (myActive ? toDecimalText(myActive.qtyMilliMu, 3) : ''));
  const [placed, setPlaced] = useState<string | null>(null);
  const [asking, setAsking] = useState<BidRequest | null>(null);
  const ledger = useQuery(trpc.accounts.ledger.queryOptions());
  const freeFen = ledger.data?.balances.find((b) => b.asset === 'CNY' && b.bucket === 'funds')?.balance ?? null;

  const auction = mode === 'auction';
  const callbacks = {
    onMutate: () => setPlaced(null),
    onSuccess: (r: { bidderNumber: string }) => {
      setPlaced(tm(auction ? 'bid_placed' : 'offer_placed', { number: r.bidderNumber }));
      setPrice('');
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.listings.get.queryKey({ id: listingId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.accounts.ledger.queryKey() }),
      ]);
    },
  };
  const bid = useMutation(trpc.bids.place.mutationOptions(callbacks));
  const offer = useMutation(trpc.bids.offer.mutationOptions(callbacks));
  const mutation = auction ? bid : offer;

  const { amountFen, depositFen } = previewOf(parseDecimal(price, 2), parseDecimal(qty, 3), depositRateBp);
  const carried = myActive?.depositFen ?? 0;

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const input = { listingId, price: price.trim(), qty: qty.trim() };
    const priceFen = readPositive(price, 2);
    const qtyMilliMu = readPositive(qty, 3);
    // What the page already knows the market refuses (below the minimum shown, which only rises, or a
    // quantity outside the lot's bounds) is sent as it is and refused beside its fields: a dialog
    // saying the bid binds would mislead.
    const refused = priceFen !== null && qtyMilliMu !== null && (priceFen < minPriceFenPerMu || qtyMilliMu < minQtyMilliMu || qtyMilliMu > maxQtyMilliMu);
    if (priceFen === null || qtyMilliMu === null || refused) mutation.mutate(input);
    // One id per confirmed request: confirming again after a lost answer cannot bid twice.
    else setAsking({ input: { ...input, requestId: newRequestId() }, priceFen, qtyMilliMu, carriedFen: myActive?.depositFen ?? null });
  }

  // The dialog shows the request it was opened with: the form is cleared on success while it closes.
  const asked = asking && previewOf(asking.priceFen, asking.qtyMilliMu, depositRateBp);
  const money = (fen: number | null) => (fen !== null ? <Money fen={fen} locale={locale} /> : '—');
  const facts: Fact[] =
    asking && asked
      ? [
          [tm('confirm_listing'), listingCode],
          [tm('field_price'), <PricePerMu fen={asking.priceFen} locale={locale} />],
          [tm('field_qty'), <Mu milliMu={asking.qtyMilliMu} locale={locale} />],
          [tm('preview_amount'), money(asked.amountFen)],
          [`${tm('preview_deposit')}（${tm('preview_rate', { rate: depositRateBp / 100 })}）`, money(asked.depositFen)],
        ]
      : [];
  // A raise freezes only the difference over the deposit this zone already has on the listing.
  const carriedFen = asking?.carriedFen ?? null;
  const raise = asked?.depositFen != null && carriedFen !== null ? tm('preview_previous', { deposit: formatYuan(carriedFen), extra: formatYuan(Math.max(0, asked.depositFen - carriedFen)) }) : null;

  const labels = { price: tm('field_price'), qty: tm('field_qty') };
  return (
    <section className="card" aria-labelledby="bid-heading">
      <h2 id="bid-heading">{tm(auction ? 'bid_title' : 'offer_title')}</h2>
      <form className="form grid bid-form" onSubmit={submit} noValidate>
        <label>
          {tm('field_price')}
          <input
            name="price"
            value={price}
            onChange={(e) => setPrice(e.target.value)}
            inputMode="decimal"
            autoComplete="off"
            maxLength={20}
            placeholder={toDecimalText(minPriceFenPerMu, 2)}
            required
          />
          <small className="muted">
            {tm(auction ? 'min_next' : 'col_reserve')} {formatYuan(minPriceFenPerMu)} {t('yuanPerMu')}{' '}
            <button type="button" className="link" onClick={() => setPrice(toDecimalText(minPriceFenPerMu, 2))}>
              {tm('use_minimum')}
            </button>
          </small>
        </label>
        <label>
          {tm('field_qty')}
          <input
            name="qty"
            value={qty}
            onChange={(e) => setQty(e.target.value)}
            inputMode="decimal"
            autoComplete="off"
            maxLength={20}
            placeholder={toDecimalText(maxQtyMilliMu, 3)}
            required
          />
          <small className="muted">{tm('qty_range', { min: formatMu(minQtyMilliMu), max: formatMu(maxQtyMilliMu) })}</small>
        </label>
        <div className="preview" data-testid="deposit-preview">
          <div>
            {tm('preview_amount')}: {amountFen !== null ? <Money fen={amountFen} locale={locale} /> : '—'}
          </div>
          <div>
            <strong>
              {tm('preview_deposit')}: {depositFen !== null ? <Money fen={depositFen} locale={locale} /> : '—'}
            </strong>{' '}
            <small className="muted">{tm('preview_rate', { rate: depositRateBp / 100 })}</small>
          </div>
          {freeFen !== null ? (
            <div className="muted">
              {tm('preview_free')}: <Money fen={freeFen} locale={locale} />
            </div>
          ) : null}
        </div>
        <div>
          <button type="submit" disabled={!hydrated || mutation.isPending}>
            {mutation.isPending ? t('saving') : tm(auction ? 'bid_submit' : 'offer_submit')}
          </button>
        </div>
      </form>
      {myActive && depositFen !== null ? (
        <p className="muted">
          {tm('preview_previous', { deposit: formatYuan(carried), extra: formatYuan(Math.max(0, depositFen - carried)) })}
        </p>
      ) : null}
      {auction ? <p className="muted">{tm('bid_binding')}</p> : null}
      {/* One answer: the last request's. */}
      {mutation.error ? (
        <p className="error" role="alert">
          {refusalText(mutation.error, labels)}
        </p>
      ) : placed ? (
        <p className="success" role="status">
          {placed}
        </p>
      ) : null}
      <ConfirmDialog
        open={asking !== null}
        onClose={() => setAsking(null)}
        title={tm(auction ? 'confirm_bid_title' : 'confirm_offer_title')}
        facts={facts}
        warning={tm(auction ? 'confirm_bid_warning' : 'confirm_offer_warning')}
        confirmLabel={tm(auction ? 'confirm_bid_ok' : 'confirm_offer_ok')}
        onConfirm={() => (asking ? mutation.mutateAsync(asking.input) : Promise.resolve())}
      >
        {raise ? <p>{raise}</p> : null}
      </ConfirmDialog>
    </section>
  );
}

/** The amount and the deposit of a bid, where price and quantity are read and their product is safe. */
function previewOf(priceFen: number | null, qtyMilliMu: number | null, depositRateBp: number) {
  const ok = priceFen !== null && qtyMilliMu !== null && priceFen > 0 && qtyMilliMu > 0 && Number.isSafeInteger(priceFen * qtyMilliMu);
  return {
    amountFen: ok ? tradeAmount(qtyMilliMu as MilliMu, priceFen as FenPerMu) : null,
    depositFen: ok ? depositFor(qtyMilliMu, priceFen, depositRateBp) : null,
  };
}
