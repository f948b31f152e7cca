// The market's database as the server and the operator's commands open it: connected and migrated
// (db/client.ts), then an audit log older than its hash chain sealed, once, so that every record is
// chained before anything reads or appends to it.
import 'server-only';
import { type Db, openDatabase } from '@/db/client';
import { sealAuditLog } from '@/server/books/audit-log';

export async function openMarketDatabase(file: string): Promise<Db> {
  const db = await openDatabase(file);
  await sealAuditLog(db);
  return db;
}
