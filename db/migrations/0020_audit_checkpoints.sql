CREATE TABLE `audit_checkpoints` (
	`day` text PRIMARY KEY NOT NULL,
	`audit_id` integer NOT NULL,
	`hash` text NOT NULL,
	`published_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_checkpoints_audit` ON `audit_checkpoints` (`audit_id`);