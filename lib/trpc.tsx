'use client';
// The browser's tRPC client (tRPC v11 with TanStack Query).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { TRPCClientError, type TRPCLink, createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { observable } from '@trpc/server/observable';
import { useRef, useState } from 'react';
import { BACKGROUND_HEADER } from '@/lib/background';
import { useT } from '@/lib/i18n/client';
import type { AppRouter } from '@/server/app-router';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** An error the server did not answer with (no connection, or no tRPC answer): whether the call was done is not known. */
export const unanswered = (error: unknown) => error instanceof TRPCClientError && !error.shape;

/**
 * Errors with no answer from the server say so in the user's language, instead of the browser's
 * "Failed to fetch": an official must know that a bid or a payment may not have been made.
 */
function unreachableLink(message: () => string): TRPCLink<AppRouter> {
  return () =>
    ({ next, op }) =>
      observable((observer) =>
        next(op).subscribe({
          next: (value) => observer.next(value),
          error: (error) => observer.error(unanswered(error) ? new TRPCClientError<AppRouter>(message(), { cause: error }) : error),
          complete: () => observer.complete(),
        }),
      );
}

/** After each change the server accepted, `changed` runs: the page's 待办 is asked for again. */
function changedLink(changed: () => void): TRPCLink<AppRouter> {
  return () =>
    ({ next, op }) =>
      observable((observer) =>
        next(op).subscribe({
          next: (value) => observer.next(value),
          error: (error) => observer.error(error),
          complete: () => {
            if (op.type === 'mutation') changed();
            observer.complete();
          },
        }),
      );
}

export function Providers({ children }: { children: React.ReactNode }) {
  const t = useT();
  const unreachable = useRef('');
  unreachable.current = t('serverUnreachable');
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 1000, retry: false } } }));
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        changedLink(() => void queryClient.invalidateQueries({ queryKey: [['notifications', 'todo']] })),
        unreachableLink(() => unreachable.current),
        // A page's own refreshes are not the user's activity: they must not keep an idle session alive.
        httpBatchLink({ url: '/api/trpc', headers: ({ opList }) => (opList.every((op) => op.context.background === true) ? { [BACKGROUND_HEADER]: '1' } : {}) }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
