// One listing for every viewer: its terms here, rendered on the server; the live part (phase,
// countdown, best bid, bid form, bid history, result) in ListingLive, which polls every 2 s.
import Link from 'next/link';
import { translator } from '@/lib/i18n';
import { pageContext } from '@/server/web/page';
import { GuidanceNote } from '@/components/guidance-note';
import { Mu, PricePerMu, Time } from '@/components/ui';
import { PageError } from '@/components/market-notice';
import { load } from '@/components/market-load';
import { ListingLive } from './listing-live';

export default async function ListingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { caller, locale, t, user } = await pageContext();
  const tm = translator(locale, 'market');
  const listingId = Number(id);
  if (!Number.isSafeInteger(listingId) || listingId <= 0) return <PageError message={tm('bad_id')} />;

  const got = await load(() => caller.listings.get({ id: listingId }));
  if (!got.ok) return <PageError message={got.message} />;
  const settings = await caller.accounts.settings();
  const l = got.data.listing;

  return (
    <>
      <p className="no-print">
        <Link href={user?.role === 'county' ? '/county/listings' : '/market'}>← {user?.role === 'county' ? t('nav_countyListings') : tm('listing_back')}</Link>
      </p>
      <h1>
        {tm('listing_title', { code: l.code })} · {l.countyName}
      </h1>

      <section className="card" aria-labelledby="terms-heading">
        <h2 id="terms-heading">{tm('listing_terms')}</h2>
        <dl className="terms">
          <dt>{tm('listing_seller')}</dt>
          <dd>
            {l.countyName} · {l.cityName}
          </dd>
          <dt>{tm('col_project')}</dt>
          <dd>{l.projectName}</dd>
          <dt>{tm('col_lot')}</dt>
          <dd>{l.lotCode}</dd>
          <dt>{tm('col_landType')}</dt>
          <dd>{t(`landType_${l.landType}`)}</dd>
          <dt>{tm('col_mode')}</dt>
          <dd>{t(`mode_${l.mode}`)}</dd>
          <dt>{tm('col_offered')}</dt>
          <dd>
            <Mu milliMu={l.qtyMilliMu} locale={locale} />
          </dd>
          <dt>{tm('col_reserve')}</dt>
          <dd>
            <PricePerMu fen={l.reservePriceFenPerMu} locale={locale} />
            <GuidanceNote guidance={got.data.guidance} locale={locale} />
          </dd>
          <dt>{tm('listing_minLot')}</dt>
          <dd>
            <Mu milliMu={l.minLotMilliMu} locale={locale} />
          </dd>
          {l.mode === 'auction' ? (
            <>
              <dt>{tm('listing_increment')}</dt>
              <dd>
                <PricePerMu fen={l.incrementFenPerMu} locale={locale} />
              </dd>
            </>
          ) : null}
          <dt>{tm('col_opensAt')}</dt>
          <dd>
            <Time ms={l.opensAt} locale={locale} />
          </dd>
          {l.note ? (
            <>
              <dt>{tm('listing_note')}</dt>
              <dd>{l.note}</dd>
            </>
          ) : null}
          {l.reviewNote && got.data.viewer.seesNames ? (
            <>
              <dt>{tm('listing_reviewNote')}</dt>
              <dd>{l.reviewNote}</dd>
            </>
          ) : null}
        </dl>
        <p className="muted">
          {tm('listing_depositRule', { rate: settings.depositRateBp / 100 })}
          {l.mode === 'auction'
            ? ` ${tm('listing_antiSniping', { window: settings.antiSnipingWindowSeconds / 60, extension: settings.antiSnipingExtensionSeconds / 60 })}`
            : ` ${tm('listing_privateOffers')}`}
        </p>
      </section>

      <ListingLive initial={got.data} depositRateBp={settings.depositRateBp} role={user?.role ?? null} />
    </>
  );
}
