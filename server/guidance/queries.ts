import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { type DbOrTx, reusable } from '@/db/client';
import { priceGuidance, users } from '@/db/schema';
import { type LandType, guidanceInForce } from '@/server/guidance/domain/guidance';

/** Every guidance period published, newest first (a small table: a few rows a year). */
export const guidanceHistory = (db: DbOrTx) =>
  db
    .select({
      id: priceGuidance.id,
      validFrom: priceGuidance.validFrom,
      validTo: priceGuidance.validTo,
      landType: priceGuidance.landType,
      referenceFenPerMu: priceGuidance.referenceFenPerMu,
      floorFenPerMu: priceGuidance.floorFenPerMu,
      documentRef: priceGuidance.documentRef,
      publishedAt: priceGuidance.publishedAt,
      publishedByName: users.displayName,
    })
    .from(priceGuidance)
    .innerJoin(users, eq(priceGuidance.publishedBy, users.id))
    .orderBy(desc(priceGuidance.validFrom), desc(priceGuidance.id))
    .all();

const guidanceRowsQuery = (db: DbOrTx) => db.select().from(priceGuidance).prepare();
/** Every bid and listing checks the floor against these: built once. */
export const guidanceRows = (db: DbOrTx) => reusable(db, guidanceRowsQuery).all();

/** The guidance in force for land of a type at a moment. */
export const guidanceFor = async (db: DbOrTx, at: number, landType: LandType) => guidanceInForce((await guidanceRows(db)), at, landType);

export const insertGuidance = async (db: DbOrTx, values: typeof priceGuidance.$inferInsert) => (await db.insert(priceGuidance).values(values).returning().all())[0]!;
