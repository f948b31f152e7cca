-- The schema of db/schema.ts for PostgreSQL, written by `npm run db:generate:pg`.

CREATE FUNCTION qx_next_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    EXECUTE format('SELECT coalesce(max(id), 0) + 1 FROM %I', TG_TABLE_NAME) INTO NEW.id;
  END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION qx_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% are append-only', TG_TABLE_NAME;
END $$;

CREATE TABLE "accounts" (
  "id" bigint PRIMARY KEY,
  "organisation_id" bigint NOT NULL,
  "asset" text NOT NULL,
  "bucket" text NOT NULL,
  "lot_id" bigint,
  "allow_negative" bigint NOT NULL DEFAULT 0,
  "balance" bigint NOT NULL DEFAULT 0,
  CONSTRAINT "accounts_not_negative" CHECK ("accounts"."allow_negative" = 1 OR "accounts"."balance" >= 0)
);

CREATE TRIGGER "accounts_next_id" BEFORE INSERT ON "accounts" FOR EACH ROW EXECUTE FUNCTION qx_next_id();

CREATE UNIQUE INDEX "accounts_key_lot" ON "accounts" ("organisation_id", "asset", "bucket", "lot_id") WHERE "accounts"."lot_id" IS NOT NULL;

CREATE UNIQUE INDEX "accounts_key" ON "accounts" ("organisation_id", "asset", "bucket") WHERE "accounts"."lot_id" IS NULL;

CREATE TABLE "api_keys" (
  "id" bigint PRIMARY KEY,
  "organisation_id" bigint NOT NULL,
  "name" text NOT NULL,
  "prefix" text NOT NULL,
  "secret_hash" text NOT NULL CONSTRAINT "api_keys_secret_hash_unique" UNIQUE,
  "scopes" text NOT NULL,
  "expires_at" bigint NOT NULL,
  "created_at" bigint NOT NULL,
  "created_by" bigint NOT NULL,
  "revoked_at" bigint,
  "revoked_by" bigint,
  "last_used_at" bigint,
  CONSTRAINT "api_keys_expiry" CHECK ("api_keys"."expires_at" > "api_keys"."created_at")
);

CREATE TRIGGER "api_keys_next_id" BEFORE INSERT ON "api_keys" FOR EACH ROW EXECUTE FUNCTION qx_next_id();

CREATE INDEX "api_keys_organisation" ON "api_keys" ("organisation_id");

CREATE TABLE "audit_checkpoints" (
  "day" text PRIMARY KEY,
  "audit_id" bigint NOT NULL,
  "hash" text NOT NULL,
  "published_at" bigint NOT NULL
);

CREATE INDEX "audit_checkpoints_audit" ON "audit_checkpoints" ("audit_id");

CREATE TABLE "audit_log" (
  "id" bigint PRIMARY KEY,
  "at" bigint NOT NULL,
  "actor_user_id" bigint,
  "actor_organisation_id" bigint,
  "action" text NOT NULL,
  "entity" text NOT NULL,
  "entity_id" bigint,
  "before" text,
  "after" text,
  "hash" text
);

CREATE TRIGGER "audit_log_next_id" BEFORE INSERT ON "audit_log" FOR EACH ROW EXECUTE FUNCTION qx_next_id();

CREATE INDEX "audit_log_entity" ON "audit_log" ("entity", "entity_id");

CREATE INDEX "audit_log_at" ON "audit_log" ("at");

CREATE INDEX "audit_log_unsealed" ON "audit_log" ("id") WHERE "audit_log"."hash" IS NULL;

CREATE TABLE "bank_transfers" (
  "id" bigint PRIMARY KEY,
  "zone_id" bigint NOT NULL,
  "amount_fen" bigint NOT NULL,
  "bank_ref" text NOT NULL,
  "recorded_by" bigint NOT NULL,
  "at" bigint NOT NULL,
  "status" text NOT NULL DEFAULT 'confirmed',
  "decided_by" bigint,
  "decided_at" bigint
);

CREATE TRIGGER "bank_transfers_next_id" BEFORE INSERT ON "bank_transfers" FOR EACH ROW EXECUTE FUNCTION qx_next_id();

CREATE UNIQUE INDEX "bank_transfers_ref" ON "bank_transfers" ("bank_ref") WHERE "bank_transfers"."status" <> 'rejected';

