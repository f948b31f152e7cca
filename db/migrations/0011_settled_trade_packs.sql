CREATE TABLE `settled_trade_packs` (
	`month` text NOT NULL,
	`seller_id` integer NOT NULL,
	`buyer_id` integer NOT NULL,
	`pack` integer NOT NULL,
	`ms_into_month` blob NOT NULL,
	`price_fen_per_mu` blob NOT NULL,
	`qty_milli_mu` blob NOT NULL,
	PRIMARY KEY(`month`, `seller_id`, `buyer_id`, `pack`),
	FOREIGN KEY (`seller_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`buyer_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- The trades settled before this migration, packed as a settlement packs them (server/data/stats.ts):
-- numbered from 0 per month (China time, UTC+8), county and zone in the order they settled, 256 to a
-- pack, ordered within it by price, then time; each value a little-endian uint32 written as hex bytes.
INSERT INTO `settled_trade_packs` (`month`, `seller_id`, `buyer_id`, `pack`, `ms_into_month`, `price_fen_per_mu`, `qty_milli_mu`)
SELECT `month`, `seller_id`, `buyer_id`, `k` / 256,
	unhex(group_concat(printf('%02x%02x%02x%02x', `ms` & 255, (`ms` >> 8) & 255, (`ms` >> 16) & 255, (`ms` >> 24) & 255), '' ORDER BY `price`, `ms`, `k`)),
	unhex(group_concat(printf('%02x%02x%02x%02x', `price` & 255, (`price` >> 8) & 255, (`price` >> 16) & 255, (`price` >> 24) & 255), '' ORDER BY `price`, `ms`, `k`)),
	unhex(group_concat(printf('%02x%02x%02x%02x', `qty` & 255, (`qty` >> 8) & 255, (`qty` >> 16) & 255, (`qty` >> 24) & 255), '' ORDER BY `price`, `ms`, `k`))
FROM (
	SELECT `month`, `seller_id`, `buyer_id`, `price_fen_per_mu` AS `price`, `qty_milli_mu` AS `qty`,
		`settled_at` - (strftime('%s', `month` || '-01') - 28800) * 1000 AS `ms`,
		row_number() OVER (PARTITION BY `month`, `seller_id`, `buyer_id` ORDER BY `settled_at`, `id`) - 1 AS `k`
	FROM (SELECT strftime('%Y-%m', `settled_at` / 1000 + 28800, 'unixepoch') AS `month`, * FROM `trades` WHERE `status` = 'settled')
)
GROUP BY `month`, `seller_id`, `buyer_id`, `k` / 256;
--> statement-breakpoint
-- The dashboards no longer read the settled trades themselves: their covering index only cost each award and settlement.
DROP INDEX IF EXISTS `trades_status_settled`;
