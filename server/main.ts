// The process `npm start` and `npm run serve` run (docs/decisions/0005): one Node http server whose
// requests are checked, logged and answered by server/web/server.ts — tRPC calls by the router
// directly, pages and the rest by Next.js — sharing the process's database connection.
import 'server-only';
import http from 'node:http';
import compression from 'compression';
import next from 'next';
import { startCheckpointer } from '@/server/web/checkpointer';
import { authSecret } from '@/server/web/auth-secret';
import { createContext } from '@/server/web/context';
import { marketChangesAt } from '@/server/market/views';
import { env } from '@/server/kernel/env';
import { markEdgeInFront } from '@/server/web/edge-marker';
import { flushLog, log } from '@/server/kernel/log';
import { createAppHandler, createTrpcHandler } from '@/server/web/server';
import { createPageCache } from '@/server/web/page-cache';
import { prepareDatabase } from '@/server/ops/prepare';
import { describeDatabase } from '@/server/ops/open-market';
import { runtime } from '@/server/web/runtime';
import { startScheduler } from '@/server/web/scheduler';

async function main() {
  const { services } = await runtime();
  // Migrations ran on open; the demo's data on a first demo start; the data folder's mode checked.
  const prepared = await prepareDatabase(services, { demo: env.demo, testClock: env.testClock });
  authSecret(); // generated into the data folder on a first start, unless AUTH_SECRET is set
  if (env.demo) log().warn({ event: 'start', mode: 'demo' }, '演示环境 / DEMO MODE: demo users with a published password; not for real use');
  if (env.testClock) log().warn({ event: 'start', testClock: true }, '测试时钟已开启 / TEST CLOCK ON: market time can be moved from loopback with the token; never in production');
  log().info({ event: 'start', mode: prepared.mode, database: describeDatabase(env.database), users: prepared.users }, 'database ready');
  if (prepared.mode === 'production' && prepared.users === 0) log().warn({ event: 'start' }, 'no users yet: create the first province administrator with `npm run admin:create`');

  // Closes due auctions, lapses unpaid awards and writes reminders, every QX_SWEEP_SECONDS.
  await startScheduler();
  markEdgeInFront(); // before Next.js starts, so that its instrumentation knows the edge is in front
  const app = next({ dev: false, dir: process.cwd(), hostname: env.host, port: env.port });
  const nextHandler = app.getRequestHandler();
  await app.prepare();
  // Pages kept while nothing they show has changed (server/web/page-cache.ts): the market, asked for by
  // every zone far more often than it changes.
  const pageCache = createPageCache({
    version: () => services.db.connection.engine.version(),
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
  const handle = createAppHandler({
    trpc: createTrpcHandler(),
    pages: (req, res) => compress(req, res, () => void pageCache.handle(req, res, () => nextHandler(req, res))),
    trustedProxies: env.trustedProxies,
  });
  const server = http.createServer(handle);
  server.listen(env.port, env.host, () => log().info({ event: 'listening', url: `http://${env.host}:${env.port}` }, `指标交易平台 Quota Exchange: http://${env.host}:${env.port}`));
  // Most WAL checkpoints off the thread that answers requests (server/web/checkpointer.ts).
  const checkpointer = startCheckpointer(services.db, env.databaseFile);
  const stop = () =>
    server.close(() => {
      void checkpointer.stop().finally(() => {
        flushLog();
        process.exit(0);
      });
    });
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  log().fatal({ event: 'start-failed', err: error instanceof Error ? error : new Error(message) }, message);
  flushLog();
  console.error(message);
  process.exit(1);
});
