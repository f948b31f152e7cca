import type { Db } from '@/db/client';
import type { Actor } from '@/server/data/audit';
import type { Clock } from '@/server/clock';

/** What every service needs: the database and the clock. The actor comes per call. */
export interface Services {
  db: Db;
  clock: Clock;
}

export type { Actor };
