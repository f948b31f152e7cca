// The open API for other government systems (/api/v1/…): each operation is one procedure of the app
// router, called as the API key's organisation (a synthetic user of it, with its role), so a key never
// reaches further than that organisation's own users could, and is refused as they would be (same
// codes, statuses and messages; Chinese unless Accept-Language asks for English). A key is checked
// against the database on every call (a revocation holds at once), counted against its own rate
// limit, and each call is logged with the key's id. The OpenAPI 3.1 document is made from the table
// below and the procedures' own zod input and output schemas.
import 'server-only';
import crypto from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { z } from 'zod';
import { type Locale, translate } from '@/lib/i18n';
import { createCaller, appRouter } from '@/server/app-router';
import { type ApiScope, keyStatus, parseScopes } from '@/server/apikeys/domain/keys';
import { hashSecret } from '@/server/apikeys/keys';
import { keyByHash, touchKey } from '@/server/apikeys/queries';
import type { Services } from '@/server/kernel/deps';
import { apiCallWaitMs } from '@/server/kernel/limits';
import { log } from '@/server/kernel/log';
import type { Role, SessionUser } from '@/server/kernel/roles';
import { BODY_LIMIT, type Context, describeError, fieldsRefusal } from '@/server/kernel/trpc';
import { sessionUser } from '@/server/users/queries';
import { archiveResponse } from './archive';
import { reportInternalError } from './context';
import { CLIENT_ADDRESS_HEADER, REQUEST_ID_HEADER } from './headers';

export const API_BASE = '/api/v1';

export interface ApiOperation {
  method: 'GET' | 'POST';
  path: string;
  procedure: string;
  /** The key needs one of these. */
  scopes: readonly ApiScope[];
  /** The organisations' kinds whose keys may call it (the procedure's own roles). */
  roles: readonly Role[];
  tag: string;
  summary: { zh: string; en: string };
  /** Answered with a file, not by a procedure: the province's archive of every table (server/web/archive.ts). */
  file?: 'archive';
}

const ALL: readonly Role[] = ['province', 'city', 'county', 'zone'];

/** Every operation of the open API: the procedure it calls and the scope it needs. */
export const API_OPERATIONS: readonly ApiOperation[] = [
  { method: 'GET', path: '/listings', procedure: 'listings.market', scopes: ['read:market'], roles: ALL, tag: 'market', summary: { zh: '交易大厅：交易中和即将开始的挂牌', en: 'The market: open and upcoming listings' } },
  { method: 'GET', path: '/listings/detail', procedure: 'listings.get', scopes: ['read:market'], roles: ALL, tag: 'market', summary: { zh: '一个挂牌及其报价情况', en: 'One listing and its bids' } },
  { method: 'GET', path: '/announcements', procedure: 'listings.announcements', scopes: ['read:market'], roles: ALL, tag: 'market', summary: { zh: '公示公告：挂牌公告与成交结果', en: 'Announcements: listings and results' } },
  { method: 'GET', path: '/guidance', procedure: 'guidance.current', scopes: ['read:market'], roles: ALL, tag: 'market', summary: { zh: '现行指导价与最低保护价', en: 'Guidance and floor prices in force' } },
  { method: 'GET', path: '/statistics', procedure: 'stats.public', scopes: ['read:market'], roles: ALL, tag: 'market', summary: { zh: '公开的市场统计', en: 'Public market statistics' } },
  { method: 'GET', path: '/trades', procedure: 'trades.list', scopes: ['read:own'], roles: ['county', 'zone', 'province'], tag: 'own', summary: { zh: '本单位的成交（省厅：全部）', en: "The organisation's trades (the province: all)" } },
  { method: 'GET', path: '/trades/detail', procedure: 'trades.get', scopes: ['read:own'], roles: ['county', 'zone', 'province'], tag: 'own', summary: { zh: '一笔成交的成交确认书', en: "One trade's confirmation" } },
  { method: 'GET', path: '/holdings', procedure: 'rights.held', scopes: ['read:own'], roles: ['zone'], tag: 'own', summary: { zh: '开发区持有的指标（按批次和权利）', en: "The zone's held rights, by lot and right" } },
  { method: 'GET', path: '/uses', procedure: 'rights.uses', scopes: ['read:own'], roles: ['zone'], tag: 'own', summary: { zh: '开发区的指标核销记录', en: "The zone's uses of rights" } },
  { method: 'POST', path: '/uses', procedure: 'rights.use', scopes: ['write:uses'], roles: ['zone'], tag: 'write', summary: { zh: '登记一次指标核销（用地报批使用指标）', en: 'Record a use of rights for a land application' } },
  { method: 'GET', path: '/projects', procedure: 'projects.list', scopes: ['read:own'], roles: ['county', 'city', 'province'], tag: 'own', summary: { zh: '辖区内的项目区', en: 'Projects in the jurisdiction' } },
  { method: 'GET', path: '/projects/detail', procedure: 'projects.get', scopes: ['read:own'], roles: ['county', 'city', 'province'], tag: 'own', summary: { zh: '一个项目区及其地块', en: 'One project and its plots' } },
  { method: 'GET', path: '/obligations', procedure: 'projects.obligations', scopes: ['read:own'], roles: ['county', 'city', 'province'], tag: 'own', summary: { zh: '复垦监管：待复垦的项目区', en: 'Reclamation obligations' } },
  { method: 'GET', path: '/statistics/market', procedure: 'stats.market', scopes: ['read:own'], roles: ['county', 'zone', 'province'], tag: 'own', summary: { zh: '本单位的交易统计（省厅：全省）', en: "The organisation's market statistics (the province: all)" } },
  {
    method: 'GET',
    path: '/feed',
    procedure: 'feed.changes',
    scopes: ['read:market', 'read:own'],
    roles: ALL,
    tag: 'feed',
    summary: { zh: '增量变更：游标之后的变更（read:market 公开市场事件，read:own 本单位记录）', en: 'Changes after a cursor (read:market public market events, read:own own records)' },
  },
  {
    method: 'GET',
    path: '/archive',
    procedure: 'archive',
    scopes: ['read:own'],
    roles: ['province'],
    tag: 'own',
    file: 'archive',
    summary: { zh: '整库导出：所选期间每个表一个 CSV 文件的 ZIP（省厅）', en: 'Every table of a period as CSV files in one ZIP (the province)' },
  },
];

