// `@/lib/i18n` in the browser (next.config.mjs aliases it here for the client bundle only): the same
// `translate`, `translator` and `hasKey` as lib/i18n/index.ts, reading the messages the page's
// provider received (MessagesProvider) instead of importing every catalogue. Helpers that server and
// client components share (components/ui.tsx, components/market-format.ts) so send no catalogue.
import { createTranslator } from 'next-intl';
import type { MessageKey, Namespace, NestedMessages } from './catalogue';
import { type Locale, type Params, icuValues } from './define';

export * from './define';
export type { ClientNamespace, MessageKey, Namespace } from './catalogue';

type Translate = { (key: string, values?: Record<string, string>): string; has(key: string): boolean; raw(key: string): unknown };

/** The messages last received per language: a page has one, a language switch brings the other. */
const received = new Map<Locale, { messages: Partial<Record<Namespace, NestedMessages>>; translators: Map<Namespace, Translate> }>();

/** Called by MessagesProvider as it renders, before the components below it that translate. */
export function receiveMessages(locale: Locale, messages: Partial<Record<Namespace, NestedMessages>>) {
  if (received.get(locale)?.messages !== messages) received.set(locale, { messages, translators: new Map() });
}

function translatorOf(locale: Locale, ns: Namespace): Translate | undefined {
  const page = received.get(locale);
  if (!page?.messages[ns]) return undefined;
  let t = page.translators.get(ns);
  if (!t) {
    t = createTranslator({ locale, messages: page.messages, namespace: ns }) as unknown as Translate;
    page.translators.set(ns, t);
  }
  return t;
}

/** A key the page's messages do not have (or a namespace not in CLIENT_NAMESPACES) is shown as itself. */
export function translate<N extends Namespace>(locale: Locale, ns: N, key: MessageKey<N>, params?: Params): string {
  const t = translatorOf(locale, ns);
  return t?.has(key) ? t(key, icuValues(t.raw(key) as string, params)) : key;
}

export function translator<N extends Namespace>(locale: Locale, ns: N) {
  return (key: MessageKey<N>, params?: Params) => translate(locale, ns, key, params);
}

export function hasKey(ns: Namespace, key: string): boolean {
  return [...received.keys()].some((locale) => translatorOf(locale, ns)?.has(key) === true);
}
