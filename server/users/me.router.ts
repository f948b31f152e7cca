import 'server-only';
import { z } from 'zod';
import { countSignInAttempt, recordSignInSuccess } from '@/server/kernel/limits';
import { passwordField } from '@/server/kernel/fields';
import { passwordOf } from './queries';
import { DomainError } from '@/server/kernel/errors';
import { newPasswordHash, passwordMatches } from './passwords';
import { changeOwnPassword } from './users';
import { ownAccountProcedure, router, whoAmIProcedure } from '@/server/kernel/trpc';
import { meOut, userOut } from './outputs';

export const meRouter = router({
  get: whoAmIProcedure.meta({ data: 'public' }).output(meOut).query(({ ctx }) => ctx.user),

  /** The signed-in user replaces their password; every session of theirs ends, this one too. */
  changePassword: ownAccountProcedure
    .meta({ data: 'own organisation' })
    .input(z.object({ currentPassword: passwordField, newPassword: passwordField }))
    .output(userOut)
    .mutation(async ({ ctx, input }) => {
      // Guessing the current password here is throttled as a sign-in is (a session left open is not a licence to guess).
      const address = ctx.address ?? 'unknown';
      const waitMs = await countSignInAttempt(ctx.user.username, address);
      if (waitMs > 0) throw new DomainError('signInThrottled', { minutes: Math.ceil(waitMs / 60_000) });
      const stored = await passwordOf(ctx.services.db, ctx.actor.userId);
      if (!stored || !(await passwordMatches(stored.passwordHash, input.currentPassword))) throw new DomainError('wrongCurrentPassword');
      await recordSignInSuccess(ctx.user.username, address);
      if (input.newPassword === input.currentPassword) throw new DomainError('samePassword');
      return changeOwnPassword(ctx.services, ctx.actor, await newPasswordHash(input.newPassword));
    }),
});
