// The Content-Security-Policy nonce of one answer: made by proxy.ts for each page Next.js
// renders, and again by server/web/page-cache.ts for each answer it serves from a kept page.
export const newNonce = () => Buffer.from(crypto.randomUUID()).toString('base64');
