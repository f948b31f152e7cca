import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '@/server/app-router';
import { createContext, reportInternalError } from '@/server/web/context';
import { BACKGROUND_HEADER } from '@/lib/background';
import { MAX_BATCH_SIZE } from '@/server/kernel/trpc';

// `npm start` answers /api/trpc in server/main.ts before Next routes anything (docs/decisions/0005);
// this handler serves the same router under `next dev` and any plain `next start`.
export const dynamic = 'force-dynamic';

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: () => createContext({ cookies: req.headers.get('cookie'), background: req.headers.get(BACKGROUND_HEADER) === '1' }),
    onError: reportInternalError,
  });

export { handler as GET, handler as POST };