CREATE INDEX "bank_transfers_status" ON "bank_transfers" ("status");

CREATE TABLE "bidder_numbers" (
  "listing_id" bigint NOT NULL,
  "zone_id" bigint NOT NULL,
  "number" text NOT NULL
);

CREATE UNIQUE INDEX "bidder_numbers_pk" ON "bidder_numbers" ("listing_id", "zone_id");

CREATE UNIQUE INDEX "bidder_numbers_number" ON "bidder_numbers" ("listing_id", "number");

CREATE TABLE "bids" (
  "id" bigint PRIMARY KEY,
  "listing_id" bigint NOT NULL,
  "zone_id" bigint NOT NULL,
  "kind" text NOT NULL,
  "status" text NOT NULL,
  "price_fen_per_mu" bigint NOT NULL,
  "qty_milli_mu" bigint NOT NULL,
  "deposit_fen" bigint NOT NULL,
  "placed_at" bigint NOT NULL,
  "placed_by" bigint NOT NULL,
  CONSTRAINT "bids_positive" CHECK ("bids"."price_fen_per_mu" > 0 AND "bids"."qty_milli_mu" > 0 AND "bids"."deposit_fen" >= 0)
);

CREATE TRIGGER "bids_next_id" BEFORE INSERT ON "bids" FOR EACH ROW EXECUTE FUNCTION qx_next_id();

CREATE INDEX "bids_listing_status_zone" ON "bids" ("listing_id", "status", "zone_id");

CREATE INDEX "bids_zone" ON "bids" ("zone_id");

CREATE TABLE "cities" (
  "id" bigint PRIMARY KEY,
  "name" text NOT NULL CONSTRAINT "cities_name_unique" UNIQUE
);

CREATE TRIGGER "cities_next_id" BEFORE INSERT ON "cities" FOR EACH ROW EXECUTE FUNCTION qx_next_id();

CREATE TABLE "county_target_versions" (
  "id" bigint PRIMARY KEY,
  "county_id" bigint NOT NULL,
  "year" bigint NOT NULL,
  "qty_milli_mu" bigint NOT NULL,
  "document_ref" text NOT NULL,
  "set_at" bigint NOT NULL,
  "set_by" bigint,
  CONSTRAINT "target_versions_qty" CHECK ("county_target_versions"."qty_milli_mu" >= 0)
);

CREATE TRIGGER "county_target_versions_next_id" BEFORE INSERT ON "county_target_versions" FOR EACH ROW EXECUTE FUNCTION qx_next_id();

CREATE INDEX "county_target_versions_year" ON "county_target_versions" ("year", "county_id", "set_at");

CREATE TABLE "county_targets" (
  "county_id" bigint NOT NULL,
  "year" bigint NOT NULL,
  "qty_milli_mu" bigint NOT NULL,
  "set_at" bigint NOT NULL,
  "set_by" bigint NOT NULL,
  "document_ref" text NOT NULL DEFAULT '—',
  PRIMARY KEY ("county_id", "year"),
  CONSTRAINT "targets_qty" CHECK ("county_targets"."qty_milli_mu" >= 0)
);

CREATE TABLE "instance" (
  "key" text PRIMARY KEY,
  "value" text NOT NULL
);

CREATE TABLE "integrity_thresholds" (
  "key" text PRIMARY KEY,
  "value" bigint NOT NULL,
  "updated_at" bigint NOT NULL,
  "updated_by" bigint NOT NULL
);

CREATE TABLE "journal_entries" (
  "id" bigint PRIMARY KEY,
  "idempotency_key" text NOT NULL CONSTRAINT "journal_entries_idempotency_key_unique" UNIQUE,
  "reason" text NOT NULL,
  "memo" text NOT NULL DEFAULT '',
  "trade_id" bigint,
  "listing_id" bigint,
  "use_id" bigint,
  "actor_user_id" bigint,
  "at" bigint NOT NULL,
  CONSTRAINT "journal_entries_reason" CHECK ("journal_entries"."reason" IN ('funds_received', 'lot_issued', 'plan_allocated', 'listing_created', 'listing_changed', 'listing_withdrawn', 'listing_rejected', 'listing_closed', 'deposit_frozen', 'deposit_released_lost', 'deposit_released_declined', 'deposit_released_superseded', 'deposit_released_withdrawn', 'award', 'award_lapsed', 'settlement', 'rights_used', 'proceeds_spent', 'holdback_released', 'holdback_forfeited'))
);

