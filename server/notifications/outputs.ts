// Output schemas of 站内消息 (an organisation's messages, rendered in the caller's language) and 待办
// (what waits for it now).
import 'server-only';
import { z } from 'zod';
import { NOTIFICATION_KINDS, type TodoKind } from '@/server/notifications/domain/notifications';
import type { markAllRead } from './notifications';
import { type Describes, type Proves, type SameValues, countOut, epochMsOut, idOut, pageEnvelope } from '@/server/kernel/outputs';

/** A message as its reader reads it. */
export const messageOut = z
  .object({
    id: idOut,
    kind: z.enum(NOTIFICATION_KINDS).describe('消息类型'),
    text: z.string().describe('消息正文，已按调用者语言生成'),
    href: z.string().describe('处理该消息的页面'),
    createdAt: epochMsOut,
    readAt: epochMsOut.nullable().describe('阅读时刻；未读为 null'),
  })
  .describe('站内消息');

export const unreadCountOut = countOut.describe('未读消息数');

/** A page of the organisation's messages, newest first. */
export const messagesPageOut = z.object({ messages: z.array(messageOut), ...pageEnvelope, unread: countOut.describe('未读消息数') }).describe('站内消息（一页）');

export const markedAllOut = z.object({ marked: countOut.describe('标为已读的条数') }).describe('全部标为已读');
type _Marked = Proves<Describes<typeof markedAllOut, Awaited<ReturnType<typeof markAllRead>>>>;

export const TODO_KINDS = ['pay_award', 'review_listing', 'review_project', 'resubmit_project', 'answer_offers', 'reclaim_due', 'reclaim_overdue'] as const;
const todoKindOut = z.enum(TODO_KINDS).describe('待办类型');
type _TodoKind = Proves<SameValues<typeof todoKindOut, TodoKind>>;

/** What waits for the organisation now, most urgent first. */
export const todoOut = z
  .object({
    items: z
      .array(z.object({ kind: todoKindOut, text: z.string().describe('待办说明，已按调用者语言生成'), href: z.string(), dueAt: epochMsOut.nullable().describe('到期时刻；无期限为 null') }))
      .describe('最多 20 项'),
    total: countOut.describe('待办总数'),
  })
  .describe('待办');
