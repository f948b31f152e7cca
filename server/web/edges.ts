// What every request is checked for before anything answers it (server/main.ts): where it comes
// from, whether a browser sent it from another site, and how large its body may be. Pure functions
// of the request's facts, so each rule is tested alone (edges.test.ts).
import 'server-only';
import { MAX_DOCUMENT_BYTES } from '@/server/projects/domain/documents';
import { BODY_LIMIT } from '@/server/kernel/trpc';

type Headers = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** An IPv4 address as Node reports it on a dual-stack socket (::ffff:1.2.3.4) is written plainly. */
const plainAddress = (address: string) => (address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address);

export const isLoopback = (address: string) => {
  const a = plainAddress(address);
  return a === '::1' || a.startsWith('127.');
};

/**
 * The client's address: the socket's peer, unless that peer is a trusted reverse proxy, in which case
 * the nearest address in X-Forwarded-For that is not itself a trusted proxy. Nothing a client writes
 * in a header counts unless a trusted proxy forwarded it (none by default).
 */
export function clientAddressOf(peer: string | undefined, headers: Headers, trustedProxies: readonly string[]): string {
  const socket = plainAddress(peer ?? 'unknown');
  if (!trustedProxies.includes(socket)) return socket;
  const forwarded = (first(headers['x-forwarded-for']) ?? '')
    .split(',')
    .map((a) => plainAddress(a.trim()))
    .filter(Boolean);
  for (let i = forwarded.length - 1; i >= 0; i--) {
    if (!trustedProxies.includes(forwarded[i]!)) return forwarded[i]!;
  }
  return socket;
}

/** Whether the browser reached us over https: a TLS socket, or a trusted proxy saying so. */
export function overHttps(peer: string | undefined, headers: Headers, trustedProxies: readonly string[], encrypted: boolean): boolean {
  if (encrypted) return true;
  // The last entry is the one the trusted proxy added; earlier ones are whatever the client sent.
  return trustedProxies.includes(plainAddress(peer ?? '')) && first(headers['x-forwarded-proto'])?.split(',').at(-1)?.trim() === 'https';
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A state-changing request a browser sent from another site (a forged form or script): refused. The
 * browser says so in Sec-Fetch-Site; older ones send Origin, compared with the Host asked for. A
 * request with neither is not from a browser page, so carries no one's cookies by surprise.
 */
export function crossSite(method: string | undefined, headers: Headers): boolean {
  if (!STATE_CHANGING.has(method ?? '')) return false;
  const site = first(headers['sec-fetch-site']);
  if (site !== undefined) return site !== 'same-origin' && site !== 'none';
  const origin = first(headers.origin);
  if (origin === undefined) return false;
  if (origin === 'null') return true;
  try {
    return new URL(origin).host !== first(headers.host);
  } catch {
    return true;
  }
}

/** A plan document may be uploaded up to its own limit (and the form around it); every other body is small. */
export const UPLOAD_BODY_LIMIT = MAX_DOCUMENT_BYTES + 256 * 1024;
const UPLOAD_PATH = /^\/api\/projects\/[^/]+\/documents\/?$/;

export const bodyLimitOf = (path: string) => (UPLOAD_PATH.test(path) ? UPLOAD_BODY_LIMIT : BODY_LIMIT);

export type BodyVerdict = 'ok' | 'tooLarge' | 'lengthRequired';

/**
 * Judged from the headers alone, before a byte is read: a declared length over the limit is refused,
 * and a body of unknown length (chunked) is refused where the limit cannot be kept while Next.js reads
 * it (the tRPC paths count their bytes themselves).
 */
export function bodyVerdict(path: string, headers: Headers, countsItsOwnBytes: boolean): BodyVerdict {
  const length = first(headers['content-length']);
  if (length !== undefined) return Number(length) > bodyLimitOf(path) ? 'tooLarge' : 'ok';
  if (first(headers['transfer-encoding']) !== undefined && !countsItsOwnBytes) return 'lengthRequired';
  return 'ok';
}

/**
 * A path with `.` or `..` segments (plain or percent-encoded): Next.js resolves them, so
 * `/api/x/../trpc/…` would reach the API's route by a path the edge did not recognise as the API's.
 * No page or call of this app has one: refused.
 */
export const hasDotSegments = (path: string) => /(^|\/)(\.|%2e){1,2}(\/|%2f|$)/i.test(path);

/** The path without its query (which may carry inputs), for the log. */
export const pathOf = (url: string | undefined) => {
  const u = url ?? '';
  const q = u.indexOf('?');
  return q === -1 ? u : u.slice(0, q);
};

/**
 * A path on this site to send a browser back to, or '/': never another site, however written
 * (`//host`, `/\host` — browsers read a backslash as a slash — or with control characters).
 */
export function ownPath(value: string): string {
  const controls = [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  return !controls && /^\/(?![/\\])[^\\]*$/.test(value) ? value : '/';
}
