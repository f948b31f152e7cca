// The open API's keys (any signed-in user, for their own organisation; the province revokes any) and
// the change feed that other systems poll through /api/v1/feed.
import 'server-only';
import { roleProcedure, router } from '@/server/kernel/trpc';
import { ROLES } from '@/server/kernel/roles';
import { keyStatus, parseScopes } from './domain/keys';
import { createApiKey, revokeApiKey } from './keys';
import { changesAfter } from './feed';
import * as data from './queries';
import { createKeyInput, feedInput, keyRef } from './schemas';
import { apiKeyOut, apiKeysOut, createdKeyOut, feedOut } from './outputs';

const anyRole = roleProcedure(...ROLES);
const withScopes = <K extends { scopes: string }>(k: K) => ({ ...k, scopes: parseScopes(k.scopes) });

export const apiKeysRouter = router({
  /** The organisation's keys, newest first (the province: every organisation's). */
  list: anyRole.meta({ data: 'own organisation' }).output(apiKeysOut).query(async ({ ctx }) => {
    const now = ctx.services.clock.now();
    return (await data.keysOf(ctx.services.db, ctx.user.role === 'province' ? null : ctx.actor.organisationId)).map((k) => ({ ...withScopes(k), status: keyStatus(k, now) }));
  }),

  /** A new key for the caller's organisation; the answer carries the secret, shown this once. */
  create: anyRole.meta({ data: 'own organisation' }).input(createKeyInput).output(createdKeyOut).mutation(async ({ ctx, input }) => {
    const { key, secret } = await createApiKey(ctx.services, ctx.actor, input);
    return { key: withScopes(key), secret };
  }),

  /** Revokes a key of the caller's organisation (the province: any); it stops at once. */
  revoke: anyRole.meta({ data: 'own organisation' }).input(keyRef).output(apiKeyOut).mutation(async ({ ctx, input }) =>
    withScopes((await revokeApiKey(ctx.services, { ...ctx.actor, role: ctx.user.role }, input.id))),
  ),
});

export const feedRouter = router({
  /** What changed after a cursor (an audit record id) that the caller's organisation may see; see ./feed.ts for the rule. */
  changes: anyRole.meta({ data: 'own organisation' }).input(feedInput).output(feedOut).query(({ ctx, input }) => changesAfter(ctx.services.db, ctx.user, input)),
});
