// What answers every request of `npm start` / `npm run serve` (server/main.ts builds it with Next.js
// for the pages; tests build it with a stand-in). Each request is first checked at the edge (edges.ts:
// cross-site writes, body size), given an id and the client's address, and logged when answered. A
// tRPC call then goes straight to the router — the calls that crowd at an auction's close pay for no
// framework routing, no page machinery and no per-request key derivation (docs/decisions/0005);
// every other request goes to `pages`.
import 'server-only';
import crypto from 'node:crypto';
import type http from 'node:http';
import type { TLSSocket } from 'node:tls';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import securityHeaders from '@/lib/security-headers.json';
import { LOCALE_COOKIE, asLocale, translate } from '@/lib/i18n';
import { createContext, reportInternalError } from './context';
import { BACKGROUND_HEADER } from '@/lib/background';
import { appRouter } from '@/server/app-router';
import { createSingleCallHandler } from './single-call';
import { MAX_BATCH_SIZE } from '@/server/kernel/trpc';
import { cookieValue } from './session';
import { BODY_LIMIT } from '@/server/kernel/trpc';
import { bodyLimitOf, bodyVerdict, clientAddressOf, crossSite, hasDotSegments, overHttps, pathOf } from './edges';
import { CLIENT_ADDRESS_HEADER, OWN_HEADERS, PEER_ADDRESS_HEADER, REQUEST_ID_HEADER } from './headers';
import { log } from '@/server/kernel/log';
import { type RequestFacts, inRequestScope } from '@/server/kernel/request-scope';

const TRPC_PATH = '/api/trpc/';
const HSTS = 'max-age=31536000; includeSubDomains';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** The tRPC calls: one call by the single-call path, everything else by tRPC's own adapter. */
export function createTrpcHandler(): Handler {
  return createSingleCallHandler({
    router: appRouter,
    basePath: TRPC_PATH,
    maxBodySize: BODY_LIMIT,
    createContext: (req) => createContext({ cookies: req.headers.cookie, background: req.headers[BACKGROUND_HEADER] === '1' }),
    onError: reportInternalError,
    fallback: createHTTPHandler({
      router: appRouter,
      basePath: TRPC_PATH,
      maxBodySize: BODY_LIMIT,
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: ({ req }) => createContext({ cookies: req.headers.cookie, background: req.headers[BACKGROUND_HEADER] === '1' }),
      onError: reportInternalError,
    }),
  });
}

type RefusalKey = 'crossSiteRefused' | 'bodyTooLarge' | 'lengthRequired' | 'requestUnreadable';
const REFUSALS = {
  requestUnreadable: { status: 400, trpcCode: 'BAD_REQUEST' },
  crossSiteRefused: { status: 403, trpcCode: 'FORBIDDEN' },
  bodyTooLarge: { status: 413, trpcCode: 'PAYLOAD_TOO_LARGE' },
  lengthRequired: { status: 411, trpcCode: 'BAD_REQUEST' },
} as const;

/** Refused at the edge, in the caller's language; on a tRPC path in tRPC's own error shape, one per call of a batch. */
function refuse(req: http.IncomingMessage, res: http.ServerResponse, facts: RequestFacts, key: RefusalKey, path: string) {
  const { status, trpcCode } = REFUSALS[key];
  const message = translate(facts.locale, 'errors', key, { maxKb: Math.round(bodyLimitOf(path) / 1024) });
  log().warn({ event: 'refused', reason: key, requestId: facts.id, method: req.method, path, address: facts.address }, 'request refused at the edge');
  res.statusCode = status;
  res.setHeader('Connection', 'close'); // the body, if any, is not read
  if (path.startsWith(TRPC_PATH)) {
    const one = { error: { message, code: TRPC_ERROR_CODES_BY_KEY[trpcCode], data: { code: trpcCode, httpStatus: status } } };
    const calls = req.url?.includes('batch=1') ? path.slice(TRPC_PATH.length).split(',') : null;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(calls ? calls.map(() => one) : one));
  } else {
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.end(message);
  }
}

export function createAppHandler({ trpc, pages, trustedProxies }: { trpc: Handler; pages: Handler; trustedProxies: readonly string[] }): Handler {
  return (req, res) => {
    const started = performance.now();
    const peer = req.socket.remoteAddress;
    const facts: RequestFacts = {
      id: crypto.randomUUID().slice(0, 13),
      address: clientAddressOf(peer, req.headers, trustedProxies),
      locale: asLocale(cookieValue(req.headers.cookie, LOCALE_COOKIE)),
    };
    const path = pathOf(req.url);
    res.setHeader('X-Request-Id', facts.id);
    if (overHttps(peer, req.headers, trustedProxies, (req.socket as TLSSocket).encrypted === true)) res.setHeader('Strict-Transport-Security', HSTS);
    // 'close' too: a request the client gave up on is still a line of the log (once).
    let logged = false;
    const logLine = () => {
      if (logged) return;
      logged = true;
      log().info({ event: 'request', requestId: facts.id, method: req.method, path, status: res.statusCode, ms: Math.round((performance.now() - started) * 10) / 10, user: facts.userId, address: facts.address, ...(res.writableFinished ? {} : { aborted: true }) }, 'request');
    };
    res.once('finish', logLine);
    res.once('close', logLine);

    const isTrpc = path.startsWith(TRPC_PATH);
    if (hasDotSegments(path)) return refuse(req, res, facts, 'requestUnreadable', path);
    if (crossSite(req.method, req.headers)) return refuse(req, res, facts, 'crossSiteRefused', path);
    const body = bodyVerdict(path, req.headers, isTrpc);
    if (body !== 'ok') return refuse(req, res, facts, body === 'tooLarge' ? 'bodyTooLarge' : 'lengthRequired', path);

    inRequestScope(facts, () => {
      if (isTrpc) {
        for (const { key, value } of securityHeaders) res.setHeader(key, value);
        res.setHeader('Cache-Control', 'no-store');
        trpc(req, res);
        return;
      }
      // What only this server knows, for Next.js's pages and handlers; a client's own copies are dropped.
      for (const h of OWN_HEADERS) delete req.headers[h];
      req.headers[CLIENT_ADDRESS_HEADER] = facts.address;
      req.headers[REQUEST_ID_HEADER] = facts.id;
      req.headers[PEER_ADDRESS_HEADER] = peer ?? '';
      pages(req, res);
    });
  };
}
