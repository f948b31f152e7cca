'use client';
// Opening a message marks it read before going to its page; 全部标为已读 marks every unread one. The
// header's count is in the root layout, which a client navigation keeps, so both refresh it.
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useFlash } from '@/components/flash';
import { useT } from '@/lib/i18n/client';
import { useTRPC } from '@/lib/trpc';
import { useHydrated } from '@/lib/use-hydrated';

export function MessageLink({ id, href, unread, children }: { id: number; href: string; unread: boolean; children: React.ReactNode }) {
  const trpc = useTRPC();
  const router = useRouter();
  const mark = useMutation(trpc.notifications.markRead.mutationOptions());
  const onClick = (e: React.MouseEvent<HTMLAnchorElement>) => {
    if (!unread) return;
    // A new tab or window opens the page itself; this one stays where it is.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) {
      mark.mutate({ id }, { onSuccess: () => router.refresh() });
      return;
    }
    e.preventDefault();
    mark.mutate(
      { id },
      {
        onSettled: () => {
          router.push(href);
          router.refresh();
        },
      },
    );
  };
  return (
    <Link href={href} onClick={onClick} data-testid="message-link">
      {children}
    </Link>
  );
}

export function MarkAllReadButton() {
  const t = useT('notifications');
  const trpc = useTRPC();
  const router = useRouter();
  const flash = useFlash();
  const hydrated = useHydrated();
  const markAll = useMutation(
    trpc.notifications.markAllRead.mutationOptions({
      onSuccess: ({ marked }) => {
        flash(t('messages_markedAll', { n: marked }));
        router.refresh();
      },
    }),
  );
  return (
    <div>
      <button type="button" onClick={() => markAll.mutate()} disabled={!hydrated || markAll.isPending} data-testid="mark-all-read">
        {t('messages_markAll')}
      </button>
      {markAll.error ? (
        <p className="error" role="alert">
          {markAll.error.message}
        </p>
      ) : null}
    </div>
  );
}
