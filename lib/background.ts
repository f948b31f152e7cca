// A page's own refreshes (a live auction's, every 2 s) are not the user's doing: marked in the query's
// tRPC context, their requests carry a header, and they do not keep an idle session alive
// (server/web/session.ts).
export const BACKGROUND_HEADER = 'x-qx-background';
/** The tRPC context of such a query: `queryOptions(input, { trpc: { context: background } })`. */
export const background = { background: true };
