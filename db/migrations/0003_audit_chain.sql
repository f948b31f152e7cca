ALTER TABLE `audit_log` ADD `hash` text;--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_unsealed` ON `audit_log` (`id`) WHERE "audit_log"."hash" IS NULL;