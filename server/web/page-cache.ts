// Rendered pages served again while nothing they show can have changed (decision
// 0006). Next.js spends ~10 ms of this machine's time rendering the market page, and a zone asks for
// it far more often than the market changes. A page is kept per user, language and address, and is
// served again only while
//   1. no commit has reached the database since it was rendered: the engine's version moves with every
//      commit, other processes' included (db/engine.ts: SQLite's `data_version`, PostgreSQL's WAL
//      position); and
//   2. the clock has not reached the next moment the page changes by time alone (a listing opening
//      or closing, guidance coming into force), which the page's entry below declares.
// Every answer still checks the session and gets its own Content-Security-Policy nonce.
import 'server-only';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { newNonce } from '@/lib/csp-nonce';
import { log, loggableCause } from '@/server/kernel/log';

/** For a page that may be kept: the next moment it changes by the clock alone (ms), or null for none. */
export type ChangesAt = (now: number) => Promise<number | null>;

export interface PageCacheOptions {
  /** Moves whenever a commit has reached the database (the engine's `version`). */
  version: () => Promise<string>;
  now: () => number;
  /** Who asks, in which language: null (signed out, session ended) is never served from the cache. */
  viewerOf: (req: IncomingMessage) => Promise<{ userId: number; locale: string } | null>;
  /** The pages that may be kept, by path (without the query). */
  pages: Record<string, ChangesAt>;
  /** A bound on the memory the kept pages take (their bytes). */
  maxBytes?: number;
  /** A bound on any page's age, for what it shows that no declared moment covers. */
  maxAgeMs?: number;
}

interface Kept {
  version: string;
  renderedAt: number;
  until: number;
  headers: OutgoingHttpHeaders;
  /**
   * The page's bytes around each use of its nonce, encoded once: a hit joins them with a new nonce,
   * never encoding the page again (encoding a 100 KB page of Chinese text cost ~1 ms a hit).
   */
  parts: Buffer[];
  nonce: string;
}

/** What Next.js's client router asks for instead of a document: its own payloads, never kept. */
const ROUTER_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-action'];
/** Set again for each answer by whatever encodes it. */
const ENCODING_HEADERS = ['content-encoding', 'content-length', 'transfer-encoding'];
const NONCE = /'nonce-([^']+)'/;