/** The archive's period, as its page's form sends it (both days included, China time). */
const ARCHIVE_PARAMETERS = [
  { name: 'from', in: 'query', required: true, description: '开始日期 / First day (YYYY-MM-DD)', schema: { type: 'string', format: 'date' } },
  { name: 'to', in: 'query', required: true, description: '结束日期（含） / Last day, included (YYYY-MM-DD)', schema: { type: 'string', format: 'date' } },
];

type ProcedureDef = { _def: { type: 'query' | 'mutation'; inputs: z.ZodType[]; output?: z.ZodType } };
const procedureOf = (path: string) => (appRouter._def.procedures as unknown as Record<string, ProcedureDef>)[path];

// --- the document --------------------------------------------------------------------------------

type JsonSchema = Record<string, unknown> & { type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; anyOf?: JsonSchema[]; items?: JsonSchema; description?: string; default?: unknown };

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _draft, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
};

export const inputSchemaOf = (op: ApiOperation): JsonSchema | null => {
  const input = procedureOf(op.procedure)?._def.inputs[0];
  return input ? jsonSchema(input, 'input') : null;
};

export const outputSchemaOf = (op: ApiOperation): JsonSchema => jsonSchema(procedureOf(op.procedure)!._def.output!, 'output');

const ERROR_STATUSES: Record<string, { zh: string; en: string }> = {
  '400': { zh: '输入有误（逐项说明）', en: 'Invalid input (field by field)' },
  '401': { zh: '缺少接口密钥，或密钥无效、已过期、已撤销', en: 'Missing, unknown, expired or revoked key' },
  '403': { zh: '密钥缺少所需权限范围，或本单位的角色无权调用', en: "The key lacks the scope, or the organisation's role may not call this" },
  '404': { zh: '未找到，或不属于本单位', en: 'Not found, or not the organisation’s' },
  '409': { zh: '当前状态不允许此操作', en: 'Not allowed in the current state' },
  '429': { zh: '调用过于频繁（见 Retry-After）', en: 'Too many calls (see Retry-After)' },
  '500': { zh: '内部错误（附请求编号）', en: 'Internal error (with the request id)' },
};

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: '错误代码，如 UNAUTHORIZED、FORBIDDEN、NOT_FOUND、BAD_REQUEST、CONFLICT、TOO_MANY_REQUESTS' },
        message: { type: 'string', description: '说明（中文；请求头 Accept-Language: en 时为英文）' },
        fieldErrors: { type: 'object', additionalProperties: { type: 'string' }, description: '逐项说明（输入有误时）' },
        requestId: { type: 'string', description: '请求编号（内部错误时）' },
      },
    },
  },
};

