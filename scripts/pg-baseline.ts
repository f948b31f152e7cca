// Writes the PostgreSQL engine's baseline migration from db/schema.ts (`npm run db:generate:pg`).
// Later schema changes get a migration of their own in db/migrations-pg/, beside SQLite's; the
// schema test (server/__tests__/pg-schema.test.ts, `npm run test:pg`) holds the two engines' schemas equal.
import fs from 'node:fs';
import path from 'node:path';
import { postgresSchema } from '@/db/pg-schema';

const file = path.join(process.cwd(), 'db', 'migrations-pg', '0000_baseline.sql');
const header = '-- The schema of db/schema.ts for PostgreSQL, written by `npm run db:generate:pg`.\n\n';
fs.writeFileSync(file, header + postgresSchema().join(';\n\n') + ';\n');
console.log(`wrote ${path.relative(process.cwd(), file)}`);
