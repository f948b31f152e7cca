// The county's listings; one nobody has bid on can still be withdrawn or changed.
import { WithdrawButton } from '@/components/admin-controls';
import { ListingForm } from '@/components/admin-listing-form';
import { ListingsTable } from '@/components/admin-listings-table';
import { Pager, pageParam } from '@/components/pager';
import { toDecimalText } from '@/components/market-format';
import { translator } from '@/lib/i18n';
import { requireRole } from '@/server/web/page';
import { listingEditRefusal } from '@/server/market/domain/auction';

export default async function CountyListingsPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const { caller, locale, ctx } = await requireRole('county');
  const t = translator(locale, 'admin');
  const [{ listings, total, page, pageSize }, lots] = await Promise.all([caller.listings.mine({ page: pageParam((await searchParams).page) }), caller.accounts.quota()]);
  const now = ctx.services.clock.now();
  const editable = (l: (typeof listings)[number]) => listingEditRefusal(l, now) === null;
  return (
    <>
      <h1>{t('listings_title')}</h1>
      {total === 0 ? <p className="card muted">{t('listings_empty')}</p> : <p className="muted">{t('ann_count', { count: total })}</p>}
      <ListingsTable
        listings={listings}
        locale={locale}
        actions={(l) =>
          editable(l) ? (
            <div className="form">
              <WithdrawButton listing={l} phase={l.phase} />
              <details>
                <summary>{t('edit')}</summary>
                <h3>{t('edit_title')}</h3>
                <ListingForm
                  now={now}
                  lots={lots.filter((x) => x.id === l.lotId).map((x) => ({ ...x, freeMilliMu: x.freeMilliMu + l.qtyMilliMu }))}
                  draft={{
                    listingId: l.id,
                    lotId: l.lotId,
                    mode: l.mode,
                    qty: toDecimalText(l.qtyMilliMu, 3),
                    reservePrice: toDecimalText(l.reservePriceFenPerMu, 2),
                    minLot: toDecimalText(l.minLotMilliMu, 3),
                    increment: toDecimalText(l.incrementFenPerMu, 2),
                    opensAt: l.opensAt,
                    closesAt: l.scheduledClosesAt,
                    note: l.note,
                  }}
                />
              </details>
            </div>
          ) : null
        }
      />
      <Pager page={page} total={total} pageSize={pageSize} href={(p) => (p > 1 ? `/county/listings?page=${p}` : '/county/listings')} locale={locale} testId="listings-pager" />
    </>
  );
}
