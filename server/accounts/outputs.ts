// Output schemas of accounts and funds: balances and the journal (分户账), a county's quota per lot,
// the zones' funds, bank transfers (maker and checker) and the market settings.
import 'server-only';
import { z } from 'zod';
import { accounts } from '@/db/schema';
import { type Asset, type Bucket, ENTRY_REASONS } from '@/server/books/domain/ledger';
import type { statement } from '@/server/books/journal';
import { TRANSFER_STATUSES } from '@/server/accounts/domain/funds';
import type { MarketSettings } from '@/server/settings/domain/settings';
import type * as views from '@/server/market/views';
import type { transfersHistory } from './queries';
import type { confirmBankTransfer, proposeBankTransfer, rejectBankTransfer } from './funds';
import { landTypeOut } from '@/server/guidance/outputs';
import { type Describes, type Proves, type SameValues, basisPointsOut, epochMsOut, fenOut, idOut, milliMuOut } from '@/server/kernel/outputs';

export const assetOut = z
  .enum(accounts.asset.enumValues)
  .describe('资产：CNY 资金(分) / QUOTA 节余指标 / NEW_LAND 新增建设用地 / SCALE 规模 / FARMLAND 耕地占补平衡 / PLAN_NEW_LAND、PLAN_LINKING 计划指标（千分之一亩）');
type _Asset = Proves<SameValues<typeof assetOut, Asset>>;

/** Every bucket (server/books/domain/ledger.ts Bucket): a record, so a bucket added there and not here fails to compile. */
const BUCKETS: Record<Bucket, true> = { funds: true, held: true, proceeds: true, spent: true, free: true, listed: true, awarded: true, used: true, bank: true, issued: true, holdback: true, forfeited: true };
/** The bucket is stored as free text (db/schema.ts accounts.bucket: string), so it is a string here, its values named. */
export const bucketOut = z.string().describe(`账户分类 (bucket), one of: ${Object.keys(BUCKETS).join(', ')}`);

/** Why an entry was written: stored as text under a CHECK (db/schema.ts journal_entries.reason), so a string here, its values named. */
export const entryReasonOut = z.string().describe(`分录事由 (entry reason), one of: ${ENTRY_REASONS.join(', ')}`);

/** An amount of an asset: fen for CNY, milli-mu for quota, rights and plan quota. */
const amountOut = z.number().int().describe('数额：CNY 为分，其余为千分之一亩 (fen for CNY, milli-mu otherwise)');

/** A balance summed per asset and bucket (lots folded together). */
export const balanceOut = z.object({ asset: assetOut, bucket: bucketOut, balance: amountOut }).describe('余额（按资产和分类汇总）');
type _Balance = Proves<Describes<typeof balanceOut, Awaited<ReturnType<typeof views.balancesOf>>[number]>>;

/** A zone's held quota or right of one lot. */
export const holdingOut = z
  .object({
    lotId: idOut.nullable().describe('指标批次（持有的指标与权益总按批次记账）'),
    lotCode: z.string(),
    projectName: z.string(),
    countyName: z.string().describe('指标来源县'),
    asset: assetOut,
    balance: milliMuOut,
  })
  .describe('持有的指标或权益（按批次）');
type _Holding = Proves<Describes<typeof holdingOut, Awaited<ReturnType<typeof views.holdingsOf>>[number]>>;

/** A posting of the caller's journal, with its entry. */
const statementLineOut = z
  .object({
    entryId: idOut.describe('记账分录'),
    at: epochMsOut,
    reason: entryReasonOut,
    memo: z.string(),
    tradeId: idOut.nullable(),
    listingId: idOut.nullable(),
    asset: assetOut,
    bucket: bucketOut,
    lotId: idOut.nullable(),
    amount: amountOut.describe('记入金额，正为增加 (signed: positive credits the account)'),
  })
  .describe('分户账记录');
type _Line = Proves<Describes<typeof statementLineOut, Awaited<ReturnType<typeof statement>>['lines'][number]>>;

/** The caller's balances, its holdings (a zone's) and a page of its journal. */
export const ledgerOut = z
  .object({
    balances: z.array(balanceOut),
    holdings: z.array(holdingOut).describe('园区的持有明细；县为空'),
    lines: z.array(statementLineOut).describe('一页分录，最新在前'),
    olderThan: idOut.nullable().describe('下一页的游标（传作 before）；最后一页为 null'),
  })
  .describe('账户余额与分户账');

