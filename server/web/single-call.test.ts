// The API's own answer to a single tRPC call (server/web/single-call.ts) against tRPC's Node adapter:
// two copies of the demo market on the same clock, the same requests sent to each over real HTTP on
// 127.0.0.1, and the answers compared byte for byte: status, content type and body, successes,
// refusals, malformed input, and the requests the fast path hands to the adapter.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '@/lib/i18n/define';
import { sessionUser } from '@/server/users/queries';
import { type Harness, makeHarness } from '@/server/testing/harness';
import { appRouter } from '@/server/app-router';
import { createSingleCallHandler } from './single-call';
import type { Context } from '@/server/kernel/trpc';

const BASE = '/api/trpc/';
const MAX_BODY = 64 * 1024;

/** The context as the app builds it, the user named by a test header instead of a session cookie. */
const contextFor = (h: Harness) => async (req: http.IncomingMessage): Promise<Context> => {
  const username = req.headers['x-test-user'];
  return Promise.resolve({
    services: h.services,
    user: typeof username === 'string' ? await sessionUser(h.db, (await h.userId(username))) : null,
    locale: (req.headers['x-test-locale'] as Locale | undefined) ?? 'zh',
  });
};

function listen(handler: http.RequestListener): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

let adapter: { h: Harness; server: http.Server; url: string };
let single: { h: Harness; server: http.Server; url: string };
const internalErrors: string[] = [];
let fellBack = 0;

beforeAll(async () => {
  const a = await makeHarness();
  const s = await makeHarness();
  const standard = (h: Harness) =>
    createHTTPHandler({ router: appRouter, basePath: BASE, maxBodySize: MAX_BODY, createContext: ({ req }) => contextFor(h)(req), onError: ({ error }) => internalErrors.push(error.code) });
  adapter = { h: a, ...(await listen(standard(a))) };
  const fallback = standard(s);
  const handler = createSingleCallHandler({
    router: appRouter,
    basePath: BASE,
    maxBodySize: MAX_BODY,
    createContext: contextFor(s),
    onError: ({ error }) => internalErrors.push(error.code),
    fallback: (req, res) => {
      fellBack++;
      fallback(req, res);
    },
  });
  single = { h: s, ...(await listen(handler)) };
});

afterAll(async () => {
  adapter.server.close();
  single.server.close();
  await adapter.h.close();
  await single.h.close();
});

interface Call {
  name: string;
  path: string;
  method?: 'GET' | 'POST' | 'PUT';
  user?: string;
  locale?: Locale;
  body?: string;
  contentType?: string | null;
  /** Handed to tRPC's adapter rather than answered by the fast path. */
  fallsBack?: boolean;
}

const bid = (price: string, qty = '50') => JSON.stringify({ listingId: 1, price, qty });

