CREATE TABLE `settled_totals` (
	`month` text NOT NULL,
	`seller_id` integer NOT NULL,
	`buyer_id` integer NOT NULL,
	`trades` integer NOT NULL,
	`qty_milli_mu` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	PRIMARY KEY(`month`, `seller_id`, `buyer_id`),
	FOREIGN KEY (`seller_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`buyer_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- The trades settled before this migration, summed the same way (China time is UTC+8, no summer time).
INSERT INTO `settled_totals` (`month`, `seller_id`, `buyer_id`, `trades`, `qty_milli_mu`, `amount_fen`)
SELECT strftime('%Y-%m', `settled_at` / 1000 + 28800, 'unixepoch'), `seller_id`, `buyer_id`, count(*), sum(`qty_milli_mu`), sum(`amount_fen`)
FROM `trades` WHERE `status` = 'settled' GROUP BY 1, 2, 3;
