// 上一页 · 第 x / y 页 · 下一页 under a paged list: plain links, so paging works without JavaScript and
// a page can be bookmarked. `href` keeps the list's other parameters (filters, another list's page).
import Link from 'next/link';
import { type Locale, translator } from '@/lib/i18n';

export function Pager({ page, total, pageSize, href, locale, testId }: { page: number; total: number; pageSize: number; href: (page: number) => string; locale: Locale; testId: string }) {
  const pages = Math.ceil(total / pageSize);
  if (pages <= 1 && page <= 1) return null;
  const tm = translator(locale, 'market');
  const label = tm('market_page', { page, pages });
  return (
    <nav className="row" aria-label={label} data-testid={testId}>
      {page > 1 ? <Link href={href(Math.min(page - 1, pages))}>{tm('page_prev')}</Link> : null}
      <span className="muted">{label}</span>
      {page < pages ? <Link href={href(page + 1)}>{tm('page_next')}</Link> : null}
    </nav>
  );
}

/** The page number in an address (`?page=`); anything else typed by hand is the first page. */
export function pageParam(v: string | string[] | undefined): number | undefined {
  const n = Number(Array.isArray(v) ? v[0] : v);
  return Number.isSafeInteger(n) && n > 1 && n <= 100_000 ? n : undefined;
}
