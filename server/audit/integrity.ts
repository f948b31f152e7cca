// What `npm run audit:verify` checks: the audit chain, the ledger recomputed from the journal
// (balances equal their postings, every entry balances per asset, every asset sums to zero, no
// account but an external source below zero), and what settlements write beside the trades for the
// dashboards (monthly sums and packs) against the settled trades.
import 'server-only';
import type { DbOrTx } from '@/db/client';
import { verifyAuditChain } from '@/server/books/audit-log';
import { allCheckpoints, checkpointMismatches } from './checkpoints';
import { balanceMismatches, negativeAccounts, totalsByAsset, unbalancedEntries } from '@/server/books/journal';
import { settledDisagreements } from '@/server/stats/queries';

/** A head someone kept from elsewhere: `<audit id>:<hash>`, as `--checkpoint` takes it. */
export interface KeptCheckpoint {
  auditId: number;
  hash: string;
}

/** `--checkpoint <id>:<hash>` read, or null if it is not of that form. */
export function parseCheckpoint(text: string): KeptCheckpoint | null {
  const m = /^(\d+):([0-9a-fA-F]{64})$/.exec(text.trim());
  return m ? { auditId: Number(m[1]), hash: m[2]!.toLowerCase() } : null;
}

/**
 * The chain is checked on its own, then against every checkpoint published in the database and every
 * head the caller kept: a history rewritten with all later hashes recomputed holds together, but not
 * against a head published before the rewrite.
 */
export async function verifyIntegrity(db: DbOrTx, kept: KeptCheckpoint[] = []) {
  const audit = await verifyAuditChain(db);
  const published = await allCheckpoints(db);
  const checkpointsChecked = published.length + kept.length;
  const checkpoints = await checkpointMismatches(db, [
    ...published.map((c) => ({ label: `published checkpoint of ${c.day} (record ${c.auditId})`, auditId: c.auditId, hash: c.hash })),
    ...kept.map((c) => ({ label: `checkpoint ${c.auditId}:${c.hash.slice(0, 16)}…`, auditId: c.auditId, hash: c.hash })),
  ]);
  const ledger = {
    mismatches: await balanceMismatches(db),
    unbalanced: await unbalancedEntries(db),
    nonZeroTotals: (await totalsByAsset(db)).filter((r) => r.total !== 0),
    negative: await negativeAccounts(db),
  };
  const settled = await settledDisagreements(db);
  const ok = audit.broken === null && checkpoints.length === 0 && Object.values(ledger).every((list) => list.length === 0) && settled.length === 0;
  return { ok, audit, checkpoints, checkpointsChecked, ledger, settled };
}

/** The first inconsistency, in words, or null. */
export function firstProblem(r: Awaited<ReturnType<typeof verifyIntegrity>>): string | null {
  if (r.audit.broken) return `audit record ${r.audit.broken.id} is ${r.audit.broken.problem} (chain intact up to record ${r.audit.broken.id - 1})`;
  const c = r.checkpoints[0];
  if (c) return `the log disagrees with the ${c.label}: that record's hash is ${c.found === null ? 'missing' : `${c.found.slice(0, 16)}…`}, the checkpoint says ${c.expected.slice(0, 16)}…`;
  const m = r.ledger.mismatches[0];
  if (m) return `account ${m.id}: stored balance ${m.balance} but its postings sum to ${m.recomputed}`;
  const u = r.ledger.unbalanced[0];
  if (u) return `journal entry ${u.entryId} does not balance in ${u.asset} (off by ${u.sum})`;
  const t = r.ledger.nonZeroTotals[0];
  if (t) return `asset ${t.asset} sums to ${t.total}, not zero`;
  const n = r.ledger.negative[0];
  if (n) return `account ${n.id} (${n.asset} ${n.bucket} of organisation ${n.organisationId}) is negative: ${n.balance}`;
  const s = r.settled[0];
  if (s) return `the ${s.problem === 'sums' ? 'monthly sums' : 'packs'} of ${s.month}, county ${s.sellerId}, zone ${s.buyerId} disagree with its settled trades`;
  return null;
}
