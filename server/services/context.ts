import type { Db } from '@/db/client';
import type { Actor } from '@/server/data/audit';
import type { Clock } from '@/server/clock';
import type { DocumentStore } from '@/server/documents';

/** What every service needs: the database, the clock and the document files. The actor comes per call. */
export interface Services {
  db: Db;
  clock: Clock;
  documents: DocumentStore;
}

export type { Actor };