const scopeText = (op: ApiOperation) => op.scopes.join(' 或 / or ');
const rolesText = (op: ApiOperation) => op.roles.map((r) => translate('zh', 'ui', `role_${r}` as never)).join('、');

function parametersOf(op: ApiOperation) {
  const input = inputSchemaOf(op);
  const props = input?.properties ?? {};
  const required = new Set(input?.required ?? []);
  return Object.entries(props).map(([name, schema]) => ({ name, in: 'query', required: required.has(name), description: schema.description, schema }));
}

let cached: Record<string, unknown> | null = null;

/** The OpenAPI 3.1 document of every operation in API_OPERATIONS. */
export function openApiDocument(): Record<string, unknown> {
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of API_OPERATIONS) {
    if (op.file) {
      (paths[op.path] ??= {}).get = {
        operationId: op.file,
        tags: [op.tag],
        summary: `${op.summary.zh} / ${op.summary.en}`,
        description: `权限范围 Scope: ${scopeText(op)}。可调用的单位 Organisations: ${rolesText(op)} (${op.roles.join(', ')})。最长 367 天 / 367 days at most。`,
        security: [{ bearer: [] }],
        'x-scopes': op.scopes,
        'x-roles': op.roles,
        parameters: ARCHIVE_PARAMETERS,
        responses: {
          '200': { description: 'ZIP', content: { 'application/zip': { schema: { type: 'string', format: 'binary', description: '每个表一个 CSV 文件及 README.txt / One CSV file per table and a README.txt' } } } },
          ...Object.fromEntries(Object.keys(ERROR_STATUSES).map((status) => [status, { $ref: `#/components/responses/E${status}` }])),
        },
      };
      continue;
    }
    const input = inputSchemaOf(op);
    const operation: Record<string, unknown> = {
      operationId: op.procedure.replace('.', '_'),
      tags: [op.tag],
      summary: `${op.summary.zh} / ${op.summary.en}`,
      description: `权限范围 Scope: ${scopeText(op)}。可调用的单位 Organisations: ${rolesText(op)} (${op.roles.join(', ')})。`,
      security: [{ bearer: [] }],
      'x-scopes': op.scopes,
      'x-roles': op.roles,
      responses: {
        '200': { description: '成功 / OK', content: { 'application/json': { schema: outputSchemaOf(op) } } },
        ...Object.fromEntries(Object.keys(ERROR_STATUSES).map((status) => [status, { $ref: `#/components/responses/E${status}` }])),
      },
    };
    if (op.method === 'GET') {
      operation.parameters = [
        ...parametersOf(op),
        ...(input ? [{ name: 'input', in: 'query', required: false, description: '全部输入作为一个 JSON（代替逐项参数） / The whole input as one JSON value, instead of the parameters', schema: { type: 'string' } }] : []),
      ];
    } else if (input) {
      operation.requestBody = { required: true, content: { 'application/json': { schema: input } } };
    }
    (paths[op.path] ??= {})[op.method.toLowerCase()] = operation;
  }
  cached = {
    openapi: '3.1.0',
    info: {
      title: '指标交易平台开放接口 / Quota Exchange open API',
      version: '1',
      description:
        '供其他政府系统（用地审批、监测监管）调用。以本单位的接口密钥调用（请求头 Authorization: Bearer <密钥>），所见与本单位用户相同。金额单位为分，面积单位为千分之一亩，时刻为 epoch 毫秒。\n\nFor other government systems. Call with the organisation’s API key (Authorization: Bearer <key>); a key sees what the organisation’s users see. Money in fen, area in thousandths of a mu, moments in epoch milliseconds.',
    },
    servers: [{ url: API_BASE }],
    tags: [
      { name: 'market', description: '公开市场数据 (read:market)' },
      { name: 'own', description: '本单位数据 (read:own)' },
      { name: 'write', description: '登记指标核销 (write:uses)' },
      { name: 'feed', description: '增量变更 (read:market / read:own)' },
    ],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: '接口密钥（在平台的“接口密钥”页面创建，仅显示一次） / An API key, made on the platform’s API keys page and shown once' },
      },
      schemas: { Error: errorSchema },
      responses: Object.fromEntries(Object.entries(ERROR_STATUSES).map(([status, d]) => [`E${status}`, { description: `${d.zh} / ${d.en}`, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }])),
    },
    paths,
  };
  return cached;
}

// --- the calls -----------------------------------------------------------------------------------

