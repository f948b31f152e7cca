// A zone's incoming bank transfer, in two steps by two province officials (server/accounts/domain/funds.ts):
// the proposal writes the record only; the confirmation credits the zone's free funds; a rejection
// frees the bank reference for a corrected proposal.
import 'server-only';
import { inTransaction } from '@/db/client';
import { writeAudit } from '@/server/books/audit-log';
import { decideTransfer, findTransferByRef, insertTransfer, transferById } from './queries';
import { postEntry } from '@/server/books/journal';
import * as market from '@/server/market/queries';
import { DomainError, ensure } from '@/server/kernel/errors';
import { checkRejectionReason, checkTransferDecision } from '@/server/accounts/domain/funds';
import { fundsReceived } from '@/server/books/domain/ledger';
import { type Actor, type Services, inUseCase } from '@/server/kernel/deps';

export interface TransferTerms {
  zoneId: number;
  amountFen: number;
  bankRef: string;
}

/** The first official records what the bank shows; nothing is posted until another confirms it. */
export function proposeBankTransfer(s: Services, actor: Actor, input: TransferTerms) {
  return inUseCase(s, async (tx, now) => {
    const zone = await market.organisationById(tx, input.zoneId);
    ensure(zone && zone.kind === 'zone', 'zoneNotFound');
    ensure(!await findTransferByRef(tx, input.bankRef), 'bankRefUsed', { ref: input.bankRef });
    const transfer = await insertTransfer(tx, { ...input, status: 'proposed', recordedBy: actor.userId, at: now });
    await writeAudit(tx, { at: now, actor, action: 'funds.propose', entity: 'bank_transfer', entityId: transfer.id, after: transfer });
    return transfer;
  });
}

/** A second official confirms the proposal: the zone's free funds are credited (`bank:<ref>`). */
export function confirmBankTransfer(s: Services, actor: Actor, transferId: number) {
  return inUseCase(s, async (tx, now) => {
    const before = await transferById(tx, transferId);
    ensure(before, 'transferNotFound');
    checkTransferDecision(before, actor.userId);
    const after = await decideTransfer(tx, transferId, { status: 'confirmed', decidedBy: actor.userId, decidedAt: now });
    ensure(after, 'transferConfirmed', { ref: before.bankRef });
    const posted = await postEntry(
      tx,
      { idempotencyKey: `bank:${after.bankRef}`, reason: 'funds_received', memo: after.bankRef, actorUserId: actor.userId, at: now },
      fundsReceived(actor.organisationId, after.zoneId, after.amountFen),
    );
    // The reference is unique among live transfers, so its key is unused; if not, the ledger and the
    // record disagree and nothing may be written.
    if (!posted) throw new DomainError('bankRefUsed', { ref: after.bankRef });
    await writeAudit(tx, { at: now, actor, action: 'funds.confirm', entity: 'bank_transfer', entityId: transferId, before, after });
    return after;
  });
}

/** A second official rejects the proposal with a reason: nothing is posted and the reference is free again. */
export function rejectBankTransfer(s: Services, actor: Actor, transferId: number, reason: string) {
  return inUseCase(s, async (tx, now) => {
    const before = await transferById(tx, transferId);
    ensure(before, 'transferNotFound');
    checkTransferDecision(before, actor.userId);
    checkRejectionReason(reason);
    const after = await decideTransfer(tx, transferId, { status: 'rejected', decidedBy: actor.userId, decidedAt: now });
    ensure(after, 'transferRejected', { ref: before.bankRef });
    // The table has no column for the reason; the audit record keeps it (the history reads it there).
    await writeAudit(tx, { at: now, actor, action: 'funds.reject', entity: 'bank_transfer', entityId: transferId, before, after: { ...after, reason: reason.trim() } });
    return after;
  });
}

/**
 * For the demo seed, synthetic history and benchmarks, which stand in for two officials: `proposer`
 * proposes and `checker` confirms, in one transaction, through the same two steps.
 */
export function receiveBankTransfer(s: Services, officials: { proposer: Actor; checker: Actor }, input: TransferTerms) {
  return inTransaction(s.db, async () => confirmBankTransfer(s, officials.checker, (await proposeBankTransfer(s, officials.proposer, input)).id));
}
