CREATE TABLE `zone_demands` (
	`id` integer PRIMARY KEY NOT NULL,
	`zone_id` integer NOT NULL,
	`year` integer NOT NULL,
	`revision` integer NOT NULL,
	`area_milli_mu` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`declared_at` integer NOT NULL,
	`declared_by` integer NOT NULL,
	FOREIGN KEY (`zone_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`declared_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "zone_demands_area" CHECK("zone_demands"."area_milli_mu" >= 0),
	CONSTRAINT "zone_demands_revision" CHECK("zone_demands"."revision" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `zone_demands_zone_year_revision` ON `zone_demands` (`zone_id`,`year`,`revision`);--> statement-breakpoint
CREATE INDEX `zone_demands_year` ON `zone_demands` (`year`,`zone_id`,`revision`);