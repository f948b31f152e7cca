// 待办 on a role's home page: what waits for the organisation now, most urgent first, each linking to
// where to act (server/notifications/domain/notifications.ts todoOf decides what is listed).
import Link from 'next/link';
import { type Locale, translator } from '@/lib/i18n';

export interface Todo {
  items: { kind: string; text: string; href: string; dueAt: number | null }[];
  total: number;
}

export function TodoList({ todo, locale }: { todo: Todo; locale: Locale }) {
  const t = translator(locale, 'notifications');
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
