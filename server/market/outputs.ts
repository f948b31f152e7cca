// Output schemas of the trading floor: listings (挂牌), bids and offers (竞买/报价), trades and their
// confirmations (成交确认书). Every whole row or read model is proven against the type it describes
// (`Proves<Describes<…>>`), so a column added to a query and missing here fails to compile.
import 'server-only';
import { z } from 'zod';
import { bids, listings, trades } from '@/db/schema';
import { ROLES } from '@/server/kernel/roles';
import type { AwardSummary, BidKind, BidStatus, ListingMode, ListingPhase, ListingStatus, Standing } from '@/server/market/domain/auction';
import { guidanceBriefOut, landTypeOut } from '@/server/guidance/outputs';
import type * as views from './views';
import type { BidRow, ListingRow, TradeRow } from './queries';
import type { placeBid, placeOffer } from './bidding';
import { LISTING_PHASES } from './schemas';
import { type Describes, type Proves, type SameValues, countOut, epochMsOut, fenOut, fenPerMuOut, idOut, milliMuOut, pageEnvelope } from '@/server/kernel/outputs';

// --- values ------------------------------------------------------------------------------------------

export const listingModeOut = z.enum(listings.mode.enumValues).describe('交易方式：auction 网上竞价 / negotiated 协议转让');
export const listingStatusOut = z.enum(listings.status.enumValues).describe('挂牌状态 (listing status as stored)');
export const listingPhaseOut = z
  .enum(LISTING_PHASES)
  .describe('挂牌阶段：状态，已批准的按时钟分为 upcoming 待开始 / open 进行中 / due 已到截止待结束 (where a listing stands now)');
export const bidKindOut = z.enum(bids.kind.enumValues).describe('bid 竞价 (auction) / offer 报价 (negotiated listing)');
export const bidStatusOut = z.enum(bids.status.enumValues).describe('出价状态 (bid or offer status)');
export const tradeStatusOut = z.enum(trades.status.enumValues).describe('成交状态：awaiting_payment 待付款 / settled 已结算 / lapsed 已失效');
export const STANDINGS = ['leading', 'partlyLeading', 'outbid', 'won', 'partlyWon', 'notWon'] as const;
export const standingValueOut = z.enum(STANDINGS).describe('竞价中：leading 领先 / partlyLeading 部分领先 / outbid 被超越；成交后：won / partlyWon / notWon');

type _Mode = Proves<SameValues<typeof listingModeOut, ListingMode>>;
type _Status = Proves<SameValues<typeof listingStatusOut, ListingStatus>>;
type _Phase = Proves<SameValues<typeof listingPhaseOut, ListingPhase>>;
type _BidKind = Proves<SameValues<typeof bidKindOut, BidKind>>;
type _BidStatus = Proves<SameValues<typeof bidStatusOut, BidStatus>>;
type _Standing = Proves<SameValues<typeof standingValueOut, Standing>>;

/** Where a bid stands and what it would get (or got). */
export const bidStandingOut = z
  .object({ standing: standingValueOut, qtyMilliMu: milliMuOut.describe('若此刻结束可得/已成交数量 (what it would be awarded now, or was)') })
  .describe('出价所处位置 (where a bid stands)');

// --- listings ----------------------------------------------------------------------------------------

/** A listing as a row of a list (server/market/views.ts listingQuery): its terms, place, lot and bids so far. */
export const listingSummaryOut = z
  .object({
    id: idOut,
    code: z.string().describe('挂牌编号，如 GP2026-00012'),
    mode: listingModeOut,
    status: listingStatusOut,
    qtyMilliMu: milliMuOut.describe('挂牌数量'),
    reservePriceFenPerMu: fenPerMuOut.describe('起始价/底价 (reserve price)'),
    minLotMilliMu: milliMuOut.describe('最小受让数量 (minimum lot)'),
    incrementFenPerMu: fenPerMuOut.describe('加价幅度；协议转让为 0 (bid increment; 0 when negotiated)'),
    opensAt: epochMsOut.describe('开始时刻'),
    closesAt: epochMsOut.describe('截止时刻（延时后）(close, after any anti-sniping extension)'),
    scheduledClosesAt: epochMsOut.describe('公告截止时刻 (close as listed)'),
    note: z.string().describe('挂牌说明'),
    reviewNote: z.string().nullable().describe('审核意见'),
    createdAt: epochMsOut,
    countyId: idOut.describe('出让县 (selling county)'),
    countyName: z.string(),
    cityId: idOut,
    cityName: z.string(),
    lotId: idOut,
    lotCode: z.string().describe('指标批次编号'),
    landType: landTypeOut,
    projectName: z.string().describe('项目区名称'),
    bestPriceFenPerMu: fenPerMuOut.nullable().describe('当前最高有效竞价；null 为尚无 (best active bid)'),
    activeBids: countOut.describe('有效出价数'),
    bidsEver: countOut.describe('历来出价数（含已失效、已撤回的）：有过出价的挂牌不可再修改或撤回'),
    awardedMilliMu: milliMuOut.describe('已成交数量（含已失效）(awarded so far, lapsed awards included)'),
  })
  .describe('挂牌 (a listing)');
