// One error type for every refused action. `code` is a message key (messages/errors.ts); the
// router layer maps it to a tRPC code and to the user's language in one place (server/kernel/trpc.ts).

export const domainErrors = {
  notSignedIn: 'UNAUTHORIZED',
  wrongRole: 'FORBIDDEN',
  accountDisabled: 'UNAUTHORIZED',
  notFound: 'NOT_FOUND',
  lotNotFound: 'NOT_FOUND',
  listingNotFound: 'NOT_FOUND',
  tradeNotFound: 'NOT_FOUND',
  notificationNotFound: 'NOT_FOUND',
  bidNotFound: 'NOT_FOUND',
  zoneNotFound: 'NOT_FOUND',
  overFreeQuota: 'CONFLICT',
  minLotAboveQty: 'BAD_REQUEST',
  closeBeforeOpen: 'BAD_REQUEST',
  closeInPast: 'BAD_REQUEST',
  incrementRequired: 'BAD_REQUEST',
  minLotWorthless: 'BAD_REQUEST',
  listingHasBids: 'CONFLICT',
  listingNotEditable: 'CONFLICT',
  listingNotPending: 'CONFLICT',
  listingNotOpen: 'CONFLICT',
  listingNotYetOpen: 'CONFLICT',
  listingClosed: 'CONFLICT',
  wrongMode: 'CONFLICT',
  ownListing: 'FORBIDDEN',
  requestIdReused: 'CONFLICT',
  belowReserve: 'BAD_REQUEST',
  belowMinimumBid: 'BAD_REQUEST',
  qtyAboveOffered: 'BAD_REQUEST',
  qtyBelowMinLot: 'BAD_REQUEST',
  insufficientFunds: 'CONFLICT',
  depositAboveFreeFunds: 'CONFLICT',
  replacementAboveFreeFunds: 'CONFLICT',
  offerNotActive: 'CONFLICT',
  offerQtyUnavailable: 'CONFLICT',
  tradeLapsed: 'CONFLICT',
  tradeNotPayable: 'CONFLICT',
  bankRefUsed: 'CONFLICT',
  transferNotFound: 'NOT_FOUND',
  transferConfirmed: 'CONFLICT',
  transferRejected: 'CONFLICT',
  ownTransferProposal: 'FORBIDDEN',
  reasonRequired: 'BAD_REQUEST',
  invalidInput: 'BAD_REQUEST',
  projectNotFound: 'NOT_FOUND',
  projectNotEditable: 'CONFLICT',
  projectNotInReview: 'CONFLICT',
  projectNotApproved: 'CONFLICT',
  plotsRequired: 'BAD_REQUEST',
  plotCodeDuplicate: 'BAD_REQUEST',
  plotAreaRequired: 'BAD_REQUEST',
  farmlandAboveArea: 'BAD_REQUEST',
  farmlandGradeRequired: 'BAD_REQUEST',
  noSurplus: 'BAD_REQUEST',
  documentRequired: 'BAD_REQUEST',
  documentNotPdf: 'BAD_REQUEST',
  documentTooLarge: 'BAD_REQUEST',
  documentNotFound: 'NOT_FOUND',
  fileNameControl: 'BAD_REQUEST',
  lotNotTradable: 'CONFLICT',
  designNotApproved: 'CONFLICT',
  designAlreadyApproved: 'CONFLICT',
  reclamationAccepted: 'CONFLICT',
  overUse: 'CONFLICT',
  overSpend: 'CONFLICT',
  invalidDate: 'BAD_REQUEST',
  dateInFuture: 'BAD_REQUEST',
  countyNotFound: 'NOT_FOUND',
  planAlreadyAllocated: 'CONFLICT',
  noCountiesInTarget: 'BAD_REQUEST',
  approvalRefRequired: 'BAD_REQUEST',
  rightsRequired: 'BAD_REQUEST',
  belowFloor: 'BAD_REQUEST',
  weakPassword: 'BAD_REQUEST',
  usernameTaken: 'CONFLICT',
  userNotFound: 'NOT_FOUND',
  cannotDisableSelf: 'CONFLICT',
  guidanceInPast: 'BAD_REQUEST',
  guidanceEndBeforeStart: 'BAD_REQUEST',
  floorAboveReference: 'BAD_REQUEST',
  targetYearInPast: 'BAD_REQUEST',
  archivePeriod: 'BAD_REQUEST',
  demandYearOutOfRange: 'BAD_REQUEST',
  settingInPast: 'BAD_REQUEST',
  thresholdOrder: 'BAD_REQUEST',
  thresholdOutOfRange: 'BAD_REQUEST',
  mustChangePassword: 'FORBIDDEN',
  wrongCurrentPassword: 'BAD_REQUEST',
  samePassword: 'BAD_REQUEST',
  signInThrottled: 'TOO_MANY_REQUESTS',
  apiKeyExpiryInPast: 'BAD_REQUEST',
  apiKeyExpiryTooLate: 'BAD_REQUEST',
  apiKeyNotFound: 'NOT_FOUND',
  apiKeyRevoked: 'CONFLICT',
} as const;

export type DomainErrorCode = keyof typeof domainErrors;
export type DomainErrorParams = Record<string, string | number>;

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly params: DomainErrorParams = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
  get kind() {
    return domainErrors[this.code];
  }
}

/** Throws a DomainError unless the condition holds: rules read as a list of guards. */
export function ensure(condition: unknown, code: DomainErrorCode, params?: DomainErrorParams): asserts condition {
  if (!condition) throw new DomainError(code, params);
}
