// Run by `npm start` before the server: makes the data folder owner-only, applies migrations, seeds an
// empty database, makes sure the session secret exists.
import { openDatabase } from './client';
import { organisations } from './schema';
import { seedDemo } from './seed-demo';
import { authSecret } from '@/server/auth-secret';
import { systemClock } from '@/server/clock';
import { documentStore } from '@/server/documents';
import { env } from '@/server/env';
import { tightenDataFolder } from '@/server/owner-only';

tightenDataFolder(env.dataDir);
const db = openDatabase(env.databaseFile);
authSecret();
if (db.select().from(organisations).limit(1).all().length === 0) {
  void seedDemo({ db, clock: systemClock, documents: documentStore(env.documentsDir) }).then(() => {
  console.log(`Seeded demo data into ${env.databaseFile}.`);
    db.$client.close();
  });
} else {
  console.log(`Database ready at ${env.databaseFile}.`);
  db.$client.close();
}
