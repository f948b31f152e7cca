import 'server-only';
import { type Db, type Tx, inTransaction } from '@/db/client';
import type { Clock } from './clock';
import type { DocumentStore } from './document-store';

/** What every use case needs: the database, the clock and the document files. The actor comes per call. */
export interface Services {
  db: Db;
  clock: Clock;
  documents: DocumentStore;
}

/** Who acts: a user and the organisation on whose behalf. */
export interface Actor {
  userId: number;
  organisationId: number;
}

/**
 * A use case's envelope: one IMMEDIATE transaction, and the moment it happens read once from the
 * clock, so that every record it writes carries the same time.
 */
export function inUseCase<T>(s: Services, work: (tx: Tx, now: number) => Promise<T>): Promise<T> {
  const now = s.clock.now();
  return inTransaction(s.db, (tx) => work(tx, now));
}
