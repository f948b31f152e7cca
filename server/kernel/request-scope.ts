// The facts of the request being answered, for the few places that run before a context exists (tRPC's
// refusals of a request it cannot read are formatted with no context: they still answer in the caller's
// language and name the request's id).
import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Locale } from '@/lib/i18n/define';

export interface RequestFacts {
  id: string;
  address: string;
  locale: Locale;
  /** Set once the caller is known, for the request's log line. */
  userId?: number;
}

const g = globalThis as unknown as { __qxRequestScope?: AsyncLocalStorage<RequestFacts> };
const scope = (g.__qxRequestScope ??= new AsyncLocalStorage<RequestFacts>());

export const inRequestScope = <T>(facts: RequestFacts, fn: () => T): T => scope.run(facts, fn);
export const currentRequest = (): RequestFacts | undefined => scope.getStore();
