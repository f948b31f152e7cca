// tRPC: the context, the procedures (public, and one per set of roles) and the one place
// where refused actions become tRPC errors with a message in the caller's language.
import 'server-only';
import { initTRPC, TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { ZodError } from 'zod';
import { type Locale, hasKey, translate } from '@/lib/i18n';
import type { Role, SessionUser } from './roles';
import { DomainError } from './errors';
import { formatTime } from '@/lib/format';
import { formatMu, formatYuan } from './units';
import { mutationWaitMs } from './limits';
import { log } from './log';
import { currentRequest } from './request-scope';
import type { Actor, Services } from './deps';
import { documentBasis } from '@/lib/settings-view';

/**
 * Whose data a procedure reaches, declared on each procedure beside its roles: 'public' for
 * anyone; 'own organisation' for the caller's own county's or zone's data (the province, where it may
 * call, sees all); 'jurisdiction' for a county's own, a city's counties', the province's all;
 * 'province-wide' for the province's procedures over the whole market. The rejections test requires
 * the declaration on every procedure and a cross-organisation check for each that is not public or
 * province-only.
 */
export type DataScope = 'public' | 'own organisation' | 'jurisdiction' | 'province-wide';
export interface Meta {
  data: DataScope;
}

export interface Context {
  services: Services;
  user: SessionUser | null;
  locale: Locale;
  /** The client's address (server/web/edges.ts) and the request's id, for limits and the log. */
  address?: string;
  requestId?: string;
  /** Why a session cookie no longer signs anyone in, when the page should say so. */
  sessionEnded?: 'idle';
}

/** Calls in one batched request at most: a page asks for a handful; hundreds would hold the server. */
export const MAX_BATCH_SIZE = 16;
/** The largest request body the edge takes (an upload's is larger: server/web/edges.ts). */
export const BODY_LIMIT = 1024 * 1024;

function zodMessage(locale: Locale, error: ZodError): { message: string; fieldErrors: Record<string, string> } {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.') || '_';
    // 'invalidInput' names its detail, which a field's own note has no use for: the plain 'invalidValue'.
    const key = issue.message !== 'invalidInput' && hasKey('errors', issue.message) ? issue.message : 'invalidValue';
    const params = { max: (issue as { maximum?: number }).maximum, ...(issue as { params?: Record<string, string | number> }).params };
    fieldErrors[field] ??= translate(locale, 'errors', key as never, params);
  }
  return { message: fieldsRefusal(locale, fieldErrors, 'form'), fieldErrors };
}

/**
 * The message of a refusal of fields: a form shows each field's note beside it, under the label users
 * see, so its message names no field; a program (the open API) is told which fields, each explained
 * in `fieldErrors`. A note on the input as a whole (`_`) comes first.
 */
export function fieldsRefusal(locale: Locale, fieldErrors: Record<string, string>, reader: 'form' | 'api'): string {
  const { _: whole, ...fields } = fieldErrors;
  const names = Object.keys(fields);
  const each = names.length === 0 ? undefined : reader === 'form' ? translate(locale, 'errors', 'checkFields', { count: names.length }) : translate(locale, 'errors', 'checkFieldsApi', { count: names.length, fields: names.join(', ') });
  return [whole, each].filter(Boolean).join(' ');
}

/**
 * tRPC's own refusals of a request it could not take (unreadable, too large, the wrong method or
 * content type, a batch over the bound, no such procedure) come with English messages and, when they
 * happen before a context exists, none: they are said again here in the caller's language.
 */
