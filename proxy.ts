// Security headers for every page: a Content-Security-Policy with a fresh nonce per request
// (Next.js puts it on its own scripts; every page here renders on demand), no framing, no sniffing, a
// strict referrer policy. API routes answer JSON or files and get the static headers of
// next.config.mjs only, so the hot API path does no per-request work here.
import { type NextRequest, NextResponse } from 'next/server';
import { newNonce } from '@/lib/csp-nonce';

export function contentSecurityPolicy(nonce: string, dev = false) {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by a trusted script (code-split chunks such as the charts) run too.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React style attributes (and the charts' SVG) need inline styles; no inline script is allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Pages only (the API description at /api-docs is a page): not the API, not Next's static files.
  matcher: [{ source: '/((?!api/|_next/static|_next/image|favicon.ico).*)' }],
};