type _ListingView = Proves<Describes<typeof listingSummaryOut, views.ListingView>>;

/** A listing with where it stands now. */
export const listingOut = listingSummaryOut.extend({ phase: listingPhaseOut }).describe('挂牌及其当前阶段');

/** The listings awaiting the province's review, newest first. */
export const reviewQueueOut = z.array(listingOut).describe('待审核的挂牌 (listings awaiting review)');

/** A listing's result: how much it awarded, in how many trades, between which prices. */
export const awardSummaryOut = z
  .object({ trades: countOut.describe('成交笔数'), qtyMilliMu: milliMuOut.describe('成交总量'), lowestFenPerMu: fenPerMuOut.describe('最低成交价'), highestFenPerMu: fenPerMuOut.describe('最高成交价') })
  .describe('成交结果汇总 (award summary)');
type _AwardSummary = Proves<Describes<typeof awardSummaryOut, { [K in keyof AwardSummary]: number }>>;

/** A closed listing's result beside it in a list: its figures and each trade to open. */
export const listingResultOut = z
  .object({
    summary: awardSummaryOut.nullable().describe('null：未成交 (nothing awarded)'),
    trades: z.array(z.object({ id: idOut, confirmationNo: z.string().describe('成交确认书编号'), status: tradeStatusOut })),
  })
  .describe('已结束挂牌的成交结果');

/** A page of listings, each closed one with its result (listings.mine, listings.all). */
export const listingsWithResultsPageOut = z
  .object({ listings: z.array(listingOut.extend({ result: listingResultOut.nullable().describe('仅已结束的挂牌有 (closed listings only)') })), ...pageEnvelope })
  .describe('挂牌列表（一页），含成交结果');

/** A page of the market: open and upcoming approved listings, each with the guidance for its land. */
export const marketPageOut = z
  .object({ listings: z.array(listingOut.extend({ guidance: guidanceBriefOut.nullable() })), ...pageEnvelope })
  .describe('交易大厅（一页）：进行中和待开始的挂牌');

/** A bid on a listing's page, as the viewer may see it. */
export const listingBidOut = z.object({
  id: idOut,
  kind: bidKindOut,
  status: bidStatusOut,
  priceFenPerMu: fenPerMuOut,
  qtyMilliMu: milliMuOut,
  placedAt: epochMsOut,
  bidderNumber: z.string().describe('竞买号，匿名 (anonymous bidder number)'),
  zoneName: z.string().nullable().describe('竞买方名称；对无权查看者为 null'),
  depositFen: fenOut.nullable().describe('冻结保证金；对无权查看者为 null'),
  mine: z.boolean().describe('是否为查看者自己的出价'),
  standing: bidStandingOut.nullable().describe('仅本方和出让方可见 (shown to its zone and the seller only)'),
});

/** A trade among a listing's results. */
export const listingTradeOut = z.object({
  id: idOut,
  confirmationNo: z.string().describe('成交确认书编号'),
  status: tradeStatusOut,
  buyerName: z.string(),
  qtyMilliMu: milliMuOut,
  priceFenPerMu: fenPerMuOut,
  amountFen: fenOut,
  awardedAt: epochMsOut,
  seesConfirmation: z.boolean().describe('查看者可否打开成交确认书'),
});

/** One listing's page: the listing, the guidance, the bids the viewer may see, the results, the server's clock. */
export const listingPageOut = z
  .object({
    listing: listingOut,
    guidance: guidanceBriefOut.nullable(),
    bids: z.array(listingBidOut).describe('有效出价及最新的出价，最新在前 (active bids and the newest, newest first)'),
    bidsTotal: countOut.describe('出价总数'),
    results: z.array(listingTradeOut).describe('成交结果'),
    now: epochMsOut.describe('服务器时钟 (the server’s clock)'),
    viewer: z.object({
      role: z.enum([...ROLES, 'public']).describe('查看者角色；public 为未登录'),
      organisationId: idOut.nullable(),
      seesNames: z.boolean().describe('可否看到竞买方名称'),
    }),
  })
  .describe('挂牌详情 (a listing with its bids and results)');