CREATE TRIGGER "journal_entries_next_id" BEFORE INSERT ON "journal_entries" FOR EACH ROW EXECUTE FUNCTION qx_next_id();

CREATE INDEX "journal_entries_trade" ON "journal_entries" ("trade_id");

CREATE INDEX "journal_entries_use" ON "journal_entries" ("use_id");

CREATE TABLE "listings" (
  "id" bigint PRIMARY KEY,
  "code" text NOT NULL CONSTRAINT "listings_code_unique" UNIQUE,
  "county_id" bigint NOT NULL,
  "lot_id" bigint NOT NULL,
  "mode" text NOT NULL,
  "status" text NOT NULL,
  "qty_milli_mu" bigint NOT NULL,
  "reserve_price_fen_per_mu" bigint NOT NULL,
  "min_lot_milli_mu" bigint NOT NULL,
  "increment_fen_per_mu" bigint NOT NULL,
  "opens_at" bigint NOT NULL,
  "scheduled_closes_at" bigint NOT NULL,
  "closes_at" bigint NOT NULL,
  "note" text NOT NULL DEFAULT '',
  "review_note" text,
  "reviewed_at" bigint,
  "closed_at" bigint,
  "created_at" bigint NOT NULL,
  CONSTRAINT "listings_qty_positive" CHECK ("listings"."qty_milli_mu" > 0),
  CONSTRAINT "listings_min_lot" CHECK ("listings"."min_lot_milli_mu" > 0 AND "listings"."min_lot_milli_mu" <= "listings"."qty_milli_mu"),
  CONSTRAINT "listings_period" CHECK ("listings"."opens_at" < "listings"."closes_at")
);

CREATE TRIGGER "listings_next_id" BEFORE INSERT ON "listings" FOR EACH ROW EXECUTE FUNCTION qx_next_id();

CREATE INDEX "listings_status_closes" ON "listings" ("status", "closes_at");

CREATE INDEX "listings_status_opens" ON "listings" ("status", "opens_at");

CREATE INDEX "listings_county" ON "listings" ("county_id");

CREATE TABLE "lots" (
  "id" bigint PRIMARY KEY,
  "project_id" bigint NOT NULL,
  "county_id" bigint NOT NULL,
  "code" text NOT NULL CONSTRAINT "lots_code_unique" UNIQUE,
  "serial_start" bigint NOT NULL,
  "qty_milli_mu" bigint NOT NULL,
  "farmland_milli_mu" bigint NOT NULL,
  "land_type" text NOT NULL,
  "issued_at" bigint NOT NULL,
  CONSTRAINT "lots_qty_positive" CHECK ("lots"."qty_milli_mu" > 0),
  CONSTRAINT "lots_farmland_within_qty" CHECK ("lots"."farmland_milli_mu" >= 0 AND "lots"."farmland_milli_mu" <= "lots"."qty_milli_mu")
);

CREATE TRIGGER "lots_next_id" BEFORE INSERT ON "lots" FOR EACH ROW EXECUTE FUNCTION qx_next_id();

CREATE INDEX "lots_county" ON "lots" ("county_id");

CREATE TABLE "notifications" (
  "id" bigint PRIMARY KEY,
  "organisation_id" bigint NOT NULL,
  "kind" text NOT NULL,
  "params" text NOT NULL,
  "href" text NOT NULL,
  "key" text NOT NULL,
  "created_at" bigint NOT NULL,
  "read_at" bigint
);

CREATE TRIGGER "notifications_next_id" BEFORE INSERT ON "notifications" FOR EACH ROW EXECUTE FUNCTION qx_next_id();

CREATE UNIQUE INDEX "notifications_organisation_key" ON "notifications" ("organisation_id", "key");

CREATE INDEX "notifications_organisation_id" ON "notifications" ("organisation_id", "id");

CREATE INDEX "notifications_unread" ON "notifications" ("organisation_id") WHERE "notifications"."read_at" IS NULL;

