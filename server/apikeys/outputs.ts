// Output schemas of the API keys and of the change feed.
import 'server-only';
import { z } from 'zod';
import { epochMsOut, idOut } from '@/server/kernel/outputs';
import { API_SCOPES } from './domain/keys';

const keyFields = {
  id: idOut,
  organisationId: idOut,
  name: z.string().describe('名称'),
  prefix: z.string().describe('密钥前缀（仅用于辨认）'),
  scopes: z.array(z.enum(API_SCOPES)).describe('权限范围'),
  expiresAt: epochMsOut.describe('到期时间'),
  createdAt: epochMsOut,
  createdBy: idOut.describe('创建人 (user id)'),
  revokedAt: epochMsOut.nullable().describe('撤销时间；null 为未撤销'),
  revokedBy: idOut.nullable(),
  lastUsedAt: epochMsOut.nullable().describe('最近使用时间'),
};

export const apiKeyOut = z.object(keyFields).describe('接口密钥 (an API key, without its secret)');

export const apiKeysOut = z
  .array(
    z.object({
      ...keyFields,
      organisationName: z.string(),
      createdByName: z.string(),
      status: z.enum(['active', 'expired', 'revoked']).describe('active 有效 / expired 已过期 / revoked 已撤销'),
    }),
  )
  .describe('本单位的接口密钥（省厅：全部单位的）');

export const createdKeyOut = z
  .object({ key: apiKeyOut, secret: z.string().describe('密钥全文：仅此一次显示，平台只保存其哈希') })
  .describe('新建的接口密钥及其密钥全文');

export const feedOut = z
  .object({
    events: z
      .array(
        z.object({
          id: idOut.describe('变更编号（审计记录编号），即游标'),
          at: epochMsOut,
          action: z.string().describe('动作，如 listing.approve、trade.award、rights.use'),
          entity: z.string().describe('对象类型，如 listing、trade、project'),
          entityId: idOut.nullable(),
          visibility: z.enum(['public', 'own']).describe('public 公开的市场事件（只给出对象与动作）/ own 本单位的记录（含变更前后内容）'),
          before: z.unknown().describe('变更前（仅 own）'),
          after: z.unknown().describe('变更后（仅 own）'),
        }),
      )
      .describe('按编号升序'),
    nextCursor: z.number().int().min(0).describe('下次请求的 after 参数'),
    hasMore: z.boolean().describe('是否可能还有更多变更'),
  })
  .describe('增量变更 (the changes after a cursor)');
