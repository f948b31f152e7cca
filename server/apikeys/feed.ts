// The change feed for other systems' monitoring: the audit log after a cursor (its record id), cut to
// what the caller's organisation may see.
//
// The rule: the province sees every record. Any other organisation sees
// - its own records: those it made, and those about its own listings, lots, projects and trades
//   (as seller or buyer), each with its state before and after;
// - public market events: a listing approved, extended or closed, a trade awarded, settled or lapsed,
//   with the object and action only, never their contents (what the market page and the
//   announcements already show).
import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { Role } from '@/server/kernel/roles';

export const PUBLIC_ACTIONS = ['listing.approve', 'listing.extend', 'listing.close', 'trade.award', 'trade.settle', 'trade.lapse'] as const;

/** A record's columns, in the order selected below (a raw statement answers arrays of values). */
type Row = [id: number, at: number, action: string, entity: string, entityId: number | null, before: string | null, after: string | null, own: number | boolean];

const publicSql = sql.raw(`(a.action in (${PUBLIC_ACTIONS.map((a) => `'${a}'`).join(', ')}))`);

const ownSql = (org: number) => sql`(
  a.actor_organisation_id = ${org}
  or (a.entity = 'listing' and a.entity_id in (select id from listings where county_id = ${org}))
  or (a.entity = 'lot' and a.entity_id in (select id from lots where county_id = ${org}))
  or (a.entity = 'project' and a.entity_id in (select id from projects where county_id = ${org}))
  or (a.entity = 'trade' and a.entity_id in (select id from trades where seller_id = ${org} or buyer_id = ${org}))
)`;

const parsed = (json: string | null) => (json === null ? null : (JSON.parse(json) as unknown));

export async function changesAfter(db: DbOrTx, viewer: { organisationId: number; role: Role }, input: { after: number; limit: number; view: 'market' | 'own' | 'all' }) {
  // A condition that is true, written so on both engines (PostgreSQL takes no integer as a condition).
  const own = viewer.role === 'province' ? sql`(1 = 1)` : ownSql(viewer.organisationId);
  const seen = input.view === 'market' ? publicSql : input.view === 'own' ? own : sql`(${own} or ${publicSql})`;
  // Public events shown as public unless the record is the viewer's own and own records were asked for.
  const ownFlag = input.view === 'market' ? sql`0` : own;
  const rows = await db.values<Row>(sql`
    select a.id, a.at, a.action, a.entity, a.entity_id, a.before, a.after, ${ownFlag} as own
    from audit_log a
    where a.id > ${input.after} and ${seen}
    order by a.id
    limit ${input.limit}`);
  const events = rows.map(([id, at, action, entity, entityId, before, after, own]) =>
    own
      ? { id, at, action, entity, entityId, visibility: 'own' as const, before: parsed(before), after: parsed(after) }
      : { id, at, action, entity, entityId, visibility: 'public' as const, before: null, after: null },
  );
  return { events, nextCursor: events.at(-1)?.id ?? input.after, hasMore: events.length === input.limit };
}