CREATE TABLE "organisations" (
  "id" bigint PRIMARY KEY,
  "kind" text NOT NULL,
  "name" text NOT NULL,
  "city_id" bigint,
  "national_poverty" bigint NOT NULL DEFAULT 0,
  "provincial_poverty" bigint NOT NULL DEFAULT 0,
  "deep_poverty" bigint NOT NULL DEFAULT 0,
  "expanded_power" bigint NOT NULL DEFAULT 0,
  "is_demo" bigint NOT NULL DEFAULT 0
);

CREATE TRIGGER "organisations_next_id" BEFORE INSERT ON "organisations" FOR EACH ROW EXECUTE FUNCTION qx_next_id();

CREATE UNIQUE INDEX "organisations_kind_name" ON "organisations" ("kind", "name");

CREATE INDEX "organisations_city" ON "organisations" ("city_id");

CREATE TABLE "plan_allocations" (
  "id" bigint PRIMARY KEY,
  "county_id" bigint NOT NULL,
  "year" bigint NOT NULL,
  "kind" text NOT NULL,
  "qty_milli_mu" bigint NOT NULL,
  "document_ref" text NOT NULL,
  "at" bigint NOT NULL,
  "recorded_by" bigint NOT NULL,
  CONSTRAINT "allocations_qty" CHECK ("plan_allocations"."qty_milli_mu" > 0)
);

CREATE TRIGGER "plan_allocations_next_id" BEFORE INSERT ON "plan_allocations" FOR EACH ROW EXECUTE FUNCTION qx_next_id();

CREATE UNIQUE INDEX "allocations_key" ON "plan_allocations" ("county_id", "year", "kind");

CREATE TABLE "postings" (
  "id" bigint PRIMARY KEY,
  "entry_id" bigint NOT NULL,
  "account_id" bigint NOT NULL,
  "amount" bigint NOT NULL
);

CREATE TRIGGER "postings_next_id" BEFORE INSERT ON "postings" FOR EACH ROW EXECUTE FUNCTION qx_next_id();

CREATE INDEX "postings_account_entry" ON "postings" ("account_id", "entry_id");

CREATE INDEX "postings_entry" ON "postings" ("entry_id");

CREATE TABLE "price_guidance" (
  "id" bigint PRIMARY KEY,
  "valid_from" bigint NOT NULL,
  "valid_to" bigint,
  "land_type" text,
  "reference_fen_per_mu" bigint NOT NULL,
  "floor_fen_per_mu" bigint NOT NULL,
  "document_ref" text NOT NULL,
  "published_at" bigint NOT NULL,
  "published_by" bigint NOT NULL,
  CONSTRAINT "guidance_prices" CHECK ("price_guidance"."floor_fen_per_mu" > 0 AND "price_guidance"."floor_fen_per_mu" <= "price_guidance"."reference_fen_per_mu"),
  CONSTRAINT "guidance_period" CHECK ("price_guidance"."valid_to" IS NULL OR "price_guidance"."valid_to" > "price_guidance"."valid_from")
);

CREATE TRIGGER "price_guidance_next_id" BEFORE INSERT ON "price_guidance" FOR EACH ROW EXECUTE FUNCTION qx_next_id();

CREATE INDEX "guidance_from" ON "price_guidance" ("valid_from");

CREATE TABLE "proceeds_spendings" (
  "id" bigint PRIMARY KEY,
  "county_id" bigint NOT NULL,
  "spent_on" text NOT NULL,
  "amount_fen" bigint NOT NULL,
  "category" text NOT NULL,
  "purpose" text NOT NULL,
  "budget_ref" text NOT NULL,
  "at" bigint NOT NULL,
  "recorded_by" bigint NOT NULL,
  CONSTRAINT "spendings_amount" CHECK ("proceeds_spendings"."amount_fen" > 0)
);

CREATE TRIGGER "proceeds_spendings_next_id" BEFORE INSERT ON "proceeds_spendings" FOR EACH ROW EXECUTE FUNCTION qx_next_id();

CREATE INDEX "spendings_county" ON "proceeds_spendings" ("county_id");

CREATE TABLE "project_documents" (
  "id" bigint PRIMARY KEY,
  "project_id" bigint NOT NULL,
  "file_name" text NOT NULL,
  "stored_name" text NOT NULL CONSTRAINT "project_documents_stored_name_unique" UNIQUE,
  "size_bytes" bigint NOT NULL,
  "sha256" text NOT NULL,
  "uploaded_at" bigint NOT NULL,
  "uploaded_by" bigint NOT NULL
);

