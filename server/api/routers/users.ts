// User administration by the province (issue 5).
import { hash } from '@node-rs/argon2';
import { z } from 'zod';
import { organisationsList, usersWithOrganisation } from '@/server/data/users';
import { DomainError } from '@/server/domain/errors';
import { passwordAcceptable } from '@/server/domain/throttle';
import { createUser, resetPassword, setUserDisabled } from '@/server/services/users';
import { chosenIdField, idField, textField } from '../schemas/common';
import { provinceProcedure, router } from '../trpc';

const password = z.string({ error: 'required' }).min(1, { error: 'required' }).max(256, { error: 'tooLong' });
const newPasswordHash = async (p: string) => {
  if (!passwordAcceptable(p)) throw new DomainError('weakPassword');
  return hash(p);
};

export const usersRouter = router({
  list: provinceProcedure.meta({ data: 'province-wide' }).query(({ ctx }) => usersWithOrganisation(ctx.services.db)),

  organisations: provinceProcedure.meta({ data: 'province-wide' }).query(({ ctx }) => organisationsList(ctx.services.db)),

  create: provinceProcedure.meta({ data: 'province-wide' })
    .input(
      z.object({
        username: textField(64).min(1, { error: 'required' }).min(3, { error: 'usernameFormat' }).regex(/^[a-z0-9_.-]+$/, { error: 'usernameFormat' }),
        displayName: textField(100).min(1, { error: 'required' }),
        organisationId: chosenIdField,
        password,
      }),
    )
    .mutation(async ({ ctx, input }) => createUser(ctx.services, ctx.actor, { username: input.username, displayName: input.displayName, organisationId: input.organisationId, passwordHash: await newPasswordHash(input.password) })),

  setDisabled: provinceProcedure.meta({ data: 'province-wide' }).input(z.object({ userId: idField, disabled: z.boolean({ error: 'required' }) })).mutation(({ ctx, input }) => setUserDisabled(ctx.services, ctx.actor, input.userId, input.disabled)),

  resetPassword: provinceProcedure.meta({ data: 'province-wide' })
    .input(z.object({ userId: idField, password }))
    .mutation(async ({ ctx, input }) => resetPassword(ctx.services, ctx.actor, input.userId, await newPasswordHash(input.password))),
});
