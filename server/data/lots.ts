import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { lots, projects } from '@/db/schema';

/** Serial numbers of milli-mu units run on across all lots, so no two lots share a unit. */
export const nextSerial = (db: DbOrTx): number =>
  db.select({ next: sql<number>`coalesce(max(${lots.serialStart} + ${lots.qtyMilliMu}), 1)` }).from(lots).all()[0]?.next ?? 1;

export const insertLot = (db: DbOrTx, values: typeof lots.$inferInsert) => db.insert(lots).values(values).returning().all()[0]!;

export const insertProject = (db: DbOrTx, values: typeof projects.$inferInsert) => db.insert(projects).values(values).returning().all()[0]!;

export const projectById = (db: DbOrTx, id: number) => db.select().from(projects).where(eq(projects.id, id)).all()[0];
