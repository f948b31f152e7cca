// The double-entry journal (docs/domain.md "Invariants"):
// every business event is one entry whose postings sum to zero per asset. Money is fen; quota and the
// three bundled rights are milli-mu, kept per lot so every unit stays traceable to its project.
import { proportion } from '@/server/kernel/units';

/** PLAN_* are the province's annual plan quota (seed 000), held per county, not per lot. */
export type Asset = 'CNY' | 'QUOTA' | 'NEW_LAND' | 'SCALE' | 'FARMLAND' | 'PLAN_NEW_LAND' | 'PLAN_LINKING';
/** The three rights a buyer receives with the quota (001 三(二)). */
export const RIGHTS = ['NEW_LAND', 'SCALE', 'FARMLAND'] as const;

/**
 * Buckets: a zone's money is `funds` (free) or `held` (frozen deposits); a county's money is
 * `proceeds`, and `spent` once its budget has used them. A county's quota of a lot is `free`, `listed`
 * or `awarded`; a holder's rights and a zone's quota are `held`, and a zone's rights `used` once its
 * land application has consumed them. `bank` and `issued` are the outside world's side and may go
 * negative. `holdback` is the part of a county's proceeds held, per lot (one lot per project), until the
 * project's reclamation is accepted; `forfeited` is the province's, per lot, what was held for a
 * project whose deadline passed without acceptance (docs/decisions/0015-holdback.md).
 */
export type Bucket = 'funds' | 'held' | 'proceeds' | 'spent' | 'free' | 'listed' | 'awarded' | 'used' | 'bank' | 'issued' | 'holdback' | 'forfeited';

export interface AccountKey {
  organisationId: number;
  asset: Asset;
  bucket: Bucket;
  lotId: number | null;
}

export interface Posting {
  account: AccountKey;
  amount: number;
}

export const SOURCE_BUCKETS: readonly Bucket[] = ['bank', 'issued'];

export function accountKeyString(k: AccountKey): string {
  return `${k.organisationId}:${k.asset}:${k.bucket}:${k.lotId ?? 0}`;
}

/** A transfer of `amount` from one account to another of the same asset, as two postings. */
export function transfer(from: AccountKey, to: AccountKey, amount: number): Posting[] {
  if (from.asset !== to.asset) throw new Error(`transfer across assets ${from.asset} → ${to.asset}`);
  if (!Number.isSafeInteger(amount) || amount < 0) throw new Error(`bad transfer amount ${amount}`);
  if (amount === 0) return [];
  return [
    { account: from, amount: -amount },
    { account: to, amount },
  ];
}

/** True when the postings balance: per asset, the amounts sum to zero. */
export function isBalanced(postings: readonly Posting[]): boolean {
  const sums = new Map<Asset, number>();
  for (const p of postings) sums.set(p.account.asset, (sums.get(p.account.asset) ?? 0) + p.amount);
  return [...sums.values()].every((s) => s === 0);
}

const money = (organisationId: number, bucket: Bucket): AccountKey => ({ organisationId, asset: 'CNY', bucket, lotId: null });
const ofLot = (organisationId: number, asset: Asset, bucket: Bucket, lotId: number): AccountKey => ({
  organisationId,
  asset,
  bucket,
  lotId,
});

export const accountsOf = {
  bank: (provinceId: number) => money(provinceId, 'bank'),
  zoneFunds: (zoneId: number) => money(zoneId, 'funds'),
  zoneHeld: (zoneId: number) => money(zoneId, 'held'),
  countyProceeds: (countyId: number) => money(countyId, 'proceeds'),
  /** The county's proceeds held back for one lot's project until its reclamation is accepted. */
  countyHoldback: (countyId: number, lotId: number) => ofLot(countyId, 'CNY', 'holdback', lotId),
  /** What the province took of one lot's holdback when its project missed the reclamation deadline. */
  provinceForfeited: (provinceId: number, lotId: number) => ofLot(provinceId, 'CNY', 'forfeited', lotId),
  quota: (organisationId: number, bucket: Bucket, lotId: number) => ofLot(organisationId, 'QUOTA', bucket, lotId),
  right: (organisationId: number, asset: Asset, bucket: Bucket, lotId: number) => ofLot(organisationId, asset, bucket, lotId),
};

/**
 * Why an entry was written: a closed list, one reason per business event (the deposit of a bid that
 * did not win is released for one of four reasons). The journal table's CHECK holds the same list
 * (db/schema.ts; a test keeps them equal).
 */
