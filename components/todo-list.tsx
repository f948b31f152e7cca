'use client';
// 待办 on a role's home page: what waits for the organisation now, most urgent first, each linking to
// where to act (server/notifications/domain/notifications.ts todoOf decides what is listed). Shown as
// the page was rendered, and asked for again after every change the user makes on the page
// (`changedLink`, lib/trpc.tsx), so that a listing just approved is no longer listed as waiting.
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { background } from '@/lib/background';
import { useT } from '@/lib/i18n/client';
import { useTRPC } from '@/lib/trpc';
import type { AppRouter } from '@/server/app-router';

export type Todo = inferRouterOutputs<AppRouter>['notifications']['todo'];

export function TodoList({ todo: initial }: { todo: Todo }) {
  const t = useT('notifications');
  const trpc = useTRPC();
  const { data: todo } = useQuery(trpc.notifications.todo.queryOptions(undefined, { initialData: initial, staleTime: Infinity, trpc: { context: background } }));
  return (
    <section className="card" data-testid="todo" aria-labelledby="todo-title">
      <h2 id="todo-title" style={{ marginTop: 0 }}>
        {t('todo_title')}
      </h2>
      {todo.items.length === 0 ? (
        <p className="muted">{t('todo_empty')}</p>
      ) : (
        <ul>
          {todo.items.map((i) => (
            <li key={`${i.kind}:${i.href}`} data-testid="todo-item" data-kind={i.kind} className={i.kind === 'reclaim_overdue' ? 'error-text' : undefined}>
              <Link href={i.href}>{i.text}</Link>
            </li>
          ))}
        </ul>
      )}
      {todo.total > todo.items.length ? <p className="muted">{t('todo_more', { n: todo.total - todo.items.length })}</p> : null}
    </section>
  );
}
