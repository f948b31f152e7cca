CREATE TABLE `setting_versions` (
	`id` integer PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`value` integer NOT NULL,
	`document_no` text NOT NULL,
	`effective_from` integer NOT NULL,
	`recorded_at` integer NOT NULL,
	`recorded_by` integer,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "setting_versions_document" CHECK(length("setting_versions"."document_no") BETWEEN 1 AND 100),
	CONSTRAINT "setting_versions_effective" CHECK("setting_versions"."effective_from" >= "setting_versions"."recorded_at")
);
--> statement-breakpoint
CREATE INDEX `setting_versions_key` ON `setting_versions` (`key`,`effective_from`);--> statement-breakpoint
-- The values set before versions, carried over as in force from the epoch, set by no recorded document.
INSERT INTO `setting_versions` (`key`, `value`, `document_no`, `effective_from`, `recorded_at`, `recorded_by`)
	SELECT `key`, `value`, '—', 0, 0, NULL FROM `settings` ORDER BY `key`;
--> statement-breakpoint
-- One source of truth: the old table, overwritten on every change, goes.
DROP TABLE `settings`;
--> statement-breakpoint
-- Versions are only ever added: a change is a new version, never an edit of a recorded one.
CREATE TRIGGER `setting_versions_no_update` BEFORE UPDATE ON `setting_versions`
BEGIN
	SELECT RAISE(ABORT, 'setting_versions are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `setting_versions_no_delete` BEFORE DELETE ON `setting_versions`
BEGIN
	SELECT RAISE(ABORT, 'setting_versions are append-only');
END;
