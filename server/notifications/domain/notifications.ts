// Who is told what (站内消息), and what waits for whom (待办): pure decisions from the facts of an
// event or of the clock. A message carries its kind, unit-named parameters (rendered in the reader's
// language when read), the page to act on, and a key naming its occasion, so a retried event or a
// second sweep writes none twice. The deadlines come from their own rules: the award's stored due
// date (payment term, server/market/closing.ts) and server/projects/domain/reclamation.ts.
import { type RankedBid, allocate } from '@/server/market/domain/auction';
import { type ObligationFacts, obligationStatus } from '@/server/projects/domain/reclamation';
import { DAY_MS } from '@/server/kernel/china-time';

export const NOTIFICATION_KINDS = [
  'outbid',
  'won',
  'payment_due',
  'lapsed',
  'lapsed_seller',
  'listing_approved',
  'listing_rejected',
  'project_returned',
  'project_approved',
  'design_approved',
  'reclamation_accepted',
  'reclamation_due',
  'reclamation_overdue',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Named by unit as domain errors' are (…Fen, …FenPerMu, …MilliMu, …At), so one formatter shows them. */
export type NoticeParams = Record<string, string | number>;

export interface Notice {
  organisationId: number;
  kind: NotificationKind;
  params: NoticeParams;
  href: string;
  key: string;
}

const listingHref = (id: number) => `/listings/${id}`;
const tradeHref = (id: number) => `/trades/${id}`;
const projectHref = (id: number) => `/projects/${id}`;

export interface StandingBid extends RankedBid {
  zoneId: number;
}

/**
 * A new auction bid outbids the zones whose standing bids it pushes out of what the listing would
 * award now (price then time, down to the minimum lot: the close's own allocation), wholly or in
 * part. A bid still filled in full is not outbid, whoever bids higher; the bidder's own earlier bid
 * is replaced, not outbid.
 */
export function outbidNotices(
  listing: { id: number; code: string; qtyMilliMu: number; minLotMilliMu: number },
  standing: readonly StandingBid[],
  placed: StandingBid,
): Notice[] {
  const others = standing.filter((b) => b.zoneId !== placed.zoneId);
  const fills = (bids: readonly StandingBid[]) => new Map(allocate(bids, listing.qtyMilliMu, listing.minLotMilliMu).map((f) => [f.bidId, f.qtyMilliMu as number]));
  const before = fills(standing);
  const after = fills([...others, placed]);
  return others.flatMap((b) => {
    const was = before.get(b.id) ?? 0;
    const now = after.get(b.id) ?? 0;
    if (was === 0 || now >= was) return [];
    return [
      {
        organisationId: b.zoneId,
        kind: 'outbid' as const,
        params: { listingCode: listing.code, bidFenPerMu: b.priceFenPerMu, bestFenPerMu: placed.priceFenPerMu, wasMilliMu: was, nowMilliMu: now },
        href: listingHref(listing.id),
        key: `outbid:bid:${placed.id}`,
      },
    ];
  });
}

export interface TradeFacts {
  id: number;
  confirmationNo: string;
  sellerId: number;
  buyerId: number;
  qtyMilliMu: number;
  priceFenPerMu: number;
  amountFen: number;
  depositFen: number;
  dueAt: number;
}

/** The zone that won is told what it owes and by when. */
export function wonNotices(trade: TradeFacts, listingCode: string): Notice[] {
  return [
    {
      organisationId: trade.buyerId,
      kind: 'won',
      params: {
        listingCode,
        confirmationNo: trade.confirmationNo,
        qtyMilliMu: trade.qtyMilliMu,
        priceFenPerMu: trade.priceFenPerMu,
        amountFen: trade.amountFen,
        balanceFen: trade.amountFen - trade.depositFen,
        dueAt: trade.dueAt,
      },
      href: tradeHref(trade.id),
      key: `won:trade:${trade.id}`,
    },
  ];
}

/** An award lapsed unpaid: the zone loses its deposit, the county receives it and gets the quantity back. */
export function lapsedNotices(trade: TradeFacts): Notice[] {
  const params = { confirmationNo: trade.confirmationNo, depositFen: trade.depositFen, qtyMilliMu: trade.qtyMilliMu, dueAt: trade.dueAt };
  const key = `lapsed:trade:${trade.id}`;
  return [
    { organisationId: trade.buyerId, kind: 'lapsed', params, href: tradeHref(trade.id), key },
    { organisationId: trade.sellerId, kind: 'lapsed_seller', params, href: tradeHref(trade.id), key },
  ];
}

/** Payment reminders: 3 days and 1 day before the due date; after it the award lapses instead. */
export const PAYMENT_REMINDER_DAYS = [3, 1] as const;

/**
 * The reminder an unpaid award is owed at `now`: the smallest threshold reached, so a sweep that comes
 * late (or a payment term of a day) sends the 1-day reminder alone, not both.
 */
export function paymentReminder(trade: Pick<TradeFacts, 'id' | 'buyerId' | 'confirmationNo' | 'amountFen' | 'depositFen' | 'dueAt'>, now: number): Notice | null {
  const msLeft = trade.dueAt - now;
  if (msLeft < 0) return null;
  const days = [...PAYMENT_REMINDER_DAYS].reverse().find((d) => msLeft <= d * DAY_MS);
  if (days === undefined) return null;
  return {
    organisationId: trade.buyerId,
    kind: 'payment_due',
    params: { confirmationNo: trade.confirmationNo, days, balanceFen: trade.amountFen - trade.depositFen, dueAt: trade.dueAt },
    href: tradeHref(trade.id),
    key: `payment_due_${days}d:trade:${trade.id}`,
  };
}

/** The province's review of a county's listing; `reviewNo` (its audit record) tells reviews apart after an edit. */
export function listingReviewNotices(listing: { id: number; code: string; countyId: number }, approved: boolean, reason: string, reviewNo: number): Notice[] {
  const kind = approved ? 'listing_approved' : 'listing_rejected';
  return [{ organisationId: listing.countyId, kind, params: { listingCode: listing.code, reason }, href: listingHref(listing.id), key: `${kind}:listing:${listing.id}:${reviewNo}` }];
}

export interface ProjectFacts {
  id: number;
  name: string;
  countyId: number;
}

/** A plan returned by the city or the province, to be changed and submitted again; `returnNo` tells returns apart. */
export function projectReturnedNotices(project: ProjectFacts, reviewerName: string, reason: string, returnNo: number): Notice[] {
  return [
    { organisationId: project.countyId, kind: 'project_returned', params: { projectName: project.name, reviewerName, reason }, href: projectHref(project.id), key: `project_returned:project:${project.id}:${returnNo}` },
  ];
}

/** 立项: the county's new lot of surplus quota. */
export function projectApprovedNotices(project: ProjectFacts, approvalRef: string, lot: { code: string; qtyMilliMu: number }): Notice[] {
  return [
    {
      organisationId: project.countyId,
      kind: 'project_approved',
      params: { projectName: project.name, approvalRef, lotCode: lot.code, qtyMilliMu: lot.qtyMilliMu },
      href: projectHref(project.id),
      key: `project_approved:project:${project.id}`,
    },
  ];
}

/** The city approved the reclamation design: the county may report progress. */
export function designApprovedNotices(project: ProjectFacts, designRef: string): Notice[] {
  return [{ organisationId: project.countyId, kind: 'design_approved', params: { projectName: project.name, designRef }, href: projectHref(project.id), key: `design_approved:project:${project.id}` }];
}

/** The city accepted the reclamation (验收): the obligation, and any overdue flag, is cleared. */
export function reclamationAcceptedNotices(project: ProjectFacts, acceptanceRef: string): Notice[] {
  return [
    { organisationId: project.countyId, kind: 'reclamation_accepted', params: { projectName: project.name, acceptanceRef }, href: projectHref(project.id), key: `reclamation_accepted:project:${project.id}` },
  ];
}

export interface ObligationOwner extends ProjectFacts, ObligationFacts {
  countyName: string;
}

/**
 * Reclamation reminders (180, 90, 30 days before the deadline) and the overdue flag, to the county and
 * its city's bureaus. The key holds the deadline: a first trade that moves it starts the reminders anew.
 */
export function reclamationNotices(project: ObligationOwner, cityBureauIds: readonly number[], now: number): Notice[] {
  const status = obligationStatus(project, now);
  if (status.state !== 'due' && status.state !== 'overdue') return [];
  const overdue = status.state === 'overdue';
  const params: NoticeParams = { projectName: project.name, countyName: project.countyName, deadlineAt: status.deadline, days: Math.abs(status.daysLeft ?? 0) };
  const key = `${overdue ? 'reclamation_overdue' : `reclamation_due_${status.reminderDays}d`}:project:${project.id}:${status.deadline}`;
  return [project.countyId, ...cityBureauIds].map((organisationId) => ({
    organisationId,
    kind: overdue ? ('reclamation_overdue' as const) : ('reclamation_due' as const),
    params,
    href: projectHref(project.id),
    key,
  }));
}

// --- 待办: what waits for an organisation now ---------------------------------------------------------

export type TodoKind = 'pay_award' | 'review_listing' | 'review_project' | 'resubmit_project' | 'answer_offers' | 'reclaim_due' | 'reclaim_overdue';

export interface TodoItem {
  kind: TodoKind;
  params: NoticeParams;
  href: string;
  /** When it falls due, if it does: the list is ordered by it, the undated last in their own order. */
  dueAt: number | null;
}

export interface TodoFacts {
  /** A zone's awards awaiting payment. */
  unpaidAwards?: readonly Pick<TradeFacts, 'id' | 'confirmationNo' | 'amountFen' | 'depositFen' | 'dueAt'>[];
  /** The province's listings awaiting review, oldest first. */
  listingsToReview?: readonly { id: number; code: string; countyName: string }[];
  /** Plans at the caller's review step (the city's or the province's), oldest first. */
  projectsToReview?: readonly { id: number; name: string; countyName: string }[];
  /** A county's plans returned to it. */
  projectsReturned?: readonly { id: number; name: string }[];
  /** A county's negotiated listings with offers open, and how many. */
  listingsWithOffers?: readonly { id: number; code: string; offers: number }[];
  /** Approved projects in the caller's jurisdiction (a county's own, a city's counties'). */
  obligations?: readonly ObligationOwner[];
}

export function todoOf(facts: TodoFacts, now: number): TodoItem[] {
  const items: TodoItem[] = [];
  for (const t of facts.unpaidAwards ?? []) {
    items.push({ kind: 'pay_award', params: { confirmationNo: t.confirmationNo, balanceFen: t.amountFen - t.depositFen, dueAt: t.dueAt }, href: tradeHref(t.id), dueAt: t.dueAt });
  }
  for (const p of facts.obligations ?? []) {
    const status = obligationStatus(p, now);
    if (status.state !== 'due' && status.state !== 'overdue') continue;
    items.push({
      kind: status.state === 'overdue' ? 'reclaim_overdue' : 'reclaim_due',
      params: { projectName: p.name, countyName: p.countyName, deadlineAt: status.deadline, days: Math.abs(status.daysLeft ?? 0) },
      href: projectHref(p.id),
      dueAt: status.deadline,
    });
  }
  items.sort((a, b) => a.dueAt! - b.dueAt!);
  for (const l of facts.listingsToReview ?? []) items.push({ kind: 'review_listing', params: { listingCode: l.code, countyName: l.countyName }, href: `/province#review-${l.id}`, dueAt: null });
  for (const p of facts.projectsToReview ?? []) items.push({ kind: 'review_project', params: { projectName: p.name, countyName: p.countyName }, href: projectHref(p.id), dueAt: null });
  for (const p of facts.projectsReturned ?? []) items.push({ kind: 'resubmit_project', params: { projectName: p.name }, href: projectHref(p.id), dueAt: null });
  for (const l of facts.listingsWithOffers ?? []) items.push({ kind: 'answer_offers', params: { listingCode: l.code, offers: l.offers }, href: listingHref(l.id), dueAt: null });
  return items;
}
