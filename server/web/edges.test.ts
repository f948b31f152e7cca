import { describe, expect, it } from 'vitest';
import { BODY_LIMIT } from '@/server/kernel/trpc';
import { UPLOAD_BODY_LIMIT, bodyVerdict, clientAddressOf, crossSite, hasDotSegments, isLoopback, overHttps, ownPath, pathOf } from './edges';

describe('the client address', () => {
  it('is the socket peer; a client’s own X-Forwarded-For counts for nothing without a trusted proxy', () => {
    expect(clientAddressOf('203.0.113.9', { 'x-forwarded-for': '10.0.0.1' }, [])).toBe('203.0.113.9');
    expect(clientAddressOf('::ffff:198.51.100.7', {}, [])).toBe('198.51.100.7');
    expect(clientAddressOf(undefined, {}, [])).toBe('unknown');
  });

  it('behind trusted proxies, the nearest forwarded address that is not one of them', () => {
    const proxies = ['127.0.0.1', '10.0.0.2'];
    expect(clientAddressOf('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' }, proxies)).toBe('203.0.113.9');
    // A forged first hop is skipped: the proxy appended the real peer last.
    expect(clientAddressOf('127.0.0.1', { 'x-forwarded-for': '1.2.3.4, 203.0.113.9' }, proxies)).toBe('203.0.113.9');
    expect(clientAddressOf('127.0.0.1', { 'x-forwarded-for': '203.0.113.9, 10.0.0.2' }, proxies)).toBe('203.0.113.9');
    expect(clientAddressOf('127.0.0.1', {}, proxies)).toBe('127.0.0.1');
    expect(clientAddressOf('198.51.100.1', { 'x-forwarded-for': '1.2.3.4' }, proxies)).toBe('198.51.100.1');
  });

  it('loopback and https as the socket or a trusted proxy says', () => {
    expect([isLoopback('127.0.0.1'), isLoopback('::1'), isLoopback('::ffff:127.0.0.5'), isLoopback('10.0.0.1')]).toEqual([true, true, true, false]);
    expect(overHttps('203.0.113.9', { 'x-forwarded-proto': 'https' }, [], false)).toBe(false);
    expect(overHttps('127.0.0.1', { 'x-forwarded-proto': 'https' }, ['127.0.0.1'], false)).toBe(true);
    expect(overHttps('127.0.0.1', { 'x-forwarded-proto': 'http' }, ['127.0.0.1'], false)).toBe(false);
    // The proxy appends its own: a client's 'https' in front counts for nothing.
    expect(overHttps('127.0.0.1', { 'x-forwarded-proto': 'https, http' }, ['127.0.0.1'], false)).toBe(false);
    expect(overHttps('203.0.113.9', {}, [], true)).toBe(true);
  });
});

describe('cross-site requests', () => {
  it('a state-changing request from another site is refused, by Sec-Fetch-Site or else by Origin', () => {
    expect(crossSite('POST', { 'sec-fetch-site': 'cross-site' })).toBe(true);
    expect(crossSite('POST', { 'sec-fetch-site': 'same-site' })).toBe(true);
    expect(crossSite('DELETE', { 'sec-fetch-site': 'cross-site' })).toBe(true);
    expect(crossSite('POST', { 'sec-fetch-site': 'same-origin', origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' })).toBe(false);
    expect(crossSite('POST', { 'sec-fetch-site': 'none' })).toBe(false);
    expect(crossSite('POST', { origin: 'https://evil.example', host: 'quota.example' })).toBe(true);
    expect(crossSite('POST', { origin: 'null', host: 'quota.example' })).toBe(true);
    expect(crossSite('POST', { origin: 'not a url', host: 'quota.example' })).toBe(true);
    expect(crossSite('POST', { origin: 'https://quota.example', host: 'quota.example' })).toBe(false);
    // Not from a browser page: no cookies sent by surprise.
    expect(crossSite('POST', {})).toBe(false);
  });

  it('reading is never refused', () => {
    expect(crossSite('GET', { 'sec-fetch-site': 'cross-site' })).toBe(false);
    expect(crossSite('HEAD', { origin: 'https://evil.example', host: 'quota.example' })).toBe(false);
  });
});

describe('body limits', () => {
  it('a declared length over the path’s limit is refused before reading; uploads have their own', () => {
    expect(bodyVerdict('/api/auth/callback/credentials', { 'content-length': String(BODY_LIMIT) }, false)).toBe('ok');
    expect(bodyVerdict('/api/auth/callback/credentials', { 'content-length': String(BODY_LIMIT + 1) }, false)).toBe('tooLarge');
    expect(bodyVerdict('/login', { 'content-length': String(400 * 1024 * 1024) }, false)).toBe('tooLarge');
    expect(bodyVerdict('/api/projects/7/documents', { 'content-length': String(UPLOAD_BODY_LIMIT) }, false)).toBe('ok');
    expect(bodyVerdict('/api/projects/7/documents', { 'content-length': String(UPLOAD_BODY_LIMIT + 1) }, false)).toBe('tooLarge');
    expect(bodyVerdict('/api/trpc/bids.place', { 'content-length': String(BODY_LIMIT + 1) }, true)).toBe('tooLarge');
  });

  it('a body of unknown length is refused where its bytes are not counted', () => {
    expect(bodyVerdict('/api/auth/callback/credentials', { 'transfer-encoding': 'chunked' }, false)).toBe('lengthRequired');
    expect(bodyVerdict('/api/trpc/bids.place', { 'transfer-encoding': 'chunked' }, true)).toBe('ok');
    expect(bodyVerdict('/market', {}, false)).toBe('ok');
  });

  it('the logged path leaves out the query', () => {
    expect(pathOf('/api/trpc/listings.get?input=%7B%22id%22%3A1%7D')).toBe('/api/trpc/listings.get');
    expect(pathOf(undefined)).toBe('');
  });
});

describe('the way back after switching the language', () => {
  it('stays on this site', () => {
    expect(ownPath('/market?page=2')).toBe('/market?page=2');
    expect(ownPath('/listings/7#bids')).toBe('/listings/7#bids');
    for (const away of ['//evil.example', '/\\evil.example', '/\\/evil.example', 'https://evil.example', 'evil', '', '/market\n', '/\u0000x']) expect(ownPath(away), away).toBe('/');
  });
});

describe('dot segments', () => {
  it('a path that Next.js would resolve to another one is recognised, however encoded', () => {
    for (const p of ['/api/x/../trpc/me.get', '/api/./trpc/me.get', '/api/x/%2e%2e/trpc/me.get', '/api/x/%2E./trpc', '/..', '/market/.']) expect(hasDotSegments(p), p).toBe(true);
    for (const p of ['/api/trpc/me.get,listings.get', '/market', '/listings/12', '/_next/static/chunks/a.b.js', '/icon.svg']) expect(hasDotSegments(p), p).toBe(false);
  });
});