CREATE TRIGGER "project_documents_next_id" BEFORE INSERT ON "project_documents" FOR EACH ROW EXECUTE FUNCTION qx_next_id();

CREATE INDEX "documents_project" ON "project_documents" ("project_id");

CREATE TABLE "project_plots" (
  "id" bigint PRIMARY KEY,
  "project_id" bigint NOT NULL,
  "code" text NOT NULL,
  "village" text NOT NULL,
  "current_use" text NOT NULL,
  "area_milli_mu" bigint NOT NULL,
  "farmland_milli_mu" bigint NOT NULL,
  "farmland_grade" bigint,
  CONSTRAINT "plots_area" CHECK ("project_plots"."area_milli_mu" > 0 AND "project_plots"."farmland_milli_mu" >= 0 AND "project_plots"."farmland_milli_mu" <= "project_plots"."area_milli_mu")
);

CREATE TRIGGER "project_plots_next_id" BEFORE INSERT ON "project_plots" FOR EACH ROW EXECUTE FUNCTION qx_next_id();

CREATE UNIQUE INDEX "plots_project_code" ON "project_plots" ("project_id", "code");

CREATE TABLE "projects" (
  "id" bigint PRIMARY KEY,
  "county_id" bigint NOT NULL,
  "name" text NOT NULL,
  "villages" text NOT NULL,
  "status" text NOT NULL DEFAULT 'draft',
  "for_cross_region" bigint NOT NULL DEFAULT 1,
  "land_type" text NOT NULL DEFAULT 'ordinary',
  "resettlement_milli_mu" bigint NOT NULL DEFAULT 0,
  "created_at" bigint NOT NULL DEFAULT 0,
  "submitted_at" bigint,
  "city_reviewed_at" bigint,
  "returned_at" bigint,
  "return_reason" text,
  "approved_at" bigint,
  "approval_ref" text,
  "design_approved_at" bigint,
  "design_ref" text,
  "first_traded_at" bigint,
  "reclamation_accepted_at" bigint,
  "acceptance_ref" text
);

CREATE TRIGGER "projects_next_id" BEFORE INSERT ON "projects" FOR EACH ROW EXECUTE FUNCTION qx_next_id();

CREATE INDEX "projects_county" ON "projects" ("county_id");

CREATE INDEX "projects_status" ON "projects" ("status");

CREATE TABLE "reclamation_reports" (
  "id" bigint PRIMARY KEY,
  "project_id" bigint NOT NULL,
  "percent" bigint NOT NULL,
  "note" text NOT NULL,
  "at" bigint NOT NULL,
  "reported_by" bigint NOT NULL,
  CONSTRAINT "reports_percent" CHECK ("reclamation_reports"."percent" >= 0 AND "reclamation_reports"."percent" <= 100)
);

CREATE TRIGGER "reclamation_reports_next_id" BEFORE INSERT ON "reclamation_reports" FOR EACH ROW EXECUTE FUNCTION qx_next_id();

CREATE INDEX "reports_project" ON "reclamation_reports" ("project_id");

CREATE TABLE "rights_uses" (
  "id" bigint PRIMARY KEY,
  "zone_id" bigint NOT NULL,
  "application_name" text NOT NULL,
  "approval_ref" text NOT NULL,
  "area_milli_mu" bigint NOT NULL,
  "rights" text NOT NULL,
  "at" bigint NOT NULL,
  "recorded_by" bigint NOT NULL,
  CONSTRAINT "uses_area" CHECK ("rights_uses"."area_milli_mu" > 0)
);

CREATE TRIGGER "rights_uses_next_id" BEFORE INSERT ON "rights_uses" FOR EACH ROW EXECUTE FUNCTION qx_next_id();

CREATE INDEX "uses_zone" ON "rights_uses" ("zone_id");

CREATE TABLE "session_activity" (
  "session_id" text PRIMARY KEY,
  "user_id" bigint NOT NULL,
  "last_seen_at" bigint NOT NULL
);

CREATE TABLE "setting_versions" (
  "id" bigint PRIMARY KEY,
  "key" text NOT NULL,
  "value" bigint NOT NULL,
  "document_no" text NOT NULL,
  "effective_from" bigint NOT NULL,
  "recorded_at" bigint NOT NULL,
  "recorded_by" bigint,
  CONSTRAINT "setting_versions_document" CHECK (length("setting_versions"."document_no") BETWEEN 1 AND 100),
  CONSTRAINT "setting_versions_effective" CHECK ("setting_versions"."effective_from" >= "setting_versions"."recorded_at")
);

