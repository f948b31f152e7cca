import 'server-only';
import { z } from 'zod';
import { idField, textField, timeField } from '@/server/kernel/fields';
import { API_SCOPES } from './domain/keys';

export const scopeField = z.enum(API_SCOPES, { error: 'invalidValue' });

/** A new key: a name to recognise it by, at least one scope, and its expiry (at most a year ahead). */
export const createKeyInput = z.object({
  name: textField(100).min(1, { error: 'required' }),
  scopes: z.array(scopeField, { error: 'required' }).min(1, { error: 'required' }).max(API_SCOPES.length, { error: 'invalidValue' }),
  expiresAt: timeField,
});

export const keyRef = z.object({ id: idField });

/** What the feed shows: public market events, the organisation's own records, or both. */
export const FEED_VIEWS = ['market', 'own', 'all'] as const;
export const FEED_MAX = 500;

export const feedInput = z
  .object({
    after: z.number({ error: 'invalidInput' }).int({ error: 'invalidInput' }).min(0, { error: 'negative' }).max(Number.MAX_SAFE_INTEGER, { error: 'tooLarge' }).default(0),
    limit: z.number({ error: 'invalidInput' }).int({ error: 'invalidInput' }).min(1, { error: 'positive' }).max(FEED_MAX, { error: 'atMost' }).default(100),
    view: z.enum(FEED_VIEWS, { error: 'invalidValue' }).default('all'),
  })
  .default({ after: 0, limit: 100, view: 'all' });
