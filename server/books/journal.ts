// Reads and writes of the journal. Balances are kept on the account row in the same transaction as
// the postings; `recomputedBalances` rebuilds them from the postings to prove they match.
import 'server-only';
import { and, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { type DbOrTx, type Tx, prepared, reusable, together } from '@/db/client';
import { accounts, journalEntries, organisations, postings, proceedsSpendings, trades } from '@/db/schema';
import { type AccountKey, type Asset, type EntryReason, STATEMENT_PAGE_ENTRIES, accountKeyString, samePostings, type Posting, SOURCE_BUCKETS, accountsOf, balancesAfter, isBalanced } from '@/server/books/domain/ledger';

// The journal's hot statements: an entry moves its accounts' balances, finding them by key (one
// statement for those without a lot, one for those with), and its postings are written. Kept per
// connection: a bid posts twice, a settlement a dozen times (docs/decisions/0005, 0018).
const statements = (db: DbOrTx) => reusable(db, journalStatements);
const NO_POSTINGS_YET = 'not exists (select 1 from postings p join journal_entries e on e.id = p.entry_id where e.idempotency_key = ?)';
const journalStatements = (db: DbOrTx) => ({
  accountByKey: prepared(db, 'select id, balance from accounts where organisation_id = ? and asset = ? and bucket = ? and lot_id = ?'),
  accountByKeyNoLot: prepared(db, 'select id, balance from accounts where organisation_id = ? and asset = ? and bucket = ? and lot_id is null'),
  addToBalance: prepared(db, 'update accounts set balance = balance + ? where id = ?'),
  entryByKey: prepared(db, 'select id, reason from journal_entries where idempotency_key = ?'),
  postingsOfEntry: prepared(
    db,
    'select a.organisation_id as "organisationId", a.asset, a.bucket, a.lot_id as "lotId", p.amount from postings p join accounts a on a.id = p.account_id where p.entry_id = ?',
  ),
});

async function findAccount(db: DbOrTx, k: AccountKey): Promise<{ id: number; balance: number } | undefined> {
  const s = statements(db);
  return (k.lotId === null ? await s.accountByKeyNoLot.get(k.organisationId, k.asset, k.bucket) : await s.accountByKey.get(k.organisationId, k.asset, k.bucket, k.lotId)) as
    | { id: number; balance: number }
    | undefined;
}

export async function balanceOf(db: DbOrTx, k: AccountKey): Promise<number> {
  return (await findAccount(db, k))?.balance ?? 0;
}

/** Opens an account with its first posting's amount as its balance; its id. */
async function openAccount(db: DbOrTx, k: AccountKey, amount: number): Promise<number> {
  const [created] = await db
    .insert(accounts)
    .values({ ...k, balance: amount, allowNegative: SOURCE_BUCKETS.includes(k.bucket) })
    .returning({ id: accounts.id })
    .all();
  return created!.id;
}

export interface EntryHeader {
  idempotencyKey: string;
  reason: EntryReason;
  memo?: string;
  tradeId?: number | null;
  listingId?: number | null;
  useId?: number | null;
  actorUserId?: number | null;
  at: number;
}

const $ = sql.placeholder;
const insertEntryQuery = (db: DbOrTx) =>
  db
    .insert(journalEntries)
    .values({
      idempotencyKey: $('idempotencyKey'),
      reason: $('reason'),
      memo: $('memo'),
      tradeId: $('tradeId'),
      listingId: $('listingId'),
      useId: $('useId'),
      actorUserId: $('actorUserId'),
      at: $('at'),
    })
    .onConflictDoNothing({ target: journalEntries.idempotencyKey })
    .returning({ id: journalEntries.id })
    .prepare();

/**
 * Writes one journal entry and applies its postings to the balances. An entry whose idempotency key
 * was already written with the same reason and postings is not written again (returns false); the
 * same key with anything else is a fault, thrown (TigerBeetle's `exists_with_different_*`): a retry
 * must not be mistaken for another event. A balance that would go below zero where the account may
 * not trips the table's CHECK and aborts the whole transaction.
 */
export async function postEntry(db: Tx, header: EntryHeader, entryPostings: readonly Posting[]): Promise<boolean> {
  if (!isBalanced(entryPostings)) throw new Error(`unbalanced entry ${header.idempotencyKey}`);
  const s = statements(db);
  const key = header.idempotencyKey;
  // The entry, its balance moves and its postings together, in this order (one round trip on
  // PostgreSQL); the moves and postings are made only for an entry not already in the journal.
  const moves = movesByAccount(entryPostings);
  const [entry, movedNoLot, movedWithLot] = await together([
    reusable(db, insertEntryQuery).get({ memo: '', tradeId: null, listingId: null, useId: null, actorUserId: null, ...header }),
    moves.noLot.length > 0 ? balanceMoves(db, moves.noLot.length, false).all(...moves.noLot.flatMap(moveParameters(false)), key) : Promise.resolve([]),
    moves.withLot.length > 0 ? balanceMoves(db, moves.withLot.length, true).all(...moves.withLot.flatMap(moveParameters(true)), key) : Promise.resolve([]),
    entryPostings.length > 0 ? postingsOnAccountsThatExist(db, entryPostings.length).run(...entryPostings.flatMap(postingParameters(key))) : Promise.resolve(),
  ]);
  if (!entry) {
    const existing = (await s.entryByKey.get(key)) as { id: number; reason: string };
    const written = (await s.postingsOfEntry.all(existing.id)) as { organisationId: number; asset: Asset; bucket: Posting['account']['bucket']; lotId: number | null; amount: number }[];
    const same = existing.reason === header.reason && samePostings(written.map(({ amount, ...account }) => ({ account, amount })), entryPostings);
    if (!same) throw new Error(`journal entry ${key} exists with ${existing.reason === header.reason ? 'other postings' : 'another reason'}`);
    return false;
  }
  // A posting whose move found no account is its account's first: it opens the account now, with its
  // amount (a later posting of the entry to the same account moves it), and is written.
  const moved = new Set([...movedNoLot, ...movedWithLot].map(accountKeyString));
  const opened = new Map<string, number>();
  for (const p of entryPostings) {
    const account = accountKeyString(p.account);
    if (moved.has(account)) continue;
    let accountId = opened.get(account);
    if (accountId === undefined) opened.set(account, (accountId = await openAccount(db, p.account, p.amount)));
    else await s.addToBalance.run(p.amount, accountId);
    await prepared(db, 'insert into postings (entry_id, account_id, amount) values (?, ?, ?)').run(entry.id, accountId, p.amount);
  }
  return true;
}

/** An entry's postings summed per account, apart for accounts without a lot and with one (each its own unique index). */
function movesByAccount(entryPostings: readonly Posting[]) {
  const sums = new Map<string, Posting>();
  for (const { account, amount } of entryPostings) {
    const k = accountKeyString(account);
    const sum = sums.get(k);
    sums.set(k, { account, amount: (sum?.amount ?? 0) + amount });
  }
  const all = [...sums.values()];
  return { noLot: all.filter((m) => m.account.lotId === null), withLot: all.filter((m) => m.account.lotId !== null) };
}

/**
 * A new entry's balance moves on `n` accounts in one statement (its text kept per number and kind),
 * sent with the entry's insert and made only while the entry has no postings: an entry and its
 * postings are written in one transaction, so that is the entry just written, and a repeated key
 * moves nothing. The accounts it finds are returned: one it does not find is opened after.
 */
const balanceMoves = (db: DbOrTx, n: number, withLot: boolean) =>
  prepared<AccountKey>(
    db,
    'update accounts set balance = balance + v.column1 from (values ' +
      Array.from({ length: n }, () => `(cast(? as bigint), cast(? as bigint), cast(? as text), cast(? as text)${withLot ? ', cast(? as bigint)' : ''})`).join(', ') +
      ') as v where accounts.organisation_id = v.column2 and accounts.asset = v.column3 and accounts.bucket = v.column4 and ' +
      `${withLot ? 'accounts.lot_id = v.column5' : 'accounts.lot_id is null'} and ${NO_POSTINGS_YET} ` +
      'returning organisation_id as "organisationId", asset, bucket, lot_id as "lotId"',
  );
const moveParameters = (withLot: boolean) => (m: Posting) => {
  const k = m.account;
  return withLot ? [m.amount, k.organisationId, k.asset, k.bucket, k.lotId] : [m.amount, k.organisationId, k.asset, k.bucket];
};

/**
 * An entry's postings on the accounts that exist, in one statement (its text kept per number of
 * postings), written only if the entry has none yet. Both engines select every row before inserting
 * any, so one posting does not hide the next.
 */
const postingsOnAccountsThatExist = (db: DbOrTx, n: number) =>
  prepared(
    db,
    'insert into postings (entry_id, account_id, amount) ' +
      Array.from(
        { length: n },
        () =>
          'select e.id, a.id, cast(? as bigint) from journal_entries e join accounts a on a.organisation_id = ? and a.asset = ? and a.bucket = ? ' +
          'and (a.lot_id = ? or (a.lot_id is null and cast(? as bigint) is null)) ' +
          'where e.idempotency_key = ? and not exists (select 1 from postings p where p.entry_id = e.id)',
      ).join(' union all '),
  );
const postingParameters = (key: string) => (p: Posting) => [p.amount, p.account.organisationId, p.account.asset, p.account.bucket, p.account.lotId, p.account.lotId, key];

/** How many entries of one reason a listing has: numbers its successive edits for their keys. */
export async function entryCountOfListing(db: DbOrTx, listingId: number, reason: EntryReason): Promise<number> {
  return (
    (await db
      .select({ n: sql<number>`count(*)` })
      .from(journalEntries)
      .where(and(eq(journalEntries.listingId, listingId), eq(journalEntries.reason, reason)))
      .all())[0]?.n ?? 0
  );
}


/**
 * One page of an organisation's statement: its postings on the given assets, whole entries, newest
 * first, entries older than `beforeEntryId` when given. A zone's deposits alone post millions of lines,
 * so the newest entries are found per account (index account_id, entry_id) and merged, never sorted
 * across the whole journal. `olderThan` is the cursor of the next page, null on the last.
 */
export async function statement(db: DbOrTx, organisationId: number, assets: Asset[], page: { beforeEntryId?: number; entries?: number } = {}) {
  const size = page.entries ?? STATEMENT_PAGE_ENTRIES;
  const before = page.beforeEntryId ?? Number.MAX_SAFE_INTEGER;
  const accountIds = (await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.organisationId, organisationId), inArray(accounts.asset, assets)))
    .all())
    .map((a) => a.id);
  const newest = prepared(db, 'select distinct entry_id as id from postings where account_id = ? and entry_id < ? order by entry_id desc limit ?');
  const newestOf = [];
  for (const id of accountIds) newestOf.push(...(await newest.all(id, before, size + 1)).map((r) => r.id as number));
  const entryIds = [...new Set(newestOf)]
    .sort((a, b) => b - a)
    .slice(0, size + 1);
  const shown = entryIds.slice(0, size);
  const lines =
    shown.length === 0
      ? []
      : await db
          .select({
            entryId: journalEntries.id,
            at: journalEntries.at,
            reason: journalEntries.reason,
            memo: journalEntries.memo,
            tradeId: journalEntries.tradeId,
            listingId: journalEntries.listingId,
            asset: accounts.asset,
            bucket: accounts.bucket,
            lotId: accounts.lotId,
            amount: postings.amount,
          })
          .from(postings)
          .innerJoin(accounts, eq(postings.accountId, accounts.id))
          .innerJoin(journalEntries, eq(postings.entryId, journalEntries.id))
          .where(and(inArray(postings.entryId, shown), inArray(postings.accountId, accountIds)))
          .orderBy(desc(journalEntries.id), postings.id)
          .all();
  return { lines, olderThan: entryIds.length > size ? shown[shown.length - 1]! : null };
}

