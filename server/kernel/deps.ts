import type { Db } from '@/db/client';
import type { Actor } from '@/server/books/audit-log';
import type { Clock } from './clock';
import type { DocumentStore } from '@/server/projects/document-store';

/** What every service needs: the database, the clock and the document files. The actor comes per call. */
export interface Services {
  db: Db;
  clock: Clock;
  documents: DocumentStore;
}

export type { Actor };
