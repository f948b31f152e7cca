// What anyone may check without an account: a printed document's verification code, and the history
// of quota units by serial number. Only public facts leave here: no funds, deposits or bids.
import 'server-only';
import { and, asc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '@/db/client';
import { listings, lots, organisations, projectPlots, projects, trades } from '@/db/schema';
import { formatSerialRange } from '@/server/lots/domain/serials';
import { salesOfLot, usesOfLot } from '@/server/projects/queries';
import { documentCode, macMatches } from './codes';
import { parseCode } from './domain/code';
import { type UseDraw, serialHistory, usedOfPurchases } from './domain/history';

const seller = alias(organisations, 'seller');
const buyer = alias(organisations, 'buyer');

const RIGHTS = ['NEW_LAND', 'SCALE', 'FARMLAND'] as const;
type Right = (typeof RIGHTS)[number];

async function tradeRow(db: DbOrTx, id: number) {
  return (await db
    .select({
      id: trades.id,
      confirmationNo: trades.confirmationNo,
      listingId: trades.listingId,
      listingCode: listings.code,
      lotId: trades.lotId,
      lotCode: lots.code,
      projectName: projects.name,
      sellerId: trades.sellerId,
      sellerName: seller.name,
      buyerId: trades.buyerId,
      buyerName: buyer.name,
      status: trades.status,
      qtyMilliMu: trades.qtyMilliMu,
      priceFenPerMu: trades.priceFenPerMu,
      amountFen: trades.amountFen,
      farmlandMilliMu: trades.farmlandMilliMu,
      serialStart: trades.serialStart,
      awardedAt: trades.awardedAt,
      settledAt: trades.settledAt,
      lapsedAt: trades.lapsedAt,
    })
    .from(trades)
    .innerJoin(listings, eq(trades.listingId, listings.id))
    .innerJoin(lots, eq(trades.lotId, lots.id))
    .innerJoin(projects, eq(lots.projectId, projects.id))
    .innerJoin(seller, eq(trades.sellerId, seller.id))
    .innerJoin(buyer, eq(trades.buyerId, buyer.id))
    .where(eq(trades.id, id))
    .all())[0];
}
type TradeRow = NonNullable<Awaited<ReturnType<typeof tradeRow>>>;

/** The facts a trade confirmation's code vouches for: fixed at the award, never changed after. */
const tradeFacts = (t: TradeRow) => [t.confirmationNo, t.listingId, t.lotId, t.sellerId, t.buyerId, t.qtyMilliMu, t.priceFenPerMu, t.amountFen, t.awardedAt];

/** The verification code printed on a trade confirmation. */
export async function tradeCode(db: DbOrTx, tradeId: number): Promise<string | null> {
  const t = await tradeRow(db, tradeId);
  return t ? documentCode(db, 'trade', [t.id], tradeFacts(t)) : null;
}

async function lotRow(db: DbOrTx, lotId: number) {
  return (await db
    .select({ id: lots.id, code: lots.code, serialStart: lots.serialStart, qtyMilliMu: lots.qtyMilliMu, projectName: projects.name, countyName: organisations.name })
    .from(lots)
    .innerJoin(projects, eq(lots.projectId, projects.id))
    .innerJoin(organisations, eq(lots.countyId, organisations.id))
    .where(eq(lots.id, lotId))
    .all())[0];
}
const holdingFacts = (lot: { code: string; serialStart: number }, zoneId: number) => ['holding', zoneId, lot.code, lot.serialStart];

/** The verification code printed on a zone's rights certificate for one lot (its holding page). */
export async function holdingCode(db: DbOrTx, zoneId: number, lotId: number): Promise<string | null> {
  const lot = await lotRow(db, lotId);
  return lot ? documentCode(db, 'holding', [lotId, zoneId], holdingFacts(lot, zoneId)) : null;
}

/** Of each right, what a purchase carried and how much of it the buyer has used (uses draw serial order). */
async function rightsOfPurchases(db: DbOrTx, lotId: number, zoneId: number) {
  const purchases = await salesOfLot(db, lotId, zoneId);
  const uses = await usesOfLot(db, lotId, zoneId);
  const usedTotal = (asset: Right) => uses.filter((u) => u.asset === asset).reduce((sum, u) => sum + u.qtyMilliMu, 0);
  const carried = (asset: Right, p: (typeof purchases)[number]) => (asset === 'FARMLAND' ? (p.farmlandMilliMu ?? 0) : p.qtyMilliMu);
  const byRight = Object.fromEntries(
    RIGHTS.map((asset) => [asset, usedOfPurchases(purchases.map((p) => ({ tradeId: p.tradeId, qtyMilliMu: carried(asset, p) })), usedTotal(asset))]),
  ) as Record<Right, { tradeId: number; usedMilliMu: number }[]>;
  return { purchases, uses, byRight, carried };
}

export type UseState = 'none' | 'part' | 'full';
const standingOfUse = (used: number, carried: number): UseState => (used === 0 ? 'none' : used >= carried ? 'full' : 'part');

async function tradeVerdict(db: DbOrTx, t: TradeRow) {
  const range = t.serialStart === null ? null : formatSerialRange({ start: t.serialStart, end: t.serialStart + t.qtyMilliMu });
  const rights = RIGHTS.map((asset) => {
    const carriedMilliMu = asset === 'FARMLAND' ? (t.status === 'settled' ? (t.farmlandMilliMu ?? 0) : null) : t.qtyMilliMu;
    return { asset, carriedMilliMu, usedMilliMu: 0 };
  });
  let use: UseState = 'none';
  if (t.status === 'settled') {
    const { byRight } = await rightsOfPurchases(db, t.lotId, t.buyerId);
    for (const r of rights) r.usedMilliMu = byRight[r.asset].find((p) => p.tradeId === t.id)?.usedMilliMu ?? 0;
    const used = rights.reduce((sum, r) => sum + r.usedMilliMu, 0);
    const carried = rights.reduce((sum, r) => sum + (r.carriedMilliMu ?? 0), 0);
    use = standingOfUse(used, carried);
  }
  type TradeStanding = 'valid' | 'awaiting_payment' | 'lapsed' | 'used_part' | 'used_full';
  const status: TradeStanding = t.status === 'awaiting_payment' ? 'awaiting_payment' : t.status === 'lapsed' ? 'lapsed' : use === 'none' ? 'valid' : use === 'part' ? 'used_part' : 'used_full';
  return {
    kind: 'trade' as const,
    status,
    confirmationNo: t.confirmationNo,
    listingCode: t.listingCode,
    lotCode: t.lotCode,
    projectName: t.projectName,
    sellerName: t.sellerName,
    buyerName: t.buyerName,
    qtyMilliMu: t.qtyMilliMu,
    priceFenPerMu: t.priceFenPerMu,
    amountFen: t.amountFen,
    awardedAt: t.awardedAt,
    settledAt: t.settledAt,
    lapsedAt: t.lapsedAt,
    serialRange: range,
    rights,
  };
}

async function holdingVerdict(db: DbOrTx, lot: NonNullable<Awaited<ReturnType<typeof lotRow>>>, zoneId: number, zoneName: string) {
  const { purchases, byRight, carried } = await rightsOfPurchases(db, lot.id, zoneId);
  const rights = RIGHTS.map((asset) => ({
    asset,
    carriedMilliMu: purchases.reduce((sum, p) => sum + carried(asset, p), 0),
    usedMilliMu: byRight[asset].reduce((sum, p) => sum + p.usedMilliMu, 0),
  }));
  const use = standingOfUse(
    rights.reduce((sum, r) => sum + r.usedMilliMu, 0),
    rights.reduce((sum, r) => sum + r.carriedMilliMu, 0),
  );
  return {
    kind: 'holding' as const,
    status: purchases.length === 0 ? ('none_held' as const) : use === 'none' ? ('valid' as const) : use === 'part' ? ('used_part' as const) : ('used_full' as const),
    lotCode: lot.code,
    projectName: lot.projectName,
    countyName: lot.countyName,
    zoneName,
    purchases: purchases.map((p) => ({
      confirmationNo: p.confirmationNo,
      qtyMilliMu: p.qtyMilliMu,
      settledAt: p.settledAt,
      serialRange: formatSerialRange({ start: p.serialStart!, end: p.serialStart! + p.qtyMilliMu }),
    })),
    rights,
  };
}

/**
 * What a typed code vouches for: the document's public facts and its standing now, or `genuine: false`
 * for anything that is not a code this platform issued (mistyped, forged, or for another document).
 */
export async function verifyDocument(db: DbOrTx, typed: string) {
  const notGenuine = { genuine: false as const };
  const code = parseCode(typed);
  if (!code) return notGenuine;
  if (code.kind === 'trade') {
    const t = await tradeRow(db, code.ids[0]!);
    if (!t || !macMatches(db, code.head, tradeFacts(t), code.mac)) return notGenuine;
    return { genuine: true as const, document: await tradeVerdict(db, t) };
  }
  const [lotId, zoneId] = code.ids as [number, number];
  const lot = await lotRow(db, lotId);
  const zone = (await db.select({ name: organisations.name, kind: organisations.kind }).from(organisations).where(eq(organisations.id, zoneId)).all())[0];
  if (!lot || !zone || zone.kind !== 'zone' || !macMatches(db, code.head, holdingFacts(lot, zoneId), code.mac)) return notGenuine;
  return { genuine: true as const, document: await holdingVerdict(db, lot, zoneId, zone.name) };
}

/** The widest range one look-up takes (units: thousandths of a mu), and the most segments it answers. */
export const MAX_LOOKUP_UNITS = 1_000_000_000;
export const MAX_SEGMENTS = 100;
const MAX_LOTS = 50;

/** The history of the units `[start, end)`: contiguous units with one history are one segment. */
export async function serialLookup(db: DbOrTx, start: number, end: number) {
  const lotRows = await db
    .select({ lotId: lots.id, code: lots.code, serialStart: lots.serialStart, qtyMilliMu: lots.qtyMilliMu, projectId: lots.projectId, countyId: lots.countyId })
    .from(lots)
    .where(and(lt(lots.serialStart, end), gt(sql`${lots.serialStart} + ${lots.qtyMilliMu}`, start)))
    .orderBy(asc(lots.serialStart))
    .limit(MAX_LOTS)
    .all();
  const lotIds = lotRows.map((l) => l.lotId);
  const sales = [];
  const usesByLot = [];
  for (const id of lotIds) {
    sales.push(...(await salesOfLot(db, id)).map((s) => ({ ...s, lotId: id })));
    usesByLot.push({ id, uses: await usesOfLot(db, id) });
  }
  const draws: UseDraw[] = usesByLot.flatMap(({ id, uses }) =>
    uses.filter((u) => u.asset === 'NEW_LAND' || u.asset === 'SCALE').map((u) => ({ lotId: id, zoneId: u.zoneId, useId: u.useId, asset: u.asset as 'NEW_LAND' | 'SCALE', qtyMilliMu: u.qtyMilliMu })),
  );
  // Past the last lot read, the range is cut there: the answer says so.
  const lastLot = lotRows.length === MAX_LOTS ? lotRows[lotRows.length - 1]! : null;
  const upTo = lastLot ? Math.min(end, lastLot.serialStart + lastLot.qtyMilliMu) : end;
  const history = serialHistory(
    { start, end: upTo },
    lotRows,
    sales.map((s) => ({ lotId: s.lotId, tradeId: s.tradeId, buyerId: s.buyerId, serialStart: s.serialStart!, qtyMilliMu: s.qtyMilliMu })),
    draws,
    MAX_SEGMENTS,
  );

  const projectIds = [...new Set(lotRows.map((l) => l.projectId))];
  const projectRows =
    projectIds.length === 0
      ? []
      : await db
          .select({ id: projects.id, name: projects.name, villages: projects.villages, approvalRef: projects.approvalRef, approvedAt: projects.approvedAt, countyName: organisations.name })
          .from(projects)
          .innerJoin(organisations, eq(projects.countyId, organisations.id))
          .where(inArray(projects.id, projectIds))
          .all();
  const plotRows =
    projectIds.length === 0
      ? []
      : await db
          .select({ projectId: projectPlots.projectId, code: projectPlots.code, village: projectPlots.village, areaMilliMu: projectPlots.areaMilliMu })
          .from(projectPlots)
          .where(inArray(projectPlots.projectId, projectIds))
          .orderBy(asc(projectPlots.id))
          .all();
  const tradeIds = [...new Set(history.segments.map((s) => s.tradeId).filter((id): id is number => id !== null))];
  const tradeRows: NonNullable<Awaited<ReturnType<typeof tradeRow>>>[] = [];
  for (const id of tradeIds) tradeRows.push((await tradeRow(db, id))!);
  const allUses = usesByLot.flatMap((l) => l.uses);
  const useById = (id: number | null) => {
    const u = id === null ? undefined : allUses.find((x) => x.useId === id);
    return u ? { applicationName: u.applicationName, approvalRef: u.approvalRef, at: u.at } : null;
  };
  const countyName = async (countyId: number) => (await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, countyId)).all())[0]?.name ?? '';

  return {
    truncated: history.truncated || upTo < end,
    segments: await Promise.all(history.segments.map(async (s) => {
      const lot = lotRows.find((l) => l.lotId === s.lotId);
      const project = lot ? projectRows.find((p) => p.id === lot.projectId) : undefined;
      const trade = s.tradeId === null ? undefined : tradeRows.find((t) => t.id === s.tradeId);
      return {
        range: formatSerialRange(s),
        qtyMilliMu: s.end - s.start,
        lot: lot && project ? { code: lot.code, projectName: project.name, countyName: project.countyName, villages: project.villages, approvalRef: project.approvalRef, approvedAt: project.approvedAt, plots: plotRows.filter((p) => p.projectId === project.id).map(({ projectId: _p, ...plot }) => plot) } : null,
        trade: trade ? { confirmationNo: trade.confirmationNo, listingCode: trade.listingCode, settledAt: trade.settledAt, priceFenPerMu: trade.priceFenPerMu } : null,
        holder: trade ? trade.buyerName : lot ? await countyName(lot.countyId) : null,
        holderKind: trade ? ('zone' as const) : lot ? ('county' as const) : null,
        newLandUse: useById(s.newLandUseId),
        scaleUse: useById(s.scaleUseId),
      };
    })),
  };
}