CREATE TRIGGER "setting_versions_next_id" BEFORE INSERT ON "setting_versions" FOR EACH ROW EXECUTE FUNCTION qx_next_id();

CREATE INDEX "setting_versions_key" ON "setting_versions" ("key", "effective_from");

CREATE TABLE "settled_totals" (
  "month" text NOT NULL,
  "seller_id" bigint NOT NULL,
  "buyer_id" bigint NOT NULL,
  "trades" bigint NOT NULL,
  "qty_milli_mu" bigint NOT NULL,
  "amount_fen" bigint NOT NULL,
  PRIMARY KEY ("month", "seller_id", "buyer_id")
);

CREATE TABLE "settled_trade_packs" (
  "month" text NOT NULL,
  "seller_id" bigint NOT NULL,
  "buyer_id" bigint NOT NULL,
  "pack" bigint NOT NULL,
  "ms_into_month" bytea NOT NULL,
  "price_fen_per_mu" bytea NOT NULL,
  "qty_milli_mu" bytea NOT NULL,
  PRIMARY KEY ("month", "seller_id", "buyer_id", "pack")
);

CREATE TABLE "sign_ins" (
  "id" bigint PRIMARY KEY,
  "at" bigint NOT NULL,
  "username" text NOT NULL,
  "user_id" bigint,
  "address" text NOT NULL,
  "outcome" text NOT NULL
);

CREATE TRIGGER "sign_ins_next_id" BEFORE INSERT ON "sign_ins" FOR EACH ROW EXECUTE FUNCTION qx_next_id();

CREATE INDEX "sign_ins_at" ON "sign_ins" ("at");

CREATE INDEX "sign_ins_user" ON "sign_ins" ("user_id", "at");

CREATE TABLE "trades" (
  "id" bigint PRIMARY KEY,
  "confirmation_no" text NOT NULL CONSTRAINT "trades_confirmation_no_unique" UNIQUE,
  "listing_id" bigint NOT NULL,
  "bid_id" bigint NOT NULL CONSTRAINT "trades_bid_id_unique" UNIQUE,
  "lot_id" bigint NOT NULL,
  "seller_id" bigint NOT NULL,
  "buyer_id" bigint NOT NULL,
  "status" text NOT NULL,
  "qty_milli_mu" bigint NOT NULL,
  "price_fen_per_mu" bigint NOT NULL,
  "amount_fen" bigint NOT NULL,
  "deposit_fen" bigint NOT NULL,
  "farmland_milli_mu" bigint,
  "serial_start" bigint,
  "awarded_at" bigint NOT NULL,
  "due_at" bigint NOT NULL,
  "settled_at" bigint,
  "lapsed_at" bigint,
  CONSTRAINT "trades_positive" CHECK ("trades"."qty_milli_mu" > 0 AND "trades"."amount_fen" > 0 AND "trades"."deposit_fen" <= "trades"."amount_fen")
);

CREATE TRIGGER "trades_next_id" BEFORE INSERT ON "trades" FOR EACH ROW EXECUTE FUNCTION qx_next_id();

CREATE INDEX "trades_status_due" ON "trades" ("status", "due_at");

CREATE INDEX "trades_buyer" ON "trades" ("buyer_id");

CREATE INDEX "trades_seller" ON "trades" ("seller_id");

CREATE INDEX "trades_listing" ON "trades" ("listing_id");

CREATE INDEX "trades_lot_serial" ON "trades" ("lot_id", "status", "serial_start");

CREATE TABLE "users" (
  "id" bigint PRIMARY KEY,
  "username" text NOT NULL CONSTRAINT "users_username_unique" UNIQUE,
  "display_name" text NOT NULL,
  "password_hash" text NOT NULL,
  "organisation_id" bigint NOT NULL,
  "disabled" bigint NOT NULL DEFAULT 0,
  "created_at" bigint NOT NULL,
  "session_version" bigint NOT NULL DEFAULT 0,
  "must_change_password" bigint NOT NULL DEFAULT 0,
  "password_changed_at" bigint
);

