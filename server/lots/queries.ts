import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { lots } from '@/db/schema';

/** Serial numbers of milli-mu units run on across all lots, so no two lots share a unit. */
export const nextSerial = async (db: DbOrTx): Promise<number> =>
  (await db.select({ next: sql<number>`coalesce(max(${lots.serialStart} + ${lots.qtyMilliMu}), 1)` }).from(lots).all())[0]?.next ?? 1;

export const insertLot = async (db: DbOrTx, values: typeof lots.$inferInsert) => (await db.insert(lots).values(values).returning().all())[0]!;
