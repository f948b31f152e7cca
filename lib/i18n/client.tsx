'use client';
// Client components read the messages the layout's MessagesProvider holds: the page's language
// only, the namespaces in CLIENT_NAMESPACES (lib/i18n/catalogue.ts).
import { NextIntlClientProvider, useLocale as useNextIntlLocale, useTranslations } from 'next-intl';
import { receiveMessages } from './browser';
import type { ClientNamespace, MessageKey, Namespace, NestedMessages } from './catalogue';
import { type Locale, type Params, TIME_ZONE, asLocale, icuValues } from './define';

/** next-intl's translator with its message types left out: the keys are typed by MessageKey instead. */
type Translate = { (key: string, values?: Record<string, string>): string; has(key: string): boolean; raw(key: string): unknown };

/** NextIntlClientProvider for the page's messages, which `translate` in the browser also reads (lib/i18n/browser.ts). */
export function MessagesProvider({ locale, messages, children }: { locale: Locale; messages: Partial<Record<Namespace, NestedMessages>>; children: React.ReactNode }) {
  receiveMessages(locale, messages);
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone={TIME_ZONE}>
      {children}
    </NextIntlClientProvider>
  );
}

export const useLocale = (): Locale => asLocale(useNextIntlLocale());

/** `const t = useT(); t('key', { param })` in client components; renders as `translate` does on the server. */
export function useT<N extends ClientNamespace = 'ui'>(ns: N = 'ui' as N) {
  const t = useTranslations(ns) as unknown as Translate;
  return (key: MessageKey<N>, params?: Params): string => (t.has(key) ? t(key, icuValues(t.raw(key) as string, params)) : key);
}
