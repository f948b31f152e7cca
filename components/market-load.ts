// Server pages call the tRPC caller; a refusal (not found, not yours) becomes a message to show
// instead of a crash. Other errors still propagate.
import 'server-only';
import { TRPCError } from '@trpc/server';

export type Loaded<T> = { ok: true; data: T } | { ok: false; code: TRPCError['code']; message: string };

export async function load<T>(fn: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (e) {
    if (e instanceof TRPCError && e.code !== 'INTERNAL_SERVER_ERROR') return { ok: false, code: e.code, message: e.message };
    throw e;
  }
}
