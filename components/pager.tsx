// 上一页 · 第 x / y 页 · 下一页: plain links, so paging works without JavaScript and a page can be bookmarked.
import Link from 'next/link';

export function Pager({ page, pages, href, labels, testId }: { page: number; pages: number; href: (page: number) => string; labels: { page: string; prev: string; next: string }; testId: string }) {
  if (pages <= 1 && page <= 1) return null;
  return (
    <nav className="row" aria-label={labels.page} data-testid={testId}>
      {page > 1 ? <Link href={href(Math.min(page - 1, pages))}>{labels.prev}</Link> : null}
      <span className="muted">{labels.page}</span>
      {page < pages ? <Link href={href(page + 1)}>{labels.next}</Link> : null}
    </nav>
  );
}
