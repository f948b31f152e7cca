// 站内消息 and 待办: an organisation's messages, rendered in the caller's language when read, and what
// waits for it now. Every procedure reaches the caller's own organisation only.
import 'server-only';
import { type Locale, type MessageKey, translate } from '@/lib/i18n';
import * as data from './queries';
import { projectList } from '@/server/projects/queries';
import { reclamationYearsReader } from '@/server/settings/queries';
import type { Role } from '@/server/kernel/roles';
import { type NoticeParams, type TodoFacts, todoOf } from '@/server/notifications/domain/notifications';
import { markAllRead, markRead } from './notifications';
import type { Services } from '@/server/kernel/deps';
import { LIST_PAGE_SIZE, pageInput, pageWindow } from '@/server/kernel/fields';
import { byId } from '@/server/market/schemas';
import { formatParams, roleProcedure, router } from '@/server/kernel/trpc';
import { markedAllOut, messageOut, messagesPageOut, todoOut, unreadCountOut } from './outputs';

const memberProcedure = roleProcedure('county', 'zone', 'city', 'province');

/** At most this many 待办 items are listed; the rest are counted. */
const TODO_SHOWN = 20;

const render = (locale: Locale, key: MessageKey<'notifications'>, params: NoticeParams) => translate(locale, 'notifications', key, formatParams(locale, params));

function asMessage(locale: Locale, row: data.NotificationRow) {
  return {
    id: row.id,
    kind: row.kind,
    text: render(locale, `kind_${row.kind}`, JSON.parse(row.params) as NoticeParams),
    href: row.href,
    createdAt: row.createdAt,
    readAt: row.readAt,
  };
}

/** The facts of what waits for the organisation, by what its role acts on. */
/** Obligations with the reclamation periods that bind each (in force when its clock started). */
async function withYears<P extends { approvedAt: number; firstTradedAt: number | null }>(db: Services['db'], projects: P[]) {
  const years = await reclamationYearsReader(db);
  return projects.map((p) => ({ ...p, years: years.of(p) }));
}

async function todoFacts(s: Services, user: { role: Role; organisationId: number; cityId: number | null }): Promise<TodoFacts> {
  const db = s.db;
  switch (user.role) {
    case 'zone':
      return { unpaidAwards: await data.unpaidAwardsOf(db, user.organisationId) };
    case 'county':
      return {
        projectsReturned: await projectList(db, { countyId: user.organisationId }, ['returned']),
        listingsWithOffers: await data.listingsWithOpenOffers(db, user.organisationId),
        obligations: await withYears(db, (await data.openObligations(db, { countyId: user.organisationId }))),
      };
    case 'city':
      return {
        projectsToReview: [...await projectList(db, { cityId: user.cityId ?? -1 }, ['city_review'])].reverse(),
        obligations: await withYears(db, (await data.openObligations(db, { cityId: user.cityId ?? -1 }))),
      };
    case 'province':
      return { listingsToReview: await data.listingsAwaitingReview(db), projectsToReview: [...await projectList(db, 'all', ['province_review'])].reverse() };
  }
}

export const notificationsRouter = router({
  /** How many of the organisation's messages are unread: the header's count. */
  unreadCount: memberProcedure.meta({ data: 'own organisation' }).output(unreadCountOut).query(({ ctx }) => data.unreadCountOf(ctx.services.db, ctx.actor.organisationId)),

  /** The organisation's messages, newest first, a page at a time, in the caller's language. */
  list: memberProcedure
    .meta({ data: 'own organisation' })
    .input(pageInput)
    .output(messagesPageOut)
    .query(async ({ ctx, input }) => {
      const db = ctx.services.db;
      const { rows, total } = await data.notificationsPage(db, ctx.actor.organisationId, pageWindow(input.page));
      return {
        messages: rows.map((r) => asMessage(ctx.locale, r)),
        total,
        unread: await data.unreadCountOf(db, ctx.actor.organisationId),
        page: input.page ?? 1,
        pageSize: LIST_PAGE_SIZE,
      };
    }),

  /** Opening a message marks it read; another organisation's message is not found. */
  markRead: memberProcedure
    .meta({ data: 'own organisation' })
    .input(byId)
    .output(messageOut)
    .mutation(async ({ ctx, input }) => asMessage(ctx.locale, (await markRead(ctx.services, ctx.actor, input.id)))),

  /** 全部标为已读. */
  markAllRead: memberProcedure.meta({ data: 'own organisation' }).output(markedAllOut).mutation(({ ctx }) => markAllRead(ctx.services, ctx.actor)),

  /** 待办: what waits for the organisation now, most urgent first, each with the page to act on. */
  todo: memberProcedure.meta({ data: 'own organisation' }).output(todoOut).query(async ({ ctx }) => {
    const items = todoOf((await todoFacts(ctx.services, ctx.user)), ctx.services.clock.now());
    return {
      items: items.slice(0, TODO_SHOWN).map((i) => ({ kind: i.kind, text: render(ctx.locale, `todo_${i.kind}`, i.params), href: i.href, dueAt: i.dueAt })),
      total: items.length,
    };
  }),
});