/** English when the client's first preferred language is English; Chinese otherwise. */
export const localeOf = (acceptLanguage: string | null): Locale => (/^\s*en\b/i.test(acceptLanguage ?? '') ? 'en' : 'zh');

const typesOf = (s: JsonSchema): string[] => [s.type ?? [], ...(s.anyOf ?? []).map((a) => a.type ?? [])].flat();

/** A query-string value read as the input schema says: numbers, booleans and null where it expects them. */
function coerce(values: string[], schema: JsonSchema): unknown {
  const types = typesOf(schema);
  if (types.includes('array')) {
    const items = schema.items ?? (schema.anyOf ?? []).find((a) => a.type === 'array')?.items ?? {};
    return values.flatMap((v) => v.split(',')).filter((v) => v !== '').map((v) => coerce([v], items));
  }
  const v = values.at(-1)!;
  if (types.includes('null') && (v === '' || v === 'null')) return null;
  if ((types.includes('integer') || types.includes('number')) && !types.includes('string') && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  if (types.includes('boolean') && (v === 'true' || v === 'false')) return v === 'true';
  return v;
}

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { fieldErrors?: Record<string, string>; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }
}

function inputFromQuery(op: ApiOperation, url: URL, locale: Locale): unknown {
  const raw = url.searchParams.get('input');
  if (raw !== null) {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      throw new Refusal(400, 'BAD_REQUEST', translate(locale, 'errors', 'requestUnreadable'));
    }
  }
  const schema = inputSchemaOf(op);
  const props = schema?.properties ?? {};
  const names = [...new Set(url.searchParams.keys())];
  const unknown = names.filter((n) => !(n in props));
  if (unknown.length > 0) {
    const fieldErrors = Object.fromEntries(unknown.map((n) => [n, translate(locale, 'errors', 'invalidValue')]));
    throw new Refusal(400, 'BAD_REQUEST', fieldsRefusal(locale, fieldErrors, 'api'), { fieldErrors });
  }
  if (!schema) return undefined;
  return Object.fromEntries(names.map((n) => [n, coerce(url.searchParams.getAll(n), props[n]!)]));
}

async function inputFromBody(req: Request, locale: Locale): Promise<unknown> {
  const text = await req.text();
  if (Buffer.byteLength(text) > BODY_LIMIT) throw new Refusal(413, 'PAYLOAD_TOO_LARGE', translate(locale, 'errors', 'bodyTooLarge', { maxKb: BODY_LIMIT / 1024 }));
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Refusal(400, 'BAD_REQUEST', translate(locale, 'errors', 'requestUnreadable'));
  }
}

/** The key's organisation as a signed-in user: its creator's account (so records name who made the key), acting through the key. */
async function keyHolder(s: Services, secret: string, locale: Locale, now: number) {
  const key = await keyByHash(s.db, hashSecret(secret));
  if (!key || keyStatus(key, now) !== 'active') throw new Refusal(401, 'UNAUTHORIZED', translate(locale, 'errors', 'apiKeyInvalid'), { headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } });
  // A disabled creator, or one moved to another organisation, leaves the key with no one to act as.
  const creator = await sessionUser(s.db, key.createdBy);
  if (!creator || creator.organisationId !== key.organisationId) throw new Refusal(401, 'UNAUTHORIZED', translate(locale, 'errors', 'apiKeyInvalid'), { headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } });
  const user: SessionUser = { ...creator, displayName: `${creator.displayName} · API ${key.prefix}`, mustChangePassword: false };
  return { key, scopes: parseScopes(key.scopes), user };
}

const bearerOf = (header: string | null) => /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? null;

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

const refusalBody = (r: Refusal) => ({ error: { code: r.code, message: r.message, ...(r.extra.fieldErrors ? { fieldErrors: r.extra.fieldErrors } : {}) } });

/** The feed's view: what the request asks for, within the key's scopes; by default all the key may see. */
function feedInput(input: unknown, scopes: ApiScope[], locale: Locale) {
  const market = scopes.includes('read:market');
  const own = scopes.includes('read:own');
  const asked = (input ?? {}) as Record<string, unknown>;
  const view = asked.view ?? (market && own ? 'all' : own ? 'own' : 'market');
  const needs: ApiScope[] = view === 'all' ? ['read:market', 'read:own'] : view === 'own' ? ['read:own'] : view === 'market' ? ['read:market'] : [];
  const missing = needs.find((s) => !scopes.includes(s));
  if (missing) throw new Refusal(403, 'FORBIDDEN', translate(locale, 'errors', 'apiScopeMissing', { scope: missing }));
  return typeof input === 'object' && input !== null ? { ...asked, view } : { view };
}

