// Price guidance through tRPC callers (seed 001 三(三)): the province publishes periods, a
// reserve, bid or offer below the floor in force is refused with a message naming the floor, and a new
// period never rewrites an old one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caught as refusal } from '@/server/testing/refusals';
import { type Harness, T0, makeHarness } from '@/server/testing/harness';

const HOUR = 3_600_000;
const DAY = 86_400_000;

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

// T0 is 2026-11-02 09:00 China time.
const publish = async (over: Partial<Parameters<ReturnType<Harness['as']>['guidance']['publish']>[0]> = {}) =>
  h.as('province').guidance.publish({ validFrom: '2026-11-02', validTo: '', landType: 'all', reference: '32000', floor: '25000', documentRef: '晋自然资发〔2026〕50号', ...over });

const lotOf = async (county: string) => (await h.as(county).accounts.quota())[0]!;
const listingTerms = async (reservePrice: string, mode: 'auction' | 'negotiated' = 'auction') => ({
  lotId: (await lotOf('pianguan')).id,
  mode,
  qty: '100',
  reservePrice,
  minLot: '20',
  increment: mode === 'auction' ? '500' : undefined,
  opensAt: h.clock.now(),
  closesAt: h.clock.now() + HOUR,
});

describe('price guidance', () => {
  it('a reserve below the floor is refused with a message that names the floor; at the floor it is taken', async () => {
    await publish();
    const e = await refusal(h.as('pianguan').listings.create(await listingTerms('24999.99')));
    expect(e.code).toBe('BAD_REQUEST');
    expect(e.message).toBe('价格低于省厅指导价下限（25,000.00 元/亩，晋自然资发〔2026〕50号）。');
    const listing = await h.as('pianguan').listings.create(await listingTerms('25000'));
    expect(listing.reservePriceFenPerMu).toBe(2_500_000);
  });

  it('guidance for a land type beats guidance for all types; the market shows what is in force', async () => {
    const lot = await lotOf('pianguan');
    await publish({ floor: '20000', reference: '30000' });
    await publish({ landType: lot.landType, floor: '26000', reference: '35000', documentRef: '专项' });
    const current = await h.as('zone').guidance.current();
    expect(current.find((c) => c.landType === lot.landType)?.guidance?.floorFenPerMu).toBe(2_600_000);
    await refusal(h.as('pianguan').listings.create(await listingTerms('25000')));
    const listing = await h.as('pianguan').listings.create(await listingTerms('26000'));
    await h.as('province').listings.review({ listingId: listing.id, approve: true });
    const shown = await h.as('zone').listings.get({ id: listing.id });
    expect(shown.guidance).toEqual({ referenceFenPerMu: 3_500_000, floorFenPerMu: 2_600_000, documentRef: '专项' });
  });

  it('a floor raised after listing refuses approval, bids and offers below it', async () => {
    const auction = await h.as('pianguan').listings.create(await listingTerms('20000'));
    await h.as('province').listings.review({ listingId: auction.id, approve: true });
    const pending = await h.as('pianguan').listings.create({ ...(await listingTerms('20000', 'negotiated')), qty: '50' });
    await publish({ floor: '22000', reference: '30000' });
    expect((await refusal(h.as('province').listings.review({ listingId: pending.id, approve: true }))).message).toContain('22,000.00');
    const bid = await refusal(h.as('zone').bids.place({ listingId: auction.id, price: '21000', qty: '100' }));
    expect(bid.message).toContain('指导价下限（22,000.00 元/亩');
    await h.as('zone').bids.place({ listingId: auction.id, price: '22000', qty: '100' });
  });

  it('a period that has ended no longer applies; one starting later applies from its first day', async () => {
    await publish({ validTo: '2026-11-05', floor: '25000' });
    await publish({ validFrom: '2026-11-10', floor: '27000', reference: '33000' });
    await h.as('pianguan').listings.create({ ...(await listingTerms('26000')), qty: '10', minLot: '10' });
    h.clock.set(T0 + 4 * DAY); // 2026-11-06: the first period has ended, the second not begun: the demo's open-ended floor of 20,000 applies again
    await refusal(h.as('pianguan').listings.create({ ...(await listingTerms('19999')), qty: '10', minLot: '10' }));
    await h.as('pianguan').listings.create({ ...(await listingTerms('20000')), qty: '10', minLot: '10' });
    h.clock.set(T0 + 8 * DAY); // 2026-11-10 09:00
    await refusal(h.as('pianguan').listings.create({ ...(await listingTerms('26999')), qty: '10', minLot: '10' }));
  });

  it('history is kept; a period cannot start in the past, end before it starts or have a floor above its reference', async () => {
    await publish();
    await publish({ validFrom: '2027-01-01', floor: '26000', reference: '31000' });
    expect((await refusal(publish({ validFrom: '2026-11-01' }))).message).toBe('指导价执行期不能早于今天开始。');
    expect((await refusal(publish({ validFrom: '2026-12-01', validTo: '2026-11-30' }))).message).toBe('执行期结束日期须晚于开始日期。');
    expect((await refusal(publish({ floor: '40000' }))).message).toBe('最低价不能高于指导价。');
    expect((await refusal(publish({ validFrom: '2026-02-30' }))).message).toBe('请输入有效日期（年-月-日）。');
    const history = await h.as('province').guidance.history();
    // Newest period first; the demo seed's guidance (floor 20,000) is kept beneath.
    expect(history.map((g) => g.floorFenPerMu)).toEqual([2_600_000, 2_500_000, 2_000_000]);
  });

  it('only the province publishes or reads the history', async () => {
    for (const user of ['pianguan', 'zone', 'xinzhou']) {
      expect((await refusal(h.as(user).guidance.publish({ validFrom: '2026-11-02', validTo: '', landType: 'all', reference: '1', floor: '1', documentRef: 'x' }))).code).toBe('FORBIDDEN');
      expect((await refusal(h.as(user).guidance.history())).code).toBe('FORBIDDEN');
    }
    expect(await h.as('province').guidance.history()).toHaveLength(1);
  });
});
