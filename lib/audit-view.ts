// An audit record as the province reads it: the action in words, the record it changed (by its number
// or name, linked where it has a page), and what changed as labelled fields, before → after, each value
// in its unit or its words. Records keep ids and integers (fen, milli-mu, epoch ms); they become
// names, 元, 亩 and times here only.
import { type Locale, type MessageKey, type Namespace, hasKey, translate } from '@/lib/i18n';
import { formatDate, formatMu, formatTime, formatYuan } from '@/lib/format';
import { auditMessages } from '@/messages/audit';
import { projectMessages } from '@/messages/projects';

export interface AuditRecord {
  at: number;
  action: string;
  entity: string;
  entityId: number | null;
  before: string | null;
  after: string | null;
}

export type NameKind = 'users' | 'organisations' | 'listings' | 'trades' | 'lots' | 'projects';
/** Names of the ids a page of records mentions, by kind and id. */
export type AuditNames = Record<NameKind, Record<number, string>>;

/** A value as shown: its text, and the page it links to when it has one. */
export interface Shown {
  text: string;
  href?: string;
}

export interface AuditChange {
  field: string;
  label: string;
  before: Shown | null;
  after: Shown | null;
}

export interface AuditView {
  /** The action in words; null when the messages do not know it (shown as recorded). */
  action: string | null;
  entity: string;
  object: Shown | null;
  changes: AuditChange[];
}

/** Fields of another record's id, named by that record. */
const ID_FIELDS: Record<string, NameKind> = {
  countyId: 'organisations',
  sellerId: 'organisations',
  buyerId: 'organisations',
  zoneId: 'organisations',
  organisationId: 'organisations',
  placedBy: 'users',
  recordedBy: 'users',
  uploadedBy: 'users',
  publishedBy: 'users',
  decidedBy: 'users',
  reportedBy: 'users',
  declaredBy: 'users',
  createdBy: 'users',
  revokedBy: 'users',
  listingId: 'listings',
  tradeId: 'trades',
  lotId: 'lots',
  projectId: 'projects',
};

/** The record's own number, kept by the id column; stored file names, hashes and part lines that the
 *  record's other fields already say; the bid a trade came from (its buyer and price are there). */
export const HIDDEN_FIELDS = new Set(['id', 'storedName', 'sha256', 'lines', 'bidId']);

const ENTITY_IDS: Partial<Record<string, NameKind>> = { listing: 'listings', trade: 'trades', project: 'projects', lot: 'lots', user: 'users', county_target: 'organisations', organisation: 'organisations' };

const HREF: Partial<Record<NameKind, (id: number) => string>> = {
  listings: (id) => `/listings/${id}`,
  trades: (id) => `/trades/${id}`,
  projects: (id) => `/projects/${id}`,
};
const ENTITY_HREF: Partial<Record<string, string>> = { settings: '/province/settings', integrity_thresholds: '/province/integrity', price_guidance: '/province/guidance', bank_transfer: '/province/funds', user: '/province/users', plan_allocation: '/province/plan' };

type Fields = Record<string, unknown>;
const parse = (json: string | null): Fields | null => {
  if (json === null) return null;
  const v = JSON.parse(json) as unknown;
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Fields) : null;
};

/** The ids a page of records mentions, by kind: the router looks up their names (server/books/audit-log.ts). */
export function auditIds(records: readonly AuditRecord[]): Record<NameKind, number[]> {
  const ids: Record<NameKind, Set<number>> = { users: new Set(), organisations: new Set(), listings: new Set(), trades: new Set(), lots: new Set(), projects: new Set() };
  for (const r of records) {
    const kind = ENTITY_IDS[r.entity];
    if (kind && r.entityId !== null) ids[kind].add(r.entityId);
    for (const fields of [parse(r.before), parse(r.after)]) {
      for (const [field, v] of Object.entries(fields ?? {})) {
        const k = ID_FIELDS[field];
        if (k && typeof v === 'number') ids[k].add(v);
      }
    }
  }
  return Object.fromEntries(Object.entries(ids).map(([k, s]) => [k, [...s]])) as Record<NameKind, number[]>;
}

/** Every action the messages have words for: the audit page's choices of action. */
export const KNOWN_ACTIONS = [...Object.keys(projectMessages.zh), ...Object.keys(auditMessages.zh)].filter((k) => k.startsWith('action_')).map((k) => k.slice('action_'.length));

