import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from '@/server/market/domain/auction';
import { type StandingBid, outbidNotices, paymentReminder, reclamationNotices, todoOf } from './notifications';
import { addYearsCst } from '@/server/projects/domain/reclamation';
import { DAY_MS } from '@/server/kernel/china-time';

const listing = { id: 7, code: 'GP2026-00007', qtyMilliMu: 300_000, minLotMilliMu: 50_000 };
const bid = (id: number, zoneId: number, priceFenPerMu: number, qtyMilliMu: number, placedAt = id): StandingBid => ({ id, zoneId, priceFenPerMu, qtyMilliMu, placedAt });

describe('outbid: a new bid pushes standing bids out of what the close would award', () => {
  it('a zone whose bid still fills in full is not outbid, however high the new bid', () => {
    expect(outbidNotices(listing, [bid(1, 10, 2_000_000, 100_000)], bid(2, 11, 3_000_000, 100_000))).toEqual([]);
  });

  it('a zone pushed out wholly is told, with the new best price, what it would win now and before', () => {
    const notices = outbidNotices(listing, [bid(1, 10, 2_000_000, 300_000)], bid(2, 11, 2_100_000, 300_000));
    expect(notices).toEqual([
      {
        organisationId: 10,
        kind: 'outbid',
        params: { listingCode: 'GP2026-00007', bidFenPerMu: 2_000_000, bestFenPerMu: 2_100_000, wasMilliMu: 300_000, nowMilliMu: 0 },
        href: '/listings/7',
        key: 'outbid:bid:2',
      },
    ]);
  });

  it('a zone pushed out in part is told too; one that fills nothing before is not', () => {
    const standing = [bid(1, 10, 2_000_000, 200_000), bid(2, 11, 1_900_000, 100_000), bid(3, 12, 1_800_000, 100_000)];
    const notices = outbidNotices(listing, standing, bid(4, 13, 2_100_000, 150_000));
    // After: 13 takes 150, 10 takes 150 of its 200; 11 and 12 nothing. 12 filled nothing before.
    expect(notices.map((n) => [n.organisationId, n.params.wasMilliMu, n.params.nowMilliMu])).toEqual([
      [10, 200_000, 150_000],
      [11, 100_000, 0],
    ]);
  });

  it('the bidder’s own earlier bid is replaced, not outbid', () => {
    expect(outbidNotices(listing, [bid(1, 10, 2_000_000, 300_000)], bid(2, 10, 2_100_000, 300_000))).toEqual([]);
  });

  it('exactly the zones whose fill shrinks are told, never the bidder (property)', () => {
    const zoneBid = fc.record({ zoneId: fc.integer({ min: 1, max: 6 }), price: fc.integer({ min: 1, max: 50 }), qty: fc.integer({ min: 50, max: 300 }) });
    fc.assert(
      fc.property(fc.uniqueArray(zoneBid, { selector: (b) => b.zoneId, maxLength: 5 }), zoneBid, (raw, next) => {
        const standing = raw.map((b, i) => bid(i + 1, b.zoneId, b.price * 100_000, b.qty * 1000));
        const placed = bid(100, next.zoneId, next.price * 100_000, next.qty * 1000);
        const told = outbidNotices(listing, standing, placed);
        const fill = (bids: StandingBid[]) => new Map(allocate(bids, listing.qtyMilliMu, listing.minLotMilliMu).map((f) => [f.bidId, f.qtyMilliMu as number]));
        const before = fill(standing);
        const after = fill([...standing.filter((b) => b.zoneId !== placed.zoneId), placed]);
        const shrunk = standing.filter((b) => b.zoneId !== placed.zoneId && (after.get(b.id) ?? 0) < (before.get(b.id) ?? 0)).map((b) => b.zoneId);
        expect(told.map((n) => n.organisationId)).toEqual(shrunk);
        expect(told.every((n) => n.organisationId !== placed.zoneId && n.key === 'outbid:bid:100')).toBe(true);
      }),
    );
  });
});