CREATE TRIGGER "users_next_id" BEFORE INSERT ON "users" FOR EACH ROW EXECUTE FUNCTION qx_next_id();

CREATE TABLE "zone_demands" (
  "id" bigint PRIMARY KEY,
  "zone_id" bigint NOT NULL,
  "year" bigint NOT NULL,
  "revision" bigint NOT NULL,
  "area_milli_mu" bigint NOT NULL,
  "note" text NOT NULL DEFAULT '',
  "declared_at" bigint NOT NULL,
  "declared_by" bigint NOT NULL,
  CONSTRAINT "zone_demands_area" CHECK ("zone_demands"."area_milli_mu" >= 0),
  CONSTRAINT "zone_demands_revision" CHECK ("zone_demands"."revision" >= 1)
);

CREATE TRIGGER "zone_demands_next_id" BEFORE INSERT ON "zone_demands" FOR EACH ROW EXECUTE FUNCTION qx_next_id();

CREATE UNIQUE INDEX "zone_demands_zone_year_revision" ON "zone_demands" ("zone_id", "year", "revision");

CREATE INDEX "zone_demands_year" ON "zone_demands" ("year", "zone_id", "revision");

ALTER TABLE "accounts" ADD CONSTRAINT "accounts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id");

ALTER TABLE "accounts" ADD CONSTRAINT "accounts_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "lots" ("id");

ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id");

ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "users" ("id");

ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "users" ("id");

ALTER TABLE "bank_transfers" ADD CONSTRAINT "bank_transfers_zone_id_organisations_id_fk" FOREIGN KEY ("zone_id") REFERENCES "organisations" ("id");

ALTER TABLE "bank_transfers" ADD CONSTRAINT "bank_transfers_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "users" ("id");

ALTER TABLE "bank_transfers" ADD CONSTRAINT "bank_transfers_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "users" ("id");

ALTER TABLE "bidder_numbers" ADD CONSTRAINT "bidder_numbers_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "listings" ("id");

ALTER TABLE "bidder_numbers" ADD CONSTRAINT "bidder_numbers_zone_id_organisations_id_fk" FOREIGN KEY ("zone_id") REFERENCES "organisations" ("id");

ALTER TABLE "bids" ADD CONSTRAINT "bids_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "listings" ("id");

ALTER TABLE "bids" ADD CONSTRAINT "bids_zone_id_organisations_id_fk" FOREIGN KEY ("zone_id") REFERENCES "organisations" ("id");

ALTER TABLE "bids" ADD CONSTRAINT "bids_placed_by_users_id_fk" FOREIGN KEY ("placed_by") REFERENCES "users" ("id");

ALTER TABLE "county_target_versions" ADD CONSTRAINT "county_target_versions_county_id_organisations_id_fk" FOREIGN KEY ("county_id") REFERENCES "organisations" ("id");

ALTER TABLE "county_target_versions" ADD CONSTRAINT "county_target_versions_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "users" ("id");

ALTER TABLE "county_targets" ADD CONSTRAINT "county_targets_county_id_organisations_id_fk" FOREIGN KEY ("county_id") REFERENCES "organisations" ("id");

ALTER TABLE "county_targets" ADD CONSTRAINT "county_targets_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "users" ("id");

ALTER TABLE "integrity_thresholds" ADD CONSTRAINT "integrity_thresholds_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "users" ("id");

ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_trade_id_trades_id_fk" FOREIGN KEY ("trade_id") REFERENCES "trades" ("id");

ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "listings" ("id");

ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_use_id_rights_uses_id_fk" FOREIGN KEY ("use_id") REFERENCES "rights_uses" ("id");

ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "users" ("id");

ALTER TABLE "listings" ADD CONSTRAINT "listings_county_id_organisations_id_fk" FOREIGN KEY ("county_id") REFERENCES "organisations" ("id");

ALTER TABLE "listings" ADD CONSTRAINT "listings_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "lots" ("id");

ALTER TABLE "lots" ADD CONSTRAINT "lots_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "projects" ("id");

ALTER TABLE "lots" ADD CONSTRAINT "lots_county_id_organisations_id_fk" FOREIGN KEY ("county_id") REFERENCES "organisations" ("id");

ALTER TABLE "notifications" ADD CONSTRAINT "notifications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id");

ALTER TABLE "organisations" ADD CONSTRAINT "organisations_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "cities" ("id");

