// Checks without an account: a document's verification code (genuine, forged, for another trade, its
// standing as the trade goes on, the same after a restart), and the public serial look-up after a
// partial sale and after a use.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sweep } from '@/server/market/closing';
import { type Harness, makeHarness } from '@/server/testing/harness';
import { reopenTestDatabase } from '@/server/testing/databases';
import { forgetDocumentKeys } from './codes';
import { holdingCode, tradeCode } from './queries';

const HOUR = 3_600_000;

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const serial = (n: number) => String(n).padStart(12, '0');

/** An auction of 100 mu of pianguan's lot won by zone2 (60 mu) and zone3 (30 mu); returns the lot and both trades. */
async function twoAwards() {
  const lot = (await h.as('pianguan').accounts.quota())[0]!;
  const listing = await h.as('pianguan').listings.create({ lotId: lot.id, mode: 'auction', qty: '100', reservePrice: '30000', minLot: '20', increment: '500', opensAt: h.clock.now(), closesAt: h.clock.now() + HOUR });
  await h.as('province').listings.review({ listingId: listing.id, approve: true });
  await h.as('zone2').bids.place({ listingId: listing.id, price: '30500', qty: '60' });
  await h.as('zone3').bids.place({ listingId: listing.id, price: '31000', qty: '30' });
  h.clock.advance(HOUR);
  await sweep(h.services);
  const trades = (await h.as('province').trades.list()).trades.filter((t) => t.listingId === listing.id);
  const [zone2Id, zone3Id] = [(await h.actor('zone2')).organisationId, (await h.actor('zone3')).organisationId];
  const zone2 = trades.find((t) => t.buyerId === zone2Id)!;
  const zone3 = trades.find((t) => t.buyerId === zone3Id)!;
  return { lot, listing, zone2, zone3 };
}

const plain = (code: string) => code.replace(/-/g, '');

/** One character of the MAC changed to another of the alphabet. */
const forge = (code: string) => {
  const i = code.length - 2;
  return code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);
};

describe('verification codes', () => {
  it('a genuine code verifies with the public facts; a forged one or one for another trade does not', async () => {
    const { zone2, zone3 } = await twoAwards();
    const code = (await tradeCode(h.db, zone2.id))!;
    expect(code).toMatch(/^T[0-9A-Z]{3}(-[0-9A-Z]{4}){4}$/);
    const anyone = h.as(null);
    const answer = await anyone.verify.document({ code });
    expect(answer.genuine).toBe(true);
    if (!answer.genuine || answer.document.kind !== 'trade') throw new Error('not a trade');
    expect(answer.document).toMatchObject({ status: 'awaiting_payment', confirmationNo: zone2.confirmationNo, buyerName: '晋中开发区（演示）', qtyMilliMu: 60_000, priceFenPerMu: 3_050_000, amountFen: 183_000_000, serialRange: null });
    // Public facts only: no deposit, no bids.
    expect(JSON.stringify(answer)).not.toMatch(/deposit|bid/i);
    // Typed loosely: lower case, spaces, O for 0.
    expect((await anyone.verify.document({ code: code.toLowerCase().replace(/-/g, ' ') })).genuine).toBe(true);

    expect(await anyone.verify.document({ code: forge(code) })).toEqual({ genuine: false });
    // Another trade's id with this trade's MAC.
    const other = plain((await tradeCode(h.db, zone3.id))!);
    expect(other.slice(0, 6)).not.toBe(plain(code).slice(0, 6));
    expect(await anyone.verify.document({ code: other.slice(0, 6) + plain(code).slice(6) })).toEqual({ genuine: false });
    expect(await anyone.verify.document({ code: plain(code).slice(0, 6) + other.slice(6) })).toEqual({ genuine: false });
    // Nonsense and a trade that does not exist: not genuine, never an error.
    for (const typed of ['', 'hello', 'T0000-0000-0000-0000-0000', 'TZZZZZ00000000000000', '%%%', 'H'.repeat(24)]) {
      expect(await anyone.verify.document({ code: typed })).toEqual({ genuine: false });
    }
  });

  it('says awaiting payment, then valid once settled, used in part, and lapsed for an unpaid award', async () => {
    const { zone2, zone3 } = await twoAwards();
    const anyone = h.as(null);
    const standing = async (id: number) => {
      const a = await anyone.verify.document({ code: (await tradeCode(h.db, id))! });
      if (!a.genuine || a.document.kind !== 'trade') throw new Error('not genuine');
      return a.document;
    };
    await h.as('zone2').trades.pay({ id: zone2.id });
    const settled = await standing(zone2.id);
    expect(settled.status).toBe('valid');
    expect(settled.serialRange).toMatch(/^\d{12}–\d{12}$/);
    expect(settled.rights.map((r) => r.carriedMilliMu)).toEqual([60_000, 60_000, 53_844]);

    h.clock.set(zone3.dueAt + 1);
    await sweep(h.services);
    expect((await standing(zone3.id)).status).toBe('lapsed');

    // The zone uses 10 mu of new construction land quota: its rights are used in part.
    await h.as('zone2').rights.use({ applicationName: '晋中2026年第1批次用地', approvalRef: '晋政地〔2026〕9号', area: '10', rights: ['NEW_LAND'] });
    const used = await standing(zone2.id);
    expect(used.status).toBe('used_part');
    expect(used.rights.find((r) => r.asset === 'NEW_LAND')!.usedMilliMu).toBe(10_000);
  });

  it('the rights certificate of a zone for a lot verifies, and only for that zone', async () => {
    const { lot, zone2 } = await twoAwards();
    await h.as('zone2').trades.pay({ id: zone2.id });
    const code = (await holdingCode(h.db, (await h.actor('zone2')).organisationId, lot.id))!;
    const answer = await h.as(null).verify.document({ code });
    expect(answer.genuine && answer.document.kind === 'holding' && answer.document).toMatchObject({ status: 'valid', zoneName: '晋中开发区（演示）', purchases: [{ confirmationNo: zone2.confirmationNo, qtyMilliMu: 60_000 }] });
    const zone3Code = (await holdingCode(h.db, (await h.actor('zone3')).organisationId, lot.id))!;
    expect(await h.as(null).verify.document({ code: plain(zone3Code).slice(0, 10) + plain(code).slice(10) })).toEqual({ genuine: false });
  });

  it('a code is the same after a restart on the same data folder, and differs on another', async () => {
    const { zone2 } = await twoAwards();
    const before = (await tradeCode(h.db, zone2.id))!;
    expect(fs.existsSync(path.join(h.db.connection.folder, 'document-secret'))).toBe(true);
    forgetDocumentKeys();
    const reopened = await reopenTestDatabase(h.db);
    try {
      expect((await tradeCode(reopened, zone2.id))).toBe(before);
    } finally {
      await reopened.connection.close();
    }
    const other = await makeHarness();
    try {
      const again = await (async () => {
        const prev = h;
        h = other;
        try {
          return await twoAwards();
        } finally {
          h = prev;
        }
      })();
      expect((await tradeCode(other.db, again.zone2.id))).not.toBe(before);
    } finally {
      await other.close();
    }
  });
});

