// The settlement figure's market, on either engine: the demo, a zone with funds, and awards of 0.1 mu
// waiting for payment (negotiated listings, each with an accepted offer), made for at most `ms`.
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { seedDemo } from '@/server/demo/seed-demo';
import type { ManualClock } from '@/server/kernel/clock';
import type { Services } from '@/server/kernel/deps';
import { DAY_MS } from '@/server/kernel/china-time';
import { acceptOffer, placeOffer } from '@/server/market/bidding';
import { receiveBankTransfer } from '@/server/accounts/funds';
import { createListing, reviewListing } from '@/server/market/listings';

export async function awardsToPay(s: Services & { clock: ManualClock }, opts: { max: number; ms: number }) {
  await seedDemo(s);
  const actor = async (username: string) => {
    const u = (await s.db.select().from(users).where(eq(users.username, username)).all())[0]!;
    return { userId: u.id, organisationId: u.organisationId };
  };
  const county = await actor('pianguan');
  const province = await actor('province');
  const zone = await actor('zone');
  await receiveBankTransfer(s, { proposer: province, checker: await actor('checker') }, { zoneId: zone.organisationId, amountFen: 10_000_000_000_00, bankRef: 'BENCH' });
  const lotId = Number((await s.db.connection.prepare('select id from lots where county_id = ? order by id limit 1').get(county.organisationId))!.id);
  const trades: number[] = [];
  const until = Date.now() + opts.ms;
  while (trades.length < opts.max && Date.now() < until) {
    const now = s.clock.now();
    const l = await createListing(s, county, { lotId, mode: 'negotiated', qtyMilliMu: 100, reservePriceFenPerMu: 2_000_000, minLotMilliMu: 100, incrementFenPerMu: 0, opensAt: now, closesAt: now + DAY_MS, note: '' });
    await reviewListing(s, province, l.id, { approve: true, reason: '' });
    const { bid } = await placeOffer(s, zone, { listingId: l.id, priceFenPerMu: 2_000_000, qtyMilliMu: 100 });
    trades.push((await acceptOffer(s, county, bid.id)).id);
    s.clock.advance(1000);
  }
  return { zone, trades };
}
