// The process's database and clock, opened once (migrations applied on open) and shared by the
// route handlers, the pages and the scheduler.
import 'server-only';
import type { Db } from '@/db/client';
import { openMarketDatabase } from '@/server/ops/open-market';
import { type Clock, OffsetClock, systemClock } from '@/server/kernel/clock';
import { documentStore } from '@/server/kernel/document-store';
import { env } from '@/server/kernel/env';
import { tightenDataFolder } from '@/db/owner-only';
import type { Services } from '@/server/kernel/deps';

const g = globalThis as unknown as { __qx?: Promise<{ services: Services; testClock: OffsetClock | null }> };

async function init() {
  tightenDataFolder(env.dataDir);
  const db: Db = await openMarketDatabase(env.database);
  const testClock = env.testClock ? new OffsetClock() : null;
  const clock: Clock = testClock ?? systemClock;
  return { services: { db, clock, documents: documentStore(env.documentsDir) }, testClock };
}

/** Opened once, by whichever caller comes first; the others wait for the same opening. */
export function runtime() {
  g.__qx ??= init();
  return g.__qx;
}

export const services = async () => (await runtime()).services;
