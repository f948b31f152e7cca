// Whether this process is served by server/main.ts, whose edge (server/web/server.ts) checks every
// request and alone sets the x-qx-* headers. Under any other server (`next start`, `next dev`) those
// headers may come from a client and are ignored, and a production start refuses to run at all
// (instrumentation.ts).
import 'server-only';
const g = globalThis as unknown as { __qxEdge?: boolean };

export const markEdgeInFront = () => {
  g.__qxEdge = true;
};
export const edgeInFront = () => g.__qxEdge === true;