ALTER TABLE "plan_allocations" ADD CONSTRAINT "plan_allocations_county_id_organisations_id_fk" FOREIGN KEY ("county_id") REFERENCES "organisations" ("id");

ALTER TABLE "plan_allocations" ADD CONSTRAINT "plan_allocations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "users" ("id");

ALTER TABLE "postings" ADD CONSTRAINT "postings_entry_id_journal_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "journal_entries" ("id");

ALTER TABLE "postings" ADD CONSTRAINT "postings_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id");

ALTER TABLE "price_guidance" ADD CONSTRAINT "price_guidance_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "users" ("id");

ALTER TABLE "proceeds_spendings" ADD CONSTRAINT "proceeds_spendings_county_id_organisations_id_fk" FOREIGN KEY ("county_id") REFERENCES "organisations" ("id");

ALTER TABLE "proceeds_spendings" ADD CONSTRAINT "proceeds_spendings_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "users" ("id");

ALTER TABLE "project_documents" ADD CONSTRAINT "project_documents_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "projects" ("id");

ALTER TABLE "project_documents" ADD CONSTRAINT "project_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "users" ("id");

ALTER TABLE "project_plots" ADD CONSTRAINT "project_plots_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "projects" ("id");

ALTER TABLE "projects" ADD CONSTRAINT "projects_county_id_organisations_id_fk" FOREIGN KEY ("county_id") REFERENCES "organisations" ("id");

ALTER TABLE "reclamation_reports" ADD CONSTRAINT "reclamation_reports_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "projects" ("id");

ALTER TABLE "reclamation_reports" ADD CONSTRAINT "reclamation_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "users" ("id");

ALTER TABLE "rights_uses" ADD CONSTRAINT "rights_uses_zone_id_organisations_id_fk" FOREIGN KEY ("zone_id") REFERENCES "organisations" ("id");

ALTER TABLE "rights_uses" ADD CONSTRAINT "rights_uses_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "users" ("id");

ALTER TABLE "session_activity" ADD CONSTRAINT "session_activity_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id");

ALTER TABLE "setting_versions" ADD CONSTRAINT "setting_versions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "users" ("id");

ALTER TABLE "settled_totals" ADD CONSTRAINT "settled_totals_seller_id_organisations_id_fk" FOREIGN KEY ("seller_id") REFERENCES "organisations" ("id");

ALTER TABLE "settled_totals" ADD CONSTRAINT "settled_totals_buyer_id_organisations_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "organisations" ("id");

ALTER TABLE "settled_trade_packs" ADD CONSTRAINT "settled_trade_packs_seller_id_organisations_id_fk" FOREIGN KEY ("seller_id") REFERENCES "organisations" ("id");

ALTER TABLE "settled_trade_packs" ADD CONSTRAINT "settled_trade_packs_buyer_id_organisations_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "organisations" ("id");

ALTER TABLE "sign_ins" ADD CONSTRAINT "sign_ins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id");

ALTER TABLE "trades" ADD CONSTRAINT "trades_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "listings" ("id");

ALTER TABLE "trades" ADD CONSTRAINT "trades_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "bids" ("id");

ALTER TABLE "trades" ADD CONSTRAINT "trades_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "lots" ("id");

ALTER TABLE "trades" ADD CONSTRAINT "trades_seller_id_organisations_id_fk" FOREIGN KEY ("seller_id") REFERENCES "organisations" ("id");

ALTER TABLE "trades" ADD CONSTRAINT "trades_buyer_id_organisations_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "organisations" ("id");

ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id");

ALTER TABLE "zone_demands" ADD CONSTRAINT "zone_demands_zone_id_organisations_id_fk" FOREIGN KEY ("zone_id") REFERENCES "organisations" ("id");

ALTER TABLE "zone_demands" ADD CONSTRAINT "zone_demands_declared_by_users_id_fk" FOREIGN KEY ("declared_by") REFERENCES "users" ("id");

CREATE TRIGGER "setting_versions_no_update" BEFORE UPDATE ON "setting_versions" FOR EACH ROW EXECUTE FUNCTION qx_append_only();

CREATE TRIGGER "setting_versions_no_delete" BEFORE DELETE ON "setting_versions" FOR EACH ROW EXECUTE FUNCTION qx_append_only();
