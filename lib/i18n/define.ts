// Messages are kept per namespace, Chinese first with English beside it; the type makes a missing
// English key a compile error. next-intl renders them as ICU messages, using `{name}` arguments only,
// filled from params; lib/i18n/messages.test.ts fails on a message ICU would read otherwise (a `''`,
// a `'` before `{` or `}`, a `{` or `}` meant literally).
export type Locale = 'zh' | 'en';
export const LOCALES: readonly Locale[] = ['zh', 'en'];
export const LOCALE_COOKIE = 'qx-lang';
/** The pages show Beijing time (lib/format.ts); next-intl is told the same, for any date it formats. */
export const TIME_ZONE = 'Asia/Shanghai';

export function defineMessages<const Zh extends Record<string, string>>(zh: Zh, en: { [K in keyof Zh]: string }) {
  return { zh, en } as { zh: Zh; en: { [K in keyof Zh]: string } };
}

export type Params = Record<string, string | number | null | undefined>;

/**
 * next-intl's values for a message's `{name}` arguments from the params callers pass: a value as
 * written (`String(n)`, never a locale's digit grouping), and a param left out (or null) shows as
 * `{name}` rather than failing the message.
 */
export function icuValues(message: string, params?: Params): Record<string, string> | undefined {
  let values: Record<string, string> | undefined;
  for (const [, name] of message.matchAll(/\{(\w+)\}/g)) {
    const value = params?.[name!];
    (values ??= {})[name!] = value === undefined || value === null ? `{${name}}` : String(value);
  }
  return values;
}

export function asLocale(value: string | undefined | null): Locale {
  return value === 'en' ? 'en' : 'zh';
}
