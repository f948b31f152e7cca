// `npm run backup [-- <file>]`: a consistent copy of the live database (the server may keep running),
// by default into <data>/backups/quota-exchange-<time>.db.
import path from 'node:path';
import { backupDatabase } from '@/server/ops/backup';
import { env } from '@/server/kernel/env';
import { tightenDataFolder } from '@/db/owner-only';

if (env.database.engine === 'pg') {
  console.error('On PostgreSQL the database\'s own tools back up and restore: see the README, "On PostgreSQL".');
  process.exit(2);
}
// The backups folder is in the data folder by default: owner-only, as the server keeps it.
tightenDataFolder(env.dataDir);
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
const dest = path.resolve(process.argv[2] ?? path.join(env.dataDir, 'backups', `quota-exchange-${stamp}.db`));
backupDatabase(env.databaseFile, dest).then(
  (r) => console.log(`Backed up ${env.databaseFile} to ${r.dest} (${r.bytes} bytes); the copy is consistent.`),
  (e: Error) => {
    console.error(`Backup failed: ${e.message}`);
    process.exit(1);
  },
);
