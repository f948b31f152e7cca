DROP INDEX `postings_account`;--> statement-breakpoint
CREATE INDEX `postings_account_entry` ON `postings` (`account_id`,`entry_id`);