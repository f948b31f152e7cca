// `npm run drill:failover`: the PostgreSQL failover drill, on this machine, in about half a minute.
// Two clusters on loopback ports with synchronous streaming replication; the market's own services
// (the same code the server runs) under a load of bids and payments from eight workers, through a
// multi-host URL with target_session_attrs=primary; the primary SIGKILLed mid-load and the standby
// promoted; a call that failed without an answer is sent again as a careful client would (a bid with
// the same request id). Then, on the promoted standby: every acknowledged bid and payment is there,
// none acted twice, the ledger balances and the audit chain verifies. Prints the figures; exits 1 if anything acknowledged is lost.
// Needs Debian's postgresql-15 (apt-get install postgresql).
import fs from 'node:fs';
import path from 'node:path';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { bids, listings, trades, users } from '@/db/schema';
import { seedDemo } from '@/server/demo/seed-demo';
import { openMarketDatabase } from '@/server/ops/open-market';
import { type Cluster, clusterFolder, freePort, postgresInstalled, runOn, startCluster } from '@/server/testing/pg-cluster';
import { systemClock } from '@/server/kernel/clock';
import { documentStore } from '@/server/kernel/document-store';
import type { Actor, Services } from '@/server/kernel/deps';
import { DAY_MS } from '@/server/kernel/china-time';
import { DomainError } from '@/server/kernel/errors';
import { receiveBankTransfer } from '@/server/accounts/funds';
import { createListing, reviewListing } from '@/server/market/listings';
import { acceptOffer, placeBid, placeOffer } from '@/server/market/bidding';
import { payTrade } from '@/server/market/settlement';
import { balanceMismatches, totalsByAsset, unbalancedEntries } from '@/server/books/journal';
import { firstProblem, verifyIntegrity } from '@/server/audit/integrity';

const WORKERS = 8;
const LOAD_MS = 4_000;
const AFTER_PROMOTION_MS = 3_000;
const AUCTIONS = 40;
const AWARDS = 200;

const replication = {
  wal_level: 'replica',
  max_wal_senders: '10',
  wal_log_hints: 'on',
  wal_keep_size: "'512MB'",
  hot_standby: 'on',
  // How long a standby that lost its primary waits before looking for WAL again (5 s by default): a
  // promotion asked for meanwhile could wait for it (the drill saw 5.3 s without service).
  wal_retrieve_retry_interval: "'200ms'",
};

