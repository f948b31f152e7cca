// A zone's incoming bank transfer takes two province officials (maker and checker, as the EU Union
// Registry's second approver): one proposes it, another confirms it, and only then is the money the
// zone's to bid with. Another official may instead reject it, which frees its bank reference.
import { ensure } from '@/server/kernel/errors';

export const TRANSFER_STATUSES = ['proposed', 'confirmed', 'rejected'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

/** Whether `deciderUserId` may confirm or reject the transfer: still proposed, and not their own proposal. */
export function checkTransferDecision(transfer: { status: TransferStatus; recordedBy: number; bankRef: string }, deciderUserId: number) {
  ensure(transfer.status !== 'confirmed', 'transferConfirmed', { ref: transfer.bankRef });
  ensure(transfer.status !== 'rejected', 'transferRejected', { ref: transfer.bankRef });
  ensure(transfer.recordedBy !== deciderUserId, 'ownTransferProposal');
}

/** A rejection says why, so the official who proposed it can correct it. */
export function checkRejectionReason(reason: string) {
  ensure(reason.trim().length > 0, 'reasonRequired');
}
