// The few expressions the two engines write differently, one place for each (docs/decisions/0017).
// Everything else is written once, in the SQL both read.
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { DbOrTx } from './client';

/** A top-level text field of a JSON document stored as text (the audit log's before and after). */
export const jsonText = (db: DbOrTx, document: SQLWrapper, field: string): SQL<string | null> =>
  db.connection.kind === 'pg' ? sql`(${document}::jsonb ->> ${sql.raw(`'${field}'`)})` : sql`json_extract(${document}, ${sql.raw(`'$.${field}'`)})`;