/**
 * One page of a county's proceeds as an account statement: one line per journal entry that moved its
 * proceeds account (a settlement's deposit and balance are one line, the trade's amount), newest first,
 * each with the trade and buyer or the spending behind it and the balance after it. `olderThan` is
 * the cursor of the next page, null on the last.
 */
export async function proceedsStatement(db: DbOrTx, countyId: number, page: { beforeEntryId?: number; entries?: number } = {}) {
  const size = page.entries ?? STATEMENT_PAGE_ENTRIES;
  const account = await findAccount(db, accountsOf.countyProceeds(countyId));
  if (!account) return { lines: [], olderThan: null };
  const before = page.beforeEntryId ?? Number.MAX_SAFE_INTEGER;
  const moves = (await prepared(db, 'select entry_id as "entryId", sum(amount) as "amountFen" from postings where account_id = ? and entry_id < ? group by entry_id order by entry_id desc limit ?').all(
    account.id,
    before,
    size + 1,
  )) as { entryId: number; amountFen: number }[];
  const shown = moves.slice(0, size);
  if (shown.length === 0) return { lines: [], olderThan: null };
  // The balance after the newest line shown: today's balance less what the newer pages moved.
  const newer = page.beforeEntryId === undefined ? 0 : (((await prepared(db, 'select coalesce(sum(amount), 0) as n from postings where account_id = ? and entry_id >= ?').get(account.id, before)) as { n: number }).n);
  const balances = balancesAfter(account.balance - newer, shown.map((m) => m.amountFen));
  const entries = new Map(
    (await db
      .select({ id: journalEntries.id, at: journalEntries.at, reason: journalEntries.reason, key: journalEntries.idempotencyKey, tradeId: journalEntries.tradeId, confirmationNo: trades.confirmationNo, buyerName: organisations.name })
      .from(journalEntries)
      .leftJoin(trades, eq(journalEntries.tradeId, trades.id))
      .leftJoin(organisations, eq(trades.buyerId, organisations.id))
      .where(inArray(journalEntries.id, shown.map((m) => m.entryId)))
      .all())
      .map((e) => [e.id, e]),
  );
  // A spending's entry is keyed by its row (services/holdings.ts): its purpose tells what it paid for.
  const spendingIdOf = (key: string) => {
    const m = /^spend:(\d+)$/.exec(key);
    return m ? Number(m[1]) : null;
  };
  const spendingIds = [...entries.values()].map((e) => spendingIdOf(e.key)).filter((id): id is number => id !== null);
  const purposes = new Map(
    spendingIds.length === 0
      ? []
      : (await db
          .select({ id: proceedsSpendings.id, purpose: proceedsSpendings.purpose })
          .from(proceedsSpendings)
          .where(and(inArray(proceedsSpendings.id, spendingIds), eq(proceedsSpendings.countyId, countyId)))
          .all())
          .map((r) => [r.id, r.purpose]),
  );
  return {
    lines: shown.map((m, i) => {
      const e = entries.get(m.entryId)!;
      const spendingId = spendingIdOf(e.key);
      return {
        entryId: m.entryId,
        at: e.at,
        reason: e.reason,
        tradeId: e.tradeId,
        confirmationNo: e.confirmationNo,
        buyerName: e.buyerName,
        purpose: spendingId === null ? null : (purposes.get(spendingId) ?? null),
        amountFen: m.amountFen,
        balanceFen: balances[i]!,
      };
    }),
    olderThan: moves.length > size ? shown[shown.length - 1]!.entryId : null,
  };
}

