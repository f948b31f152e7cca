// Output schemas of the audit log (审计日志) as the province browses it: a page of records, the names
// of what they mention, and the cursor of the next page.
import 'server-only';
import { z } from 'zod';
import type { AuditNames, NameKind } from '@/lib/audit-view';
import type { auditPage } from '@/server/books/audit-log';
import { type Describes, type Proves, epochMsOut, idOut } from '@/server/kernel/outputs';

/** A record of the log, with who made the change. */
const auditRowOut = z
  .object({
    id: idOut,
    at: epochMsOut,
    action: z.string().describe('动作，如 listing.approve'),
    entity: z.string().describe('对象类型，如 listing、trade、project'),
    entityId: idOut.nullable(),
    before: z.string().nullable().describe('变更前状态：JSON 文本，原样记录 (the state before, as recorded JSON text)'),
    after: z.string().nullable().describe('变更后状态：JSON 文本，原样记录 (the state after, as recorded JSON text)'),
    userName: z.string().nullable().describe('操作人；时钟或运维命令为 null'),
    organisationName: z.string().nullable(),
  })
  .describe('审计记录');
type _Row = Proves<Describes<typeof auditRowOut, Awaited<ReturnType<typeof auditPage>>[number]>>;

/** Names by id (as object keys, so decimal strings on the wire). */
const namesById = z.record(z.string().regex(/^\d+$/).describe('id'), z.string()).describe('按 id 的名称或编号');
const NAME_KINDS: Record<NameKind, typeof namesById> = { users: namesById, organisations: namesById, listings: namesById, trades: namesById, lots: namesById, projects: namesById };
const namesOut = z.object(NAME_KINDS).describe('本页记录提及的用户、机构、挂牌、成交、批次、项目的名称');
type _Names = Proves<Describes<typeof namesOut, AuditNames>>;

export const auditPageOut = z
  .object({ rows: z.array(auditRowOut).describe('最多 50 条，最新在前'), names: namesOut, nextBeforeId: idOut.nullable().describe('下一页的游标（传作 beforeId）；最后一页为 null') })
  .describe('审计日志（一页）');

export const auditEntitiesOut = z.array(z.string()).describe('日志中出现的对象类型');