async function main() {
  if (!postgresInstalled()) {
    console.error('The drill needs PostgreSQL 15 from Debian: apt-get install postgresql');
    process.exit(2);
  }
  const primary = await startCluster({ settings: replication });
  let standby: Cluster | undefined;
  const data = clusterFolder('qx-drill-data-');
  try {
    await runOn(primary.url(), 'CREATE DATABASE qx');
    const standbyDir = clusterFolder('qx-standby-');
    primary.run('pg_basebackup', ['-D', path.join(standbyDir, 'data'), '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-R', '-X', 'stream', '--no-sync']);
    standby = await startCluster({ dir: standbyDir, port: await freePort(), init: false });
    // Synchronous from now on: a commit is acknowledged once the standby has it too.
    const url = `postgres://postgres@127.0.0.1:${primary.port},127.0.0.1:${standby.port}/qx?target_session_attrs=primary`;
    console.log(`primary :${primary.port}, synchronous standby :${standby.port}; the app connects to ${url}`);

    const s: Services = { db: await openMarketDatabase({ engine: 'pg', url, folder: data }), clock: systemClock, documents: documentStore(path.join(data, 'documents')) };
    await seedDemo(s);
    const { auctions, awards, zones } = await prepareMarket(s);
    // Synchronous from now on: a commit is acknowledged once the standby has it too.
    await runOn(primary.url(), "ALTER SYSTEM SET synchronous_standby_names = '*'", 'SELECT pg_reload_conf()');
    console.log(`market ready: ${auctions.length} open auctions, ${awards.length} awards waiting for payment`);

    const acknowledged = { bids: [] as number[], payments: [] as number[] };
    let retriedCalls = 0;
    let refused = 0;
    let lastFailure = 0;
    let outage: { from: number; to: number } | null = null;
    let killedAt = 0;
    let stopAt = Number.POSITIVE_INFINITY;
    const nextPrice = new Map(auctions.map((a) => [a.id, a.reserve]));
    let turn = 0;

    /**
     * Sends a call until it is answered, as a careful client would: after an error that is not the
     * market's refusal (the connection lost, no primary yet), the same call again — a bid with the same
     * request id, a payment of the same trade — so that it acts once whatever the first attempt did.
     */
    const untilAnswered = async <T>(call: () => Promise<T>): Promise<T | null> => {
      for (let attempt = 0; ; attempt++) {
        try {
          const answer = await call();
          if (attempt > 0) retriedCalls++;
          if (killedAt && lastFailure > killedAt && !outage) outage = { from: killedAt, to: Date.now() };
          return answer;
        } catch (e) {
          if (isRefusal(e)) {
            refused++;
            return null;
          }
          lastFailure = Date.now();
          if (Date.now() > stopAt + 30_000) throw e;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    };

    const worker = async (w: number) => {
      while (Date.now() < stopAt) {
        if (turn++ % 3 === 0 && awards.length > 0) {
          const trade = awards.pop()!;
          if (await untilAnswered(() => payTrade(s, trade.zone, trade.id))) acknowledged.payments.push(trade.id);
        } else {
          const a = auctions[(turn + w) % auctions.length]!;
          const price = nextPrice.get(a.id)!;
          nextPrice.set(a.id, price + a.increment);
          const zone = zones[(turn + w) % zones.length]!;
          const requestId = `drill-${w}-${turn}-${a.id}`;
          const placed = await untilAnswered(() => placeBid(s, zone, { listingId: a.id, priceFenPerMu: price, qtyMilliMu: a.qty, requestId }));
          if (placed) acknowledged.bids.push(placed.bid.id);
        }
      }
    };

    const started = Date.now();
    stopAt = started + LOAD_MS + 60_000;
    const running = Array.from({ length: WORKERS }, (_, w) => worker(w));
    await new Promise((r) => setTimeout(r, LOAD_MS));
    const before = { bids: acknowledged.bids.length, payments: acknowledged.payments.length };
    const pid = Number(fs.readFileSync(path.join(primary.data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    killedAt = Date.now();
    process.kill(pid, 'SIGKILL');
    console.log(`primary SIGKILLed after ${before.bids} bids and ${before.payments} payments acknowledged`);
    // Promoted over a connection, so the load goes on (and fails) meanwhile: `pg_ctl promote` would hold
    // this process until the promotion ends and the time without service would go unseen.
    await runOn(standby.url(), 'SELECT pg_promote(true, 60)');
    // A promoted primary would wait for a synchronous standby that is gone: until a new standby joins,
    // it commits alone (what Patroni or pg_auto_failover do on their own).
    await runOn(standby.url('qx'), "ALTER SYSTEM SET synchronous_standby_names = ''", 'SELECT pg_reload_conf()');
    const promotedAt = Date.now();
    console.log(`standby promoted ${promotedAt - killedAt} ms after the kill`);
    stopAt = Math.max(promotedAt, Date.now()) + AFTER_PROMOTION_MS;
    await Promise.all(running);

    // What the promoted standby holds, read afresh on it alone.
    const check = await openMarketDatabase({ engine: 'pg', url: standby.url('qx'), folder: data });
    const foundBids = new Set((await check.select({ id: bids.id }).from(bids).where(inArray(bids.id, acknowledged.bids.length ? acknowledged.bids : [0])).all()).map((b) => b.id));
    const settled = new Set((await check.select({ id: trades.id }).from(trades).where(and(inArray(trades.id, [...acknowledged.payments, 0]), eq(trades.status, 'settled'))).all()).map((t) => t.id));
    // Acting twice would leave two bids of one zone at one price on one auction, or two settlements of one trade.
    const twice = Number(
      (await check.connection.prepare<{ n: number }>('select count(*) as n from (select listing_id from bids group by listing_id, zone_id, price_fen_per_mu having count(*) > 1) as doubled').get())!.n,
    ) + Number((await check.connection.prepare<{ n: number }>("select count(*) as n from (select trade_id from journal_entries where reason = 'settlement' group by trade_id having count(*) > 1) as doubled").get())!.n);
    const lostBids = acknowledged.bids.filter((id) => !foundBids.has(id));
    const lostPayments = acknowledged.payments.filter((id) => !settled.has(id));
    const ledger = { mismatches: await balanceMismatches(check), unbalanced: await unbalancedEntries(check), nonZero: (await totalsByAsset(check)).filter((r) => r.total !== 0) };
    const integrity = await verifyIntegrity(check);
    const problem = firstProblem(integrity);
    await check.connection.close();
    await s.db.connection.close();

    const rows = [
      ['bids acknowledged', acknowledged.bids.length],
      ['payments acknowledged', acknowledged.payments.length],
      ['refused by the market (outbid, already paid)', refused],
      ['acknowledged but lost', lostBids.length + lostPayments.length],
      ['calls sent again after an unknown outcome (same request id), then answered', retriedCalls],
      ['calls that acted twice', twice],
      ['time without service, ms (kill to first success)', outage ? (outage as { from: number; to: number }).to - (outage as { from: number; to: number }).from : 'none seen'],
      ['promotion, ms (kill to promoted)', promotedAt - killedAt],
      ['ledger balanced', ledger.mismatches.length === 0 && ledger.unbalanced.length === 0 && ledger.nonZero.length === 0 ? 'yes' : 'NO'],
      ['audit chain', problem ?? `verified (${integrity.audit.checked} records)`],
    ];
    console.log('\n| failover drill | |\n|---|---|');
    for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
    if (lostBids.length + lostPayments.length > 0 || twice > 0 || problem || ledger.mismatches.length + ledger.unbalanced.length + ledger.nonZero.length > 0) process.exitCode = 1;
  } finally {
    standby?.remove();
    primary.remove();
    fs.rmSync(data, { recursive: true, force: true });
  }
}

const isRefusal = (e: unknown) => e instanceof DomainError;

/** Open auctions to bid on, awards to pay, and zones with the funds for both. */
async function prepareMarket(s: Services) {
  const actor = async (username: string): Promise<Actor> => {
    const u = (await s.db.select().from(users).where(eq(users.username, username)).all())[0]!;
    return { userId: u.id, organisationId: u.organisationId };
  };
  const province = await actor('province');
  const county = await actor('pianguan');
  const zones = await Promise.all(['zone', 'zone2', 'zone3'].map(actor));
  for (const z of zones) {
    await receiveBankTransfer(s, { proposer: province, checker: await actor('checker') }, { zoneId: z.organisationId, amountFen: 1_000_000_000_000, bankRef: `DRILL-${z.organisationId}` });
  }
  const lotId = Number((await s.db.connection.prepare('select id from lots where county_id = ? order by id limit 1').get(county.organisationId))!.id);
  const now = Date.now();
  const auctions: { id: number; reserve: number; increment: number; qty: number }[] = [];
  for (let i = 0; i < AUCTIONS; i++) {
    const l = await createListing(s, county, { lotId, mode: 'auction', qtyMilliMu: 100, reservePriceFenPerMu: 2_000_000, minLotMilliMu: 100, incrementFenPerMu: 1_000, opensAt: now, closesAt: now + DAY_MS, note: '' });
    await reviewListing(s, province, l.id, { approve: true, reason: '' });
    auctions.push({ id: l.id, reserve: 2_000_000, increment: 1_000, qty: 100 });
  }
  const awards: { id: number; zone: Actor }[] = [];
  for (let i = 0; i < AWARDS; i++) {
    const zone = zones[i % zones.length]!;
    const l = await createListing(s, county, { lotId, mode: 'negotiated', qtyMilliMu: 100, reservePriceFenPerMu: 2_000_000, minLotMilliMu: 100, incrementFenPerMu: 0, opensAt: now, closesAt: now + DAY_MS, note: '' });
    await reviewListing(s, province, l.id, { approve: true, reason: '' });
    const { bid } = await placeOffer(s, zone, { listingId: l.id, priceFenPerMu: 2_000_000, qtyMilliMu: 100 });
    awards.push({ id: (await acceptOffer(s, county, bid.id)).id, zone });
  }
  const open = await s.db.select({ n: sql<number>`count(*)` }).from(listings).where(eq(listings.status, 'approved')).all();
  if (Number(open[0]!.n) < AUCTIONS) throw new Error('the auctions did not open');
  return { auctions, awards, zones };
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
