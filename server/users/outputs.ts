// Output schemas of users: who is signed in, the province's user administration and the sign-in log.
// Password hashes and session versions are never part of a response.
import 'server-only';
import { z } from 'zod';
import { organisations, signIns } from '@/db/schema';
import { ROLES, type SessionUser } from '@/server/kernel/roles';
import type { organisationsList, signInHistory, usersWithOrganisation } from './queries';
import type { changeOwnPassword, createUser, resetPassword, setUserDisabled } from './users';
import { type Describes, type Proves, type SameValues, epochMsOut, idOut, pageEnvelope } from '@/server/kernel/outputs';

export const roleOut = z.enum(ROLES).describe('角色，即所属机构类型：province 省 / city 市 / county 县 / zone 园区');
type _Role = Proves<SameValues<typeof roleOut, (typeof organisations.kind.enumValues)[number]>>;

/** The signed-in user, with their organisation. */
export const sessionUserOut = z
  .object({
    id: idOut,
    username: z.string(),
    displayName: z.string(),
    disabled: z.boolean(),
    mustChangePassword: z.boolean().describe('须先修改管理员设定的密码'),
    organisationId: idOut,
    organisationName: z.string(),
    cityId: idOut.nullable().describe('所属市（市、县）'),
    role: roleOut,
  })
  .describe('当前登录用户');
type _SessionUser = Proves<Describes<typeof sessionUserOut, SessionUser>>;

/** Who is signed in, or null. */
export const meOut = sessionUserOut.nullable().describe('当前登录用户；未登录为 null');

/** A user as an administrator's action answers it. */
export const userOut = z
  .object({ id: idOut, username: z.string(), displayName: z.string(), organisationId: idOut, disabled: z.boolean(), mustChangePassword: z.boolean() })
  .describe('用户');
type _Created = Proves<Describes<typeof userOut, Awaited<ReturnType<typeof createUser>>>>;
type _Changed = Proves<Describes<typeof userOut, Awaited<ReturnType<typeof changeOwnPassword>>>>;
type _Disabled = Proves<Describes<typeof userOut, Awaited<ReturnType<typeof setUserDisabled>>>>;
type _Reset = Proves<Describes<typeof userOut, Awaited<ReturnType<typeof resetPassword>>>>;

const userRowOut = z.object({
  id: idOut,
  username: z.string(),
  displayName: z.string(),
  disabled: z.boolean(),
  organisationId: idOut,
  organisationName: z.string(),
  role: roleOut,
  createdAt: epochMsOut,
  mustChangePassword: z.boolean(),
  passwordChangedAt: epochMsOut.nullable(),
});
type _UserRow = Proves<Describes<typeof userRowOut, Awaited<ReturnType<typeof usersWithOrganisation>>[number]>>;

export const usersOut = z.array(userRowOut).describe('全部用户及其机构');

const signInOut = z.object({
  id: idOut,
  at: epochMsOut,
  username: z.string().describe('输入的用户名'),
  userId: idOut.nullable().describe('无此用户时为 null'),
  address: z.string().describe('来源地址'),
  outcome: z.enum(signIns.outcome.enumValues).describe('success 成功 / failure 失败 / throttled 限流'),
});
type _SignIn = Proves<Describes<typeof signInOut, Awaited<ReturnType<typeof signInHistory>>[number]>>;

export const signInsPageOut = z.object({ signIns: z.array(signInOut).describe('登录记录，最新在前'), ...pageEnvelope }).describe('登录记录（一页）');

const organisationOut = z.object({ id: idOut, name: z.string(), kind: roleOut });
type _Organisation = Proves<Describes<typeof organisationOut, Awaited<ReturnType<typeof organisationsList>>[number]>>;

export const organisationsOut = z.array(organisationOut).describe('全部机构');
