CREATE TABLE `instance` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `session_activity` (
	`session_id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sign_ins` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`username` text NOT NULL,
	`user_id` integer,
	`address` text NOT NULL,
	`outcome` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sign_ins_at` ON `sign_ins` (`at`);--> statement-breakpoint
CREATE INDEX `sign_ins_user` ON `sign_ins` (`user_id`,`at`);--> statement-breakpoint
DROP INDEX `bank_transfers_bank_ref_unique`;--> statement-breakpoint
ALTER TABLE `bank_transfers` ADD `status` text DEFAULT 'confirmed' NOT NULL;--> statement-breakpoint
ALTER TABLE `bank_transfers` ADD `decided_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `bank_transfers` ADD `decided_at` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `bank_transfers_ref` ON `bank_transfers` (`bank_ref`) WHERE "bank_transfers"."status" <> 'rejected';--> statement-breakpoint
CREATE INDEX `bank_transfers_status` ON `bank_transfers` (`status`);--> statement-breakpoint
ALTER TABLE `users` ADD `must_change_password` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `password_changed_at` integer;