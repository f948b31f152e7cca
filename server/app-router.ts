import 'server-only';
import { accountsRouter } from '@/server/accounts/router';
import { apiKeysRouter, feedRouter } from '@/server/apikeys/router';
import { auditRouter } from '@/server/audit/router';
import { bidsRouter } from '@/server/market/bids.router';
import { guidanceRouter } from '@/server/guidance/router';
import { integrityRouter } from '@/server/integrity/router';
import { statsRouter } from '@/server/stats/router';
import { listingsRouter } from '@/server/market/listings.router';
import { meRouter } from '@/server/users/me.router';
import { notificationsRouter } from '@/server/notifications/router';
import { outlookRouter } from '@/server/outlook/router';
import { planRouter, proceedsRouter, rightsRouter } from '@/server/holdings/router';
import { projectsRouter } from '@/server/projects/router';
import { tradesRouter } from '@/server/market/trades.router';
import { usersRouter } from '@/server/users/router';
import { settingsRouter } from '@/server/settings/router';
import { verifyRouter } from '@/server/verify/router';
import { createCallerFactory, router } from '@/server/kernel/trpc';

export const appRouter = router({
  me: meRouter,
  listings: listingsRouter,
  bids: bidsRouter,
  trades: tradesRouter,
  accounts: accountsRouter,
  projects: projectsRouter,
  rights: rightsRouter,
  proceeds: proceedsRouter,
  plan: planRouter,
  guidance: guidanceRouter,
  settings: settingsRouter,
  stats: statsRouter,
  integrity: integrityRouter,
  audit: auditRouter,
  users: usersRouter,
  notifications: notificationsRouter,
  outlook: outlookRouter,
  verify: verifyRouter,
  apiKeys: apiKeysRouter,
  feed: feedRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
