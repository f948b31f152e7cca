// The server's edge over real HTTP on 127.0.0.1, as `npm run serve` answers (server/web/server.ts),
// with a stand-in for Next.js's pages: batches over the bound, cross-site writes, oversized bodies and
// requests tRPC cannot read are refused in the caller's language before any procedure runs, and write
// nothing; mutations over the rate limit likewise; the pages learn the client's address from the server
// alone.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { LOCALE_COOKIE } from '@/lib/i18n/define';
import { dumpTables } from '@/server/testing/refusals';

const SECRET = 'server-test-secret-not-for-production-000';
const COOKIE = 'authjs.session-token';
let url = '';
let server: http.Server;
let db: Db;
let resetLimits: (typeof import('@/server/kernel/limits'))['resetLimits'];
const cookies: Record<string, string> = {};

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qx-server-'));
  process.env.QX_DATA_DIR = dir;
  process.env.AUTH_SECRET = SECRET;
  const { runtime } = await import('./runtime');
  const { seedDemo } = await import('@/server/demo/seed-demo');
  const { createAppHandler, createTrpcHandler } = await import('./server');
  ({ resetLimits } = await import('@/server/kernel/limits'));
  const { services } = await runtime();
  db = services.db;
  await seedDemo(services);
  for (const username of ['zone', 'zone2']) {
    const u = (await db.connection.prepare('select id, session_version sv from users where username = ?').get(username)) as { id: number; sv: number };
    cookies[username] = `${COOKIE}=${await encode({ token: { uid: String(u.id), sv: u.sv, sid: `${username}-session` }, secret: SECRET, salt: COOKIE, maxAge: 3600 })}`;
  }
  const pages: http.RequestListener = (req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ address: req.headers['x-qx-client-address'], id: req.headers['x-qx-request-id'], peer: req.headers['x-qx-peer-address'] }));
  };
  server = http.createServer(createAppHandler({ trpc: createTrpcHandler(), pages, trustedProxies: ['127.0.0.1'] }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => resetLimits({ user: 1_000, address: 1_000 }));

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}
async function send(pathAndQuery: string, init: RequestInit & { user?: string; locale?: 'zh' | 'en' } = {}): Promise<Answer> {
  const headers = new Headers(init.headers);
  const jar = [init.user ? cookies[init.user] : undefined, init.locale ? `${LOCALE_COOKIE}=${init.locale}` : undefined].filter(Boolean).join('; ');
  if (jar) headers.set('cookie', jar);
  const res = await fetch(`${url}${pathAndQuery}`, { ...init, headers });
  return { status: res.status, headers: res.headers, text: await res.text() };
}
const json = (a: Answer) => JSON.parse(a.text) as { error?: { message: string; data: { code: string } } } & { error?: unknown }[];
const bid = (price: number) => ({ listingId: 1, price: String(price), qty: '100' });
const post = (body: unknown, extra: Record<string, string> = {}) => ({ method: 'POST', headers: { 'content-type': 'application/json', ...extra }, body: JSON.stringify(body) });

describe('batches', () => {
  it('a batch of more than 16 calls is refused whole, in the caller’s language, and no call runs', async () => {
    const before = await dumpTables(db);
    const paths = Array.from({ length: 17 }, () => 'bids.place').join(',');
    const input = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [i, bid(21_000 + i * 1_000)]));
    const zh = await send(`/api/trpc/${paths}?batch=1`, { ...post(input), user: 'zone' });
    expect(zh.status).toBe(400);
    expect(zh.text).toContain('一次请求包含的调用过多（最多 16 个）');
    const en = await send(`/api/trpc/${paths}?batch=1`, { ...post(input), user: 'zone', locale: 'en' });
    expect(en.text).toContain('Too many calls in one request (at most 16)');
    expect(await dumpTables(db)).toEqual(before);
  });

  it('a batch of 16 is answered', async () => {
    const a = await send(`/api/trpc/${Array.from({ length: 16 }, () => 'me.get').join(',')}?batch=1`, { user: 'zone' });
    expect(a.status).toBe(200);
    expect(JSON.parse(a.text)).toHaveLength(16);
  });
});