export const ENTRY_REASONS = [
  'funds_received',
  'lot_issued',
  'plan_allocated',
  'listing_created',
  'listing_changed',
  'listing_withdrawn',
  'listing_rejected',
  'listing_closed',
  'deposit_frozen',
  'deposit_released_lost',
  'deposit_released_declined',
  'deposit_released_superseded',
  'deposit_released_withdrawn',
  'award',
  'award_lapsed',
  'settlement',
  'rights_used',
  'proceeds_spent',
  'holdback_released',
  'holdback_forfeited',
] as const;
export type EntryReason = (typeof ENTRY_REASONS)[number];

/** Whether two lists of postings move the same amounts between the same accounts, in any order. */
export function samePostings(a: readonly Posting[], b: readonly Posting[]): boolean {
  const keyed = (ps: readonly Posting[]) => ps.map((p) => `${accountKeyString(p.account)}:${p.amount}`).sort();
  const [x, y] = [keyed(a), keyed(b)];
  return x.length === y.length && x.every((k, i) => k === y[i]);
}

/** How many journal entries one page of a statement shows. */
export const STATEMENT_PAGE_ENTRIES = 50;

// --- The postings of each business event -------------------------------------------------------

/** The province records a zone's incoming bank transfer. */
export const fundsReceived = (provinceId: number, zoneId: number, amountFen: number) =>
  transfer(accountsOf.bank(provinceId), accountsOf.zoneFunds(zoneId), amountFen);

// A bid's deposit is a hold (TigerBeetle's pending transfer): frozen out of the zone's free funds when
// the bid is placed, then either voided back to them (a bid that does not win, or the part of a
// deposit a partly filled bid no longer needs) or posted to the seller county (applied to the price at
// settlement, forfeited at a lapse).

/** Freezes a deposit: free funds → held. */
export const holdFrozen = (zoneId: number, depositFen: number) =>
  transfer(accountsOf.zoneFunds(zoneId), accountsOf.zoneHeld(zoneId), depositFen);

/** Voids a hold: held → free funds. */
export const holdVoided = (zoneId: number, depositFen: number) =>
  transfer(accountsOf.zoneHeld(zoneId), accountsOf.zoneFunds(zoneId), depositFen);

/** Posts a hold to the seller county's proceeds. */
const holdPosted = (zoneId: number, countyId: number, depositFen: number) => transfer(accountsOf.zoneHeld(zoneId), accountsOf.countyProceeds(countyId), depositFen);

/** A project's surplus quota lot is issued to its county with the three rights it carries. */
export function lotIssued(
  provinceId: number,
  countyId: number,
  lotId: number,
  qtyMilliMu: number,
  farmlandMilliMu: number,
): Posting[] {
  return [
    ...transfer(accountsOf.quota(provinceId, 'issued', lotId), accountsOf.quota(countyId, 'free', lotId), qtyMilliMu),
    ...rightsMoved(provinceId, 'issued', countyId, lotId, qtyMilliMu, farmlandMilliMu),
  ];
}

/** Quota moves between a county's buckets of one lot (free → listed → awarded, or back). */
export const quotaMoved = (countyId: number, lotId: number, from: Bucket, to: Bucket, qtyMilliMu: number) =>
  transfer(accountsOf.quota(countyId, from, lotId), accountsOf.quota(countyId, to, lotId), qtyMilliMu);

function rightsMoved(fromOrg: number, fromBucket: Bucket, toOrg: number, lotId: number, qtyMilliMu: number, farmlandMilliMu: number) {
  return RIGHTS.flatMap((asset) =>
    transfer(
      accountsOf.right(fromOrg, asset, fromBucket, lotId),
      accountsOf.right(toOrg, asset, 'held', lotId),
      asset === 'FARMLAND' ? farmlandMilliMu : qtyMilliMu,
    ),
  );
}

export interface SettlementParties {
  sellerId: number;
  buyerId: number;
  lotId: number;
  qtyMilliMu: number;
  farmlandMilliMu: number;
  amountFen: number;
  depositFen: number;
  /** The part of the amount held back until the project's reclamation is accepted (0 or absent: none). */
  heldFen?: number;
}

/**
 * The farmland balance quota a sale of `qtyMilliMu` carries: pro rata over what the county still holds
 * of the lot, so that selling the whole lot in parts moves exactly the lot's farmland (the three rights
 * travel together, domain.md step 6).
 */
export const farmlandShare = (qtyMilliMu: number, countyHolds: { newLandMilliMu: number; farmlandMilliMu: number }) =>
  proportion(qtyMilliMu, countyHolds.farmlandMilliMu, countyHolds.newLandMilliMu);

/**
 * Settlement (domain.md step 6): the deposit is applied and the balance debited, the seller's proceeds
 * credited with the whole amount less what is held back (`heldFen`), which goes to the county's
 * holdback for the lot; the awarded quota units and the three rights move to the zone. With nothing
 * held back the postings are those of a settlement before holdback existed, posting for posting.
 */