describe('public serial look-up', () => {
  it('after a partial sale: the sold units show the trade and the zone, the rest the county; a use shows on the units used', async () => {
    const { lot, zone2, listing } = await twoAwards();
    await h.as('zone2').trades.pay({ id: zone2.id });
    const start = lot.serialStart;
    const anyone = h.as(null);

    const whole = await anyone.verify.serials({ from: serial(start), to: serial(start + lot.qtyMilliMu - 1) });
    expect(whole.truncated).toBe(false);
    expect(whole.segments.map((s) => [s.range, s.holder, s.holderKind, s.trade?.confirmationNo ?? null])).toEqual([
      [`${serial(start)}–${serial(start + 60_000 - 1)}`, '晋中开发区（演示）', 'zone', zone2.confirmationNo],
      [`${serial(start + 60_000)}–${serial(start + lot.qtyMilliMu - 1)}`, '偏关县', 'county', null],
    ]);
    expect(whole.segments[0]!.trade!.listingCode).toBe(listing.code);
    expect(whole.segments[0]!.lot!.plots.length).toBeGreaterThan(0);
    expect(JSON.stringify(whole)).not.toMatch(/deposit|bid|amount/i);

    // One serial on each side.
    expect((await anyone.verify.serials({ from: serial(start + 59_999) })).segments[0]!.holderKind).toBe('zone');
    expect((await anyone.verify.serials({ from: serial(start + 60_000), to: '' })).segments[0]!.holderKind).toBe('county');

    // zone2 uses 10 mu of new construction land quota and 5 of scale: the first units of its purchase show it.
    await h.as('zone2').rights.use({ applicationName: '晋中2026年第1批次用地', approvalRef: '晋政地〔2026〕9号', area: '10', rights: ['NEW_LAND'] });
    await h.as('zone2').rights.use({ applicationName: '晋中2026年第2批次用地', approvalRef: '晋政地〔2026〕10号', area: '5', rights: ['SCALE'] });
    const after = await anyone.verify.serials({ from: serial(start), to: serial(start + 60_000 - 1) });
    expect(after.segments.map((s) => [s.qtyMilliMu, s.newLandUse?.approvalRef ?? null, s.scaleUse?.approvalRef ?? null])).toEqual([
      [5_000, '晋政地〔2026〕9号', '晋政地〔2026〕10号'],
      [5_000, '晋政地〔2026〕9号', null],
      [50_000, null, null],
    ]);
    expect(after.segments.every((s) => s.holder === '晋中开发区（演示）')).toBe(true);
  });

  it('serials never issued, bad input refused field by field, and a wide range stays small', async () => {
    const anyone = h.as(null);
    const far = await anyone.verify.serials({ from: '999999999000', to: '999999999999' });
    expect(far.segments).toEqual([expect.objectContaining({ lot: null, holder: null, qtyMilliMu: 1000 })]);
    await expect(anyone.verify.serials({ from: 'abc' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(anyone.verify.serials({ from: '000000000010', to: '000000000001' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(anyone.verify.serials({ from: '000000000001', to: '999999999999' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const wide = await anyone.verify.serials({ from: '000000000001', to: '000900000000' });
    expect(wide.segments.length).toBeLessThanOrEqual(100);
  });
});
