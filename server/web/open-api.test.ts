// The open API through its route handler with Request objects, on the demo seed: every GET operation
// of the OpenAPI document called with a valid key and its answer checked against the documented
// schema; and every refusal (key missing, unknown, expired, revoked; scope missing; another
// organisation's data; the rate limit) with the app's statuses and messages.
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { type Harness, makeHarness } from '@/server/testing/harness';
import { resetApiLimits } from '@/server/kernel/limits';
import { createOpenApiHandler } from './open-api';

const DAY = 86_400_000;
const CJK = /[\u4e00-\u9fff]/;

let h: Harness;
let handle: Awaited<ReturnType<typeof createOpenApiHandler>>;
type Doc = {
  paths: Record<string, Record<string, { parameters?: { name: string; required: boolean; schema: Schema }[]; responses: Record<string, { content?: { 'application/json': { schema: Schema } } }>; 'x-scopes': string[]; 'x-roles': string[] }>>;
  components: { securitySchemes: Record<string, { scheme: string }> };
};
type Schema = { type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema; anyOf?: Schema[]; enum?: unknown[]; const?: unknown; additionalProperties?: Schema | boolean };

/** Keys by the demo user who makes them, with every scope. */
const keys: Record<string, string> = {};
const USERS_BY_ROLE: Record<string, string> = { province: 'province', city: 'xinzhou', county: 'pianguan', zone: 'zone' };

const newKey = async (username: string, scopes: ('read:market' | 'read:own' | 'write:uses')[], lifeMs = 30 * DAY) =>
  (await h.as(username).apiKeys.create({ name: `测试 ${username}`, scopes, expiresAt: h.clock.now() + lifeMs })).secret;

