CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY NOT NULL,
	`organisation_id` integer NOT NULL,
	`kind` text NOT NULL,
	`params` text NOT NULL,
	`href` text NOT NULL,
	`key` text NOT NULL,
	`created_at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_organisation_key` ON `notifications` (`organisation_id`,`key`);--> statement-breakpoint
CREATE INDEX `notifications_organisation_id` ON `notifications` (`organisation_id`,`id`);--> statement-breakpoint
CREATE INDEX `notifications_unread` ON `notifications` (`organisation_id`) WHERE "notifications"."read_at" IS NULL;