export interface OpenApiHandlerOptions {
  services: () => Promise<Services>;
}

/** Answers a request for `/api/v1/<path>`. */
export function createOpenApiHandler({ services }: OpenApiHandlerOptions) {
  return async (req: Request, path: string): Promise<Response> => {
    const started = performance.now();
    const locale = localeOf(req.headers.get('accept-language'));
    const requestId = req.headers.get(REQUEST_ID_HEADER) ?? crypto.randomUUID().slice(0, 13);
    const address = req.headers.get(CLIENT_ADDRESS_HEADER) ?? undefined;
    const route = `/${path.replace(/^\/+|\/+$/g, '')}`;
    if (route === '/openapi.json' && req.method === 'GET') return json(200, openApiDocument(), { 'Cache-Control': 'public, max-age=300' });

    let keyId: number | undefined;
    let organisationId: number | undefined;
    const op = API_OPERATIONS.find((o) => o.path === route && o.method === req.method);
    const answer = (res: Response) => {
      log().info({ event: 'api-call', requestId, apiKey: keyId, organisation: organisationId, method: req.method, path: `${API_BASE}${route}`, operation: op?.procedure, status: res.status, ms: Math.round((performance.now() - started) * 10) / 10 }, 'api call');
      return res;
    };
    try {
      if (!op) {
        const allowed = API_OPERATIONS.filter((o) => o.path === route).map((o) => o.method);
        throw allowed.length > 0
          ? new Refusal(405, 'METHOD_NOT_SUPPORTED', translate(locale, 'errors', 'methodNotSupported'), { headers: { Allow: allowed.join(', ') } })
          : new Refusal(404, 'NOT_FOUND', translate(locale, 'errors', 'apiOperationNotFound'));
      }
      const s = await services();
      const secret = bearerOf(req.headers.get('authorization'));
      if (!secret) throw new Refusal(401, 'UNAUTHORIZED', translate(locale, 'errors', 'apiKeyMissing'), { headers: { 'WWW-Authenticate': 'Bearer' } });
      const now = s.clock.now();
      const { key, scopes, user } = await keyHolder(s, secret, locale, now);
      keyId = key.id;
      organisationId = key.organisationId;
      const waitMs = await apiCallWaitMs(key.id);
      if (waitMs > 0) {
        const seconds = Math.ceil(waitMs / 1000);
        log().warn({ event: 'rate-limited', requestId, apiKey: key.id, path: route, waitMs }, 'api call refused by rate limit');
        throw new Refusal(429, 'TOO_MANY_REQUESTS', translate(locale, 'errors', 'tooManyRequests', { seconds }), { headers: { 'Retry-After': String(seconds) } });
      }
      await touchKey(s.db, key.id, now);
      if (!op.scopes.some((sc) => scopes.includes(sc))) throw new Refusal(403, 'FORBIDDEN', translate(locale, 'errors', 'apiScopeMissing', { scope: scopeText(op) }));

      if (op.file) return answer((await archiveResponse({ services: s, user, locale, address, requestId }, req)));
      let input = op.method === 'GET' ? inputFromQuery(op, new URL(req.url), locale) : await inputFromBody(req, locale);
      if (op.procedure === 'feed.changes') input = feedInput(input, scopes, locale);
      const ctx: Context = { services: s, user, locale, address, requestId };
      const call = op.procedure.split('.').reduce<unknown>((node, name) => (node as Record<string, unknown>)[name], createCaller(ctx)) as (input: unknown) => Promise<unknown>;
      try {
        return answer(json(200, await call(input)));
      } catch (e) {
        const error = e instanceof TRPCError ? e : new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: e });
        reportInternalError({ error, path: op.procedure, ctx });
        const described = describeError(locale, error, requestId);
        const { fieldErrors, requestId: faultId } = described;
        const message = fieldErrors ? fieldsRefusal(locale, fieldErrors, 'api') : described.message;
        const headers: Record<string, string> = {};
        const retry = /(\d+)/.exec(error.code === 'TOO_MANY_REQUESTS' ? message : '')?.[1];
        if (retry) headers['Retry-After'] = retry;
        return answer(json(getHTTPStatusCodeFromError(error), { error: { code: error.code, message, ...(fieldErrors ? { fieldErrors } : {}), ...(faultId ? { requestId: faultId } : {}) } }, headers));
      }
    } catch (e) {
      if (e instanceof Refusal) return answer(json(e.status, refusalBody(e), e.extra.headers));
      throw e;
    }
  };
}
