// `npm run restore -- <file>`: puts a backup in place of the database. Stop the server first; the
// database it replaces is kept beside it as quota-exchange.db.before-restore.
import path from 'node:path';
import { restoreDatabase } from '@/server/ops/backup';
import { env } from '@/server/kernel/env';
import { tightenDataFolder } from '@/db/owner-only';

if (env.database.engine === 'pg') {
  console.error('On PostgreSQL the database\'s own tools back up and restore: see the README, "On PostgreSQL".');
  process.exit(2);
}
const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run restore -- <backup file>   (stop the server first)');
  process.exit(2);
}
async function main(file: string) {
  try {
    // The restored file arrives in the data folder: owner-only before it does.
    tightenDataFolder(env.dataDir);
    const r = await restoreDatabase(path.resolve(file), env.databaseFile);
    console.log(`Restored ${path.resolve(file)} into ${r.target}; the previous database is kept as ${r.keptAs}.`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}

void main(file);
