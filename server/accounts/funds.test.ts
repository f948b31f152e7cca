// A zone's incoming bank transfer through tRPC callers: proposed by one province official, it is not
// the zone's money until a second one confirms it; a rejection (with a reason) frees the reference;
// the proposer cannot decide their own proposal, nothing is decided twice, and no other role takes
// part. Each test has its own temporary database.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { balanceOf } from '@/server/books/journal';
import { type Harness, makeHarness } from '@/server/testing/harness';
import { refused as refusedIn } from '@/server/testing/refusals';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const zoneId = async (username: string) => (await h.actor(username)).organisationId;
const funds = async (zone: string) => balanceOf(h.db, { organisationId: await zoneId(zone), asset: 'CNY', bucket: 'funds', lotId: null });
const count = async (sql: string, ...params: unknown[]) => ((await h.db.connection.prepare(sql).get(...params)) as { n: number }).n;
const entries = () => count('select count(*) n from journal_entries');
const postings = () => count('select count(*) n from postings');
/** The audit records of one transfer's step. */
const audits = async (action: string, transferId: number) =>
  (await h.db.connection.prepare("select actor_user_id, before, after from audit_log where action = ? and entity = 'bank_transfer' and entity_id = ? order by id").all(action, transferId)) as {
    actor_user_id: number;
    before: string | null;
    after: string | null;
  }[];
const refused = (call: () => Promise<unknown>, code: Parameters<typeof refusedIn>[2], message?: string | RegExp) => refusedIn(h.db, call, code, message);
const ledgerClean = async () => expect((await h.checkLedger())).toEqual({ mismatches: [], unbalanced: [], nonZeroTotals: [] });

/** The province's proposal of 10,000,000 元 to zone3 (20,000,000 元 of funds from the seed). */
const propose = async (bankRef = 'ICBC-2026-0101', as = 'province') => h.as(as).accounts.proposeTransfer({ zoneId: await zoneId('zone3'), amount: '10000000', bankRef });

