CREATE TABLE `county_targets` (
	`county_id` integer NOT NULL,
	`year` integer NOT NULL,
	`qty_milli_mu` integer NOT NULL,
	`set_at` integer NOT NULL,
	`set_by` integer NOT NULL,
	PRIMARY KEY(`county_id`, `year`),
	FOREIGN KEY (`county_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`set_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "targets_qty" CHECK("county_targets"."qty_milli_mu" >= 0)
);
--> statement-breakpoint
CREATE TABLE `price_guidance` (
	`id` integer PRIMARY KEY NOT NULL,
	`valid_from` integer NOT NULL,
	`valid_to` integer,
	`land_type` text,
	`reference_fen_per_mu` integer NOT NULL,
	`floor_fen_per_mu` integer NOT NULL,
	`document_ref` text NOT NULL,
	`published_at` integer NOT NULL,
	`published_by` integer NOT NULL,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "guidance_prices" CHECK("price_guidance"."floor_fen_per_mu" > 0 AND "price_guidance"."floor_fen_per_mu" <= "price_guidance"."reference_fen_per_mu"),
	CONSTRAINT "guidance_period" CHECK("price_guidance"."valid_to" IS NULL OR "price_guidance"."valid_to" > "price_guidance"."valid_from")
);
--> statement-breakpoint
CREATE INDEX `guidance_from` ON `price_guidance` (`valid_from`);--> statement-breakpoint
CREATE INDEX `trades_status_settled` ON `trades` (`status`,`settled_at`);