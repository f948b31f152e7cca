import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { bankTransfers } from '@/db/schema';

export const findTransferByRef = (db: DbOrTx, bankRef: string) => db.select().from(bankTransfers).where(eq(bankTransfers.bankRef, bankRef)).all()[0];

export const insertTransfer = (db: DbOrTx, values: typeof bankTransfers.$inferInsert) => db.insert(bankTransfers).values(values).returning().all()[0]!;