describe('refused at the edge, writing nothing', () => {
  it('a cross-site form POST to a mutation', async () => {
    const before = await dumpTables(db);
    const form = await send('/api/trpc/bids.place', { method: 'POST', user: 'zone', headers: { 'content-type': 'text/plain', 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }, body: JSON.stringify(bid(30_000)) });
    expect(form.status).toBe(403);
    expect(json(form).error?.message).toBe('拒绝来自其他网站的请求：请在本平台页面内操作。');
    const older = await send('/api/trpc/bids.place', { ...post(bid(30_000), { origin: 'https://evil.example' }), user: 'zone', locale: 'en' });
    expect(older.status).toBe(403);
    expect(json(older).error?.message).toMatch(/^Requests from other websites are refused/);
    const signIn = await send('/api/auth/callback/credentials', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' }, body: 'username=zone&password=x' });
    expect(signIn.status).toBe(403);
    expect(await dumpTables(db)).toEqual(before);
  });

  it('a body over the limit, before it is read, on every path', async () => {
    const big = 'x'.repeat(1024 * 1024 + 1);
    const trpc = await send('/api/trpc/bids.place', { ...post({ listingId: 1, price: big, qty: '1' }), user: 'zone' });
    expect(trpc.status).toBe(413);
    expect(json(trpc).error?.message).toBe('提交的内容过大（最多 1024 KB）。');
    const signIn = await send('/api/auth/callback/credentials', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: big, locale: 'en' });
    expect(signIn.status).toBe(413);
    expect(signIn.text).toBe('The request is too large (at most 1024 KB).');
  });

  it('the open API (/api/v1) goes to Next.js’s route handler, under the same edge: body limit, cross-site writes', async () => {
    const passed = await send('/api/v1/listings');
    expect(JSON.parse(passed.text)).toMatchObject({ address: '127.0.0.1' });
    const big = await send('/api/v1/uses', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer qx_x' }, body: 'x'.repeat(1024 * 1024 + 1) });
    expect(big.status).toBe(413);
    const crossSite = await send('/api/v1/uses', { ...post({}, { 'sec-fetch-site': 'cross-site' }) });
    expect(crossSite.status).toBe(403);
  });

  it('a path with dot segments, which would reach the API by a way round, with however many calls', async () => {
    // Sent as written (fetch would resolve the dots itself).
    const raw = (p: string) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = http.request(`${url}/`, { path: p, headers: { cookie: `${LOCALE_COOKIE}=en` } }, (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, text }));
        });
        req.on('error', reject);
        req.end();
      });
    const paths = Array.from({ length: 40 }, () => 'me.get').join(',');
    for (const p of [`/api/x/../trpc/${paths}?batch=1`, `/api/x/%2e%2e/trpc/${paths}?batch=1`, '/market/./']) {
      const a = await raw(p);
      expect(a.status, p).toBe(400);
      expect(a.text).toBe('The request could not be read (malformed).');
    }
  });

  it('a same-origin browser write passes', async () => {
    const a = await send('/api/trpc/bids.place', { ...post(bid(21_000), { 'sec-fetch-site': 'same-origin' }), user: 'zone2' });
    expect(a.status).toBe(200);
  });
});

describe('what tRPC cannot read is said in the caller’s language', () => {
  it('the wrong method, the wrong content type, no such procedure, unreadable JSON', async () => {
    const get = await send(`/api/trpc/bids.place?input=${encodeURIComponent(JSON.stringify(bid(30_000)))}`, { user: 'zone' });
    expect(get.status).toBe(405);
    expect(json(get).error?.message).toBe('该操作不支持此请求方式。');
    const getEn = await send('/api/trpc/bids.place', { user: 'zone', locale: 'en' });
    expect(json(getEn).error?.message).toBe('This operation does not accept that request method.');
    const type = await send('/api/trpc/bids.place', { method: 'POST', user: 'zone', headers: { 'content-type': 'application/xml' }, body: '<bid/>' });
    expect(type.status).toBe(415);
    expect(json(type).error?.message).toBe('请求的内容类型不受支持。');
    const missing = await send('/api/trpc/bids.steal', { ...post({}), locale: 'en' });
    expect(missing.status).toBe(404);
    expect(json(missing).error?.message).toBe('No such operation.');
    const broken = await send('/api/trpc/bids.place', { method: 'POST', user: 'zone', headers: { 'content-type': 'application/json' }, body: '{"listingId": 1,' });
    expect(broken.status).toBe(400);
    expect(json(broken).error?.message).toBe('请求无法读取（格式有误）。');
  });
});

describe('mutation rate limits', () => {
  it('over the user’s limit a mutation is refused with the wait, writes nothing, and others go on', async () => {
    resetLimits({ user: 2, address: 1_000 });
    expect((await send('/api/trpc/bids.place', { ...post(bid(22_000)), user: 'zone' })).status).toBe(200);
    expect((await send('/api/trpc/bids.place', { ...post(bid(23_000)), user: 'zone' })).status).toBe(200);
    const before = await dumpTables(db);
    const third = await send('/api/trpc/bids.place', { ...post(bid(24_000)), user: 'zone' });
    expect(third.status).toBe(429);
    expect(json(third).error?.message).toMatch(/^操作过于频繁，请 \d+ 秒后再试。$/);
    expect(await dumpTables(db)).toEqual(before);
    // Reading is not limited, and another zone may still bid.
    expect((await send('/api/trpc/me.get', { user: 'zone' })).status).toBe(200);
    expect((await send('/api/trpc/bids.place', { ...post(bid(24_000)), user: 'zone2' })).status).toBe(200);
  });

  it('over the address’s limit, whoever signs in from it', async () => {
    resetLimits({ user: 1_000, address: 1 });
    expect((await send('/api/trpc/bids.place', { ...post(bid(25_000)), user: 'zone' })).status).toBe(200);
    const en = await send('/api/trpc/bids.place', { ...post(bid(26_000)), user: 'zone2', locale: 'en' });
    expect(en.status).toBe(429);
    expect(json(en).error?.message).toMatch(/^Too many requests\. Try again in \d+ seconds\.$/);
  });
});

describe('what the pages are told', () => {
  it('the client address behind a trusted proxy, the request id; a client’s own copies are dropped', async () => {
    const a = await send('/market', { headers: { 'x-forwarded-for': '1.2.3.4, 203.0.113.9', 'x-qx-client-address': 'forged', 'x-qx-peer-address': 'forged' } });
    const seen = JSON.parse(a.text) as { address: string; id: string; peer: string };
    expect(seen.address).toBe('203.0.113.9');
    expect(seen.peer).toBe('127.0.0.1');
    expect(seen.id).toBe(a.headers.get('x-request-id'));
    expect(a.headers.get('strict-transport-security')).toBeNull();
  });

  it('HSTS when the trusted proxy says the browser came over https', async () => {
    const a = await send('/market', { headers: { 'x-forwarded-proto': 'https' } });
    expect(a.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });
});
