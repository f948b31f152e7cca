// User administration by the province.
import 'server-only';
import { z } from 'zod';
import { organisationsList, signInCount, signInHistory, usersWithOrganisation } from './queries';
import { newPasswordHash } from './passwords';
import { createUser, resetPassword, setUserDisabled } from './users';
import { chosenIdField, idField, pageField, passwordField, textField } from '@/server/kernel/fields';
import { provinceProcedure, router } from '@/server/kernel/trpc';
import { organisationsOut, signInsPageOut, userOut, usersOut } from './outputs';

const password = passwordField;
const SIGN_INS_PAGE = 50;

export const usersRouter = router({
  list: provinceProcedure.meta({ data: 'province-wide' }).output(usersOut).query(({ ctx }) => usersWithOrganisation(ctx.services.db)),

  /** Who signed in from where, and what failed: newest first, of one user name or of everyone. */
  signIns: provinceProcedure
    .meta({ data: 'province-wide' })
    .input(z.object({ username: textField(64).optional(), page: pageField.default(1) }).default({ page: 1 }))
    .output(signInsPageOut)
    .query(async ({ ctx, input }) => {
      const username = input.username || undefined;
      const signIns = await signInHistory(ctx.services.db, { username, limit: SIGN_INS_PAGE, offset: (input.page - 1) * SIGN_INS_PAGE });
      return { signIns, total: await signInCount(ctx.services.db, username), page: input.page, pageSize: SIGN_INS_PAGE };
    }),

  organisations: provinceProcedure.meta({ data: 'province-wide' }).output(organisationsOut).query(({ ctx }) => organisationsList(ctx.services.db)),

  create: provinceProcedure.meta({ data: 'province-wide' })
    .input(
      z.object({
        username: textField(64).min(1, { error: 'required' }).min(3, { error: 'usernameFormat' }).regex(/^[a-z0-9_.-]+$/, { error: 'usernameFormat' }),
        displayName: textField(100).min(1, { error: 'required' }),
        organisationId: chosenIdField,
        password,
      }),
    )
    .output(userOut)
    .mutation(async ({ ctx, input }) => createUser(ctx.services, ctx.actor, { username: input.username, displayName: input.displayName, organisationId: input.organisationId, passwordHash: await newPasswordHash(input.password) })),

  setDisabled: provinceProcedure.meta({ data: 'province-wide' }).input(z.object({ userId: idField, disabled: z.boolean({ error: 'required' }) })).output(userOut).mutation(({ ctx, input }) => setUserDisabled(ctx.services, ctx.actor, input.userId, input.disabled)),

  resetPassword: provinceProcedure.meta({ data: 'province-wide' })
    .input(z.object({ userId: idField, password }))
    .output(userOut)
    .mutation(async ({ ctx, input }) => resetPassword(ctx.services, ctx.actor, input.userId, await newPasswordHash(input.password))),
});
