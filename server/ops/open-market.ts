// The market's database as the server and the operator's commands open it: connected and migrated
// (db/client.ts), then an audit log older than its hash chain sealed, once, so that every record is
// chained before anything reads or appends to it. A path opens that SQLite file.
import 'server-only';
import { type Db, openDatabase, openPostgresDatabase } from '@/db/client';
import { sealAuditLog } from '@/server/books/audit-log';
import type { DatabaseTarget } from '@/server/kernel/env';

export async function openMarketDatabase(target: DatabaseTarget | string): Promise<Db> {
  const where: DatabaseTarget = typeof target === 'string' ? { engine: 'sqlite', file: target } : target;
  const db = where.engine === 'pg' ? await openPostgresDatabase(where.url, where.folder) : await openDatabase(where.file);
  await sealAuditLog(db);
  return db;
}

/** What a log line may say of where the data is: the file, or the PostgreSQL URL without its password. */
export function describeDatabase(target: DatabaseTarget): string {
  if (target.engine === 'sqlite') return target.file;
  return target.url.replace(/^(postgres(?:ql)?:\/\/[^:@/]+):[^@/]*@/, '$1@');
}
