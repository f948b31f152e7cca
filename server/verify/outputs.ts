// Output schemas of the public checks: a document's verification and a serial look-up. Public facts only.
import 'server-only';
import { z } from 'zod';
import { epochMsOut, fenOut, fenPerMuOut, idOut, milliMuOut } from '@/server/kernel/outputs';

const rightOut = z.object({
  asset: z.enum(['NEW_LAND', 'SCALE', 'FARMLAND']).describe('权利：新增建设用地指标 / 建设用地规模 / 占补平衡指标'),
  carriedMilliMu: milliMuOut.nullable().describe('所含数量；耕地占补平衡在结算时确定，之前为 null'),
  usedMilliMu: milliMuOut.describe('已核销（按序号顺序计）'),
});

const tradeDocumentOut = z.object({
  kind: z.literal('trade'),
  status: z.enum(['valid', 'awaiting_payment', 'lapsed', 'used_part', 'used_full']).describe('真实有效 / 待付款 / 已失效 / 部分核销 / 全部核销'),
  confirmationNo: z.string().describe('成交确认书编号'),
  listingCode: z.string(),
  lotCode: z.string(),
  projectName: z.string(),
  sellerName: z.string().describe('出让县'),
  buyerName: z.string().describe('受让开发区'),
  qtyMilliMu: milliMuOut,
  priceFenPerMu: fenPerMuOut,
  amountFen: fenOut,
  awardedAt: epochMsOut,
  settledAt: epochMsOut.nullable(),
  lapsedAt: epochMsOut.nullable(),
  serialRange: z.string().nullable().describe('序号区间；结算时确定'),
  rights: z.array(rightOut),
});

const holdingDocumentOut = z.object({
  kind: z.literal('holding'),
  status: z.enum(['valid', 'none_held', 'used_part', 'used_full']),
  lotCode: z.string(),
  projectName: z.string(),
  countyName: z.string(),
  zoneName: z.string(),
  purchases: z.array(z.object({ confirmationNo: z.string(), qtyMilliMu: milliMuOut, settledAt: epochMsOut.nullable(), serialRange: z.string() })),
  rights: z.array(rightOut.extend({ carriedMilliMu: milliMuOut })),
});

export const verificationOut = z.union([
  z.object({ genuine: z.literal(false) }),
  z.object({ genuine: z.literal(true), document: z.discriminatedUnion('kind', [tradeDocumentOut, holdingDocumentOut]) }),
]).describe('核验结果：本平台出具的文件给出其公开信息和当前状态；否则 genuine: false (verification of a document code)');

const useOut = z.object({ applicationName: z.string(), approvalRef: z.string(), at: epochMsOut }).nullable();

export const serialsOut = z.object({
  truncated: z.boolean().describe('区间过宽时只答前面一部分'),
  segments: z.array(
    z.object({
      range: z.string().describe('序号区间（含首尾）'),
      qtyMilliMu: milliMuOut,
      lot: z
        .object({
          code: z.string(),
          projectName: z.string(),
          countyName: z.string(),
          villages: z.string(),
          approvalRef: z.string().nullable(),
          approvedAt: epochMsOut.nullable(),
          plots: z.array(z.object({ code: z.string(), village: z.string(), areaMilliMu: milliMuOut })),
        })
        .nullable()
        .describe('null: 无此序号'),
      trade: z.object({ confirmationNo: z.string(), listingCode: z.string(), settledAt: epochMsOut.nullable(), priceFenPerMu: fenPerMuOut }).nullable(),
      holder: z.string().nullable(),
      holderKind: z.enum(['county', 'zone']).nullable(),
      newLandUse: useOut,
      scaleUse: useOut,
    }),
  ),
}).describe('指标序号的来历：同一来历的连续序号合为一段 (history of quota units by serial)');

export const checkpointsOut = z
  .array(z.object({ day: z.string().describe('日期（北京时间）'), auditId: idOut, hash: z.string(), publishedAt: epochMsOut }))
  .describe('每日公示的审计链链头，新的在前 (published audit chain checkpoints)');