describe('payment reminders: 3 days and 1 day before the due date', () => {
  const dueAt = Date.UTC(2026, 10, 12, 1);
  const trade = { id: 5, buyerId: 10, confirmationNo: 'QX2026-000005', amountFen: 1_000_00, depositFen: 200_00, dueAt };
  const at = (msBefore: number) => paymentReminder(trade, dueAt - msBefore);

  it.each([
    [3 * DAY_MS + 1, null],
    [3 * DAY_MS, 3],
    [DAY_MS + 1, 3],
    [DAY_MS, 1],
    [0, 1],
    [-1, null],
  ])('%i ms before the due date: the %s-day reminder', (msBefore, days) => {
    const n = at(msBefore);
    if (days === null) expect(n).toBeNull();
    else expect(n).toEqual({ organisationId: 10, kind: 'payment_due', params: { confirmationNo: 'QX2026-000005', days, balanceFen: 800_00, dueAt }, href: '/trades/5', key: `payment_due_${days}d:trade:5` });
  });
});

describe('reclamation reminders and overdue flags, to the county and its city', () => {
  const approvedAt = Date.UTC(2026, 0, 10, 1);
  const deadline = addYearsCst(approvedAt, 3);
  const project = { id: 3, name: '偏关县项目区', countyId: 20, countyName: '偏关县', approvedAt, firstTradedAt: null, reclamationAcceptedAt: null };

  it('nothing while on track, nor once accepted', () => {
    expect(reclamationNotices(project, [30], deadline - 181 * DAY_MS)).toEqual([]);
    expect(reclamationNotices({ ...project, reclamationAcceptedAt: deadline - DAY_MS }, [30], deadline + DAY_MS)).toEqual([]);
  });

  it.each([
    [180, 180],
    [90, 90],
    [30, 30],
  ])('%i days before: the %i-day reminder to the county and every bureau of its city, one key each', (daysBefore, reminder) => {
    const notices = reclamationNotices(project, [30, 31], deadline - daysBefore * DAY_MS);
    expect(notices.map((n) => n.organisationId)).toEqual([20, 30, 31]);
    expect(new Set(notices.map((n) => n.key))).toEqual(new Set([`reclamation_due_${reminder}d:project:3:${deadline}`]));
    expect(notices[0]).toMatchObject({ kind: 'reclamation_due', href: '/projects/3', params: { projectName: '偏关县项目区', countyName: '偏关县', deadlineAt: deadline, days: daysBefore } });
  });

  it('overdue after the deadline; a first trade that moves the deadline starts a new round', () => {
    expect(reclamationNotices(project, [], deadline + 1)).toMatchObject([{ kind: 'reclamation_overdue', key: `reclamation_overdue:project:3:${deadline}` }]);
    const traded = { ...project, firstTradedAt: deadline - 200 * DAY_MS };
    const moved = addYearsCst(traded.firstTradedAt, 2);
    expect(reclamationNotices(traded, [], moved - 90 * DAY_MS)).toMatchObject([{ kind: 'reclamation_due', key: `reclamation_due_90d:project:3:${moved}` }]);
  });
});

describe('待办', () => {
  it('dated items by their date, overdue first; then reviews and answers in their own order', () => {
    const now = Date.UTC(2029, 0, 1);
    const items = todoOf(
      {
        unpaidAwards: [{ id: 1, confirmationNo: 'QX2026-000001', amountFen: 100, depositFen: 20, dueAt: now + 5 * DAY_MS }],
        obligations: [
          { id: 2, name: 'A', countyId: 1, countyName: '偏关县', approvedAt: addYearsCst(now, -3) - DAY_MS, firstTradedAt: null, reclamationAcceptedAt: null },
          { id: 3, name: 'B', countyId: 1, countyName: '偏关县', approvedAt: addYearsCst(now, -3) + 10 * DAY_MS, firstTradedAt: null, reclamationAcceptedAt: null },
          { id: 4, name: 'C', countyId: 1, countyName: '偏关县', approvedAt: now - DAY_MS, firstTradedAt: null, reclamationAcceptedAt: null },
        ],
        listingsToReview: [{ id: 9, code: 'GP2026-00009', countyName: '河曲县' }],
        projectsToReview: [{ id: 8, name: 'D', countyName: '保德县' }],
      },
      now,
    );
    expect(items.map((i) => [i.kind, i.href])).toEqual([
      ['reclaim_overdue', '/projects/2'],
      ['pay_award', '/trades/1'],
      ['reclaim_due', '/projects/3'],
      ['review_listing', '/province#review-9'],
      ['review_project', '/projects/8'],
    ]);
    expect(items[1]!.params).toEqual({ confirmationNo: 'QX2026-000001', balanceFen: 80, dueAt: now + 5 * DAY_MS });
  });
});
