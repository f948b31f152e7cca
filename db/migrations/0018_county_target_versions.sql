CREATE TABLE `county_target_versions` (
	`id` integer PRIMARY KEY NOT NULL,
	`county_id` integer NOT NULL,
	`year` integer NOT NULL,
	`qty_milli_mu` integer NOT NULL,
	`document_ref` text NOT NULL,
	`set_at` integer NOT NULL,
	`set_by` integer,
	FOREIGN KEY (`county_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`set_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "target_versions_qty" CHECK("county_target_versions"."qty_milli_mu" >= 0)
);
--> statement-breakpoint
CREATE INDEX `county_target_versions_year` ON `county_target_versions` (`year`,`county_id`,`set_at`);--> statement-breakpoint
ALTER TABLE `county_targets` ADD `document_ref` text DEFAULT '—' NOT NULL;--> statement-breakpoint
-- The targets set so far become the first versions, with no document recorded.
INSERT INTO `county_target_versions` (`county_id`, `year`, `qty_milli_mu`, `document_ref`, `set_at`, `set_by`) SELECT `county_id`, `year`, `qty_milli_mu`, '—', `set_at`, `set_by` FROM `county_targets`;
