// Every message of every namespace, in both languages, rendered by next-intl (its own translator,
// the server's `translate` and the client's `useT`) as the hand-written interpolation rendered it
// before the messages became ICU messages. A message that ICU reads differently (a literal `'`,
// `{`, `}` or `#` left unescaped) fails here.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createTranslator } from 'next-intl';
import { describe, expect, it, vi } from 'vitest';
import * as browser from './browser';
import { CLIENT_NAMESPACES, type ClientNamespace, type MessageKey, type Namespace, catalogs, clientMessages, messagesOf, nested } from './catalogue';
import { MessagesProvider, useT } from './client';
import * as server from './index';
import { LOCALES, type Locale, type Params, translate } from './index';

/** How messages were rendered before next-intl: `{name}` replaced by String(param), a missing or
 *  null param leaving `{name}` as written, no params leaving the text as written. */
function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (params[k] === undefined || params[k] === null ? m : String(params[k])));
}

const namespaces = Object.keys(catalogs) as Namespace[];
const tableOf = (locale: Locale, ns: Namespace) => catalogs[ns][locale] as Record<string, string>;
const keysOf = (ns: Namespace) => Object.keys(catalogs[ns].zh);
const placeholders = (ns: Namespace, key: string) => [...new Set(LOCALES.flatMap((l) => [...(tableOf(l, ns)[key] ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)))];

/** The params a key is tried with: none, every placeholder as text (with ICU's special characters
 *  in it), as numbers (large enough for a locale's digit grouping, and zero), and some left out or null. */
function paramSets(names: string[]): (Params | undefined)[] {
  const each = (f: (name: string, i: number) => string | number | null | undefined): Params => Object.fromEntries(names.map((n, i) => [n, f(n, i)]));
  return [
    undefined,
    {},
    each((n) => `‹${n}› it's {x} #1`),
    each((_, i) => 1234567 + i),
    each(() => 0),
    each((n, i) => (i === 0 ? null : `v-${n}`)),
    each((n, i) => (i % 2 === 1 ? undefined : 12.5)),
    { ...each((n) => n), unrelated: 'extra' },
  ];
}

function everyCase() {
  return namespaces.flatMap((ns) => LOCALES.flatMap((locale) => keysOf(ns).flatMap((key) => paramSets(placeholders(ns, key)).map((params) => ({ ns, locale, key, params, expected: interpolate(tableOf(locale, ns)[key]!, params) })))));
}

describe('messages rendered by next-intl', () => {
  const cases = everyCase();

  it('has every namespace and key to try', () => {
    expect(namespaces.length).toBeGreaterThanOrEqual(9);
    expect(cases.length).toBeGreaterThan(2 * 1000);
  });

  it("next-intl's own translator renders every message with all its params as before, and reports no error", () => {
    const errors: string[] = [];
    const differ: string[] = [];
    for (const locale of LOCALES) {
      for (const ns of namespaces) {
        const t = createTranslator({ locale, messages: messagesOf(locale), namespace: ns, onError: (e) => void errors.push(`${locale} ${ns}: ${e.message}`) }) as unknown as (key: string, values?: Record<string, string>) => string;
        for (const key of keysOf(ns)) {
          const names = placeholders(ns, key);
          const values = names.length ? Object.fromEntries(names.map((n) => [n, `‹${n}› it's {x}`])) : undefined;
          const expected = interpolate(tableOf(locale, ns)[key]!, values);
          const got = t(key, values);
          if (got !== expected) differ.push(`${locale} ${ns}.${key}: ${JSON.stringify(got)} ≠ ${JSON.stringify(expected)}`);
        }
      }
    }
    expect(errors).toEqual([]);
    expect(differ).toEqual([]);
  });

  it("the server's translate renders every message as before, whatever the params", () => {
    const differ = cases.filter((c) => translate(c.locale, c.ns, c.key as MessageKey<typeof c.ns>, c.params) !== c.expected);
    expect(differ.map((c) => `${c.locale} ${c.ns}.${c.key} ${JSON.stringify(c.params)}: ${JSON.stringify(translate(c.locale, c.ns, c.key as never, c.params))} ≠ ${JSON.stringify(c.expected)}`)).toEqual([]);
  });

  it("the client's useT, and translate in the browser, render every message of the client namespaces as before, from the page's messages only", () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      for (const locale of LOCALES) {
        const mine = cases.filter((c) => c.locale === locale && (CLIENT_NAMESPACES as readonly string[]).includes(c.ns));
        const byHook = new Map<(typeof mine)[number], string>();
        function Namespace({ ns }: { ns: ClientNamespace }) {
          const t = useT(ns) as (key: string, params?: Params) => string;
          for (const c of mine) if (c.ns === ns) byHook.set(c, t(c.key, c.params));
          return null;
        }
        const every = CLIENT_NAMESPACES.map((ns) => createElement(Namespace, { ns, key: ns }));
        renderToStaticMarkup(createElement(MessagesProvider, { locale, messages: clientMessages(locale), children: every }));
        expect(byHook.size).toBe(mine.length);
        const show = (c: (typeof mine)[number], got: string | undefined) => `${locale} ${c.ns}.${c.key} ${JSON.stringify(c.params)}: ${JSON.stringify(got)} ≠ ${JSON.stringify(c.expected)}`;
        expect(mine.filter((c) => byHook.get(c) !== c.expected).map((c) => show(c, byHook.get(c)))).toEqual([]);
        // The provider has handed the same messages to the browser's translate.
        const inBrowser = (c: (typeof mine)[number]) => browser.translate(c.locale, c.ns, c.key as never, c.params);
        expect(mine.filter((c) => inBrowser(c) !== c.expected).map((c) => show(c, inBrowser(c)))).toEqual([]);
        expect(browser.hasKey('ui', 'appName')).toBe(true);
      }
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  it('shows a key the messages do not have as itself, on the server and in the browser', () => {
    expect(translate('en', 'ui', 'noSuchKey' as never)).toBe('noSuchKey');
    expect(translate('zh', 'projects', 'action_project' as never)).toBe('action_project');
    let shown = '';
    function Missing() {
      shown = useT('ui')('noSuchKey' as never);
      return null;
    }
    renderToStaticMarkup(createElement(MessagesProvider, { locale: 'en', messages: clientMessages('en'), children: createElement(Missing) }));
    expect(shown).toBe('noSuchKey');
    expect(browser.translate('en', 'ui', 'noSuchKey' as never)).toBe('noSuchKey');
    expect(browser.hasKey('ui', 'noSuchKey')).toBe(false);
  });

  it('in the browser, gives the same exports as on the server', () => {
    // Compile-time: next.config.mjs swaps one module for the other in client bundles.
    const sameAsServer: typeof server = browser;
    const sameAsBrowser: Omit<typeof browser, 'receiveMessages'> = server;
    expect(Object.keys(server).sort()).toEqual(Object.keys(browser).filter((k) => k !== 'receiveMessages').sort());
    expect([sameAsServer, sameAsBrowser]).toHaveLength(2);
  });
});

describe('the messages a page carries', () => {
  it('are the client namespaces in its own language only', () => {
    for (const locale of LOCALES) {
      const other = LOCALES.find((l) => l !== locale)!;
      const given = clientMessages(locale);
      expect(Object.keys(given).sort()).toEqual([...CLIENT_NAMESPACES].sort());
      for (const ns of CLIENT_NAMESPACES) expect(given[ns]).toEqual(nested(tableOf(locale, ns), ns));
      // The languages' texts differ for most keys; none of the other language's comes along.
      const text = JSON.stringify(given);
      const otherOnly = CLIENT_NAMESPACES.flatMap((ns) => Object.entries(tableOf(other, ns)).filter(([k, v]) => v !== tableOf(locale, ns)[k] && v.length > 12).map(([, v]) => v));
      expect(otherOnly.length).toBeGreaterThan(100);
      expect(otherOnly.filter((v) => text.includes(JSON.stringify(v)))).toEqual([]);
    }
  });
});

describe('nested', () => {
  it('nests keys with dots as next-intl reads them, and refuses a key that is also a prefix', () => {
    expect(nested({ a: 'A', 'b.c': 'C', 'b.d.e': 'E' }, 't')).toEqual({ a: 'A', b: { c: 'C', d: { e: 'E' } } });
    expect(() => nested({ b: 'B', 'b.c': 'C' }, 't')).toThrow(/b\.c/);
    expect(() => nested({ 'b.c': 'C', b: 'B' }, 't')).toThrow(/b/);
  });
});
