// `npm run audit:verify`: recomputes the audit chain and the ledger from the journal and reports the
// first inconsistency (exit code 1), or that all holds (exit code 0). Reads QX_DATA_DIR's database.
// The chain is also checked against every published checkpoint and against each
// `--checkpoint <audit id>:<hash>` given (a head kept from a publication elsewhere).
import fs from 'node:fs';
import { env } from '@/server/kernel/env';
import { type KeptCheckpoint, firstProblem, parseCheckpoint, verifyIntegrity } from '@/server/audit/integrity';
import { describeDatabase, openMarketDatabase } from '@/server/ops/open-market';

const kept: KeptCheckpoint[] = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  const value = arg === '--checkpoint' ? args[++i] : arg.startsWith('--checkpoint=') ? arg.slice('--checkpoint='.length) : undefined;
  const parsed = value === undefined ? null : parseCheckpoint(value);
  if (!parsed) {
    console.error(`usage: audit:verify [--checkpoint <audit id>:<64 hex digits>]... (could not read ${JSON.stringify(value ?? arg)})`);
    process.exit(2);
  }
  kept.push(parsed);
}

// A mistyped data folder must not be reported as consistent (opening it would create an empty market).
if (env.database.engine === 'sqlite' && !fs.existsSync(env.databaseFile)) {
  console.error(`${env.databaseFile}: no such database (check QX_DATA_DIR).`);
  process.exit(2);
}
async function main() {
  const db = await openMarketDatabase(env.database);
  const started = performance.now();
  const result = await verifyIntegrity(db, kept);
  const ms = Math.round(performance.now() - started);
  await db.connection.close();
  const problem = firstProblem(result);
  if (problem) {
    console.error(`${describeDatabase(env.database)}: NOT consistent — ${problem}.`);
    process.exit(1);
  }
  console.log(`${describeDatabase(env.database)}: consistent. ${result.audit.checked} audit records chained (head ${result.audit.head.slice(0, 16)}…), agreeing with ${result.checkpointsChecked} checkpoints; ledger balances equal the journal; ${ms} ms.`);
}

void main();
