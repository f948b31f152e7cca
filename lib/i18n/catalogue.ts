// Every namespace's messages, and their shape for next-intl. Server code and i18n/request.ts import
// this; client components never do (they get one language's messages from the layout's provider).
import { adminMessages } from '@/messages/admin';
import { errorMessages } from '@/messages/errors';
import { holdingMessages } from '@/messages/holdings';
import { integrityMessages } from '@/messages/integrity';
import { marketMessages } from '@/messages/market';
import { notificationMessages } from '@/messages/notifications';
import { auditMessages } from '@/messages/audit';
import { proceedsMessages } from '@/messages/proceeds';
import { projectMessages } from '@/messages/projects';
import { statsMessages } from '@/messages/stats';
import { uiMessages } from '@/messages/ui';
import { verifyMessages } from '@/messages/verify';
import type { Locale } from './define';

export const catalogs = { errors: errorMessages, ui: uiMessages, market: marketMessages, admin: adminMessages, projects: projectMessages, holdings: holdingMessages, proceeds: proceedsMessages, stats: statsMessages, notifications: notificationMessages, audit: auditMessages, integrity: integrityMessages, verify: verifyMessages };
export type Namespace = keyof typeof catalogs;
export type MessageKey<N extends Namespace> = keyof (typeof catalogs)[N]['zh'] & string;

/** The namespaces client components may use (`useT(ns)` accepts only these): each page's HTML carries
 *  them in its language, so a namespace only server code reads stays out of it. */
export const CLIENT_NAMESPACES = ['ui', 'errors', 'market', 'admin', 'projects', 'holdings', 'proceeds', 'stats', 'notifications'] as const satisfies readonly Namespace[];
export type ClientNamespace = (typeof CLIENT_NAMESPACES)[number];

export type NestedMessages = { [key: string]: string | NestedMessages };

/** next-intl reads a dot in a key as nesting (`action_project.draft` is `draft` inside
 *  `action_project`), so keys with dots are nested the same way and keep working as written. */
export function nested(table: Record<string, string>, where: string): NestedMessages {
  const root: NestedMessages = {};
  for (const [key, text] of Object.entries(table)) {
    const parts = key.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      const next = (node[part] ??= {});
      if (typeof next === 'string') throw new Error(`${where}: the key ${key} nests under ${part}, which is a message`);
      node = next;
    }
    const leaf = parts[parts.length - 1]!;
    if (leaf in node) throw new Error(`${where}: the key ${key} is also the prefix of another key`);
    node[leaf] = text;
  }
  return root;
}

const byLocale = new Map<Locale, Record<Namespace, NestedMessages>>();

/** One language's messages of every namespace, in next-intl's shape (built once per language). */
export function messagesOf(locale: Locale): Record<Namespace, NestedMessages> {
  let messages = byLocale.get(locale);
  if (!messages) {
    const entries = (Object.keys(catalogs) as Namespace[]).map((ns) => [ns, nested(catalogs[ns][locale], `${ns} (${locale})`)] as const);
    messages = Object.fromEntries(entries) as Record<Namespace, NestedMessages>;
    byLocale.set(locale, messages);
  }
  return messages;
}

/** What the layout gives NextIntlClientProvider: the client namespaces in the page's language. */
export function clientMessages(locale: Locale): Pick<Record<Namespace, NestedMessages>, ClientNamespace> {
  const all = messagesOf(locale);
  return Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, all[ns]])) as Pick<Record<Namespace, NestedMessages>, ClientNamespace>;
}
