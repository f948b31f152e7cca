import { z } from 'zod';
import { passwordOf } from '@/server/data/users';
import { DomainError } from '@/server/domain/errors';
import { newPasswordHash, passwordMatches } from '@/server/passwords';
import { changeOwnPassword } from '@/server/services/users';
import { ownAccountProcedure, publicProcedure, router } from '../trpc';

const password = z.string({ error: 'required' }).min(1, { error: 'required' }).max(256, { error: 'tooLong' });

export const meRouter = router({
  get: publicProcedure.meta({ data: 'public' }).query(({ ctx }) => ctx.user),

  /** The signed-in user replaces their password; every session of theirs ends, this one too. */
  changePassword: ownAccountProcedure
    .meta({ data: 'own organisation' })
    .input(z.object({ currentPassword: password, newPassword: password }))
    .mutation(async ({ ctx, input }) => {
      const stored = passwordOf(ctx.services.db, ctx.actor.userId);
      if (!stored || !(await passwordMatches(stored.passwordHash, input.currentPassword))) throw new DomainError('wrongCurrentPassword');
      if (input.newPassword === input.currentPassword) throw new DomainError('samePassword');
      return changeOwnPassword(ctx.services, ctx.actor, await newPasswordHash(input.newPassword));
    }),
});