/** The public announcements (公示): announced listings and closed ones with their trades, each paged alone. */
export const announcementsOut = z
  .object({
    listings: z.array(listingOut).describe('已公告的挂牌'),
    listingsTotal: countOut,
    listingsPage: z.number().int(),
    results: z
      .array(
        listingOut.extend({
          trades: z.array(z.object({ confirmationNo: z.string(), buyerName: z.string(), qtyMilliMu: milliMuOut, priceFenPerMu: fenPerMuOut, amountFen: fenOut, status: tradeStatusOut })),
        }),
      )
      .describe('成交公示'),
    resultsTotal: countOut,
    resultsPage: z.number().int(),
    pageSize: z.number().int(),
    now: epochMsOut,
  })
  .describe('公示：挂牌公告与成交结果');

/** A listing as stored (what creating, changing, withdrawing or reviewing one answers). */
export const listingRowOut = z
  .object({
    id: idOut,
    code: z.string().describe('挂牌编号'),
    countyId: idOut,
    lotId: idOut,
    mode: listingModeOut,
    status: listingStatusOut,
    qtyMilliMu: milliMuOut,
    reservePriceFenPerMu: fenPerMuOut,
    minLotMilliMu: milliMuOut,
    incrementFenPerMu: fenPerMuOut,
    opensAt: epochMsOut,
    scheduledClosesAt: epochMsOut,
    closesAt: epochMsOut,
    note: z.string(),
    reviewNote: z.string().nullable(),
    reviewedAt: epochMsOut.nullable(),
    closedAt: epochMsOut.nullable(),
    createdAt: epochMsOut,
  })
  .describe('挂牌记录 (a listing as stored)');
type _ListingRow = Proves<Describes<typeof listingRowOut, ListingRow>>;

// --- bids --------------------------------------------------------------------------------------------

/** A bid or offer as stored. */
export const bidRowOut = z
  .object({
    id: idOut,
    listingId: idOut,
    zoneId: idOut,
    kind: bidKindOut,
    status: bidStatusOut,
    priceFenPerMu: fenPerMuOut,
    qtyMilliMu: milliMuOut,
    depositFen: fenOut.describe('冻结的竞买保证金'),
    placedAt: epochMsOut,
    placedBy: idOut.describe('出价人 (user id)'),
  })
  .describe('出价记录 (a bid or offer as stored)');
type _BidRow = Proves<Describes<typeof bidRowOut, BidRow>>;

/** A placed offer with the zone's bidder number. */
export const placedOfferOut = z.object({ bid: bidRowOut, bidderNumber: z.string().describe('竞买号') }).describe('已提交的报价');
type _Offer = Proves<Describes<typeof placedOfferOut, Awaited<ReturnType<typeof placeOffer>>>>;

/** A placed bid, with the close as it now stands (a late bid extends it). */
export const placedBidOut = placedOfferOut.extend({ closesAt: epochMsOut.describe('截止时刻（可能已延时）') }).describe('已提交的竞价');
type _Bid = Proves<Describes<typeof placedBidOut, Awaited<ReturnType<typeof placeBid>>>>;

const zoneBidOut = z.object({
  id: idOut,
  kind: bidKindOut,
  status: bidStatusOut,
  priceFenPerMu: fenPerMuOut,
  qtyMilliMu: milliMuOut,
  depositFen: fenOut,
  placedAt: epochMsOut,
  listingId: idOut,
  listingCode: z.string(),
  listingStatus: listingStatusOut,
  listingMode: listingModeOut,
  listingQtyMilliMu: milliMuOut,
  minLotMilliMu: milliMuOut,
  listingAwardedMilliMu: milliMuOut,
  closesAt: epochMsOut,
  countyName: z.string(),
  awardedMilliMu: milliMuOut.nullable().describe('此出价的成交数量；null 为未成交'),
});
type _ZoneBid = Proves<Describes<typeof zoneBidOut, Awaited<ReturnType<typeof views.bidsOfZone>>['rows'][number]>>;

/** A page of a zone's bids and offers, each with where it stands. */
export const zoneBidsPageOut = z
  .object({ bids: z.array(zoneBidOut.extend({ standing: bidStandingOut.nullable() })), ...pageEnvelope })
  .describe('本方的出价与报价（一页）');