/** The key of an action's words: a project's steps in projects (its history shows them too), the rest in audit. */
export function actionKey(action: string): { ns: Namespace; key: string } | null {
  const key = `action_${action}`;
  if (hasKey('projects', key)) return { ns: 'projects', key };
  if (hasKey('audit', key)) return { ns: 'audit', key };
  return null;
}

const say = (locale: Locale, ns: Namespace, key: string, params?: Record<string, string | number>) => translate(locale, ns, key as MessageKey<typeof ns>, params);
const known = (ns: Namespace, key: string) => hasKey(ns, key);

/** Words for an enumerated value, where the messages have them; the value as recorded otherwise. */
function wordFor(locale: Locale, entity: string, field: string, v: string): string {
  const candidates: [Namespace, string][] =
    field === 'status'
      ? entity === 'project'
        ? [['projects', `status_${v}`]]
        : entity === 'bank_transfer'
          ? [['audit', `transferStatus_${v}`]]
          : [['ui', `status_${v}`]]
      : field === 'mode'
        ? [['ui', `mode_${v}`]]
        : field === 'landType'
          ? [['ui', `landType_${v}`]]
          : field === 'kind'
            ? [
                ['market', `kind_${v}`],
                ['ui', `asset_${v}`],
              ]
            : field === 'category'
              ? [['proceeds', `category_${v}`]]
              : field === 'currentUse'
                ? [['projects', `use_${v}`]]
                : [];
  const found = candidates.find(([ns, key]) => known(ns, key));
  return found ? say(locale, found[0], found[1]) : v;
}

/** Fields whose strings are enumerated values with words. */
const ENUM_FIELDS = new Set(['status', 'mode', 'landType', 'kind', 'category', 'currentUse']);

