// The market (交易大厅): approved listings open now or opening soon, filtered through the address
// (?cityId=&countyId=&minPrice=&maxPrice=&minQty=&maxQty=&page=) so a filtered view can be bookmarked
// and works without JavaScript. Twenty listings a page, soonest to close first.
import Link from 'next/link';
import { translator } from '@/lib/i18n';
import { requireRole } from '@/server/web/page';
import { parseDecimal } from '@/server/kernel/units';
import { GuidanceNote } from '@/components/guidance-note';
import { Mu, PricePerMu, StatusBadge, Time } from '@/components/ui';
import { PageError } from '@/components/market-notice';
import { load } from '@/components/market-load';
import { Pager, pageParam } from '@/components/pager';
import { TodoList } from '@/components/todo-list';

type Search = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? '';

const DECIMAL_FILTERS = [
  ['minPrice', 2, 'filter_minPrice'],
  ['maxPrice', 2, 'filter_maxPrice'],
  ['minQty', 3, 'filter_minQty'],
  ['maxQty', 3, 'filter_maxQty'],
] as const;

/** The same filters, another page. */
function pageHref(sp: Search, page: number) {
  const q = new URLSearchParams();
  for (const key of ['cityId', 'countyId', 'minPrice', 'maxPrice', 'minQty', 'maxQty']) if (one(sp[key])) q.set(key, one(sp[key]));
  if (page > 1) q.set('page', String(page));
  const query = q.toString();
  return query ? `/market?${query}` : '/market';
}

export default async function MarketPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { caller, locale, t, user } = await requireRole('zone', 'province', 'county', 'city');
  const tm = translator(locale, 'market');
  const sp = await searchParams;

  const places = await caller.accounts.places();
  const cityId = Number(one(sp.cityId)) || undefined;
  const city = places.find((c) => c.id === cityId);
  const countyId = Number(one(sp.countyId)) || undefined;
  const allCounties = places.flatMap((c) => c.counties);
  const county = allCounties.find((k) => k.id === countyId && (!city || k.cityId === city.id));

  // Decimal filters are checked here so a typo shows as a note instead of an error page.
  const filter: { cityId?: number; countyId?: number; minPrice?: string; maxPrice?: string; minQty?: string; maxQty?: string; page?: number } = {
    cityId: city?.id,
    countyId: county?.id,
  };
  filter.page = pageParam(sp.page);
  const typed: Record<string, string> = {};
  const ignored: string[] = [];
  for (const [key, decimals, label] of DECIMAL_FILTERS) {
    const raw = one(sp[key]);
    typed[key] = raw;
    if (raw === '') continue;
    const n = parseDecimal(raw, decimals);
    if (n === null || n <= 0) ignored.push(tm(label));
    else filter[key] = raw;
  }

  const result = await load(() => caller.listings.market(filter));
  // The market is the zone's home page: what it has to pay, and by when, first.
  const todo = user.role === 'zone' ? await caller.notifications.todo() : null;
  const countyChoices = city ? [city] : places;

  return (
    <>
      <h1>{tm('market_title')}</h1>
      <p className="muted">{tm('market_intro')}</p>
      {todo ? <TodoList todo={todo} /> : null}

      <form method="get" action="/market" className="card form grid" role="search">
        <label>
          {tm('filter_city')}
          <select name="cityId" defaultValue={city ? String(city.id) : ''}>
            <option value="">{tm('filter_any')}</option>
            {places.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {tm('filter_county')}
          <select name="countyId" defaultValue={county ? String(county.id) : ''}>
            <option value="">{tm('filter_any')}</option>
            {countyChoices
              .filter((c) => c.counties.length > 0)
              .map((c) => (
                <optgroup key={c.id} label={c.name}>
                  {c.counties.map((k) => (
                    <option key={k.id} value={k.id}>
                      {k.name}
                    </option>
                  ))}
                </optgroup>
              ))}
          </select>
        </label>
        {DECIMAL_FILTERS.map(([key, , label]) => (
          <label key={key}>
            {tm(label)}
            <input name={key} defaultValue={typed[key]} inputMode="decimal" autoComplete="off" maxLength={20} />
          </label>
        ))}
        <div className="row">
          <button type="submit">{tm('filter_apply')}</button>
          <Link href="/market">{tm('filter_reset')}</Link>
        </div>
      </form>

      {ignored.length > 0 ? (
        <p className="error" role="alert">
          {tm('filter_ignored', { fields: ignored.join('、') })}
        </p>
      ) : null}

      {!result.ok ? (
        <PageError message={result.message} />
      ) : result.data.total === 0 ? (
        <p className="card muted">{tm('market_empty')}</p>
      ) : (
        <>
          <p className="muted">{tm('market_count', { count: result.data.total })}</p>
          <div className="table-scroll">
            <table data-testid="market-listings">
              <thead>
                <tr>
                  <th>{tm('col_listing')}</th>
                  <th>{tm('col_county')}</th>
                  <th>{tm('col_project')}</th>
                  <th>{tm('col_mode')}</th>
                  <th className="num">{tm('col_offered')}</th>
                  <th className="num">{tm('col_reserve')}</th>
                  <th className="num">{tm('col_best')}</th>
                  <th className="num">{tm('col_bidCount')}</th>
                  <th>{tm('col_closesAt')}</th>
                  <th>{tm('col_status')}</th>
                </tr>
              </thead>
              <tbody>
                {result.data.listings.map((l) => (
                  <tr key={l.id} data-testid="market-row">
                    <td className="nowrap">
                      <Link href={`/listings/${l.id}`}>{l.code}</Link>
                    </td>
                    <td>
                      {l.countyName}
                      <div className="muted">{l.cityName}</div>
                    </td>
                    <td>
                      {l.projectName}
                      <div className="muted">
                        {l.lotCode} · {t(`landType_${l.landType}`)}
                      </div>
                    </td>
                    <td>{t(`mode_${l.mode}`)}</td>
                    <td className="num">
                      <Mu milliMu={l.qtyMilliMu} locale={locale} />
                    </td>
                    <td className="num">
                      <PricePerMu fen={l.reservePriceFenPerMu} locale={locale} />
                      <GuidanceNote guidance={l.guidance} locale={locale} />
                    </td>
                    <td className="num">
                      {/* Offers on a negotiated listing are private, so only an auction shows its best bid. */}
                      {l.mode === 'auction' && l.bestPriceFenPerMu !== null ? <PricePerMu fen={l.bestPriceFenPerMu} locale={locale} /> : '—'}
                    </td>
                    <td className="num">{l.mode === 'auction' ? l.activeBids : '—'}</td>
                    <td>
                      <Time ms={l.closesAt} locale={locale} />
                      {l.phase === 'upcoming' ? (
                        <div className="muted">
                          {tm('col_opensAt')} <Time ms={l.opensAt} locale={locale} />
                        </div>
                      ) : null}
                    </td>
                    <td>
                      <StatusBadge status={l.phase} locale={locale} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={result.data.page} total={result.data.total} pageSize={result.data.pageSize} href={(p) => pageHref(sp, p)} locale={locale} testId="market-pager" />
        </>
      )}
    </>
  );
}
