// The process `npm start` runs (docs/decisions/0005): one Node http server. A tRPC call goes straight
// to the router — the calls that crowd at an auction's close pay for no framework routing, no page
// machinery and no per-request key derivation; every other request (pages, sign-in, files) goes to
// Next.js. Both share the process's database connection (server/runtime.ts) and the same context.
import http from 'node:http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import compression from 'compression';
import next from 'next';
import securityHeaders from '@/lib/security-headers.json';
import { createContext, reportInternalError } from '@/server/api/context';
import { startCheckpointer } from '@/db/checkpointer';
import { appRouter } from '@/server/api/root';
import { createSingleCallHandler } from '@/server/api/single-call';
import { marketChangesAt } from '@/server/data/views';
import { createPageCache } from '@/server/page-cache';
import { env } from '@/server/env';
import { runtime } from '@/server/runtime';

const TRPC_PATH = '/api/trpc/';

// A bid or a form is a few hundred bytes; a megabyte leaves room and refuses anything absurd.
const MAX_BODY_SIZE = 1024 * 1024;

const trpc = createSingleCallHandler({
  router: appRouter,
  basePath: TRPC_PATH,
  maxBodySize: MAX_BODY_SIZE,
  createContext: (req) => createContext({ cookies: req.headers.cookie }),
  onError: reportInternalError,
  fallback: createHTTPHandler({
    router: appRouter,
    basePath: TRPC_PATH,
    maxBodySize: MAX_BODY_SIZE,
    createContext: ({ req }) => createContext({ cookies: req.headers.cookie }),
    onError: reportInternalError,
  }),
});

async function main() {
  const { services } = runtime(); // open the database (and apply migrations) before the first request
  const app = next({ dev: false, dir: process.cwd(), hostname: env.host, port: env.port });
  const nextHandler = app.getRequestHandler();
  await app.prepare();
  // Pages kept while nothing they show has changed (server/page-cache.ts): the market, asked for by
  // every zone far more often than it changes.
  const pageCache = createPageCache({
    databaseFile: env.databaseFile,
    now: () => services.clock.now(),
    viewerOf: async (req) => {
      const { user, locale } = await createContext({ cookies: req.headers.cookie });
      return user && { userId: user.id, locale };
    },
    pages: { '/market': (now) => marketChangesAt(services.db, now) },
  });
  // Pages are compressed here rather than by Next.js, so that a kept page is kept before encoding.
  // (compression needs only Node's own request and response; its types name Express's.)
  const compress = compression() as unknown as (req: http.IncomingMessage, res: http.ServerResponse, then: () => void) => void;
  const server = http.createServer((req, res) => {
    if (req.url?.startsWith(TRPC_PATH)) {
      for (const { key, value } of securityHeaders) res.setHeader(key, value);
      res.setHeader('Cache-Control', 'no-store');
      trpc(req, res);
      return;
    }
    compress(req, res, () => void pageCache.handle(req, res, () => nextHandler(req, res)));
  });
  server.listen(env.port, env.host, () => console.log(`指标交易平台 Quota Exchange: http://${env.host}:${env.port}`));
  // Most WAL checkpoints off the thread that answers requests (db/checkpointer.ts).
  const checkpointer = startCheckpointer(services.db, env.databaseFile);
  const stop = () =>
    server.close(() => {
      pageCache.close();
      void checkpointer.stop().finally(() => process.exit(0));
    });
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
