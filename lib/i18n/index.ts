// The server's side of the messages: `translate` and `translator` work in a page, a route handler,
// the API's own server and a script alike (no request needed), rendering with next-intl as the
// client does. In the browser `@/lib/i18n` is lib/i18n/browser.ts instead (next.config.mjs), with
// the same exports, so that no catalogue reaches a client bundle.
import { createTranslator } from 'next-intl';
import { type MessageKey, type Namespace, catalogs, messagesOf } from './catalogue';
import { type Locale, type Params, icuValues } from './define';

export * from './define';
export type { ClientNamespace, MessageKey, Namespace } from './catalogue';

const translators = new Map<string, (key: string, values?: Record<string, string>) => string>();

/** One next-intl translator per language and namespace, kept: it caches its parsed messages. */
function nextIntlTranslator(locale: Locale, ns: Namespace) {
  const id = `${locale}:${ns}`;
  let t = translators.get(id);
  if (!t) {
    t = createTranslator({ locale, messages: messagesOf(locale), namespace: ns }) as unknown as (key: string, values?: Record<string, string>) => string;
    translators.set(id, t);
  }
  return t;
}

/** A key the messages do not have is shown as itself. */
export function translate<N extends Namespace>(locale: Locale, ns: N, key: MessageKey<N>, params?: Params): string {
  const table = catalogs[ns][locale] as Record<string, string>;
  if (!Object.hasOwn(table, key)) return key;
  return nextIntlTranslator(locale, ns)(key, icuValues(table[key]!, params));
}

/** A translator bound to a locale and namespace: `t('key', { param })`. */
export function translator<N extends Namespace>(locale: Locale, ns: N) {
  return (key: MessageKey<N>, params?: Params) => translate(locale, ns, key, params);
}

export function hasKey(ns: Namespace, key: string): boolean {
  return Object.hasOwn(catalogs[ns].zh, key);
}
