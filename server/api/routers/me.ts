import { publicProcedure, router } from '../trpc';

export const meRouter = router({
  get: publicProcedure.query(({ ctx }) => ctx.user),
});
