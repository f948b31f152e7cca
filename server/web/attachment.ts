// How every stored or generated file leaves the server: as a download, never displayed in the
// browser. A PDF someone uploaded could carry script or a page made to look like ours; sent as an
// attachment, unsniffed and under a sandboxing policy, it is never rendered as part of our origin.
import 'server-only';

/** RFC 5987 attr-chars are letters, digits and !#$&+-.^_`|~; encodeURIComponent leaves ' ( ) * as they are. */
const extValue = (name: string) => encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const PLAIN_NAME = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * The response headers of a download: Content-Disposition attachment with the user's name for the file
 * in UTF-8 (RFC 6266 filename*, so Chinese names arrive whole) and a plain ASCII `fallbackName` for
 * clients that read only `filename`; no sniffing; a CSP that sandboxes the file were it opened anyway.
 */
export function attachmentHeaders(file: { name: string; fallbackName: string; contentType: string; length?: number }): Record<string, string> {
  if (!PLAIN_NAME.test(file.fallbackName)) throw new Error(`fallback file name must be plain ASCII: ${file.fallbackName}`);
  return {
    'Content-Type': file.contentType,
    ...(file.length === undefined ? {} : { 'Content-Length': String(file.length) }),
    'Content-Disposition': `attachment; filename="${file.fallbackName}"; filename*=UTF-8''${extValue(file.name)}`,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "sandbox; default-src 'none'",
    'Cache-Control': 'private, no-store',
  };
}