function machineryMessage(locale: Locale, error: TRPCError): string | null {
  if (error.cause instanceof DomainError || error.cause instanceof ZodError) return null;
  switch (error.code) {
    case 'PARSE_ERROR':
      return translate(locale, 'errors', 'requestUnreadable');
    case 'PAYLOAD_TOO_LARGE':
      return translate(locale, 'errors', 'bodyTooLarge', { maxKb: BODY_LIMIT / 1024 });
    case 'UNSUPPORTED_MEDIA_TYPE':
      return translate(locale, 'errors', 'unsupportedMediaType');
    case 'METHOD_NOT_SUPPORTED':
      return translate(locale, 'errors', 'methodNotSupported');
    case 'NOT_FOUND':
      return error.message.startsWith('No procedure found') ? translate(locale, 'errors', 'procedureNotFound') : null;
    case 'BAD_REQUEST':
      return error.message.startsWith('Batch call exceeds') ? translate(locale, 'errors', 'batchTooLarge', { max: MAX_BATCH_SIZE }) : translate(locale, 'errors', 'requestUnreadable');
    default:
      return null;
  }
}

/**
 * A refusal or fault as the caller reads it: field by field for input the caller sent (a ZodError
 * thrown deeper is a fault), a fault by the request's id, tRPC's own refusals in the caller's language.
 * The app's calls (the formatter below) and the open API (server/web/open-api.ts) answer alike.
 */
export function describeError(locale: Locale, error: TRPCError, requestId: string | undefined): { message: string; fieldErrors?: Record<string, string>; requestId?: string } {
  if (error.cause instanceof ZodError && error.code === 'BAD_REQUEST') return zodMessage(locale, error.cause);
  if (error.code === 'INTERNAL_SERVER_ERROR') {
    return { message: requestId ? translate(locale, 'errors', 'internalWithId', { requestId }) : translate(locale, 'errors', 'internal'), requestId };
  }
  return { message: machineryMessage(locale, error) ?? error.message };
}

const t = initTRPC.context<Context>().meta<Meta>().create({
  errorFormatter({ shape, error, ctx }) {
    const request = currentRequest();
    const locale = ctx?.locale ?? request?.locale ?? 'zh';
    const { message, fieldErrors, requestId } = describeError(locale, error, ctx?.requestId ?? request?.id);
    return { ...shape, message, data: { ...shape.data, ...(fieldErrors ? { fieldErrors } : {}), ...(requestId ? { requestId } : {}), stack: undefined } };
  },
});

type MiddlewareOutcome = { ok: true } | { ok: false; error: TRPCError };

/** Domain refusals become tRPC errors in the caller's language, with the domain code kept. */
function inCallersLanguage<R extends MiddlewareOutcome>(locale: Locale, result: R): R {
  if (!result.ok && result.error.cause instanceof DomainError) {
    const e = result.error.cause;
    throw new TRPCError({ code: e.kind, message: translate(locale, 'errors', e.code, formatParams(locale, e.params)), cause: e });
  }
  return result;
}

/**
 * A refusal answered outside tRPC (plan documents, exports): the HTTP status tRPC gives the same code,
 * the message in the caller's language, as the app's own calls are refused.
 */
export function refusalResponse(locale: Locale, error: DomainError | TRPCError): Response {
  const code = error instanceof DomainError ? error.code : error.code;
  const message = error instanceof DomainError ? translate(locale, 'errors', error.code, formatParams(locale, error.params)) : error.message;
  const status = getHTTPStatusCodeFromError(error instanceof DomainError ? new TRPCError({ code: error.kind }) : error);
  return Response.json({ error: { code, message } }, { status });
}

/**
 * Params named by unit (…MilliMu, …FenPerMu, …Fen, …Bp) are shown as 亩, 元 and % under their plain name, a
 * moment (…At) as China time; a right by its name. For refusals and for messages (站内消息) alike.
 */
