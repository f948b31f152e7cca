import { errorMessages } from '@/messages/errors';
import { adminMessages } from '@/messages/admin';
import { auditMessages } from '@/messages/audit';
import { holdingMessages } from '@/messages/holdings';
import { marketMessages } from '@/messages/market';
import { notificationMessages } from '@/messages/notifications';
import { proceedsMessages } from '@/messages/proceeds';
import { projectMessages } from '@/messages/projects';
import { statsMessages } from '@/messages/stats';
import { uiMessages } from '@/messages/ui';
import { type Locale, type Params, interpolate } from './define';

export * from './define';

const catalogs = { errors: errorMessages, ui: uiMessages, market: marketMessages, admin: adminMessages, projects: projectMessages, holdings: holdingMessages, proceeds: proceedsMessages, stats: statsMessages, notifications: notificationMessages, audit: auditMessages };
export type Namespace = keyof typeof catalogs;
export type MessageKey<N extends Namespace> = keyof (typeof catalogs)[N]['zh'] & string;

export function translate<N extends Namespace>(locale: Locale, ns: N, key: MessageKey<N>, params?: Params): string {
  const table = catalogs[ns][locale] as Record<string, string>;
  return interpolate(table[key] ?? key, params);
}

/** A translator bound to a locale and namespace: `t('key', { param })`. */
export function translator<N extends Namespace>(locale: Locale, ns: N) {
  return (key: MessageKey<N>, params?: Params) => translate(locale, ns, key, params);
}

export function hasKey(ns: Namespace, key: string): boolean {
  return key in catalogs[ns].zh;
}
