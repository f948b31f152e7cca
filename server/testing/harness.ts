// A temporary database with the demo seed, a manual clock and a tRPC caller per demo user, for
// integration tests through the real routers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { openTestDatabase } from './databases';
import { organisations, users } from '@/db/schema';
import { seedDemo } from '@/server/demo/seed-demo';
import { createCaller } from '@/server/app-router';
import { ManualClock } from '@/server/kernel/clock';
import { documentStore } from '@/server/kernel/document-store';
import { balanceMismatches, totalsByAsset, unbalancedEntries } from '@/server/books/journal';
import { sessionUser } from '@/server/users/queries';
import type { Locale } from '@/lib/i18n/define';
import type { Services } from '@/server/kernel/deps';
import { isoDateCst } from '@/server/kernel/china-time';
import type { MarketSettings } from '@/server/settings/domain/settings';

export const T0 = Date.UTC(2026, 10, 2, 1, 0, 0); // 2026-11-02 09:00 CST

export async function makeHarness() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qx-test-'));
  const { db, drop } = await openTestDatabase(dir);
  const clock = new ManualClock(T0);
  const services: Services = { db, clock, documents: documentStore(path.join(dir, 'documents')) };
  await seedDemo(services);

  const userId = async (username: string) => (await db.select().from(users).where(eq(users.username, username)).all())[0]!.id;
  /** A caller acting as a demo user (or signed out, with null). */
  const as = (username: string | null, locale: Locale = 'zh') =>
    createCaller(async () => ({ services, user: username ? await sessionUser(db, await userId(username)) : null, locale }));
  const orgId = async (name: string) => (await db.select().from(organisations).where(eq(organisations.name, name)).all())[0]!.id;
  const actor = async (username: string) => {
    const u = (await sessionUser(db, (await userId(username))))!;
    return { userId: u.id, organisationId: u.organisationId };
  };

  /**
   * A zone's incoming transfer as the province takes it: proposed by `province`, confirmed by its
   * second official `checker` (maker and checker); the zone's free funds are credited.
   */
  const receiveTransfer = async (input: { zoneId: number; amount: string; bankRef: string }) => {
    const proposed = await as('province').accounts.proposeTransfer(input);
    return as('checker').accounts.confirmTransfer({ id: proposed.id });
  };

  /** The province records new values of market settings, in force at once (today's date), under a document number. */
  const setSettings = async (values: Partial<MarketSettings>, documentNo = '测试〔2026〕1号') =>
    as('province').settings.addVersion({ ...values, documentNo, effectiveDate: isoDateCst(clock.now()) });

  /** The ledger's invariants: balances match the journal, entries balance, each asset sums to zero. */
  const checkLedger = async () => ({
    mismatches: await balanceMismatches(db),
    unbalanced: await unbalancedEntries(db),
    nonZeroTotals: (await totalsByAsset(db)).filter((r) => r.total !== 0),
  });

  const close = async () => {
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { db, clock, services, as, orgId, actor, userId, receiveTransfer, setSettings, checkLedger, close };
}

export type Harness = Awaited<ReturnType<typeof makeHarness>>;