export function createPageCache(options: PageCacheOptions) {
  const { now, viewerOf, pages, maxBytes = 32 * 1024 * 1024, maxAgeMs = 60_000 } = options;
  const { version } = options;
  /** Insertion order is recency: a hit moves its page to the end, the first is the oldest. */
  const kept = new Map<string, Kept>();
  let keptBytes = 0;
  const sizeOf = (page: Kept) => page.parts.reduce((n, part) => n + part.length, 0);
  /**
   * The render under way per page, and when it began on the count of arrivals: requests for a page
   * wait for one render that began after they arrived, so a page rendered again after every commit
   * takes one render at a time, not one per request.
   */
  const rendering = new Map<string, { began: number; page: Promise<Kept | null> }>();
  let arrivals = 0;
  const counts = { hits: 0, renders: 0 };

  const fresh = async (page: Kept | undefined, at: number) =>
    page !== undefined && page.version === (await version()) && at >= page.renderedAt && at < page.until;

  function send(key: string, page: Kept, res: ServerResponse) {
    kept.delete(key);
    kept.set(key, page);
    sendCopy(page, res);
  }

  /** The page with a new nonce, whether or not it is kept. */
  function sendCopy(page: Kept, res: ServerResponse) {
    counts.hits++;
    const nonce = newNonce();
    for (const [name, value] of Object.entries(page.headers)) {
      if (value === undefined) continue;
      res.setHeader(name, typeof value === 'string' ? value.replaceAll(page.nonce, nonce) : value);
    }
    res.statusCode = 200;
    // The kept parts are written as they are, the nonce between them, in one turn (one writev): a
    // copy of the whole page per answer cost more than the rest of the answer.
    const between = Buffer.from(nonce);
    res.setHeader('content-length', sizeOf(page) + between.length * (page.parts.length - 1));
    page.parts.forEach((part, i) => {
      if (i > 0) res.write(between);
      res.write(part);
    });
    res.end();
  }

  function keep(key: string, page: Kept) {
    drop(key);
    kept.set(key, page);
    keptBytes += sizeOf(page);
    while (keptBytes > maxBytes) drop(kept.keys().next().value!);
  }

  function drop(key: string) {
    const page = kept.get(key);
    if (!page) return;
    kept.delete(key);
    keptBytes -= sizeOf(page);
  }

  /**
   * Renders through `render`, and keeps the page when it was rendered with nothing committed meanwhile.
   * The page, kept or not, is the answer for the requests that waited for this render.
   */
  async function renderAndKeep(key: string, changesAt: ChangesAt, res: ServerResponse, render: () => Promise<unknown>): Promise<Kept | null> {
    const before = await version();
    const renderedAt = now();
    const until = Math.min((await changesAt(renderedAt)) ?? Infinity, renderedAt + maxAgeMs);
    const body = captureBody(res);
    counts.renders++;
    render().catch((error: unknown) => log().error({ event: 'internal-error', ...loggableCause(error) }, 'page render failed'));
    return new Promise<Kept | null>((resolve) => {
      res.once('close', () => void settle().then(resolve, () => resolve(null)));
      const settle = async (): Promise<Kept | null> => {
        const html = body();
        const headers = { ...res.getHeaders() };
        const csp = headers['content-security-policy'];
        const nonce = typeof csp === 'string' ? NONCE.exec(csp)?.[1] : undefined;
        // Only a whole, plain answer rendered without a commit meanwhile, and never one that sets cookies.
        if (!res.writableFinished || res.statusCode !== 200 || html === null || !nonce || headers['set-cookie'] !== undefined) return null;
        for (const name of ENCODING_HEADERS) delete headers[name];
        const page: Kept = { version: before, renderedAt, until, headers, parts: html.split(nonce).map((part) => Buffer.from(part)), nonce };
        if ((await version()) === before) keep(key, page);
        return page;
      };
    });
  }

  /** Answers a request from the cache when it may, else through `render` (Next.js). */
  async function handle(req: IncomingMessage, res: ServerResponse, render: () => Promise<unknown>) {
    try {
      return await answer(req, res, render);
    } catch (error) {
      // The cache is only a shortcut: if it fails, the page is rendered as if it did not exist.
      log().error({ event: 'internal-error', ...loggableCause(error) }, 'page cache failed');
      if (!res.headersSent) return render();
    }
  }

  async function answer(req: IncomingMessage, res: ServerResponse, render: () => Promise<unknown>) {
    const url = new URL(req.url ?? '/', 'http://page');
    const changesAt = pages[url.pathname];
    if (req.method !== 'GET' || !changesAt || url.searchParams.has('_rsc') || ROUTER_HEADERS.some((h) => req.headers[h] !== undefined)) {
      return render();
    }
    const arrived = ++arrivals;
    const viewer = await viewerOf(req);
    if (!viewer) return render();
    const key = `${viewer.userId}\n${viewer.locale}\n${req.url}`;
    const page = kept.get(key);
    if (page && (await fresh(page, now()))) return send(key, page, res);
    drop(key);
    // A render that began before this request arrived may miss a commit the request must see: wait
    // for it, then for (or begin) the next, which shows every commit made before the request.
    for (let round = 0; round < 3; round++) {
      const under = rendering.get(key);
      if (!under) {
        const began = ++arrivals;
        const done = renderAndKeep(key, changesAt, res, render).finally(() => rendering.delete(key));
        rendering.set(key, { began, page: done });
        await done;
        return;
      }
      const rendered = await under.page;
      if (under.began > arrived) return rendered ? sendCopy(rendered, res) : render();
      const after = kept.get(key);
      if (after && (await fresh(after, now()))) return send(key, after, res);
    }
    return render();
  }

  return {
    handle,
    /** How many answers came from the cache and how many were rendered (for tests and the benchmark). */
    counts: () => ({ ...counts, kept: kept.size, keptBytes }),
  };
}

/** Records what is written to `res` (as the page's renderer writes it, before any encoding); null if not text. */
function captureBody(res: ServerResponse): () => string | null {
  const chunks: Buffer[] = [];
  let readable = true;
  const record = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk)); // a copy: the writer may reuse its buffer
    else readable = false;
  };
  const write = res.write;
  const end = res.end;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    record(chunk, rest[0]);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof res.write;
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    record(chunk, rest[0]);
    return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as typeof res.end;
  return () => (readable ? Buffer.concat(chunks).toString('utf8') : null);
}
