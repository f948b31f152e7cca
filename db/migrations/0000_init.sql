CREATE TABLE `accounts` (
	`id` integer PRIMARY KEY NOT NULL,
	`organisation_id` integer NOT NULL,
	`asset` text NOT NULL,
	`bucket` text NOT NULL,
	`lot_id` integer,
	`allow_negative` integer DEFAULT false NOT NULL,
	`balance` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "accounts_not_negative" CHECK("accounts"."allow_negative" = 1 OR "accounts"."balance" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_key_lot` ON `accounts` (`organisation_id`,`asset`,`bucket`,`lot_id`) WHERE "accounts"."lot_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_key` ON `accounts` (`organisation_id`,`asset`,`bucket`) WHERE "accounts"."lot_id" IS NULL;--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`actor_user_id` integer,
	`actor_organisation_id` integer,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `bank_transfers` (
	`id` integer PRIMARY KEY NOT NULL,
	`zone_id` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`bank_ref` text NOT NULL,
	`recorded_by` integer NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`zone_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bank_transfers_bank_ref_unique` ON `bank_transfers` (`bank_ref`);--> statement-breakpoint
CREATE TABLE `bidder_numbers` (
	`listing_id` integer NOT NULL,
	`zone_id` integer NOT NULL,
	`number` text NOT NULL,
	FOREIGN KEY (`listing_id`) REFERENCES `listings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`zone_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bidder_numbers_pk` ON `bidder_numbers` (`listing_id`,`zone_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `bidder_numbers_number` ON `bidder_numbers` (`listing_id`,`number`);--> statement-breakpoint
CREATE TABLE `bids` (
	`id` integer PRIMARY KEY NOT NULL,
	`listing_id` integer NOT NULL,
	`zone_id` integer NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`price_fen_per_mu` integer NOT NULL,
	`qty_milli_mu` integer NOT NULL,
	`deposit_fen` integer NOT NULL,
	`placed_at` integer NOT NULL,
	`placed_by` integer NOT NULL,
	FOREIGN KEY (`listing_id`) REFERENCES `listings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`zone_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`placed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "bids_positive" CHECK("bids"."price_fen_per_mu" > 0 AND "bids"."qty_milli_mu" > 0 AND "bids"."deposit_fen" >= 0)
);
--> statement-breakpoint
CREATE INDEX `bids_listing_status` ON `bids` (`listing_id`,`status`);--> statement-breakpoint
CREATE INDEX `bids_zone` ON `bids` (`zone_id`);--> statement-breakpoint
CREATE TABLE `cities` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cities_name_unique` ON `cities` (`name`);--> statement-breakpoint
CREATE TABLE `journal_entries` (
	`id` integer PRIMARY KEY NOT NULL,
	`idempotency_key` text NOT NULL,
	`reason` text NOT NULL,
	`memo` text DEFAULT '' NOT NULL,
	`trade_id` integer,
	`listing_id` integer,
	`actor_user_id` integer,
	`at` integer NOT NULL,
	FOREIGN KEY (`trade_id`) REFERENCES `trades`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`listing_id`) REFERENCES `listings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `journal_entries_idempotency_key_unique` ON `journal_entries` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `journal_entries_trade` ON `journal_entries` (`trade_id`);--> statement-breakpoint
CREATE TABLE `listings` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`county_id` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`mode` text NOT NULL,
	`status` text NOT NULL,
	`qty_milli_mu` integer NOT NULL,
	`reserve_price_fen_per_mu` integer NOT NULL,
	`min_lot_milli_mu` integer NOT NULL,
	`increment_fen_per_mu` integer NOT NULL,
	`opens_at` integer NOT NULL,
	`scheduled_closes_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`review_note` text,
	`reviewed_at` integer,
	`closed_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`county_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "listings_qty_positive" CHECK("listings"."qty_milli_mu" > 0),
	CONSTRAINT "listings_min_lot" CHECK("listings"."min_lot_milli_mu" > 0 AND "listings"."min_lot_milli_mu" <= "listings"."qty_milli_mu"),
	CONSTRAINT "listings_period" CHECK("listings"."opens_at" < "listings"."closes_at")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `listings_code_unique` ON `listings` (`code`);--> statement-breakpoint
CREATE INDEX `listings_status_closes` ON `listings` (`status`,`closes_at`);--> statement-breakpoint
CREATE INDEX `listings_county` ON `listings` (`county_id`);--> statement-breakpoint
CREATE TABLE `lots` (
	`id` integer PRIMARY KEY NOT NULL,
	`project_id` integer NOT NULL,
	`county_id` integer NOT NULL,
	`code` text NOT NULL,
	`serial_start` integer NOT NULL,
	`qty_milli_mu` integer NOT NULL,
	`farmland_milli_mu` integer NOT NULL,
	`land_type` text NOT NULL,
	`issued_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`county_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "lots_qty_positive" CHECK("lots"."qty_milli_mu" > 0),
	CONSTRAINT "lots_farmland_within_qty" CHECK("lots"."farmland_milli_mu" >= 0 AND "lots"."farmland_milli_mu" <= "lots"."qty_milli_mu")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lots_code_unique` ON `lots` (`code`);--> statement-breakpoint
CREATE INDEX `lots_county` ON `lots` (`county_id`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`city_id` integer,
	`national_poverty` integer DEFAULT false NOT NULL,
	`provincial_poverty` integer DEFAULT false NOT NULL,
	`deep_poverty` integer DEFAULT false NOT NULL,
	`expanded_power` integer DEFAULT false NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_kind_name` ON `organisations` (`kind`,`name`);--> statement-breakpoint
CREATE INDEX `organisations_city` ON `organisations` (`city_id`);--> statement-breakpoint
CREATE TABLE `postings` (
	`id` integer PRIMARY KEY NOT NULL,
	`entry_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	`amount` integer NOT NULL,
	FOREIGN KEY (`entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `postings_account` ON `postings` (`account_id`);--> statement-breakpoint
CREATE INDEX `postings_entry` ON `postings` (`entry_id`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` integer PRIMARY KEY NOT NULL,
	`county_id` integer NOT NULL,
	`name` text NOT NULL,
	`villages` text NOT NULL,
	`approved_at` integer NOT NULL,
	`approval_ref` text NOT NULL,
	FOREIGN KEY (`county_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `trades` (
	`id` integer PRIMARY KEY NOT NULL,
	`confirmation_no` text NOT NULL,
	`listing_id` integer NOT NULL,
	`bid_id` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`seller_id` integer NOT NULL,
	`buyer_id` integer NOT NULL,
	`status` text NOT NULL,
	`qty_milli_mu` integer NOT NULL,
	`price_fen_per_mu` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`deposit_fen` integer NOT NULL,
	`farmland_milli_mu` integer,
	`awarded_at` integer NOT NULL,
	`due_at` integer NOT NULL,
	`settled_at` integer,
	`lapsed_at` integer,
	FOREIGN KEY (`listing_id`) REFERENCES `listings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`seller_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`buyer_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "trades_positive" CHECK("trades"."qty_milli_mu" > 0 AND "trades"."amount_fen" > 0 AND "trades"."deposit_fen" <= "trades"."amount_fen")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trades_confirmation_no_unique` ON `trades` (`confirmation_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `trades_bid_id_unique` ON `trades` (`bid_id`);--> statement-breakpoint
CREATE INDEX `trades_status_due` ON `trades` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `trades_buyer` ON `trades` (`buyer_id`);--> statement-breakpoint
CREATE INDEX `trades_seller` ON `trades` (`seller_id`);--> statement-breakpoint
CREATE INDEX `trades_listing` ON `trades` (`listing_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`organisation_id` integer NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);