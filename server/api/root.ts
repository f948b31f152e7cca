import { accountsRouter } from './routers/accounts';
import { auditRouter } from './routers/audit';
import { bidsRouter } from './routers/bids';
import { guidanceRouter } from './routers/guidance';
import { statsRouter } from './routers/stats';
import { listingsRouter } from './routers/listings';
import { meRouter } from './routers/me';
import { notificationsRouter } from './routers/notifications';
import { planRouter, proceedsRouter, rightsRouter } from './routers/holdings';
import { projectsRouter } from './routers/projects';
import { tradesRouter } from './routers/trades';
import { usersRouter } from './routers/users';
import { createCallerFactory, router } from './trpc';

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
  stats: statsRouter,
  audit: auditRouter,
  users: usersRouter,
  notifications: notificationsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