/** A field's value in its unit or its words; null for no value. */
function shownValue(locale: Locale, entity: string, field: string, v: unknown, names: AuditNames): Shown | null {
  const tu = (key: string) => say(locale, 'ui', key);
  if (v === null || v === undefined || v === '') {
    // Guidance for no one land type is guidance for all.
    return field === 'landType' && entity === 'price_guidance' ? { text: say(locale, 'market', 'guidance_landAll') } : null;
  }
  if (typeof v === 'boolean') return { text: say(locale, 'audit', v ? 'yes' : 'no') };
  if (field === 'plots' && Array.isArray(v)) return { text: say(locale, 'audit', 'plots_count', { n: v.length }) };
  if (field === 'rights' && typeof v === 'string') return { text: v.split(',').map((r) => tu(`asset_${r}`)).join('、') };
  if (typeof v === 'string') return { text: ENUM_FIELDS.has(field) ? wordFor(locale, entity, field, v) : v };
  if (typeof v !== 'number') return { text: JSON.stringify(v) };
  const kind = ID_FIELDS[field];
  if (kind) {
    const href = HREF[kind]?.(v);
    return { text: names[kind][v] ?? `#${v}`, ...(href ? { href } : {}) };
  }
  if (field.endsWith('MilliMu')) return { text: `${formatMu(v)} ${tu('mu')}` };
  if (field.endsWith('FenPerMu')) return { text: `${formatYuan(v)} ${tu('yuanPerMu')}` };
  if (field.endsWith('Fen')) return { text: `${formatYuan(v)} ${tu('yuan')}` };
  if (field.endsWith('Bp')) return { text: `${formatYuan(v)}%` }; // basis points have the 2 decimals of fen
  if (field.endsWith('X100')) return { text: formatYuan(v) }; // hundredths (a mean number of bidders): 2 decimals
  if (field.endsWith('Seconds')) return { text: say(locale, 'audit', 'minutes', { n: v / 60 }) };
  if (field === 'paymentDays') return { text: say(locale, 'audit', 'days', { n: v }) };
  if (field.startsWith('reclamationYears')) return { text: say(locale, 'audit', 'years', { n: v }) };
  if (field === 'effectiveFrom') return { text: formatTime(v, locale) };
  if (field === 'validFrom' || field === 'validTo') return { text: formatDate(v, locale) };
  if (field === 'at' || field.endsWith('At')) return { text: formatTime(v, locale) };
  return { text: String(v) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields a record changed: for a change, those that differ; for a creation or removal, those it
 *  had, less the times that are the record's own time. Each labelled; a field without a label is not
 *  shown (audit-view.test.ts requires a label for every field the services record). */
function auditChanges(locale: Locale, r: AuditRecord, names: AuditNames): AuditChange[] {
  const before = parse(r.before);
  const after = parse(r.after);
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const out: AuditChange[] = [];
  for (const field of fields) {
    if (HIDDEN_FIELDS.has(field) || !known('audit', `field_${field}`)) continue;
    const b = before?.[field];
    const a = after?.[field];
    if (before && after && same(b, a)) continue;
    const one = before ? b : a;
    if (!(before && after) && (one === null || one === undefined || one === '' || (typeof one === 'number' && (field === 'at' || field.endsWith('At')) && one === r.at))) continue;
    out.push({ field, label: say(locale, 'audit', `field_${field}`), before: before ? shownValue(locale, r.entity, field, b, names) : null, after: after ? shownValue(locale, r.entity, field, a, names) : null });
  }
  return out;
}

/** The record the action changed, by its number or name, linked where it has a page. */
function objectOf(locale: Locale, r: AuditRecord, names: AuditNames): Shown | null {
  const fields = parse(r.after) ?? parse(r.before) ?? {};
  const name = (kind: NameKind, id: unknown) => (typeof id === 'number' ? (names[kind][id] ?? `#${id}`) : null);
  const kind = ENTITY_IDS[r.entity];
  if (kind && r.entityId !== null) {
    const href = HREF[kind]?.(r.entityId) ?? ENTITY_HREF[r.entity];
    return { text: name(kind, r.entityId)!, ...(href ? { href } : {}) };
  }
  switch (r.entity) {
    case 'bid': {
      const listing = name('listings', fields.listingId) ?? '';
      const bidder = typeof fields.bidderNumber === 'string' ? say(locale, 'audit', 'bidder_paren', { number: fields.bidderNumber }) : '';
      return { text: `${say(locale, 'audit', fields.kind === 'offer' ? 'offer_of_listing' : 'bid_of_listing', { listing })}${bidder}`, ...(typeof fields.listingId === 'number' ? { href: `/listings/${fields.listingId}` } : {}) };
    }
    case 'bank_transfer':
      return { text: [name('organisations', fields.zoneId), fields.bankRef].filter(Boolean).join(' · '), href: ENTITY_HREF.bank_transfer! };
    case 'price_guidance':
      return { text: String(fields.documentRef ?? ''), href: ENTITY_HREF.price_guidance! };
    case 'proceeds_spending':
      return { text: [name('organisations', fields.countyId), fields.purpose].filter(Boolean).join(' · ') };
    case 'rights_use':
      return { text: [name('organisations', fields.zoneId), fields.applicationName].filter(Boolean).join(' · ') };
    case 'zone_demand':
      return { text: [name('organisations', fields.zoneId), typeof fields.year === 'number' ? say(locale, 'audit', 'demand_year', { year: fields.year }) : null].filter(Boolean).join(' · '), href: '/province/outlook' };
    case 'plan_allocation':
      return { text: [name('organisations', fields.countyId), fields.documentRef].filter(Boolean).join(' · '), href: ENTITY_HREF.plan_allocation! };
    case 'settings':
      return { text: say(locale, 'audit', 'entity_settings'), href: ENTITY_HREF.settings! };
    case 'integrity_thresholds':
      return { text: say(locale, 'audit', 'entity_integrity_thresholds'), href: ENTITY_HREF.integrity_thresholds! };
    case 'api_key':
      return { text: [name('organisations', fields.organisationId), fields.name, typeof fields.prefix === 'string' ? `${fields.prefix}…` : null].filter(Boolean).join(' · '), href: '/api-keys' };
    case 'notification':
      return { text: say(locale, 'audit', 'entity_notification'), href: '/messages' };
    default:
      return r.entityId === null ? null : { text: `#${r.entityId}` };
  }
}

export function auditView(locale: Locale, r: AuditRecord, names: AuditNames): AuditView {
  const words = actionKey(r.action);
  const entityKey = `entity_${r.entity}`;
  return {
    action: words ? say(locale, words.ns, words.key) : null,
    entity: known('audit', entityKey) ? say(locale, 'audit', entityKey) : r.entity,
    object: objectOf(locale, r, names),
    changes: auditChanges(locale, r, names),
  };
}
