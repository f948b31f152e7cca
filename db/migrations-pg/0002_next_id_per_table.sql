-- Each table's next id found by a statement of its own function, planned once per connection, not by
-- one function building the statement anew for every row inserted (a bid's inserts cost twice as much).

CREATE OR REPLACE FUNCTION "qx_next_id_accounts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM "accounts";
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "accounts_next_id" BEFORE INSERT ON "accounts" FOR EACH ROW EXECUTE FUNCTION "qx_next_id_accounts"();

CREATE OR REPLACE FUNCTION "qx_next_id_api_keys"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM "api_keys";
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "api_keys_next_id" BEFORE INSERT ON "api_keys" FOR EACH ROW EXECUTE FUNCTION "qx_next_id_api_keys"();

CREATE OR REPLACE FUNCTION "qx_next_id_audit_log"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM "audit_log";
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "audit_log_next_id" BEFORE INSERT ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "qx_next_id_audit_log"();

CREATE OR REPLACE FUNCTION "qx_next_id_bank_transfers"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM "bank_transfers";
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "bank_transfers_next_id" BEFORE INSERT ON "bank_transfers" FOR EACH ROW EXECUTE FUNCTION "qx_next_id_bank_transfers"();

CREATE OR REPLACE FUNCTION "qx_next_id_bids"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM "bids";
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "bids_next_id" BEFORE INSERT ON "bids" FOR EACH ROW EXECUTE FUNCTION "qx_next_id_bids"();

CREATE OR REPLACE FUNCTION "qx_next_id_cities"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM "cities";
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "cities_next_id" BEFORE INSERT ON "cities" FOR EACH ROW EXECUTE FUNCTION "qx_next_id_cities"();

CREATE OR REPLACE FUNCTION "qx_next_id_county_target_versions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM "county_target_versions";
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "county_target_versions_next_id" BEFORE INSERT ON "county_target_versions" FOR EACH ROW EXECUTE FUNCTION "qx_next_id_county_target_versions"();

CREATE OR REPLACE FUNCTION "qx_next_id_journal_entries"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM "journal_entries";
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "journal_entries_next_id" BEFORE INSERT ON "journal_entries" FOR EACH ROW EXECUTE FUNCTION "qx_next_id_journal_entries"();

CREATE OR REPLACE FUNCTION "qx_next_id_listings"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM "listings";
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "listings_next_id" BEFORE INSERT ON "listings" FOR EACH ROW EXECUTE FUNCTION "qx_next_id_listings"();

CREATE OR REPLACE FUNCTION "qx_next_id_lots"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM "lots";
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "lots_next_id" BEFORE INSERT ON "lots" FOR EACH ROW EXECUTE FUNCTION "qx_next_id_lots"();

CREATE OR REPLACE FUNCTION "qx_next_id_notifications"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM "notifications";
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "notifications_next_id" BEFORE INSERT ON "notifications" FOR EACH ROW EXECUTE FUNCTION "qx_next_id_notifications"();

CREATE OR REPLACE FUNCTION "qx_next_id_organisations"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM "organisations";
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "organisations_next_id" BEFORE INSERT ON "organisations" FOR EACH ROW EXECUTE FUNCTION "qx_next_id_organisations"();

CREATE OR REPLACE FUNCTION "qx_next_id_plan_allocations"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM "plan_allocations";
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "plan_allocations_next_id" BEFORE INSERT ON "plan_allocations" FOR EACH ROW EXECUTE FUNCTION "qx_next_id_plan_allocations"();

CREATE OR REPLACE FUNCTION "qx_next_id_postings"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM "postings";
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "postings_next_id" BEFORE INSERT ON "postings" FOR EACH ROW EXECUTE FUNCTION "qx_next_id_postings"();

CREATE OR REPLACE FUNCTION "qx_next_id_price_guidance"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM "price_guidance";
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "price_guidance_next_id" BEFORE INSERT ON "price_guidance" FOR EACH ROW EXECUTE FUNCTION "qx_next_id_price_guidance"();

CREATE OR REPLACE FUNCTION "qx_next_id_proceeds_spendings"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM "proceeds_spendings";
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "proceeds_spendings_next_id" BEFORE INSERT ON "proceeds_spendings" FOR EACH ROW EXECUTE FUNCTION "qx_next_id_proceeds_spendings"();

CREATE OR REPLACE FUNCTION "qx_next_id_project_documents"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM "project_documents";
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "project_documents_next_id" BEFORE INSERT ON "project_documents" FOR EACH ROW EXECUTE FUNCTION "qx_next_id_project_documents"();

CREATE OR REPLACE FUNCTION "qx_next_id_project_plots"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM "project_plots";
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "project_plots_next_id" BEFORE INSERT ON "project_plots" FOR EACH ROW EXECUTE FUNCTION "qx_next_id_project_plots"();

CREATE OR REPLACE FUNCTION "qx_next_id_projects"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM "projects";
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "projects_next_id" BEFORE INSERT ON "projects" FOR EACH ROW EXECUTE FUNCTION "qx_next_id_projects"();

CREATE OR REPLACE FUNCTION "qx_next_id_reclamation_reports"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM "reclamation_reports";
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "reclamation_reports_next_id" BEFORE INSERT ON "reclamation_reports" FOR EACH ROW EXECUTE FUNCTION "qx_next_id_reclamation_reports"();

CREATE OR REPLACE FUNCTION "qx_next_id_rights_uses"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM "rights_uses";
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "rights_uses_next_id" BEFORE INSERT ON "rights_uses" FOR EACH ROW EXECUTE FUNCTION "qx_next_id_rights_uses"();

CREATE OR REPLACE FUNCTION "qx_next_id_setting_versions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM "setting_versions";
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "setting_versions_next_id" BEFORE INSERT ON "setting_versions" FOR EACH ROW EXECUTE FUNCTION "qx_next_id_setting_versions"();

CREATE OR REPLACE FUNCTION "qx_next_id_sign_ins"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM "sign_ins";
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "sign_ins_next_id" BEFORE INSERT ON "sign_ins" FOR EACH ROW EXECUTE FUNCTION "qx_next_id_sign_ins"();

CREATE OR REPLACE FUNCTION "qx_next_id_trades"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM "trades";
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "trades_next_id" BEFORE INSERT ON "trades" FOR EACH ROW EXECUTE FUNCTION "qx_next_id_trades"();

CREATE OR REPLACE FUNCTION "qx_next_id_users"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM "users";
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "users_next_id" BEFORE INSERT ON "users" FOR EACH ROW EXECUTE FUNCTION "qx_next_id_users"();

CREATE OR REPLACE FUNCTION "qx_next_id_zone_demands"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM "zone_demands";
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "zone_demands_next_id" BEFORE INSERT ON "zone_demands" FOR EACH ROW EXECUTE FUNCTION "qx_next_id_zone_demands"();

DROP FUNCTION IF EXISTS qx_next_id();