// In order: later calls see what the earlier ones wrote, on both copies alike.
const calls: Call[] = [
  { name: 'a query signed out', path: 'me.get' },
  { name: 'a query signed in', path: 'me.get', user: 'zone' },
  { name: 'a query with input', path: `listings.market?input=${encodeURIComponent(JSON.stringify({ page: 1 }))}`, user: 'zone' },
  { name: 'a query as a batch of one (the browser client)', path: `listings.market?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: {} }))}`, user: 'zone' },
  { name: 'a query with an empty input', path: 'listings.market?input=', user: 'zone' },
  { name: 'a bid', path: 'bids.place', method: 'POST', user: 'zone', body: bid('21000') },
  { name: 'a bid as a batch of one', path: 'bids.place?batch=1', method: 'POST', user: 'zone2', body: JSON.stringify({ 0: JSON.parse(bid('22000')) }) },
  { name: 'a bid refused by the rules (below the next minimum)', path: 'bids.place', method: 'POST', user: 'zone3', body: bid('20000') },
  { name: 'the same refusal in English', path: 'bids.place', method: 'POST', user: 'zone3', locale: 'en', body: bid('20000') },
  { name: 'a refusal in a batch of one', path: 'bids.place?batch=1', method: 'POST', user: 'zone3', body: JSON.stringify({ 0: JSON.parse(bid('20000')) }) },
  { name: 'malformed fields', path: 'bids.place', method: 'POST', user: 'zone', body: JSON.stringify({ listingId: -1, price: 'abc', qty: '0.0001' }) },
  { name: 'broken JSON', path: 'bids.place', method: 'POST', user: 'zone', body: '{"listingId": 1,' },
  { name: 'an empty body', path: 'bids.place', method: 'POST', user: 'zone', body: '' },
  { name: 'a batch whose input is not an object', path: 'bids.place?batch=1', method: 'POST', user: 'zone', body: '[1]' },
  { name: 'a body over the limit', path: 'bids.place', method: 'POST', user: 'zone', body: JSON.stringify({ listingId: 1, price: '1', qty: '1', pad: 'x'.repeat(MAX_BODY) }) },
  { name: 'a query whose input is not JSON', path: 'listings.market?input=%7Bnope', user: 'zone' },
  { name: 'signed out', path: 'bids.place', method: 'POST', body: bid('23000') },
  { name: 'the wrong role', path: 'bids.place', method: 'POST', user: 'pianguan', body: bid('23000') },
  { name: 'a listing that is not there', path: 'bids.place', method: 'POST', user: 'zone', body: JSON.stringify({ listingId: 999_999, price: '30000', qty: '50' }) },
  { name: 'a mutation read with GET', path: 'bids.place', user: 'zone', fallsBack: true },
  { name: 'a query sent with POST', path: 'me.get', method: 'POST', body: '{}', fallsBack: true },
  { name: 'an unknown procedure', path: 'bids.nothing', method: 'POST', user: 'zone', body: '{}', fallsBack: true },
  { name: 'a path that is not valid URL-encoding', path: 'bids.%E0%A4%A', method: 'POST', body: '{}', fallsBack: true },
  { name: 'a batch of two', path: `me.get,accounts.settings?batch=1&input=${encodeURIComponent('{}')}`, fallsBack: true },
  { name: 'a mutation that is not JSON', path: 'bids.place', method: 'POST', user: 'zone', body: 'listingId=1', contentType: 'text/plain', fallsBack: true },
  { name: 'a mutation without a content type', path: 'bids.place', method: 'POST', user: 'zone', body: bid('24000'), contentType: null, fallsBack: true },
  { name: 'a PUT', path: 'bids.place', method: 'PUT', user: 'zone', body: bid('24000'), fallsBack: true },
  { name: 'a later bid, after all of the above', path: 'bids.place', method: 'POST', user: 'zone', body: bid('25000') },
  { name: 'the market after it', path: 'listings.market', user: 'zone' },
];

async function send(base: string, c: Call) {
  const headers: Record<string, string> = {};
  if (c.user) headers['x-test-user'] = c.user;
  if (c.locale) headers['x-test-locale'] = c.locale;
  if (c.body !== undefined && c.contentType !== null) headers['content-type'] = c.contentType ?? 'application/json';
  const res = await fetch(`${base}${BASE}${c.path}`, { method: c.method ?? 'GET', headers, body: c.body });
  return { status: res.status, contentType: res.headers.get('content-type'), vary: res.headers.get('vary'), body: await res.text() };
}

describe('a single call answered without the adapter', () => {
  for (const c of calls) {
    it(`${c.name}: the same answer as tRPC's adapter${c.fallsBack ? ' (handed to it)' : ''}`, async () => {
      const before = fellBack;
      const expected = await send(adapter.url, c);
      const actual = await send(single.url, c);
      expect(actual).toEqual(expected);
      expect(fellBack - before, 'handed to the adapter').toBe(c.fallsBack ? 1 : 0);
    });
  }

  it('answered successes, refusals and bad input alike, never an internal error', () => {
    expect(internalErrors).not.toContain('INTERNAL_SERVER_ERROR');
    expect(internalErrors).toContain('BAD_REQUEST');
    expect(internalErrors).toContain('UNAUTHORIZED');
  });

  it('left the two markets the same', async () => {
    const rows = (h: Harness) => h.db.connection.prepare('select id, listing_id, zone_id, price_fen_per_mu, qty_milli_mu, status from bids order by id').all();
    expect((await rows(single.h))).toEqual((await rows(adapter.h)));
    expect(((await rows(single.h)) as unknown[]).length).toBeGreaterThan(2);
  });
});
