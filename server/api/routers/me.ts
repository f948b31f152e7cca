import { publicProcedure, router } from '../trpc';

export const meRouter = router({
  get: publicProcedure.meta({ data: 'public' }).query(({ ctx }) => ctx.user),
});