async function call(path: string, { key, method = 'GET', body, lang }: { key?: string | null; method?: string; body?: unknown; lang?: string } = {}) {
  const headers: Record<string, string> = {};
  if (key) headers.authorization = `Bearer ${key}`;
  if (lang) headers['accept-language'] = lang;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const req = new Request(`http://localhost/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const [route] = path.split('?');
  const res = await handle(req, route!.replace(/^\//, ''));
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string; fieldErrors?: Record<string, string> } } };
}

/** A small JSON Schema check (the keywords zod writes): the path of the first mismatch, or null. */
function mismatch(schema: Schema, value: unknown, at = '$'): string | null {
  if (schema.anyOf) return schema.anyOf.some((s) => mismatch(s, value, at) === null) ? null : `${at}: no alternative fits`;
  if ('const' in schema && schema.const !== value) return `${at}: not ${JSON.stringify(schema.const)}`;
  if (schema.enum && !schema.enum.includes(value)) return `${at}: ${JSON.stringify(value)} not in enum`;
  const types = schema.type === undefined ? [] : ([] as string[]).concat(schema.type);
  if (types.length > 0) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
    const ok = types.some((t) => t === kind || (t === 'number' && kind === 'integer'));
    if (!ok) return `${at}: ${kind} is not ${types.join('|')}`;
  }
  if (Array.isArray(value) && schema.items) {
    for (const [i, v] of value.entries()) {
      const m = mismatch(schema.items, v, `${at}[${i}]`);
      if (m) return m;
    }
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    for (const r of schema.required ?? []) if (!(r in obj)) return `${at}.${r}: missing`;
    for (const [k, v] of Object.entries(obj)) {
      const p = schema.properties?.[k];
      if (p) {
        const m = mismatch(p, v, `${at}.${k}`);
        if (m) return m;
      } else if (schema.additionalProperties === false) return `${at}.${k}: not allowed`;
      else if (typeof schema.additionalProperties === 'object') {
        const m = mismatch(schema.additionalProperties, v, `${at}.${k}`);
        if (m) return m;
      }
    }
  }
  return null;
}

/** The first `id` found in an answer (a list's first row), for an operation that needs one. */
function firstId(value: unknown): number | undefined {
  if (Array.isArray(value)) for (const v of value) { const id = firstId(v); if (id !== undefined) return id; }
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.id === 'number') return o.id;
    for (const v of Object.values(o)) { const id = firstId(v); if (id !== undefined) return id; }
  }
  return undefined;
}

beforeAll(async () => {
  h = await makeHarness();
  handle = createOpenApiHandler({ services: async () => h.services });
  resetApiLimits(10_000);
  // A trade for the zone and 偏关县, so that the own lists are not empty.
  for (const [role, username] of Object.entries(USERS_BY_ROLE)) keys[role] = await newKey(username, ['read:market', 'read:own', 'write:uses']);
});
afterAll(() => h.close());

describe('the OpenAPI document', () => {
  it('is served without a key, describes the bearer scheme, scopes and errors', async () => {
    const { status, body } = await call('/openapi.json');
    expect(status).toBe(200);
    const doc = body as unknown as Doc;
    expect(body.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.bearer!.scheme).toBe('bearer');
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        expect(op['x-scopes'].length, `${method} ${path}`).toBeGreaterThan(0);
        expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '429']));
      }
    }
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/listings', '/trades', '/holdings', '/uses', '/projects', '/obligations', '/guidance', '/statistics', '/feed']));
  });

  it('every GET operation answers a valid key with what the document says', async () => {
    const doc = (await call('/openapi.json')).body as unknown as Doc;
    const gets = Object.entries(doc.paths).filter(([, m]) => m.get).sort(([a], [b]) => a.length - b.length);
    const answers: Record<string, unknown> = {};
    let checked = 0;
    for (const [path, methods] of gets) {
      const op = methods.get!;
      for (const role of op['x-roles']) {
        const params = new URLSearchParams();
        for (const p of op.parameters ?? []) {
          if (!p.required) continue;
          // A required id is taken from the list operation above it (/trades for /trades/detail).
          const id = firstId(answers[`${path.replace(/\/detail$/, '')} ${role}`]);
          if (id === undefined) continue;
          params.set(p.name, String(id));
        }
        if ((op.parameters ?? []).some((p) => p.required && !params.has(p.name))) continue;
        const res = await call(`${path}${params.size ? `?${params}` : ''}`, { key: keys[role] });
        expect(res.status, `${path} as ${role}: ${JSON.stringify(res.body)}`).toBe(200);
        answers[`${path} ${role}`] = res.body;
        expect(mismatch(op.responses['200']!.content!['application/json'].schema, res.body), `${path} as ${role}`).toBeNull();
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(gets.length);
    // The detail operations were reached too (the demo has listings and projects).
    expect(Object.keys(answers)).toEqual(expect.arrayContaining(['/listings/detail zone', '/projects/detail county']));
  });

  it('query parameters are read by the input schema: numbers, null, and a JSON input', async () => {
    const byYear = await call('/statistics/market?year=2026&cityId=null&countyId=', { key: keys.province });
    expect(byYear.status).toBe(200);
    const json = await call(`/statistics/market?input=${encodeURIComponent(JSON.stringify({ year: 2026, cityId: null, countyId: null }))}`, { key: keys.province });
    expect(json.body).toEqual(byYear.body);
    const bad = await call('/statistics/market?year=1999', { key: keys.province });
    expect(bad.status).toBe(400);
    expect(bad.body.error!.fieldErrors!.year).toBe('请输入 2000—2100 之间的年份。');
    // A program is told which fields and where their notes are, not to look beside them on a form.
    expect(bad.body.error!.message).toBe('有 1 项输入有误（year），各项说明见 fieldErrors。');
    const unknown = await call('/listings?colour=red', { key: keys.zone });
    expect(unknown.status).toBe(400);
    expect(Object.keys(unknown.body.error!.fieldErrors!)).toEqual(['colour']);
    expect(unknown.body.error!.message).toBe('有 1 项输入有误（colour），各项说明见 fieldErrors。');
  });

  it('a method no operation takes is refused with the methods that are, and an unknown path as not found', async () => {
    const removal = await call('/uses', { key: keys.zone, method: 'DELETE' });
    expect(removal.status).toBe(405);
    expect(removal.headers.get('allow')).toBe('GET, POST');
    expect(removal.body.error).toEqual({ code: 'METHOD_NOT_SUPPORTED', message: '该操作不支持此请求方式。' });
    const nowhere = await call('/nowhere', { key: keys.zone });
    expect(nowhere.status).toBe(404);
    expect(nowhere.body.error!.code).toBe('NOT_FOUND');
  });
});

describe('keys', () => {
  it('the secret is shown once and only its hash is kept', async () => {
    const made = await h.as('zone2').apiKeys.create({ name: '监测系统', scopes: ['read:market'], expiresAt: h.clock.now() + DAY });
    expect(made.secret).toMatch(/^qx_[A-Za-z0-9_-]{43}$/);
    expect(made.key.prefix).toBe(made.secret.slice(0, 8));
    const listed = await h.as('zone2').apiKeys.list();
    expect(JSON.stringify(listed)).not.toContain(made.secret);
    expect(listed[0]).toMatchObject({ id: made.key.id, status: 'active', scopes: ['read:market'], lastUsedAt: null });
    const row = (await h.db.connection.prepare('select * from api_keys where id = ?').get(made.key.id)) as Record<string, unknown>;
    expect(row.secret_hash).toBe(createHash('sha256').update(made.secret).digest('hex'));
    expect(Object.values(row)).not.toContain(made.secret);
    const audit = (await h.db.connection.prepare("select after from audit_log where action = 'apikey.create' and entity_id = ?").get(made.key.id)) as { after: string };
    expect(audit.after).not.toContain(made.secret);
    expect(audit.after).not.toContain(row.secret_hash as string);
    // Using it records when.
    expect((await call('/listings', { key: made.secret })).status).toBe(200);
    expect((await h.as('zone2').apiKeys.list())[0]!.lastUsedAt).toBe(h.clock.now());
  });

  it('missing, unknown, expired and revoked keys: 401, in the caller’s language', async () => {
    const missing = await call('/listings');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect(missing.body.error).toEqual({ code: 'UNAUTHORIZED', message: '请在 Authorization 请求头中提供接口密钥（Bearer）。' });
    const unknown = await call('/listings', { key: 'qx_not-a-key' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error!.message).toBe('接口密钥无效、已过期或已撤销。');
    const en = await call('/listings', { key: 'qx_not-a-key', lang: 'en-GB,en;q=0.9' });
    expect(en.body.error!.message).toBe('The API key is invalid, expired or revoked.');

    const shortLived = await newKey('zone3', ['read:market'], DAY);
    expect((await call('/listings', { key: shortLived })).status).toBe(200);
    h.clock.advance(DAY);
    expect((await call('/listings', { key: shortLived })).status).toBe(401);

    const made = await h.as('zone3').apiKeys.create({ name: '待撤销', scopes: ['read:market'], expiresAt: h.clock.now() + DAY });
    expect((await call('/listings', { key: made.secret })).status).toBe(200);
    await h.as('zone3').apiKeys.revoke({ id: made.key.id });
    expect((await call('/listings', { key: made.secret })).status).toBe(401);
    expect((await h.as('zone3').apiKeys.list()).find((k) => k.id === made.key.id)!.status).toBe('revoked');
  });

  it('a key without the scope: 403; the role’s own refusals as the app gives them', async () => {
    const market = await newKey('zone2', ['read:market']);
    const refused = await call('/trades', { key: market });
    expect(refused.status).toBe(403);
    expect(refused.body.error!.message).toBe('该接口密钥没有所需的权限范围（read:own）。');
    const en = await call('/trades', { key: market, lang: 'en' });
    expect(en.body.error!.message).toBe('The API key lacks the scope this needs (read:own).');
    const write = await call('/uses', { key: market, method: 'POST', body: { applicationName: 'a', approvalRef: 'b', area: '1', rights: ['NEW_LAND'] } });
    expect(write.status).toBe(403);
    // A county's key on a zone's operation: the app's own wrong-role refusal.
    const county = await call('/holdings', { key: keys.county });
    expect(county.status).toBe(403);
    expect(county.body.error!.message).toBe('您的角色（县）无权执行此操作。');
    // An own-data feed needs read:own.
    expect((await call('/feed?view=own', { key: market })).status).toBe(403);
  });

  it('another organisation’s data is not found, as in the app', async () => {
    const zone = await call('/trades', { key: keys.zone });
    const trades = (zone.body as { trades: { id: number }[] }).trades;
    const other = await newKey('zone2', ['read:own']);
    const projectOfPianguan = firstId((await call('/projects', { key: keys.county })).body)!;
    const hequ = await newKey('hequ', ['read:own']);
    const refused = await call(`/projects/detail?id=${projectOfPianguan}`, { key: hequ });
    expect(refused.status).toBe(404);
    expect(refused.body.error!.message).toMatch(CJK);
    if (trades[0]) expect((await call(`/trades/detail?id=${trades[0].id}`, { key: other })).status).toBe(404);
    expect((await call('/trades/detail?id=999999', { key: other })).status).toBe(404);
  });

  it('recording a use needs write:uses, and is refused as the app refuses it', async () => {
    const bad = await call('/uses', { key: keys.zone, method: 'POST', body: { applicationName: '', approvalRef: 'b', area: '1', rights: [] } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error!.fieldErrors!)).toEqual(expect.arrayContaining(['applicationName', 'rights']));
    const before = await h.db.connection.prepare('select count(*) as n from rights_uses').get();
    const over = await call('/uses', { key: keys.zone, method: 'POST', body: { applicationName: '综改区用地', approvalRef: '晋政地〔2026〕9号', area: '100000', rights: ['NEW_LAND'] } });
    expect(over.status).toBe(409);
    expect(over.body.error!.message).toMatch(CJK);
    expect(await h.db.connection.prepare('select count(*) as n from rights_uses').get()).toEqual(before);
    const unreadable = await call('/uses', { key: keys.zone, method: 'POST', body: undefined });
    expect(unreadable.status).toBe(400);
  });

  it('the province’s archive of every table comes as a ZIP to its key with read:own, to no one else', async () => {
    const archive = (key: string, query = 'from=2026-01-01&to=2026-12-31') =>
      handle(new Request(`http://localhost/api/v1/archive?${query}`, { headers: { authorization: `Bearer ${key}` } }), 'archive');
    const ok = await archive(keys.province!);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/zip');
    expect(Object.keys(unzipSync(new Uint8Array(await ok.arrayBuffer())))).toEqual(expect.arrayContaining(['trades.csv', 'audit_log.csv', 'README.txt']));
    expect((await archive(keys.county!)).status).toBe(403);
    expect((await archive(await newKey('province', ['read:market']))).status).toBe(403);
    const bad = await archive(keys.province!, 'from=2026-13-01&to=2026-12-31');
    expect(bad.status).toBe(400);
    const doc = (await call('/openapi.json')).body as unknown as Doc;
    expect(doc.paths['/archive']!.get!['x-roles']).toEqual(['province']);
  });

  it('a zone cannot revoke another organisation’s key; the province can', async () => {
    const made = await h.as('zone2').apiKeys.create({ name: 'x', scopes: ['read:market'], expiresAt: h.clock.now() + DAY });
    await expect(h.as('zone').apiKeys.revoke({ id: made.key.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await h.as('province').apiKeys.revoke({ id: made.key.id });
    await expect(h.as('zone2').apiKeys.revoke({ id: made.key.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await call('/listings', { key: made.secret })).status).toBe(401);
  });

  it('an expiry over a year ahead or in the past is refused', async () => {
    await expect(h.as('zone').apiKeys.create({ name: 'x', scopes: ['read:market'], expiresAt: h.clock.now() + 366 * DAY })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: '接口密钥的有效期最长 365 天。' });
    await expect(h.as('zone').apiKeys.create({ name: 'x', scopes: ['read:market'], expiresAt: h.clock.now() - 1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(h.as('zone').apiKeys.create({ name: 'x', scopes: [], expiresAt: h.clock.now() + DAY })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('over the rate limit: 429 with Retry-After', async () => {
    resetApiLimits(3);
    const key = await newKey('zone', ['read:market']);
    for (let i = 0; i < 3; i++) expect((await call('/guidance', { key })).status).toBe(200);
    const over = await call('/guidance', { key, lang: 'en' });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(over.body.error!.message).toMatch(/^Too many requests\. Try again in \d+ seconds\.$/);
    // Another key is counted on its own.
    expect((await call('/guidance', { key: keys.zone })).status).toBe(200);
    resetApiLimits(10_000);
  });
});

describe('the change feed', () => {
  it('a cursor walks forward; a market-only key sees public events without their contents', async () => {
    const market = await newKey('hequ', ['read:market']);
    const first = await call('/feed?limit=5', { key: market });
    expect(first.status).toBe(200);
    const page = first.body as { events: { id: number; action: string; visibility: string; before: unknown; after: unknown }[]; nextCursor: number; hasMore: boolean };
    expect(page.events.every((e) => e.visibility === 'public' && e.before === null && e.after === null)).toBe(true);
    expect(page.events.every((e) => ['listing.approve', 'listing.extend', 'listing.close', 'trade.award', 'trade.settle', 'trade.lapse'].includes(e.action))).toBe(true);
    if (page.events.length > 0) {
      const next = (await call(`/feed?after=${page.nextCursor}&limit=5`, { key: market })).body as typeof page;
      expect(next.events.every((e) => e.id > page.nextCursor)).toBe(true);
    }
  });

  it('own records are the organisation’s own; another county’s are not shown', async () => {
    // 偏关县 lists from its lot: its own record, which 河曲县 must not see (a pending listing is not public).
    const lot = (await h.as('pianguan').accounts.quota())[0]!;
    const t0 = h.clock.now();
    const listing = await h.as('pianguan').listings.create({ lotId: lot.id, mode: 'auction', qty: '1', reservePrice: '30000', minLot: '1', increment: '100', opensAt: t0, closesAt: t0 + 3 * DAY });
    const own = (await call('/feed?view=own&limit=500', { key: keys.county })).body as { events: { entity: string; entityId: number; action: string; visibility: string; after: unknown }[] };
    const mine = own.events.find((e) => e.entity === 'listing' && e.entityId === listing.id && e.action === 'listing.create');
    expect(mine).toMatchObject({ visibility: 'own' });
    expect(mine!.after).not.toBeNull();
    const hequ = await newKey('hequ', ['read:market', 'read:own']);
    let after = 0;
    for (;;) {
      const p = (await call(`/feed?after=${after}&limit=500`, { key: hequ })).body as { events: { entity: string; entityId: number; action: string }[]; nextCursor: number; hasMore: boolean };
      expect(p.events.some((e) => e.entity === 'listing' && e.entityId === listing.id)).toBe(false);
      if (!p.hasMore) break;
      after = p.nextCursor;
    }
  });
});
