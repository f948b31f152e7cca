// Messages to organisations (站内消息). Those an event causes are written by its service inside the
// event's own transaction (`notifyInTx`), so a refused or rolled-back action sends none; those the
// clock causes (payment due, reclamation reminders and overdue flags) by the scheduler's sweep
// (`sendReminders`), each at most once by its key. Reading marks them read for the whole organisation.
import 'server-only';
import { inTransaction, type Tx } from '@/db/client';
import { writeAudit } from '@/server/books/audit-log';
import * as data from './queries';
import { ensure } from '@/server/kernel/errors';
import { type Notice, PAYMENT_REMINDER_DAYS, paymentReminder, reclamationNotices } from '@/server/notifications/domain/notifications';
import { reminderHorizon } from '@/server/projects/domain/reclamation';
import { reclamationYearsReader } from '@/server/settings/queries';
import { DAY_MS } from '@/server/kernel/china-time';
import { type Actor, type Services, inUseCase } from '@/server/kernel/deps';

/** Writes an event's notices in its transaction; a notice already written (same organisation and key) is kept as it was. */
export async function notifyInTx(tx: Tx, now: number, notices: readonly Notice[]) {
  if (notices.length > 0) await data.insertNotices(tx, notices, now);
}

/** The reminders the clock owes at `now`, less those already written: read only, no transaction. */
async function dueReminders(s: Services, now: number): Promise<Notice[]> {
  const payments = (await data
    .unpaidAwardsDueBy(s.db, now, now + Math.max(...PAYMENT_REMINDER_DAYS) * DAY_MS))
    .map((t) => paymentReminder(t, now))
    .filter((n) => n !== null);
  // Each project's deadline from the periods in force when its clock started (server/settings).
  const years = await reclamationYearsReader(s.db);
  const projects = (await data.obligationsNear(s.db, reminderHorizon(now, years.shortest))).map((p) => ({ ...p, years: years.of(p) }));
  const bureaus = await data.cityBureausByCity(s.db, [...new Set(projects.flatMap((p) => (p.cityId === null ? [] : [p.cityId])))]);
  const reclamation = projects.flatMap((p) => reclamationNotices(p, p.cityId === null ? [] : (bureaus.get(p.cityId) ?? []), now));
  const unwritten = [];
  for (const n of [...payments, ...reclamation]) if (!(await data.noticeWritten(s.db, n))) unwritten.push(n);
  return unwritten;
}

/**
 * Writes what the clock owes now, once: a second sweep finds every key written and opens no
 * transaction (the sweep also runs before market reads). Returns how many were written.
 */
export async function sendReminders(s: Services, now: number): Promise<number> {
  const owed = await dueReminders(s, now);
  if (owed.length === 0) return 0;
  return inTransaction(s.db, (tx) => data.insertNotices(tx, owed, now));
}

/** Marks one of the organisation's messages read (opening it); another organisation's is not found. */
export function markRead(s: Services, actor: Actor, id: number) {
  return inUseCase(s, async (tx, now) => {
    const before = await data.notificationOf(tx, actor.organisationId, id);
    ensure(before, 'notificationNotFound');
    if (before.readAt !== null) return before;
    await data.markRead(tx, actor.organisationId, id, now);
    const after = { ...before, readAt: now };
    await writeAudit(tx, { at: now, actor, action: 'notification.read', entity: 'notification', entityId: id, before: { readAt: null }, after: { readAt: now } });
    return after;
  });
}

/** 全部标为已读: every unread message of the organisation. */
export function markAllRead(s: Services, actor: Actor) {
  return inUseCase(s, async (tx, now) => {
    const marked = await data.markAllRead(tx, actor.organisationId, now);
    if (marked > 0) await writeAudit(tx, { at: now, actor, action: 'notification.read_all', entity: 'organisation', entityId: actor.organisationId, after: { marked, readAt: now } });
    return { marked };
  });
}
