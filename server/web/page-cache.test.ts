// The page cache over real HTTP, in front of a stand-in renderer that writes as Next.js does (a CSP
// header and a body carrying the same nonce, in chunks), on a real WAL database.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import compression from 'compression';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '@/server/kernel/clock';
import { newNonce } from '@/lib/csp-nonce';
import { type ChangesAt, createPageCache } from './page-cache';
import { SqliteEngine } from '@/db/sqlite-engine';
import { log } from '@/server/kernel/log';

const T0 = Date.UTC(2026, 10, 2, 1, 0, 0);

interface Setup {
  base: string;
  clock: ManualClock;
  writer: Database.Database;
  renders: string[];
  cache: Awaited<ReturnType<typeof createPageCache>>;
  /** What the stand-in renderer does next (status, cookies, a commit while it renders, a pause). */
  next: { status?: number; setCookie?: boolean; commitWhileRendering?: boolean; pauseMs?: number };
  close: () => Promise<void>;
}

let dir: string;
let setups: Setup[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qx-page-cache-'));
});
afterEach(async () => {
  for (const s of setups) await s.close();
  setups = [];
  fs.rmSync(dir, { recursive: true, force: true });
});

async function setup(changesAt: ChangesAt = async () => null, options: { maxAgeMs?: number; maxBytes?: number } = {}): Promise<Setup> {
  const file = path.join(dir, `db-${setups.length}.db`);
  const writer = new Database(file);
  writer.pragma('journal_mode = WAL');
  writer.exec('create table t (x integer)');
  // The engine's version, read on a connection of its own: the writer's commits move it as any other's.
  const engine = new SqliteEngine(writer);
  const clock = new ManualClock(T0);
  const renders: string[] = [];
  const next: Setup['next'] = {};
  const cache = createPageCache({
    version: () => engine.version(),
    now: () => clock.now(),
    // The test's stand-in for a session: a user id and a language in headers.
    viewerOf: async (req) => (req.headers['x-user'] ? { userId: Number(req.headers['x-user']), locale: String(req.headers['x-locale'] ?? 'zh') } : null),
    pages: { '/market': changesAt },
    ...options,
  });
  const render = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    renders.push(req.url ?? '');
    const nonce = newNonce();
    const n = renders.length;
    res.statusCode = next.status ?? 200;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', `script-src 'self' 'nonce-${nonce}'`);
    if (next.setCookie) res.setHeader('Set-Cookie', 'a=b');
    res.write(`<html><script nonce="${nonce}">render ${n} of ${req.url} for ${String(req.headers['x-user'])}</script>`);
    if (next.pauseMs) await new Promise((r) => setTimeout(r, next.pauseMs));
    if (next.commitWhileRendering) writer.prepare('insert into t values (1)').run();
    res.end(`<script nonce="${nonce}">${'x'.repeat(1700)}</script><p>${'亩'.repeat(100)}</p></html>`);
  };
  const compress = compression() as unknown as (req: http.IncomingMessage, res: http.ServerResponse, then: () => void) => void;
  const server = http.createServer((req, res) => compress(req, res, () => void cache.handle(req, res, () => render(req, res))));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const s: Setup = {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    clock,
    writer,
    renders,
    cache,
    next,
    close: async () => {
      await new Promise((r) => server.close(r));
      await engine.close();
    },
  };
  setups.push(s);
  return s;
}

async function get(s: Setup, url = '/market', headers: Record<string, string> = { 'x-user': '1' }) {
  const r = await fetch(s.base + url, { headers });
  const body = await r.text();
  const nonce = /'nonce-([^']+)'/.exec(r.headers.get('content-security-policy') ?? '')?.[1] ?? '';
  return { status: r.status, body, nonce, headers: r.headers };
}

/** The body with its nonce taken out, to compare answers. */
const plain = (a: { body: string; nonce: string }) => a.body.replaceAll(a.nonce, 'NONCE');

