// `npm run audit:verify`: recomputes the audit chain and the ledger from the journal and reports the
// first inconsistency (exit code 1), or that all holds (exit code 0). Reads QX_DATA_DIR's database.
import fs from 'node:fs';
import { env } from '@/server/kernel/env';
import { firstProblem, verifyIntegrity } from '@/server/audit/integrity';
import { openMarketDatabase } from '@/server/ops/open-market';

// A mistyped data folder must not be reported as consistent (opening it would create an empty market).
if (!fs.existsSync(env.databaseFile)) {
  console.error(`${env.databaseFile}: no such database (check QX_DATA_DIR).`);
  process.exit(2);
}
const db = openMarketDatabase(env.databaseFile);
const started = performance.now();
const result = verifyIntegrity(db);
const ms = Math.round(performance.now() - started);
db.$client.close();
const problem = firstProblem(result);
if (problem) {
  console.error(`${env.databaseFile}: NOT consistent — ${problem}.`);
  process.exit(1);
}
console.log(`${env.databaseFile}: consistent. ${result.audit.checked} audit records chained (head ${result.audit.head.slice(0, 16)}…); ledger balances equal the journal; ${ms} ms.`);