// --- trades ------------------------------------------------------------------------------------------

/** A trade as stored (an award: what accepting an offer or paying answers). */
export const tradeRowOut = z
  .object({
    id: idOut,
    confirmationNo: z.string().describe('成交确认书编号，如 QX2026-000123'),
    listingId: idOut,
    bidId: idOut,
    lotId: idOut,
    sellerId: idOut.describe('出让县'),
    buyerId: idOut.describe('受让方（园区）'),
    status: tradeStatusOut,
    qtyMilliMu: milliMuOut,
    priceFenPerMu: fenPerMuOut,
    amountFen: fenOut.describe('成交金额'),
    depositFen: fenOut.describe('已转为价款的保证金'),
    farmlandMilliMu: milliMuOut.nullable().describe('随交易转移的耕地占补平衡指标；结算时确定'),
    serialStart: z.number().int().nullable().describe('所取指标序号起点；结算时确定'),
    awardedAt: epochMsOut,
    dueAt: epochMsOut.describe('付款截止'),
    settledAt: epochMsOut.nullable(),
    lapsedAt: epochMsOut.nullable(),
  })
  .describe('成交记录 (a trade as stored)');
type _TradeRow = Proves<Describes<typeof tradeRowOut, TradeRow>>;

const tradeViewOut = z.object({
  id: idOut,
  confirmationNo: z.string().describe('成交确认书编号'),
  status: tradeStatusOut,
  listingId: idOut,
  listingCode: z.string(),
  mode: listingModeOut,
  lotCode: z.string(),
  projectName: z.string(),
  landType: landTypeOut,
  sellerId: idOut,
  sellerName: z.string(),
  buyerId: idOut,
  buyerName: z.string(),
  qtyMilliMu: milliMuOut,
  priceFenPerMu: fenPerMuOut,
  amountFen: fenOut,
  depositFen: fenOut,
  farmlandMilliMu: milliMuOut.nullable(),
  lotFarmlandMilliMu: milliMuOut.describe('批次的耕地占补平衡指标'),
  lotQtyMilliMu: milliMuOut.describe('批次总量'),
  awardedAt: epochMsOut,
  dueAt: epochMsOut,
  settledAt: epochMsOut.nullable(),
  lapsedAt: epochMsOut.nullable(),
  bid: z
    .object({ id: idOut, kind: bidKindOut, status: bidStatusOut, priceFenPerMu: fenPerMuOut, qtyMilliMu: milliMuOut, placedAt: epochMsOut })
    .describe('成交所依据的出价'),
});
type _TradeView = Proves<Describes<typeof tradeViewOut, views.TradeView>>;

/** A trade confirmation (成交确认书) with its award's standing: won in full or partly filled. */
export const tradeOut = tradeViewOut.extend({ standing: bidStandingOut.nullable() }).describe('成交确认书 (a trade confirmation)');

const appliedRuleOut = z
  .object({
    value: z.number().int().describe('取值，按设置项的单位'),
    documentNo: z.string().describe('依据文号；— 为无'),
    effectiveFrom: epochMsOut.describe('该版本的生效时刻'),
  })
  .describe('成交所适用的交易设置及其依据文件');

/** The confirmation with the rules that applied to it: deposit rate at the bid, payment term at the award, reclamation period at the trade. */
export const tradeConfirmationOut = tradeOut
  .extend({
    rules: z.object({
      depositRate: appliedRuleOut.describe('竞买保证金比例（基点），出价时有效'),
      paymentDays: appliedRuleOut.describe('付款期限（天），成交时有效'),
      reclamationYears: appliedRuleOut.describe('成交后复垦验收期限（年），结算时（未结算为成交时）有效'),
    }),
  })
  .describe('成交确认书及所适用的规则 (a trade confirmation with the rules that applied)');

/** A page of the caller's trades; for a zone, what it has still to pay over all pages. */
export const tradesPageOut = z
  .object({
    trades: z.array(tradeOut),
    ...pageEnvelope,
    awaiting: z
      .object({ count: countOut.describe('待付款笔数'), dueFen: fenOut.describe('待付余款（扣除保证金）') })
      .nullable()
      .describe('园区待付款项；其他角色为 null'),
  })
  .describe('成交列表（一页）');
type _Awaiting = Proves<Describes<typeof tradesPageOut.shape.awaiting, Awaited<ReturnType<typeof views.awaitingPaymentOf>> | null>>;
