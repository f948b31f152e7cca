CREATE TABLE `plan_allocations` (
	`id` integer PRIMARY KEY NOT NULL,
	`county_id` integer NOT NULL,
	`year` integer NOT NULL,
	`kind` text NOT NULL,
	`qty_milli_mu` integer NOT NULL,
	`document_ref` text NOT NULL,
	`at` integer NOT NULL,
	`recorded_by` integer NOT NULL,
	FOREIGN KEY (`county_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "allocations_qty" CHECK("plan_allocations"."qty_milli_mu" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `allocations_key` ON `plan_allocations` (`county_id`,`year`,`kind`);--> statement-breakpoint
CREATE TABLE `proceeds_spendings` (
	`id` integer PRIMARY KEY NOT NULL,
	`county_id` integer NOT NULL,
	`spent_on` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`category` text NOT NULL,
	`purpose` text NOT NULL,
	`budget_ref` text NOT NULL,
	`at` integer NOT NULL,
	`recorded_by` integer NOT NULL,
	FOREIGN KEY (`county_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "spendings_amount" CHECK("proceeds_spendings"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE INDEX `spendings_county` ON `proceeds_spendings` (`county_id`);--> statement-breakpoint
CREATE TABLE `project_documents` (
	`id` integer PRIMARY KEY NOT NULL,
	`project_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`stored_name` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_at` integer NOT NULL,
	`uploaded_by` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `project_documents_stored_name_unique` ON `project_documents` (`stored_name`);--> statement-breakpoint
CREATE INDEX `documents_project` ON `project_documents` (`project_id`);--> statement-breakpoint
CREATE TABLE `project_plots` (
	`id` integer PRIMARY KEY NOT NULL,
	`project_id` integer NOT NULL,
	`code` text NOT NULL,
	`village` text NOT NULL,
	`current_use` text NOT NULL,
	`area_milli_mu` integer NOT NULL,
	`farmland_milli_mu` integer NOT NULL,
	`farmland_grade` integer,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "plots_area" CHECK("project_plots"."area_milli_mu" > 0 AND "project_plots"."farmland_milli_mu" >= 0 AND "project_plots"."farmland_milli_mu" <= "project_plots"."area_milli_mu")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plots_project_code` ON `project_plots` (`project_id`,`code`);--> statement-breakpoint
CREATE TABLE `reclamation_reports` (
	`id` integer PRIMARY KEY NOT NULL,
	`project_id` integer NOT NULL,
	`percent` integer NOT NULL,
	`note` text NOT NULL,
	`at` integer NOT NULL,
	`reported_by` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "reports_percent" CHECK("reclamation_reports"."percent" >= 0 AND "reclamation_reports"."percent" <= 100)
);
--> statement-breakpoint
CREATE INDEX `reports_project` ON `reclamation_reports` (`project_id`);--> statement-breakpoint
CREATE TABLE `rights_uses` (
	`id` integer PRIMARY KEY NOT NULL,
	`zone_id` integer NOT NULL,
	`application_name` text NOT NULL,
	`approval_ref` text NOT NULL,
	`area_milli_mu` integer NOT NULL,
	`rights` text NOT NULL,
	`at` integer NOT NULL,
	`recorded_by` integer NOT NULL,
	FOREIGN KEY (`zone_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "uses_area" CHECK("rights_uses"."area_milli_mu" > 0)
);
--> statement-breakpoint
CREATE INDEX `uses_zone` ON `rights_uses` (`zone_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_projects` (
	`id` integer PRIMARY KEY NOT NULL,
	`county_id` integer NOT NULL,
	`name` text NOT NULL,
	`villages` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`for_cross_region` integer DEFAULT true NOT NULL,
	`land_type` text DEFAULT 'ordinary' NOT NULL,
	`resettlement_milli_mu` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT 0 NOT NULL,
	`submitted_at` integer,
	`city_reviewed_at` integer,
	`returned_at` integer,
	`return_reason` text,
	`approved_at` integer,
	`approval_ref` text,
	`design_approved_at` integer,
	`design_ref` text,
	`first_traded_at` integer,
	`reclamation_accepted_at` integer,
	`acceptance_ref` text,
	FOREIGN KEY (`county_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Projects before this migration were approved ones entered by the seed (drizzle-kit's generated copy listed new columns too).
INSERT INTO `__new_projects`("id", "county_id", "name", "villages", "status", "created_at", "approved_at", "approval_ref") SELECT "id", "county_id", "name", "villages", 'approved', "approved_at", "approved_at", "approval_ref" FROM `projects`;--> statement-breakpoint
DROP TABLE `projects`;--> statement-breakpoint
ALTER TABLE `__new_projects` RENAME TO `projects`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `projects_county` ON `projects` (`county_id`);--> statement-breakpoint
CREATE INDEX `projects_status` ON `projects` (`status`);--> statement-breakpoint
ALTER TABLE `journal_entries` ADD `use_id` integer REFERENCES rights_uses(id);--> statement-breakpoint
CREATE INDEX `journal_entries_use` ON `journal_entries` (`use_id`);--> statement-breakpoint
ALTER TABLE `trades` ADD `serial_start` integer;