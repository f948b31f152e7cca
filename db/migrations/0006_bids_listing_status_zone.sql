DROP INDEX `bids_listing_status`;--> statement-breakpoint
CREATE INDEX `bids_listing_status_zone` ON `bids` (`listing_id`,`status`,`zone_id`);