/** A county's lot with its quota in every state. */
const quotaLotOut = z.object({
  id: idOut,
  code: z.string().describe('指标批次编号'),
  projectName: z.string(),
  approvalRef: z.string().nullable(),
  landType: landTypeOut,
  serialStart: z.number().int(),
  qtyMilliMu: milliMuOut,
  farmlandMilliMu: milliMuOut,
  freeMilliMu: milliMuOut.describe('可挂牌'),
  listedMilliMu: milliMuOut.describe('挂牌中'),
  awardedMilliMu: milliMuOut.describe('已成交待结算'),
  soldMilliMu: milliMuOut.describe('已结算售出'),
});
type _Quota = Proves<Describes<typeof quotaLotOut, Awaited<ReturnType<typeof views.quotaOfCounty>>[number]>>;
export const quotaOut = z.array(quotaLotOut).describe('本县各批次指标：可挂牌、挂牌中、已成交、已售出');

const zoneOut = z.object({ id: idOut, name: z.string(), isDemo: z.boolean().describe('演示园区') });
type _Zone = Proves<Describes<typeof zoneOut, Awaited<ReturnType<typeof views.zones>>[number]>>;
/** Every zone with its funds (CNY balances). */
export const zonesOut = z.array(zoneOut.extend({ balances: z.array(balanceOut).describe('资金余额：funds 可用 / held 冻结') })).describe('各园区及其资金');

export const transferStatusOut = z.enum(TRANSFER_STATUSES).describe('proposed 待复核 / confirmed 已确认入账 / rejected 已驳回');

/** A bank transfer with who proposed and who decided it. */
const transferViewOut = z.object({
  id: idOut,
  zoneId: idOut,
  zoneName: z.string(),
  amountFen: fenOut,
  bankRef: z.string().describe('银行流水号'),
  at: epochMsOut.describe('登记时刻'),
  status: transferStatusOut,
  proposedBy: idOut,
  proposerName: z.string(),
  decidedBy: idOut.nullable(),
  deciderName: z.string().nullable(),
  decidedAt: epochMsOut.nullable(),
  rejectionReason: z.string().nullable().describe('驳回理由（取自审计记录）'),
});
type _TransferView = Proves<Describes<typeof transferViewOut, Awaited<ReturnType<typeof transfersHistory>>[number]>>;
export const transfersOut = z
  .object({ waiting: z.array(transferViewOut).describe('待复核，最早在前'), history: z.array(transferViewOut).describe('最近 200 笔，最新在前') })
  .describe('银行到账登记（登记与复核）');

/** A bank transfer as stored. */
export const bankTransferOut = z
  .object({
    id: idOut,
    zoneId: idOut,
    amountFen: fenOut,
    bankRef: z.string(),
    recordedBy: idOut.describe('登记人'),
    at: epochMsOut,
    status: transferStatusOut,
    decidedBy: idOut.nullable().describe('复核人'),
    decidedAt: epochMsOut.nullable(),
  })
  .describe('银行到账记录');
type _Proposed = Proves<Describes<typeof bankTransferOut, Awaited<ReturnType<typeof proposeBankTransfer>>>>;
type _Confirmed = Proves<Describes<typeof bankTransferOut, Awaited<ReturnType<typeof confirmBankTransfer>>>>;
type _Rejected = Proves<Describes<typeof bankTransferOut, Awaited<ReturnType<typeof rejectBankTransfer>>>>;

/** Cities with their counties, for the filters. */
export const placesOut = z
  .array(z.object({ id: idOut, name: z.string(), counties: z.array(z.object({ id: idOut, name: z.string(), cityId: idOut.nullable() })) }))
  .describe('市及其所辖县');
type _Places = Proves<Describes<typeof placesOut, Awaited<ReturnType<typeof views.citiesWithCounties>>>>;

/** The market settings. */
export const settingsOut = z
  .object({
    depositRateBp: basisPointsOut.describe('竞买保证金比例（基点）'),
    paymentDays: z.number().int().describe('成交后付款期限（天）'),
    antiSnipingWindowSeconds: z.number().int().describe('延时竞价触发窗口（秒）'),
    antiSnipingExtensionSeconds: z.number().int().describe('延时时长（秒）'),
    reclamationYearsAfterTrade: z.number().int().describe('已交易项目成交后复垦验收期限（年）'),
    reclamationYearsAfterApproval: z.number().int().describe('未交易项目立项后复垦验收期限（年）'),
    holdbackBp: basisPointsOut.describe('成交验收前暂扣价款比例，复垦验收后拨付（基点）'),
  })
  .describe('交易参数 (market settings)');
type _Settings = Proves<Describes<typeof settingsOut, MarketSettings>>;
