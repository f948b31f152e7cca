PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_journal_entries` (
	`id` integer PRIMARY KEY NOT NULL,
	`idempotency_key` text NOT NULL,
	`reason` text NOT NULL,
	`memo` text DEFAULT '' NOT NULL,
	`trade_id` integer,
	`listing_id` integer,
	`use_id` integer,
	`actor_user_id` integer,
	`at` integer NOT NULL,
	FOREIGN KEY (`trade_id`) REFERENCES `trades`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`listing_id`) REFERENCES `listings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`use_id`) REFERENCES `rights_uses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "journal_entries_reason" CHECK("__new_journal_entries"."reason" IN ('funds_received', 'lot_issued', 'plan_allocated', 'listing_created', 'listing_changed', 'listing_withdrawn', 'listing_rejected', 'listing_closed', 'deposit_frozen', 'deposit_released_lost', 'deposit_released_declined', 'deposit_released_superseded', 'deposit_released_withdrawn', 'award', 'award_lapsed', 'settlement', 'rights_used', 'proceeds_spent', 'holdback_released', 'holdback_forfeited'))
);
--> statement-breakpoint
INSERT INTO `__new_journal_entries`("id", "idempotency_key", "reason", "memo", "trade_id", "listing_id", "use_id", "actor_user_id", "at") SELECT "id", "idempotency_key", "reason", "memo", "trade_id", "listing_id", "use_id", "actor_user_id", "at" FROM `journal_entries`;--> statement-breakpoint
DROP TABLE `journal_entries`;--> statement-breakpoint
ALTER TABLE `__new_journal_entries` RENAME TO `journal_entries`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `journal_entries_idempotency_key_unique` ON `journal_entries` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `journal_entries_trade` ON `journal_entries` (`trade_id`);--> statement-breakpoint
CREATE INDEX `journal_entries_use` ON `journal_entries` (`use_id`);