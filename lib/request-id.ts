// A request id for a call that may be sent again after an unknown outcome (server/books/client-requests.ts):
// 32 hex digits from the browser's random source, which plain http pages have too (randomUUID needs https).
export const newRequestId = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
