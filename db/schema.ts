// The database schema. Money is integer fen, area integer thousandths of a mu (milli-mu), time integer
// epoch milliseconds from the injected clock: nothing here is a float (domain.md, "Units and money").
import { sql } from 'drizzle-orm';
import { blob, check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const cities = sqliteTable('cities', {
  id: integer('id').primaryKey(),
  name: text('name').notNull().unique(),
});

/** Every user belongs to one organisation; its kind is the user's role (domain.md, "Actors"). */
export const organisations = sqliteTable(
  'organisations',
  {
    id: integer('id').primaryKey(),
    kind: text('kind', { enum: ['province', 'city', 'county', 'zone'] }).notNull(),
    name: text('name').notNull(),
    cityId: integer('city_id').references(() => cities.id),
    nationalPoverty: integer('national_poverty', { mode: 'boolean' }).notNull().default(false),
    provincialPoverty: integer('provincial_poverty', { mode: 'boolean' }).notNull().default(false),
    deepPoverty: integer('deep_poverty', { mode: 'boolean' }).notNull().default(false),
    expandedPower: integer('expanded_power', { mode: 'boolean' }).notNull().default(false),
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('organisations_kind_name').on(t.kind, t.name), index('organisations_city').on(t.cityId)],
);

export const users = sqliteTable('users', {
  id: integer('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  organisationId: integer('organisation_id')
    .notNull()
    .references(() => organisations.id),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
  /** Raised on sign-out, password reset and disabling: sessions issued before stop working at once. */
  sessionVersion: integer('session_version').notNull().default(0),
  /** Set when an administrator chose the password (first administrator, a new user, a reset): the user must choose their own before anything else. */
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  passwordChangedAt: integer('password_changed_at'),
});

/** Facts about this installation: its mode ('demo' or 'production'), fixed when the database is first prepared. */
export const instance = sqliteTable('instance', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Every sign-in attempt, kept for the operator and the province (who signed in from where, what failed). */
export const signIns = sqliteTable(
  'sign_ins',
  {
    id: integer('id').primaryKey(),
    at: integer('at').notNull(),
    username: text('username').notNull(),
    userId: integer('user_id').references(() => users.id),
    address: text('address').notNull(),
    outcome: text('outcome', { enum: ['success', 'failure', 'throttled'] }).notNull(),
  },
  (t) => [index('sign_ins_at').on(t.at), index('sign_ins_user').on(t.userId, t.at)],
);

/** When each signed-in session was last used, for the idle timeout; written at most once a minute per session. */
export const sessionActivity = sqliteTable('session_activity', {
  sessionId: text('session_id').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  lastSeenAt: integer('last_seen_at').notNull(),
});

/**
 * Market settings as versions (deposit rate, payment term, anti-sniping, reclamation periods, holdback):
 * each an integer value with the policy document (文号) that set it and the moment it takes effect. Only
 * ever added, never written over (server/settings/domain/settings.ts decides which is in force when).
 * Rows carried over from the old one-row-per-key table have no recorder and take effect from the epoch.
 */
export const settingVersions = sqliteTable(
  'setting_versions',
  {
    id: integer('id').primaryKey(),
    key: text('key').notNull(),
    value: integer('value').notNull(),
    documentNo: text('document_no').notNull(),
    effectiveFrom: integer('effective_from').notNull(),
    recordedAt: integer('recorded_at').notNull(),
    recordedBy: integer('recorded_by').references(() => users.id),
  },
  (t) => [
    index('setting_versions_key').on(t.key, t.effectiveFrom),
    check('setting_versions_document', sql`length(${t.documentNo}) BETWEEN 1 AND 100`),
    check('setting_versions_effective', sql`${t.effectiveFrom} >= ${t.recordedAt}`),
  ],
);

/**
 * The thresholds of the market-integrity screens (seed 001 三(三), 四(三)), one row per key the province
 * changed: an integer (basis points, a count, hundredths of a bidder), who changed it and when. A key
 * without a row has its default, whose source is named beside it (server/integrity/domain/thresholds.ts).
 */
export const integrityThresholds = sqliteTable('integrity_thresholds', {
  key: text('key').primaryKey(),
  value: integer('value').notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: integer('updated_by')
    .notNull()
    .references(() => users.id),
});

/**
 * A linking project (增减挂钩项目区): drafted by its county, reviewed by its city (skipped for 扩权强县),
 * approved by the province, which issues its surplus quota as one lot (seed 001 二(一); domain.md step 1).
 * Reclamation (复垦) of its demolition plots is then owed by a deadline (seed 001 二(二); step 7).
 */
export const projects = sqliteTable(
  'projects',
  {
    id: integer('id').primaryKey(),
    countyId: integer('county_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    villages: text('villages').notNull(),
    status: text('status', { enum: ['draft', 'city_review', 'province_review', 'returned', 'approved'] })
      .notNull()
      .default('draft'),
    forCrossRegion: integer('for_cross_region', { mode: 'boolean' }).notNull().default(true),
    landType: text('land_type', { enum: ['ordinary', 'high_standard', 'other'] })
      .notNull()
      .default('ordinary'),
    /** Area of the project's new-construction side (建新区) kept for local resettlement; not surplus. */
    resettlementMilliMu: integer('resettlement_milli_mu').notNull().default(0),
    createdAt: integer('created_at').notNull().default(0),
    submittedAt: integer('submitted_at'),
    cityReviewedAt: integer('city_reviewed_at'),
    returnedAt: integer('returned_at'),
    returnReason: text('return_reason'),
    approvedAt: integer('approved_at'),
    approvalRef: text('approval_ref'),
    designApprovedAt: integer('design_approved_at'),
    designRef: text('design_ref'),
    /** Set by the first settlement of its quota: the 2-year reclamation clock starts there. */
    firstTradedAt: integer('first_traded_at'),
    reclamationAcceptedAt: integer('reclamation_accepted_at'),
    acceptanceRef: text('acceptance_ref'),
  },
  (t) => [index('projects_county').on(t.countyId), index('projects_status').on(t.status)],
);

/** A demolition plot (拆旧地块) of a project: its area, what it is now, how much becomes farmland. */
export const projectPlots = sqliteTable(
  'project_plots',
  {
    id: integer('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    code: text('code').notNull(),
    village: text('village').notNull(),
    currentUse: text('current_use', { enum: ['homestead', 'abandoned_village', 'industrial_mining', 'public_facility', 'other'] }).notNull(),
    areaMilliMu: integer('area_milli_mu').notNull(),
    farmlandMilliMu: integer('farmland_milli_mu').notNull(),
    /** Farmland quality grade (耕地质量等级, 1 best … 10), when any of the plot becomes farmland. */
    farmlandGrade: integer('farmland_grade'),
  },
  (t) => [
    check('plots_area', sql`${t.areaMilliMu} > 0 AND ${t.farmlandMilliMu} >= 0 AND ${t.farmlandMilliMu} <= ${t.areaMilliMu}`),
    uniqueIndex('plots_project_code').on(t.projectId, t.code),
  ],
);

/** A plan document (PDF) of a project, stored on disk next to the database under `storedName`. */
export const projectDocuments = sqliteTable(
  'project_documents',
  {
    id: integer('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    fileName: text('file_name').notNull(),
    storedName: text('stored_name').notNull().unique(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    uploadedAt: integer('uploaded_at').notNull(),
    uploadedBy: integer('uploaded_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [index('documents_project').on(t.projectId)],
);

/** The county's reports of reclamation progress (复垦进度). */
export const reclamationReports = sqliteTable(
  'reclamation_reports',
  {
    id: integer('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    percent: integer('percent').notNull(),
    note: text('note').notNull(),
    at: integer('at').notNull(),
    reportedBy: integer('reported_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [check('reports_percent', sql`${t.percent} >= 0 AND ${t.percent} <= 100`), index('reports_project').on(t.projectId)],
);

/**
 * A surplus quota lot: the quantity a project issued, its serial range of milli-mu units
 * [serialStart, serialStart + qtyMilliMu), and the reclaimed farmland it carries (domain.md, step 2).
 */
export const lots = sqliteTable(
  'lots',
  {
    id: integer('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    countyId: integer('county_id')
      .notNull()
      .references(() => organisations.id),
    code: text('code').notNull().unique(),
    serialStart: integer('serial_start').notNull(),
    qtyMilliMu: integer('qty_milli_mu').notNull(),
    farmlandMilliMu: integer('farmland_milli_mu').notNull(),
    landType: text('land_type', { enum: ['ordinary', 'high_standard', 'other'] }).notNull(),
    issuedAt: integer('issued_at').notNull(),
  },
  (t) => [
    check('lots_qty_positive', sql`${t.qtyMilliMu} > 0`),
    check('lots_farmland_within_qty', sql`${t.farmlandMilliMu} >= 0 AND ${t.farmlandMilliMu} <= ${t.qtyMilliMu}`),
    index('lots_county').on(t.countyId),
  ],
);

export const listings = sqliteTable(
  'listings',
  {
    id: integer('id').primaryKey(),
    code: text('code').notNull().unique(),
    countyId: integer('county_id')
      .notNull()
      .references(() => organisations.id),
    lotId: integer('lot_id')
      .notNull()
      .references(() => lots.id),
    mode: text('mode', { enum: ['auction', 'negotiated'] }).notNull(),
    status: text('status', { enum: ['pending_review', 'rejected', 'approved', 'closed', 'withdrawn'] }).notNull(),
    qtyMilliMu: integer('qty_milli_mu').notNull(),
    reservePriceFenPerMu: integer('reserve_price_fen_per_mu').notNull(),
    minLotMilliMu: integer('min_lot_milli_mu').notNull(),
    incrementFenPerMu: integer('increment_fen_per_mu').notNull(),
    opensAt: integer('opens_at').notNull(),
    /** The close as listed; `closesAt` moves later when a late bid extends it (anti-sniping). */
    scheduledClosesAt: integer('scheduled_closes_at').notNull(),
    closesAt: integer('closes_at').notNull(),
    note: text('note').notNull().default(''),
    reviewNote: text('review_note'),
    reviewedAt: integer('reviewed_at'),
    closedAt: integer('closed_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    check('listings_qty_positive', sql`${t.qtyMilliMu} > 0`),
    check('listings_min_lot', sql`${t.minLotMilliMu} > 0 AND ${t.minLotMilliMu} <= ${t.qtyMilliMu}`),
    check('listings_period', sql`${t.opensAt} < ${t.closesAt}`),
    index('listings_status_closes').on(t.status, t.closesAt),
    // The next listing to open (server/market/views.ts marketChangesAt, at every render of the market page).
    index('listings_status_opens').on(t.status, t.opensAt),
    index('listings_county').on(t.countyId),
  ],
);

/** A zone's anonymous number (竞买号) in one listing, so bidders cannot find each other. */
export const bidderNumbers = sqliteTable(
  'bidder_numbers',
  {
    listingId: integer('listing_id')
      .notNull()
      .references(() => listings.id),
    zoneId: integer('zone_id')
      .notNull()
      .references(() => organisations.id),
    number: text('number').notNull(),
  },
  (t) => [uniqueIndex('bidder_numbers_pk').on(t.listingId, t.zoneId), uniqueIndex('bidder_numbers_number').on(t.listingId, t.number)],
);

/**
 * A bid (auction) or an offer (negotiated listing). Raising a bid supersedes the zone's earlier one;
 * `depositFen` is what it holds frozen while active.
 */
export const bids = sqliteTable(
  'bids',
  {
    id: integer('id').primaryKey(),
    listingId: integer('listing_id')
      .notNull()
      .references(() => listings.id),
    zoneId: integer('zone_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind', { enum: ['bid', 'offer'] }).notNull(),
    status: text('status', { enum: ['active', 'superseded', 'won', 'lost', 'declined', 'withdrawn'] }).notNull(),
    priceFenPerMu: integer('price_fen_per_mu').notNull(),
    qtyMilliMu: integer('qty_milli_mu').notNull(),
    depositFen: integer('deposit_fen').notNull(),
    placedAt: integer('placed_at').notNull(),
    placedBy: integer('placed_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    check('bids_positive', sql`${t.priceFenPerMu} > 0 AND ${t.qtyMilliMu} > 0 AND ${t.depositFen} >= 0`),
    // With the zone last, a zone's active bid on a listing is found without scanning all its bids.
    index('bids_listing_status_zone').on(t.listingId, t.status, t.zoneId),
    index('bids_zone').on(t.zoneId),
  ],
);

/** An award and its trade confirmation (成交确认书); settled on payment, lapsed when unpaid past due. */
export const trades = sqliteTable(
  'trades',
  {
    id: integer('id').primaryKey(),
    confirmationNo: text('confirmation_no').notNull().unique(),
    listingId: integer('listing_id')
      .notNull()
      .references(() => listings.id),
    bidId: integer('bid_id')
      .notNull()
      .references(() => bids.id)
      .unique(),
    lotId: integer('lot_id')
      .notNull()
      .references(() => lots.id),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => organisations.id),
    buyerId: integer('buyer_id')
      .notNull()
      .references(() => organisations.id),
    status: text('status', { enum: ['awaiting_payment', 'settled', 'lapsed'] }).notNull(),
    qtyMilliMu: integer('qty_milli_mu').notNull(),
    priceFenPerMu: integer('price_fen_per_mu').notNull(),
    amountFen: integer('amount_fen').notNull(),
    depositFen: integer('deposit_fen').notNull(),
    /** Farmland balance quota moved with the trade; fixed at settlement. */
    farmlandMilliMu: integer('farmland_milli_mu'),
    /** First unit of the serial range the trade took from its lot; fixed at settlement (domain.md step 2). */
    serialStart: integer('serial_start'),
    awardedAt: integer('awarded_at').notNull(),
    dueAt: integer('due_at').notNull(),
    settledAt: integer('settled_at'),
    lapsedAt: integer('lapsed_at'),
  },
  (t) => [
    check('trades_positive', sql`${t.qtyMilliMu} > 0 AND ${t.amountFen} > 0 AND ${t.depositFen} <= ${t.amountFen}`),
    index('trades_status_due').on(t.status, t.dueAt),
    index('trades_buyer').on(t.buyerId),
    index('trades_seller').on(t.sellerId),
    index('trades_listing').on(t.listingId),
    // A settlement numbers its units after the lot's last sold range: found at once, however many sales.
    index('trades_lot_serial').on(t.lotId, t.status, t.serialStart),
  ],
);

/**
 * Ledger accounts. An account holds one asset for one owner in one bucket (free, listed, held...),
 * per lot for quota and rights so every unit stays traceable. Only source accounts may go negative.
 */
export const accounts = sqliteTable(
  'accounts',
  {
    id: integer('id').primaryKey(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    asset: text('asset', { enum: ['CNY', 'QUOTA', 'NEW_LAND', 'SCALE', 'FARMLAND', 'PLAN_NEW_LAND', 'PLAN_LINKING'] }).notNull(),
    bucket: text('bucket').notNull(),
    lotId: integer('lot_id').references(() => lots.id),
    allowNegative: integer('allow_negative', { mode: 'boolean' }).notNull().default(false),
    balance: integer('balance').notNull().default(0),
  },
  (t) => [
    uniqueIndex('accounts_key_lot').on(t.organisationId, t.asset, t.bucket, t.lotId).where(sql`${t.lotId} IS NOT NULL`),
    uniqueIndex('accounts_key').on(t.organisationId, t.asset, t.bucket).where(sql`${t.lotId} IS NULL`),
    check('accounts_not_negative', sql`${t.allowNegative} = 1 OR ${t.balance} >= 0`),
  ],
);

/** An append-only journal entry; its postings sum to zero per asset (domain.md, "Invariants"). */
export const journalEntries = sqliteTable(
  'journal_entries',
  {
    id: integer('id').primaryKey(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    reason: text('reason').notNull(),
    memo: text('memo').notNull().default(''),
    tradeId: integer('trade_id').references(() => trades.id),
    listingId: integer('listing_id').references(() => listings.id),
    useId: integer('use_id').references(() => rightsUses.id),
    actorUserId: integer('actor_user_id').references(() => users.id),
    at: integer('at').notNull(),
  },
  (t) => [
    index('journal_entries_trade').on(t.tradeId),
    index('journal_entries_use').on(t.useId),
    // The closed list of reasons (server/books/domain/ledger.ts, ENTRY_REASONS; a test keeps them equal).
    check(
      'journal_entries_reason',
      sql`${t.reason} IN ('funds_received', 'lot_issued', 'plan_allocated', 'listing_created', 'listing_changed', 'listing_withdrawn', 'listing_rejected', 'listing_closed', 'deposit_frozen', 'deposit_released_lost', 'deposit_released_declined', 'deposit_released_superseded', 'deposit_released_withdrawn', 'award', 'award_lapsed', 'settlement', 'rights_used', 'proceeds_spent', 'holdback_released', 'holdback_forfeited')`,
    ),
  ],
);

export const postings = sqliteTable(
  'postings',
  {
    id: integer('id').primaryKey(),
    entryId: integer('entry_id')
      .notNull()
      .references(() => journalEntries.id),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id),
    amount: integer('amount').notNull(),
  },
  // An account's postings newest first: the statement pages through them by entry (migration 0009).
  (t) => [index('postings_account_entry').on(t.accountId, t.entryId), index('postings_entry').on(t.entryId)],
);

/** A zone's incoming bank transfer as recorded by the province; the bank reference is unique. */
/**
 * A zone's incoming bank transfer: proposed by one province user (`recordedBy`), confirmed by another
 * (maker and checker); only a confirmed one credits the zone's funds. A rejected one frees its bank reference.
 */
export const bankTransfers = sqliteTable(
  'bank_transfers',
  {
    id: integer('id').primaryKey(),
    zoneId: integer('zone_id')
      .notNull()
      .references(() => organisations.id),
    amountFen: integer('amount_fen').notNull(),
    bankRef: text('bank_ref').notNull(),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    at: integer('at').notNull(),
    status: text('status', { enum: ['proposed', 'confirmed', 'rejected'] })
      .notNull()
      .default('confirmed'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: integer('decided_at'),
  },
  (t) => [uniqueIndex('bank_transfers_ref').on(t.bankRef).where(sql`${t.status} <> 'rejected'`), index('bank_transfers_status').on(t.status)],
);

/**
 * The answer given to a client's request id (bids and offers): a call sent again with the same id, after
 * an answer that never arrived, gets the same answer and acts no second time. Per organisation.
 */
export const clientRequests = sqliteTable(
  'client_requests',
  {
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    requestId: text('request_id').notNull(),
    kind: text('kind').notNull(),
    answer: text('answer').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.requestId] })],
);

/** Every state change: who, which organisation, when, what, before and after (domain.md, "Invariants"). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey(),
    at: integer('at').notNull(),
    actorUserId: integer('actor_user_id'),
    actorOrganisationId: integer('actor_organisation_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id'),
    before: text('before'),
    after: text('after'),
    /** SHA-256 of the previous record's hash and this record: the chain `npm run audit:verify` checks. */
    hash: text('hash'),
  },
  (t) => [
    index('audit_log_entity').on(t.entity, t.entityId),
    index('audit_log_at').on(t.at),
    // Records written before the chain existed, sealed once on start-up.
    index('audit_log_unsealed').on(t.id).where(sql`${t.hash} IS NULL`),
  ],
);

/**
 * The audit chain's head as published once a day (China time): the id of the newest record then and its
 * hash. Anyone who kept a published head can check that the log up to it was not rewritten since.
 */
export const auditCheckpoints = sqliteTable(
  'audit_checkpoints',
  {
    day: text('day').primaryKey(),
    auditId: integer('audit_id').notNull(),
    hash: text('hash').notNull(),
    publishedAt: integer('published_at').notNull(),
  },
  (t) => [index('audit_checkpoints_audit').on(t.auditId)],
);

/** A zone's use (核销) of rights for one of its land applications (domain.md step 8). */
export const rightsUses = sqliteTable(
  'rights_uses',
  {
    id: integer('id').primaryKey(),
    zoneId: integer('zone_id')
      .notNull()
      .references(() => organisations.id),
    applicationName: text('application_name').notNull(),
    approvalRef: text('approval_ref').notNull(),
    areaMilliMu: integer('area_milli_mu').notNull(),
    /** The rights used, comma-separated assets (NEW_LAND, SCALE, FARMLAND); the postings say from which lots. */
    rights: text('rights').notNull(),
    at: integer('at').notNull(),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [check('uses_area', sql`${t.areaMilliMu} > 0`), index('uses_zone').on(t.zoneId)],
);

/** A county's spending from its proceeds (seed 001 三(三); domain.md step 9). */
export const proceedsSpendings = sqliteTable(
  'proceeds_spendings',
  {
    id: integer('id').primaryKey(),
    countyId: integer('county_id')
      .notNull()
      .references(() => organisations.id),
    spentOn: text('spent_on').notNull(),
    amountFen: integer('amount_fen').notNull(),
    category: text('category', {
      enum: ['poverty_consolidation', 'rural_revitalisation', 'relocation_subsidy', 'reclamation_incentive', 'other'],
    }).notNull(),
    purpose: text('purpose').notNull(),
    budgetRef: text('budget_ref').notNull(),
    at: integer('at').notNull(),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [check('spendings_amount', sql`${t.amountFen} > 0`), index('spendings_county').on(t.countyId)],
);

/** The province's annual plan quota for a county (seed 000), one per county, year and kind. */
export const planAllocations = sqliteTable(
  'plan_allocations',
  {
    id: integer('id').primaryKey(),
    countyId: integer('county_id')
      .notNull()
      .references(() => organisations.id),
    year: integer('year').notNull(),
    kind: text('kind', { enum: ['PLAN_NEW_LAND', 'PLAN_LINKING'] }).notNull(),
    qtyMilliMu: integer('qty_milli_mu').notNull(),
    documentRef: text('document_ref').notNull(),
    at: integer('at').notNull(),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [check('allocations_qty', sql`${t.qtyMilliMu} > 0`), uniqueIndex('allocations_key').on(t.countyId, t.year, t.kind)],
);

/**
 * Price guidance (seed 001 三(三)): a reference price and a floor per mu for a period, for every type
 * of reclaimed land or for one. Rows are only ever added: a new period never rewrites an old one.
 */
export const priceGuidance = sqliteTable(
  'price_guidance',
  {
    id: integer('id').primaryKey(),
    /** First moment of the period (00:00 China time of its first day). */
    validFrom: integer('valid_from').notNull(),
    /** First moment after the period, or null while no end is set. */
    validTo: integer('valid_to'),
    /** Null: every type of reclaimed land. */
    landType: text('land_type', { enum: ['ordinary', 'high_standard', 'other'] }),
    referenceFenPerMu: integer('reference_fen_per_mu').notNull(),
    floorFenPerMu: integer('floor_fen_per_mu').notNull(),
    documentRef: text('document_ref').notNull(),
    publishedAt: integer('published_at').notNull(),
    publishedBy: integer('published_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    check('guidance_prices', sql`${t.floorFenPerMu} > 0 AND ${t.floorFenPerMu} <= ${t.referenceFenPerMu}`),
    check('guidance_period', sql`${t.validTo} IS NULL OR ${t.validTo} > ${t.validFrom}`),
    index('guidance_from').on(t.validFrom),
  ],
);

/**
 * Settled trades summed per month (China time), selling county and buying zone: kept in the
 * settlement's transaction, so the dashboards' sums (traded, received) read a few rows per month
 * instead of every trade of a year. Settled trades never change, so neither does a sum.
 */
export const settledTotals = sqliteTable(
  'settled_totals',
  {
    month: text('month').notNull(),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => organisations.id),
    buyerId: integer('buyer_id')
      .notNull()
      .references(() => organisations.id),
    trades: integer('trades').notNull(),
    qtyMilliMu: integer('qty_milli_mu').notNull(),
    amountFen: integer('amount_fen').notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.sellerId, t.buyerId] })],
);

/**
 * The settled trades of a month (China time), selling county and buying zone, packed 256 to a row:
 * the k-th to settle is in pack k / 256 (k counted by settled_totals, in the same transaction), and a
 * pack's entries are ordered by price, then time. Each column is one little-endian uint32 per entry:
 * ms since the month began, price in fen per mu, quantity in milli-mu (the input limits keep both
 * below 2^32). The dashboards read a year's prices and the price chart's sample from a few thousand
 * rows instead of every trade, with no sorting; settled trades never change, nor do entries.
 */
export const settledTradePacks = sqliteTable(
  'settled_trade_packs',
  {
    month: text('month').notNull(),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => organisations.id),
    buyerId: integer('buyer_id')
      .notNull()
      .references(() => organisations.id),
    pack: integer('pack').notNull(),
    msIntoMonth: blob('ms_into_month', { mode: 'buffer' }).notNull(),
    priceFenPerMu: blob('price_fen_per_mu', { mode: 'buffer' }).notNull(),
    qtyMilliMu: blob('qty_milli_mu', { mode: 'buffer' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.sellerId, t.buyerId, t.pack] })],
);

/** A poverty county's yearly trading target (seed 001 三(一): 1000 mu for 2018–2019; the province sets later years). */
export const countyTargets = sqliteTable(
  'county_targets',
  {
    countyId: integer('county_id')
      .notNull()
      .references(() => organisations.id),
    year: integer('year').notNull(),
    qtyMilliMu: integer('qty_milli_mu').notNull(),
    setAt: integer('set_at').notNull(),
    setBy: integer('set_by')
      .notNull()
      .references(() => users.id),
    /** The policy document (文号) the target was set by; '—' for one set before documents were recorded. */
    documentRef: text('document_ref').notNull().default('—'),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.year] }), check('targets_qty', sql`${t.qtyMilliMu} >= 0`)],
);

/**
 * Every target ever set, only ever added to: the target in force for a county and year at a moment is
 * the last one set by then, so a later change never rewrites what an earlier assessment read.
 */
export const countyTargetVersions = sqliteTable(
  'county_target_versions',
  {
    id: integer('id').primaryKey(),
    countyId: integer('county_id')
      .notNull()
      .references(() => organisations.id),
    year: integer('year').notNull(),
    qtyMilliMu: integer('qty_milli_mu').notNull(),
    documentRef: text('document_ref').notNull(),
    setAt: integer('set_at').notNull(),
    setBy: integer('set_by').references(() => users.id),
  },
  (t) => [index('county_target_versions_year').on(t.year, t.countyId, t.setAt), check('target_versions_qty', sql`${t.qtyMilliMu} >= 0`)],
);

/**
 * A message to an organisation (站内消息): what happened to it or falls due, and the page to act on.
 * Written in the transaction of its event, or by the scheduler's sweep for what falls due by time;
 * `key` names the occasion (e.g. `payment_due_3d:trade:12`), so none is written twice for one
 * organisation. The text is rendered in the reader's language from `kind` and `params` (JSON) when read.
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind', {
      enum: [
        'outbid',
        'won',
        'payment_due',
        'lapsed',
        'lapsed_seller',
        'listing_approved',
        'listing_rejected',
        'project_returned',
        'project_approved',
        'design_approved',
        'reclamation_accepted',
        'reclamation_due',
        'reclamation_overdue',
      ],
    }).notNull(),
    params: text('params').notNull(),
    href: text('href').notNull(),
    key: text('key').notNull(),
    createdAt: integer('created_at').notNull(),
    readAt: integer('read_at'),
  },
  (t) => [
    uniqueIndex('notifications_organisation_key').on(t.organisationId, t.key),
    // An organisation's messages newest first, a page at a time.
    index('notifications_organisation_id').on(t.organisationId, t.id),
    // The header's unread count on every page: only the unread rows are in it.
    index('notifications_unread').on(t.organisationId).where(sql`${t.readAt} IS NULL`),
  ],
);

/**
 * A zone's declared need of quota for a year (用地需求申报), so the province sees a thin market coming
 * (seed 001 三(三), 四(三)). Revisions are only ever added: the zone's declaration for a year is its
 * latest revision, and every earlier one stays as it was declared.
 */
export const zoneDemands = sqliteTable(
  'zone_demands',
  {
    id: integer('id').primaryKey(),
    zoneId: integer('zone_id')
      .notNull()
      .references(() => organisations.id),
    year: integer('year').notNull(),
    /** 1 for the first declaration of the year, one more for each revision. */
    revision: integer('revision').notNull(),
    areaMilliMu: integer('area_milli_mu').notNull(),
    note: text('note').notNull().default(''),
    declaredAt: integer('declared_at').notNull(),
    declaredBy: integer('declared_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    check('zone_demands_area', sql`${t.areaMilliMu} >= 0`),
    check('zone_demands_revision', sql`${t.revision} >= 1`),
    uniqueIndex('zone_demands_zone_year_revision').on(t.zoneId, t.year, t.revision),
    // The latest declarations of a year, for the outlook.
    index('zone_demands_year').on(t.year, t.zoneId, t.revision),
  ],
);

/**
 * An organisation's key for the open API (/api/v1): other government systems call with it. Only the
 * SHA-256 of the secret is kept; the secret is shown once, when the key is made. A key acts as its
 * organisation, within its scopes, until it expires or is revoked.
 */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: integer('id').primaryKey(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    /** The secret's first characters, shown in lists so a key can be recognised. */
    prefix: text('prefix').notNull(),
    /** Hex SHA-256 of the whole secret. */
    secretHash: text('secret_hash').notNull().unique(),
    /** Space-separated scopes: read:market, read:own, write:uses. */
    scopes: text('scopes').notNull(),
    expiresAt: integer('expires_at').notNull(),
    createdAt: integer('created_at').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    revokedAt: integer('revoked_at'),
    revokedBy: integer('revoked_by').references(() => users.id),
    lastUsedAt: integer('last_used_at'),
  },
  (t) => [index('api_keys_organisation').on(t.organisationId), check('api_keys_expiry', sql`${t.expiresAt} > ${t.createdAt}`)],
);