describe('a proposal, then a second official', () => {
  it('a proposal is not free money; the checker’s confirmation credits it, posted once under bank:<ref>', async () => {
    const [freeBefore, entriesBefore, postingsBefore] = [await funds('zone3'), await entries(), await postings()];
    expect(freeBefore).toBe(2_000_000_000);
    const proposal = await propose();
    expect(proposal).toMatchObject({ status: 'proposed', amountFen: 1_000_000_000, recordedBy: await h.userId('province'), decidedBy: null, decidedAt: null });

    // Nothing posted: the zone's free funds and the journal are as they were, in every view of them.
    expect(await funds('zone3')).toBe(freeBefore);
    expect([await entries(), await postings()]).toEqual([entriesBefore, postingsBefore]);
    const zone3 = await zoneId('zone3');
    const zoneRow = (await h.as('province').accounts.zones()).find((z) => z.id === zone3)!;
    expect(zoneRow.balances.find((b) => b.bucket === 'funds')!.balance).toBe(freeBefore);
    expect((await h.as('zone3').accounts.ledger()).balances.find((b) => b.asset === 'CNY' && b.bucket === 'funds')!.balance).toBe(freeBefore);
    // Nor can the zone bid with it: 300 mu × 400,000 元/亩 × 20% = 24,000,000 元 of deposit.
    await refused(async () => h.as('zone3').bids.place({ listingId: 1, price: '400000', qty: '300' }), 'CONFLICT', '可用资金不足以冻结竞买保证金：需要 24,000,000.00 元（报价金额的 20%，依据 平台默认设置），可用 20,000,000.00 元。');
    expect((await audits('funds.propose', proposal.id)).map((a) => a.actor_user_id)).toEqual([await h.userId('province')]);

    // The waiting list shows it, with its proposer, to every province official.
    const waiting = (await h.as('checker').accounts.transfers()).waiting;
    expect(waiting).toEqual([expect.objectContaining({ id: proposal.id, zoneName: '大同开发区（演示）', amountFen: 1_000_000_000, bankRef: 'ICBC-2026-0101', proposerName: '省厅交易管理员' })]);

    h.clock.advance(60_000);
    const confirmed = await h.as('checker').accounts.confirmTransfer({ id: proposal.id });
    expect(confirmed).toMatchObject({ status: 'confirmed', decidedBy: await h.userId('checker'), decidedAt: h.clock.now() });
    expect(await funds('zone3')).toBe(freeBefore + 1_000_000_000);
    expect(await entries()).toBe(entriesBefore + 1);
    expect(await h.db.connection.prepare("select reason, memo, actor_user_id from journal_entries where idempotency_key = 'bank:ICBC-2026-0101'").all()).toEqual([
      { reason: 'funds_received', memo: 'ICBC-2026-0101', actor_user_id: await h.userId('checker') },
    ]);
    const [audit, ...more] = await audits('funds.confirm', proposal.id);
    expect(more).toEqual([]);
    expect(audit!.actor_user_id).toBe(await h.userId('checker'));
    expect(JSON.parse(audit!.before!)).toMatchObject({ status: 'proposed' });
    expect(JSON.parse(audit!.after!)).toMatchObject({ status: 'confirmed', decidedBy: await h.userId('checker') });

    // Now the deposit is free, and the history names both officials.
    expect((await h.as('zone3').bids.place({ listingId: 1, price: '400000', qty: '300' })).bid.depositFen).toBe(2_400_000_000);
    const list = await h.as('province').accounts.transfers();
    expect(list.waiting).toEqual([]);
    expect(list.history[0]).toMatchObject({ id: proposal.id, status: 'confirmed', proposerName: '省厅交易管理员', deciderName: '省厅复核员', rejectionReason: null });
    await ledgerClean();
  });

  it('the proposer cannot confirm or reject their own proposal: refused in zh and en, nothing written', async () => {
    const proposal = await propose();
    await refused(async () => h.as('province').accounts.confirmTransfer({ id: proposal.id }), 'FORBIDDEN', '不能复核本人登记的入账：须由另一名省厅工作人员确认或驳回。');
    await refused(async () => h.as('province').accounts.rejectTransfer({ id: proposal.id, reason: '录错了' }), 'FORBIDDEN');
    const en = await refused(async () => h.as('province', 'en').accounts.confirmTransfer({ id: proposal.id }), 'FORBIDDEN');
    expect(en.message).toBe('You recorded this transfer yourself: another province official must confirm or reject it.');
    // The checker's own proposal is the province's to decide, not the checker's.
    const theirs = await propose('ICBC-2026-0102', 'checker');
    await refused(async () => h.as('checker').accounts.confirmTransfer({ id: theirs.id }), 'FORBIDDEN');
    expect((await h.as('province').accounts.confirmTransfer({ id: theirs.id })).status).toBe('confirmed');
    expect(await funds('zone3')).toBe(3_000_000_000);
  });

  it('a rejection needs a reason, posts nothing, and frees the reference for a corrected proposal', async () => {
    const wrong = await propose();
    await refused(async () => h.as('checker').accounts.rejectTransfer({ id: wrong.id }), 'BAD_REQUEST', '驳回时必须填写理由。');
    const [entriesBefore, freeBefore] = [await entries(), await funds('zone3')];
    const rejected = await h.as('checker').accounts.rejectTransfer({ id: wrong.id, reason: ' 金额与银行流水不符 ' });
    expect(rejected).toMatchObject({ status: 'rejected', decidedBy: await h.userId('checker') });
    expect([await entries(), await funds('zone3')]).toEqual([entriesBefore, freeBefore]);
    expect(JSON.parse((await audits('funds.reject', wrong.id))[0]!.after!)).toMatchObject({ status: 'rejected', reason: '金额与银行流水不符' });
    expect((await h.as('province').accounts.transfers()).history[0]).toMatchObject({ id: wrong.id, status: 'rejected', deciderName: '省厅复核员', rejectionReason: '金额与银行流水不符' });

    // The same reference again, with the right amount: proposed, confirmed, credited once.
    const corrected = await h.as('province').accounts.proposeTransfer({ zoneId: await zoneId('zone3'), amount: '1000000', bankRef: 'ICBC-2026-0101' });
    await h.as('checker').accounts.confirmTransfer({ id: corrected.id });
    expect(await funds('zone3')).toBe(freeBefore + 100_000_000);
    expect(await count("select count(*) n from journal_entries where idempotency_key = 'bank:ICBC-2026-0101'")).toBe(1);
    // A live reference is taken again: the confirmed one.
    await refused(() => propose(), 'CONFLICT', '银行流水号 ICBC-2026-0101 已登记过，不能重复入账。');
    await ledgerClean();
  });

  it('a decided transfer is not decided again, by anyone: refused, nothing written', async () => {
    const confirmed = await propose();
    await h.as('checker').accounts.confirmTransfer({ id: confirmed.id });
    const rejected = await propose('ICBC-2026-0102');
    await h.as('checker').accounts.rejectTransfer({ id: rejected.id, reason: '重复登记' });
    const free = await funds('zone3');

    await refused(async () => h.as('checker').accounts.confirmTransfer({ id: confirmed.id }), 'CONFLICT', '银行流水号 ICBC-2026-0101 的入账已经确认，不能再次确认或驳回。');
    await refused(async () => h.as('checker').accounts.rejectTransfer({ id: confirmed.id, reason: '撤销' }), 'CONFLICT');
    // Not by its proposer either: decided comes first.
    await refused(async () => h.as('province').accounts.confirmTransfer({ id: confirmed.id }), 'CONFLICT');
    await refused(async () => h.as('checker').accounts.confirmTransfer({ id: rejected.id }), 'CONFLICT', '银行流水号 ICBC-2026-0102 的入账登记已被驳回，不能再处理；如需入账，请重新登记。');
    await refused(async () => h.as('checker').accounts.rejectTransfer({ id: rejected.id, reason: '再退' }), 'CONFLICT');
    const en = await refused(async () => h.as('checker', 'en').accounts.confirmTransfer({ id: confirmed.id }), 'CONFLICT');
    expect(en.message).toBe('The transfer with bank reference ICBC-2026-0101 is already confirmed; it cannot be confirmed or rejected again.');
    await refused(async () => h.as('checker').accounts.confirmTransfer({ id: 9999 }), 'NOT_FOUND', '未找到该笔入账登记。');
    expect(await funds('zone3')).toBe(free);
    expect(await audits('funds.confirm', confirmed.id)).toHaveLength(1);
    expect(await audits('funds.reject', rejected.id)).toHaveLength(1);
  });

  it('a county, a zone or a city cannot propose, confirm, reject or list transfers', async () => {
    const proposal = await propose();
    for (const [user, role] of [
      ['pianguan', '县'],
      ['zone3', '开发区'],
      ['xinzhou', '市局'],
    ] as const) {
      const forbidden = `您的角色（${role}）无权执行此操作。`;
      await refused(async () => h.as(user).accounts.proposeTransfer({ zoneId: await zoneId('zone3'), amount: '1', bankRef: `${user}-1` }), 'FORBIDDEN', forbidden);
      await refused(async () => h.as(user).accounts.confirmTransfer({ id: proposal.id }), 'FORBIDDEN', forbidden);
      await refused(async () => h.as(user).accounts.rejectTransfer({ id: proposal.id, reason: '不是我的' }), 'FORBIDDEN', forbidden);
      await refused(async () => h.as(user).accounts.transfers(), 'FORBIDDEN', forbidden);
    }
    await refused(async () => h.as(null).accounts.confirmTransfer({ id: proposal.id }), 'UNAUTHORIZED');
    expect((await h.as('province').accounts.transfers()).waiting.map((t) => t.id)).toEqual([proposal.id]);
  });

  it('a reference typed another way (full-width, spaced, lower case) is the same reference; an invisible character is refused', async () => {
    const first = await propose('ICBC-2026-0101');
    expect(first.bankRef).toBe('ICBC-2026-0101');
    await refused(() => propose('ｉｃｂｃ－２０２６－０１０１'), 'CONFLICT', /ICBC-2026-0101/);
    await refused(() => propose(' icbc-2026 -0101'), 'CONFLICT');
    await refused(() => propose('ICBC-2026-\u200b0101'), 'BAD_REQUEST');
    await refused(() => propose('ICBC-2026-\u00ad0101'), 'BAD_REQUEST');
  });

  it('the demo seed’s funds were proposed by province and confirmed by checker', async () => {
    const seeded = (await h.as('province').accounts.transfers()).history;
    expect(seeded.map((t) => [t.status, t.proposerName, t.deciderName])).toEqual(Array(3).fill(['confirmed', '省厅交易管理员', '省厅复核员']));
    let total = 0;
    for (const z of ['zone', 'zone2', 'zone3']) total += await funds(z);
    expect(seeded.reduce((sum, t) => sum + t.amountFen, 0)).toBe(total);
  });
});
