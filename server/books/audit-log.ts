// The audit log: every state change, written in the transaction of the change, each record chained
// to the one before by a SHA-256 hash, so an edit or removal made behind the app's back is found by
// recomputing the chain (`npm run audit:verify`, for the operator).
import 'server-only';
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, isNotNull, lt } from 'drizzle-orm';
import { type DbOrTx, type Tx, prepared, reusable } from '@/db/client';
import { auditLog, listings, lots, organisations, projects, trades, users } from '@/db/schema';
import type { AuditNames, NameKind } from '@/lib/audit-view';
import type { Actor } from '@/server/kernel/deps';


type AuditRow = typeof auditLog.$inferSelect;

/** The hash of a record: its fields in a fixed order after the previous record's hash. */
function auditHash(previous: string, r: Omit<AuditRow, 'hash'>): string {
  const fields = [previous, r.id, r.at, r.actorUserId, r.actorOrganisationId, r.action, r.entity, r.entityId, r.before, r.after];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** The chain starts from a fixed value, so the first record is checked like any other. */
const GENESIS = '0'.repeat(64);

const COLUMNS = 'id, at, actor_user_id, actor_organisation_id, action, entity, entity_id, before, after, hash';
// Kept per connection: every state change writes a record.
const auditStatements = (db: DbOrTx) => ({
  last: prepared(db, 'select id, hash from audit_log order by id desc limit 1'),
  insert: prepared(db, `insert into audit_log (${COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
  // Written only if the record named by its last parameter's hash still heads the log.
  insertAfter: prepared<{ id: number }>(
    db,
    `insert into audit_log (${COLUMNS}) ` +
      'select cast(? as bigint), cast(? as bigint), cast(? as bigint), cast(? as bigint), cast(? as text), cast(? as text), cast(? as bigint), cast(? as text), cast(? as text), cast(? as text) ' +
      'where (select hash from audit_log order by id desc limit 1) = cast(? as text) returning id',
  ),
});
const lastRecord = async (db: DbOrTx) => (await reusable(db, auditStatements).last.get()) as { id: number; hash: string | null } | undefined;

/**
 * The last record this process wrote to each database. The next record is chained to it by the
 * statement that checks it still heads the log (a rollback or another process may have moved the
 * head; then the head is read): one round trip instead of a read and a write.
 */
const knownHeads = new WeakMap<object, { id: number; hash: string }>();

/** One state change as the audit log records it: who did what to which entity, and its state before and after. */
export interface AuditRecord {
  at: number;
  /** Null for what the clock does on its own (closing, lapsing) and for the operator's commands. */
  actor: Actor | null;
  action: string;
  entity: string;
  entityId: number | null;
  before?: unknown;
  after?: unknown;
}

/** Writes the audit record of a state change, in the caller's transaction (which holds the write lock); returns its id. */
export async function writeAudit(db: Tx, { at, actor, action, entity, entityId, before, after }: AuditRecord) {
  const fields = {
    at,
    actorUserId: actor?.userId ?? null,
    actorOrganisationId: actor?.organisationId ?? null,
    action,
    entity,
    entityId,
    before: before === undefined || before === null ? null : JSON.stringify(before),
    after: after === undefined || after === null ? null : JSON.stringify(after),
  };
  const statements = reusable(db, auditStatements);
  const values = (r: Omit<AuditRow, 'hash'>, hash: string) => [r.id, r.at, r.actorUserId, r.actorOrganisationId, r.action, r.entity, r.entityId, r.before, r.after, hash];
  const engine = db.connection.engine;
  const known = knownHeads.get(engine);
  if (known) {
    const record = { id: known.id + 1, ...fields };
    const hash = auditHash(known.hash, record);
    if (await statements.insertAfter.get(...values(record, hash), known.hash)) {
      knownHeads.set(engine, { id: record.id, hash });
      return record.id;
    }
  }
  const last = await lastRecord(db);
  const record = { id: (last?.id ?? 0) + 1, ...fields };
  const hash = auditHash(last?.hash ?? GENESIS, record);
  await statements.insert.run(...values(record, hash));
  knownHeads.set(engine, { id: record.id, hash });
  return record.id;
}

/**
 * Seals a log written before the chain existed: on the first start after the upgrade, when no record
 * has a hash yet. Once any record is sealed, an unsealed one can only have been written behind the
 * app's back, so it is left for `audit:verify` to report, never sealed.
 */
export async function sealAuditLog(db: DbOrTx) {
  // Records are sealed as they are written, so only a log from before the chain lacks hashes, and then
  // its newest record does too: one look at the newest, not a scan of the log, at every start.
  const newest = (await db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).all())[0];
  if (!newest || newest.hash !== null) return 0;
  if ((await db.select({ id: auditLog.id }).from(auditLog).where(isNotNull(auditLog.hash)).limit(1).all())[0]) return 0;
  let previous = GENESIS;
  const rows = await db.select().from(auditLog).orderBy(asc(auditLog.id)).all();
  for (const r of rows) {
    previous = auditHash(previous!, r);
    await db.update(auditLog).set({ hash: previous }).where(eq(auditLog.id, r.id)).run();
  }
  return rows.length;
}

export type ChainBreak = { id: number; problem: 'missing' | 'altered' | 'unsealed' };

/** Recomputes the chain in id order, a page at a time; the first record that does not fit, or null. */
export async function verifyAuditChain(db: DbOrTx): Promise<{ checked: number; head: string; broken: ChainBreak | null }> {
  let previous = GENESIS;
  let expectedId = 1;
  let checked = 0;
  for (;;) {
    const page = await db.select().from(auditLog).where(gte(auditLog.id, expectedId)).orderBy(asc(auditLog.id)).limit(5000).all();
    if (page.length === 0) return { checked, head: previous, broken: null };
    for (const r of page) {
      // Ids are consecutive from 1: a gap is a removed record.
      if (r.id !== expectedId) return { checked, head: previous, broken: { id: expectedId, problem: 'missing' } };
      if (r.hash === null) return { checked, head: previous, broken: { id: r.id, problem: 'unsealed' } };
      if (auditHash(previous, r) !== r.hash) return { checked, head: previous, broken: { id: r.id, problem: 'altered' } };
      previous = r.hash;
      expectedId += 1;
      checked += 1;
    }
  }
}

export interface AuditFilter {
  entity?: string | null;
  action?: string | null;
  organisationId?: number | null;
  from?: number | null;
  to?: number | null;
  beforeId?: number | null;
  limit: number;
}

/** The log for the province, newest first, filtered; a page ends where the next begins (`beforeId`). */
export const auditPage = (db: DbOrTx, f: AuditFilter) =>
  db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      userName: users.displayName,
      organisationName: organisations.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(auditLog.actorUserId, users.id))
    .leftJoin(organisations, eq(auditLog.actorOrganisationId, organisations.id))
    .where(
      and(
        f.entity ? eq(auditLog.entity, f.entity) : undefined,
        f.action ? eq(auditLog.action, f.action) : undefined,
        f.organisationId ? eq(auditLog.actorOrganisationId, f.organisationId) : undefined,
        f.from ? gte(auditLog.at, f.from) : undefined,
        f.to ? lt(auditLog.at, f.to) : undefined,
        f.beforeId ? lt(auditLog.id, f.beforeId) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(f.limit)
    .all();

/**
 * The kinds of record that occur in the log, for the filter's choices: one index seek per kind, each
 * the least entity above the last (a skip scan), where DISTINCT would read the whole index (a million
 * records: 45 ms → 1 ms).
 */
export const auditEntities = async (db: DbOrTx) =>
  (
    (await prepared(
      db,
      `with recursive kinds(v) as (select min(entity) from audit_log union all select (select min(entity) from audit_log where entity > kinds.v) from kinds where kinds.v is not null)
       select v from kinds where v is not null`,
    ).all()) as { v: string }[]
  ).map((r) => r.v);

/** The newest record's id: every state change writes one, so it versions all the data. */
export const auditHead = async (db: DbOrTx) => (await db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).all())[0]?.id ?? 0;

/** The names of the ids a page of the log mentions: users and organisations by name, listings, trades
 *  and lots by their numbers, projects by name. */
export async function auditNames(db: DbOrTx, ids: Record<NameKind, number[]>): Promise<AuditNames> {
  const byId = (rows: { id: number; name: string }[]) => Object.fromEntries(rows.map((r) => [r.id, r.name]));
  const some = async <T>(list: number[], read: () => Promise<T[]>) => (list.length === 0 ? [] : await read());
  return {
    users: byId(await some(ids.users, () => db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids.users)).all())),
    organisations: byId(await some(ids.organisations, () => db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids.organisations)).all())),
    listings: byId(await some(ids.listings, () => db.select({ id: listings.id, name: listings.code }).from(listings).where(inArray(listings.id, ids.listings)).all())),
    trades: byId(await some(ids.trades, () => db.select({ id: trades.id, name: trades.confirmationNo }).from(trades).where(inArray(trades.id, ids.trades)).all())),
    lots: byId(await some(ids.lots, () => db.select({ id: lots.id, name: lots.code }).from(lots).where(inArray(lots.id, ids.lots)).all())),
    projects: byId(await some(ids.projects, () => db.select({ id: projects.id, name: projects.name }).from(projects).where(inArray(projects.id, ids.projects)).all())),
  };
}
