// Messages are kept per namespace, Chinese first with English beside it; the type makes a missing
// English key a compile error. `{name}` placeholders are filled from params.
export type Locale = 'zh' | 'en';
export const LOCALES: readonly Locale[] = ['zh', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh';
export const LOCALE_COOKIE = 'qx-lang';

export function defineMessages<const Zh extends Record<string, string>>(zh: Zh, en: { [K in keyof Zh]: string }) {
  return { zh, en } as { zh: Zh; en: { [K in keyof Zh]: string } };
}

export type Params = Record<string, string | number | null | undefined>;

export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (params[k] === undefined || params[k] === null ? m : String(params[k])));
}

export function asLocale(value: string | undefined | null): Locale {
  return value === 'en' ? 'en' : 'zh';
}
