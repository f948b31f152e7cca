// `npm run db:seed`: fills an empty database with the demo data (refuses a database that has data).
import { openDatabase } from './client';
import { organisations } from './schema';
import { seedDemo } from './seed-demo';
import { documentStore } from '@/server/documents';
import { env } from '@/server/env';
import { systemClock } from '@/server/clock';

const db = openDatabase(env.databaseFile);
if (db.select().from(organisations).limit(1).all().length > 0) {
  console.log(`${env.databaseFile} already holds data; nothing seeded.`);
} else {
  void seedDemo({ db, clock: systemClock, documents: documentStore(env.documentsDir) }).then(() => {
  console.log(`Seeded demo data into ${env.databaseFile}.`);
  });
}
