import 'server-only';
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '@/db/client';
import { jsonText } from '@/db/dialect';
import { auditLog, bankTransfers, organisations, users } from '@/db/schema';

const proposer = alias(users, 'proposer');
const decider = alias(users, 'decider');
const rejection = alias(auditLog, 'rejection');

/** The transfer holding a bank reference: a rejected one holds none (the partial unique index). */
export const findTransferByRef = async (db: DbOrTx, bankRef: string) =>
  (await db
    .select()
    .from(bankTransfers)
    .where(and(eq(bankTransfers.bankRef, bankRef), ne(bankTransfers.status, 'rejected')))
    .all())[0];

export const transferById = async (db: DbOrTx, id: number) => (await db.select().from(bankTransfers).where(eq(bankTransfers.id, id)).all())[0];

export const insertTransfer = async (db: DbOrTx, values: typeof bankTransfers.$inferInsert) => (await db.insert(bankTransfers).values(values).returning().all())[0]!;

/** Decides a proposed transfer; a transfer no longer proposed is left as it is (undefined). */
export const decideTransfer = async (db: DbOrTx, id: number, decision: { status: 'confirmed' | 'rejected'; decidedBy: number; decidedAt: number }) =>
  (await db
    .update(bankTransfers)
    .set(decision)
    .where(and(eq(bankTransfers.id, id), eq(bankTransfers.status, 'proposed')))
    .returning()
    .all())[0];

/** The province's transfers with who proposed and who decided each; a rejection's reason is kept in its audit record. */
const transfersQuery = (db: DbOrTx) =>
  db
    .select({
      id: bankTransfers.id,
      zoneId: bankTransfers.zoneId,
      zoneName: organisations.name,
      amountFen: bankTransfers.amountFen,
      bankRef: bankTransfers.bankRef,
      at: bankTransfers.at,
      status: bankTransfers.status,
      proposedBy: bankTransfers.recordedBy,
      proposerName: proposer.displayName,
      decidedBy: bankTransfers.decidedBy,
      deciderName: decider.displayName,
      decidedAt: bankTransfers.decidedAt,
      rejectionReason: jsonText(db, rejection.after, 'reason'),
    })
    .from(bankTransfers)
    .innerJoin(organisations, eq(bankTransfers.zoneId, organisations.id))
    .innerJoin(proposer, eq(bankTransfers.recordedBy, proposer.id))
    .leftJoin(decider, eq(bankTransfers.decidedBy, decider.id))
    .leftJoin(rejection, and(eq(rejection.entity, 'bank_transfer'), eq(rejection.entityId, bankTransfers.id), eq(rejection.action, 'funds.reject')))
    .$dynamic();

/** Every proposal waiting for a second official, oldest first: a work list, so none is left off. */
export const transfersWaiting = (db: DbOrTx) => transfersQuery(db).where(eq(bankTransfers.status, 'proposed')).orderBy(asc(bankTransfers.id)).all();

/** The latest 200 transfers of every status, newest first. */
export const transfersHistory = (db: DbOrTx) => transfersQuery(db).orderBy(desc(bankTransfers.id)).limit(200).all();