export function settlement(t: SettlementParties): Posting[] {
  const heldFen = t.heldFen ?? 0;
  if (!Number.isSafeInteger(heldFen) || heldFen < 0 || heldFen > t.amountFen) throw new Error(`bad holdback ${heldFen} of ${t.amountFen}`);
  if (heldFen > 0) {
    if (!Number.isSafeInteger(t.depositFen) || t.depositFen < 0 || t.depositFen > t.amountFen) throw new Error(`bad deposit ${t.depositFen} of ${t.amountFen}`);
    // The zone pays as without holdback (its deposit, then the balance); only the credit is split.
    const cash = [
      { account: accountsOf.zoneHeld(t.buyerId), amount: -t.depositFen },
      { account: accountsOf.zoneFunds(t.buyerId), amount: -(t.amountFen - t.depositFen) },
      { account: accountsOf.countyProceeds(t.sellerId), amount: t.amountFen - heldFen },
      { account: accountsOf.countyHoldback(t.sellerId, t.lotId), amount: heldFen },
    ];
    return [
      ...cash.filter((p) => p.amount !== 0),
      ...transfer(accountsOf.quota(t.sellerId, 'awarded', t.lotId), accountsOf.quota(t.buyerId, 'held', t.lotId), t.qtyMilliMu),
      ...rightsMoved(t.sellerId, 'held', t.buyerId, t.lotId, t.qtyMilliMu, t.farmlandMilliMu),
    ];
  }
  return [
    ...holdPosted(t.buyerId, t.sellerId, t.depositFen),
    ...transfer(accountsOf.zoneFunds(t.buyerId), accountsOf.countyProceeds(t.sellerId), t.amountFen - t.depositFen),
    ...transfer(accountsOf.quota(t.sellerId, 'awarded', t.lotId), accountsOf.quota(t.buyerId, 'held', t.lotId), t.qtyMilliMu),
    ...rightsMoved(t.sellerId, 'held', t.buyerId, t.lotId, t.qtyMilliMu, t.farmlandMilliMu),
  ];
}

/** An unpaid award lapses: the deposit is forfeited to the seller, the quantity returns to its free quota. */
export function lapse(t: Omit<SettlementParties, 'farmlandMilliMu' | 'amountFen'>): Posting[] {
  return [
    ...holdPosted(t.buyerId, t.sellerId, t.depositFen),
    ...quotaMoved(t.sellerId, t.lotId, 'awarded', 'free', t.qtyMilliMu),
  ];
}

/** What is held for a lot's project, released to the county's proceeds when its reclamation is accepted (验收). */
export const holdbackReleased = (countyId: number, lotId: number, heldFen: number) =>
  transfer(accountsOf.countyHoldback(countyId, lotId), accountsOf.countyProceeds(countyId), heldFen);

/** What is held for a lot's project, forfeited to the province when the reclamation deadline passed without acceptance. */
export const holdbackForfeited = (countyId: number, provinceId: number, lotId: number, heldFen: number) =>
  transfer(accountsOf.countyHoldback(countyId, lotId), accountsOf.provinceForfeited(provinceId, lotId), heldFen);

/** A zone uses rights for a land application: per lot, held → used (domain.md step 8). */
export const rightsUsed = (zoneId: number, lines: readonly { asset: Asset; lotId: number; qtyMilliMu: number }[]) =>
  lines.flatMap((l) => transfer(accountsOf.right(zoneId, l.asset, 'held', l.lotId), accountsOf.right(zoneId, l.asset, 'used', l.lotId), l.qtyMilliMu));

/** A county records spending from its proceeds (seed 001 三(三)). */
export const proceedsSpent = (countyId: number, amountFen: number) =>
  transfer(accountsOf.countyProceeds(countyId), money(countyId, 'spent'), amountFen);

/** The province allocates annual plan quota to a county (seed 000). */
export const planAllocated = (provinceId: number, countyId: number, kind: 'PLAN_NEW_LAND' | 'PLAN_LINKING', qtyMilliMu: number) =>
  transfer({ organisationId: provinceId, asset: kind, bucket: 'issued', lotId: null }, { organisationId: countyId, asset: kind, bucket: 'held', lotId: null }, qtyMilliMu);

/**
 * An account's balance after each of its movements, newest first (an account statement's last column):
 * the newest after is `balanceAfterNewest`; each older one is the next newer less that newer movement.
 */
export function balancesAfter(balanceAfterNewest: number, movementsNewestFirst: readonly number[]): number[] {
  const out: number[] = [];
  let after = balanceAfterNewest;
  for (const m of movementsNewestFirst) {
    out.push(after);
    after -= m;
  }
  return out;
}