describe('the page cache', () => {
  it('answers a page again without rendering it, with a fresh nonce in the header and the body alike', async () => {
    const s = await setup();
    const first = await get(s);
    const second = await get(s);
    expect(s.renders).toHaveLength(1);
    expect(second.status).toBe(200);
    expect(plain(second)).toBe(plain(first));
    expect(second.nonce).not.toBe(first.nonce);
    expect(second.body.split(second.nonce)).toHaveLength(3); // both scripts carry the new nonce
    expect(second.body).not.toContain(first.nonce);
    expect(second.headers.get('content-type')).toBe('text/html; charset=utf-8');
    // a hit not encoded on the way says its length in bytes, not characters (the page is Chinese)
    const plainHit = await get(s, '/market', { 'x-user': '1', 'accept-encoding': 'identity' });
    expect(plainHit.headers.get('content-encoding')).toBeNull();
    expect(Number(plainHit.headers.get('content-length'))).toBe(Buffer.byteLength(plainHit.body));
    expect(plain(plainHit)).toBe(plain(first));
    expect(s.cache.counts()).toMatchObject({ hits: 2, renders: 1, kept: 1 });
  });

  it('renders again once anything is committed to the database, by any connection', async () => {
    const s = await setup();
    await get(s);
    await get(s);
    s.writer.prepare('insert into t values (1)').run();
    await get(s);
    expect(s.renders).toHaveLength(2);
    // A transaction rolled back changes nothing: still kept.
    s.writer.exec('begin');
    s.writer.prepare('insert into t values (2)').run();
    s.writer.exec('rollback');
    await get(s);
    expect(s.renders).toHaveLength(2);
  });

  it('does not keep a page when something was committed while it rendered', async () => {
    const s = await setup();
    s.next.commitWhileRendering = true;
    await get(s);
    s.next.commitWhileRendering = false;
    await get(s);
    await get(s);
    expect(s.renders).toHaveLength(2);
  });

  it('renders again when the clock reaches the moment the page declared, or the age bound', async () => {
    const changesAt = T0 + 5_000;
    const s = await setup(async (now) => (now < changesAt ? changesAt : null), { maxAgeMs: 60_000 });
    await get(s);
    s.clock.advance(4_999);
    await get(s);
    expect(s.renders).toHaveLength(1);
    s.clock.advance(1); // at the moment itself
    await get(s);
    expect(s.renders).toHaveLength(2);
    // Nothing declared any more: the age bound still ends the page, at 60 s exactly.
    s.clock.advance(59_999);
    await get(s);
    expect(s.renders).toHaveLength(2);
    s.clock.advance(1);
    await get(s);
    expect(s.renders).toHaveLength(3);
    // A clock set back before the render (a test clock) is not trusted with the kept page.
    s.clock.set(T0);
    await get(s);
    expect(s.renders).toHaveLength(4);
  });

  it('keeps a page per user, language and address, and never for someone signed out', async () => {
    const s = await setup();
    for (const headers of [{ 'x-user': '1' }, { 'x-user': '2' }, { 'x-user': '1', 'x-locale': 'en' }] as Record<string, string>[]) {
      const a = await get(s, '/market', headers);
      const b = await get(s, '/market', headers);
      expect(plain(b)).toBe(plain(a));
    }
    await get(s, '/market?page=2');
    await get(s, '/market?page=2');
    expect(s.renders).toEqual(['/market', '/market', '/market', '/market?page=2']);
    expect((await get(s, '/market', { 'x-user': '2' })).body).toContain('for 2');
    await get(s, '/market', {});
    await get(s, '/market', {});
    expect(s.renders).toHaveLength(6);
  });

  it('never keeps other pages, router payloads, failures or answers that set cookies', async () => {
    const s = await setup();
    await get(s, '/ledger');
    await get(s, '/ledger');
    await get(s, '/market', { 'x-user': '1', rsc: '1' });
    await get(s, '/market', { 'x-user': '1', rsc: '1' });
    await get(s, '/market?_rsc=abc');
    await get(s, '/market?_rsc=abc');
    expect(s.renders).toHaveLength(6);
    s.next.status = 500;
    await get(s);
    s.next.status = undefined;
    s.next.setCookie = true;
    await get(s);
    s.next.setCookie = false;
    expect(s.renders).toHaveLength(8);
    await get(s);
    await get(s);
    expect(s.renders).toHaveLength(9);
  });

  it('renders a page once for requests that arrive together', async () => {
    const s = await setup();
    s.next.pauseMs = 50;
    const answers = await Promise.all(Array.from({ length: 10 }, () => get(s)));
    expect(s.renders).toHaveLength(1);
    for (const a of answers) expect(plain(a)).toBe(plain(answers[0]!));
    expect(new Set(answers.map((a) => a.nonce)).size).toBe(10);
  });

  it('renders once more for requests that arrive while a render is outdated by commits, and gives them all its page', async () => {
    const s = await setup();
    s.next.pauseMs = 50;
    s.next.commitWhileRendering = true; // every render sees a commit: no page is ever kept
    const first = get(s);
    await vi.waitFor(() => expect(s.renders).toHaveLength(1), { interval: 2 });
    const later = await Promise.all(Array.from({ length: 8 }, () => get(s)));
    expect((await first).body).toContain('render 1 ');
    // Render 1 began before they arrived, so it may miss what they must see: one render after it serves all eight.
    expect(s.renders).toHaveLength(2);
    for (const a of later) expect(a.body).toContain('render 2 ');
    expect(new Set(later.map((a) => a.nonce)).size).toBe(8);
    expect(s.cache.counts()).toMatchObject({ renders: 2, kept: 0 });
  });

  it('compresses kept pages as it compresses rendered ones', async () => {
    const s = await setup();
    const raw = async () => {
      const r = await new Promise<http.IncomingMessage>((resolve) => http.get(`${s.base}/market`, { headers: { 'x-user': '1', 'accept-encoding': 'gzip' } }, resolve));
      const chunks: Buffer[] = [];
      for await (const c of r) chunks.push(c as Buffer);
      return { encoding: r.headers['content-encoding'], body: gunzipSync(Buffer.concat(chunks)).toString('utf8') };
    };
    const first = await raw();
    const second = await raw();
    expect([first.encoding, second.encoding]).toEqual(['gzip', 'gzip']);
    expect(s.renders).toHaveLength(1);
    expect(second.body.length).toBe(first.body.length);
  });

  it('drops the least recently asked pages beyond its bound on memory', async () => {
    // Each page is ~2,150 bytes: two fit in 5,000 bytes, not three.
    const s = await setup(async () => null, { maxBytes: 5_000 });
    await get(s, '/market?page=1');
    await get(s, '/market?page=2');
    await get(s, '/market?page=1'); // page 1 is now the most recent
    await get(s, '/market?page=3'); // page 2 goes
    await get(s, '/market?page=1');
    await get(s, '/market?page=2');
    expect(s.renders).toEqual(['/market?page=1', '/market?page=2', '/market?page=3', '/market?page=2']);
    expect(s.cache.counts()).toMatchObject({ kept: 2 });
    expect(s.cache.counts().keptBytes).toBeLessThanOrEqual(5_000);
  });

  it('renders as if it did not exist when the page cannot say when it changes', async () => {
    const s = await setup(() => {
      throw new Error('no database');
    });
    const errors = vi.spyOn(log(), 'error');
    expect((await get(s)).status).toBe(200);
    expect((await get(s)).status).toBe(200);
    expect(s.renders).toHaveLength(2);
    expect(errors).toHaveBeenCalledTimes(2);
    errors.mockRestore();
  });
});