export function formatParams(locale: Locale, params: Record<string, string | number>) {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) {
    if (k === 'right') out[k] = translate(locale, 'ui', `asset_${v}` as never);
    else if (k === 'documentNo') out[k] = documentBasis((key) => translate(locale, 'ui', key), String(v));
    else if (typeof v === 'number' && k.endsWith('At')) out[k.slice(0, -2)] = formatTime(v, locale);
    else if (typeof v === 'number' && k.endsWith('MilliMu')) out[k.slice(0, -7)] = formatMu(v);
    else if (typeof v === 'number' && k.endsWith('FenPerMu')) out[k.slice(0, -8)] = formatYuan(v);
    else if (typeof v === 'number' && k.endsWith('Fen')) out[k.slice(0, -3)] = formatYuan(v);
    else if (typeof v === 'number' && k.endsWith('Bp')) out[k.slice(0, -2)] = String(v / 100); // basis points as a percent: 2000 → 20, 1250 → 12.5
    else out[k] = v;
  }
  return out;
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

// One middleware per procedure rather than a ladder (public → signed in → role): tRPC copies a call's
// options at every step: 8.5% of the server's time under the bid load with three (`npm run bench`, figure 2).
/** The user the data may be shown to: not one who still owes a new password (an administrator knows theirs). */
const activeUser = <U extends { mustChangePassword: boolean }>(user: U | null): U | null => (user?.mustChangePassword ? null : user);

/** Anyone; a user who still owes a new password is served as signed out. */
export const publicProcedure = t.procedure.use(async ({ ctx, next }) => inCallersLanguage(ctx.locale, await next({ ctx: { user: activeUser(ctx.user) } })));

/** Anyone, seeing who they are signed in as (whether or not a new password is owed). */
export const whoAmIProcedure = t.procedure;

/** A mutation over the caller's or the address's limit is refused before it runs (server/web/limits.ts). */
async function withinMutationLimits(ctx: Context, user: SessionUser, path: string) {
  const waitMs = await mutationWaitMs(user.id, ctx.address);
  if (waitMs === 0) return;
  log().warn({ event: 'rate-limited', requestId: ctx.requestId, user: user.id, address: ctx.address, path, waitMs }, 'mutation refused by rate limit');
  throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: translate(ctx.locale, 'errors', 'tooManyRequests', { seconds: Math.ceil(waitMs / 1000) }) });
}

/** The refusal of a role that may not do something, naming the role in the user's language. */
export const wrongRole = (locale: Locale, role: Role) => new DomainError('wrongRole', { role: translate(locale, 'ui', `role_${role}`) });

/**
 * A procedure only the given roles may call; the caller's organisation is then `ctx.actor`. A user
 * whose password an administrator set may call nothing until they have chosen their own, except the
 * procedures marked `passwordChange` (changing it, reading who they are).
 */
function signedInProcedure(roles: readonly Role[] | 'any', { passwordChange = false } = {}) {
  return t.procedure.use(async ({ ctx, next, type, path }) => {
    const user = ctx.user;
    if (!user) throw new TRPCError({ code: 'UNAUTHORIZED', message: translate(ctx.locale, 'errors', 'notSignedIn') });
    if (roles !== 'any' && !roles.includes(user.role)) {
      const refusal = wrongRole(ctx.locale, user.role);
      throw new TRPCError({ code: 'FORBIDDEN', message: translate(ctx.locale, 'errors', refusal.code, refusal.params) });
    }
    if (user.mustChangePassword && !passwordChange) throw new TRPCError({ code: 'FORBIDDEN', message: translate(ctx.locale, 'errors', 'mustChangePassword') });
    if (type === 'mutation') await withinMutationLimits(ctx, user, path);
    const actor: Actor = { userId: user.id, organisationId: user.organisationId };
    return inCallersLanguage(ctx.locale, await next({ ctx: { user, actor } }));
  });
}

export const roleProcedure = (...roles: Role[]) => signedInProcedure(roles);
/** Any signed-in user, about their own account; allowed while a new password is still owed. */
export const ownAccountProcedure = signedInProcedure('any', { passwordChange: true });

export const countyProcedure = roleProcedure('county');
export const zoneProcedure = roleProcedure('zone');
export const provinceProcedure = roleProcedure('province');
