// Headers server/main.ts sets on each request it hands to Next.js, after removing any a client sent:
// what it alone knows (the client's address behind the trusted proxies, the request's id, the peer).
import 'server-only';
export const CLIENT_ADDRESS_HEADER = 'x-qx-client-address';
export const REQUEST_ID_HEADER = 'x-qx-request-id';
export const PEER_ADDRESS_HEADER = 'x-qx-peer-address';
export const OWN_HEADERS = [CLIENT_ADDRESS_HEADER, REQUEST_ID_HEADER, PEER_ADDRESS_HEADER] as const;
