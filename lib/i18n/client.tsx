'use client';
import { createContext, useContext } from 'react';
import type { Locale, Params } from './define';
import { type MessageKey, type Namespace, translate } from './index';

const LocaleContext = createContext<Locale>('zh');

export function LocaleProvider({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export const useLocale = () => useContext(LocaleContext);

/** `const t = useT(); t('key', { param })` in client components. */
export function useT<N extends Namespace = 'ui'>(ns: N = 'ui' as N) {
  const locale = useLocale();
  return (key: MessageKey<N>, params?: Params) => translate(locale, ns, key, params);
}
