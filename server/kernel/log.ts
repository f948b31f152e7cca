// The operator's log: structured JSON lines (pino), one per request, per sign-in attempt, per refusal
// by a rate limit and per internal error, each with the request's id. To stdout; also to daily files
// in <data>/logs (kept QX_LOG_RETENTION_DAYS) when QX_LOG_FILES=1. China's network-security rules
// expect such logs kept for at least six months: the default keeps 180 days.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { DrizzleQueryError } from 'drizzle-orm';
import pino, { type Logger } from 'pino';
import { env } from './env';

const g = globalThis as unknown as { __qxLog?: Logger };

function create(): Logger {
  const options = { level: env.log.level, base: { app: 'quota-exchange' }, timestamp: pino.stdTimeFunctions.isoTime };
  if (!env.log.files) return pino(options, pino.destination({ dest: 1, sync: false }));
  // Owner-only: the log names users and addresses.
  fs.mkdirSync(env.logDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(env.logDir, 0o700);
  const transport = pino.transport({
    targets: [
      { target: 'pino/file', options: { destination: 1 }, level: env.log.level },
      {
        target: 'pino-roll',
        level: env.log.level,
        options: { file: path.join(env.logDir, 'quota-exchange'), frequency: 'daily', dateFormat: 'yyyy-MM-dd', mkdir: true, limit: { count: env.log.retentionDays, removeOtherLogFiles: true } },
      },
    ],
  });
  return pino(options, transport);
}

/** The process's logger (one for the server's bundle and Next.js's, through globalThis). */
export function log(): Logger {
  return (g.__qxLog ??= create());
}

/** Lines still buffered are written before the process exits. */
export function flushLog() {
  g.__qxLog?.flush();
}

/**
 * A fault as the log may keep it: a failed statement by its SQL and the driver's error, never its
 * parameters (which may be a password's hash or a user's input).
 */
export function loggableCause(cause: unknown): { query?: string; err: Error } {
  if (cause instanceof DrizzleQueryError) return { query: cause.query, err: cause.cause instanceof Error ? cause.cause : new Error('query failed') };
  return { err: cause instanceof Error ? cause : new Error(String(cause)) };
}