/** Accounts whose stored balance differs from the sum of their postings (should be none). */
export function balanceMismatches(db: DbOrTx) {
  return db
    .select({ id: accounts.id, balance: accounts.balance, recomputed: sql<number>`coalesce(sum(${postings.amount}), 0)` })
    .from(accounts)
    .leftJoin(postings, eq(postings.accountId, accounts.id))
    .groupBy(accounts.id)
    .having(sql`${accounts.balance} <> coalesce(sum(${postings.amount}), 0)`)
    .all();
}

/** Sum of balances per asset over all accounts: zero for each asset when money and quota are conserved. */
export function totalsByAsset(db: DbOrTx) {
  return db
    .select({ asset: accounts.asset, total: sql<number>`sum(${accounts.balance})` })
    .from(accounts)
    .groupBy(accounts.asset)
    .all();
}

/** Journal entries whose postings do not sum to zero per asset (should be none). */
export function unbalancedEntries(db: DbOrTx) {
  return db
    .select({ entryId: postings.entryId, asset: accounts.asset, sum: sql<number>`sum(${postings.amount})` })
    .from(postings)
    .innerJoin(accounts, eq(postings.accountId, accounts.id))
    .groupBy(postings.entryId, accounts.asset)
    .having(sql`sum(${postings.amount}) <> 0`)
    .all();
}

/** Accounts below zero other than the external sources (bank, issuance), which must never happen. */
export function negativeAccounts(db: DbOrTx) {
  return db
    .select({ id: accounts.id, organisationId: accounts.organisationId, asset: accounts.asset, bucket: accounts.bucket, balance: accounts.balance })
    .from(accounts)
    .where(and(sql`${accounts.balance} < 0`, notInArray(accounts.bucket, [...SOURCE_BUCKETS])))
    .all();
}
