// 站内消息: the organisation's messages, newest first, twenty a page; each links to the page to act on
// and is marked read when opened; 全部标为已读 marks them all.
import { Pager, pageParam } from '@/components/pager';
import { Time } from '@/components/ui';
import { translator } from '@/lib/i18n';
import { requireRole } from '@/server/web/page';
import { MarkAllReadButton, MessageLink } from './message-actions';

export default async function MessagesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { caller, locale } = await requireRole('county', 'zone', 'city', 'province');
  const t = translator(locale, 'notifications');
  const result = await caller.notifications.list({ page: pageParam((await searchParams).page) });
  return (
    <>
      <div className="row spread">
        <h1>{t('messages_title')}</h1>
        {result.unread > 0 ? <MarkAllReadButton /> : null}
      </div>
      <p className="muted">{t('messages_intro')}</p>
      {result.total === 0 ? (
        <p className="card muted">{t('messages_empty')}</p>
      ) : (
        <>
          <p className="muted" data-testid="messages-count">
            {t('messages_count', { total: result.total, unread: result.unread })}
          </p>
          <div className="table-scroll">
            <table className="messages" data-testid="messages">
              <thead>
                <tr>
                  <th>{t('col_time')}</th>
                  <th>{t('col_message')}</th>
                </tr>
              </thead>
              <tbody>
                {result.messages.map((m) => (
                  <tr key={m.id} className={m.readAt === null ? 'unread' : undefined} data-testid="message" data-kind={m.kind} data-read={m.readAt === null ? 'no' : 'yes'}>
                    <td className="nowrap">
                      <Time ms={m.createdAt} locale={locale} />
                      {m.readAt === null ? <div><span className="badge pending_review">{t('messages_unread')}</span></div> : null}
                    </td>
                    <td>
                      <MessageLink id={m.id} href={m.href} unread={m.readAt === null}>
                        {m.text}
                      </MessageLink>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={result.page} total={result.total} pageSize={result.pageSize} href={(p) => (p > 1 ? `/messages?page=${p}` : '/messages')} locale={locale} testId="messages-pager" />
        </>
      )}
    </>
  );
}
