CREATE TABLE `client_requests` (
	`organisation_id` integer NOT NULL,
	`request_id` text NOT NULL,
	`kind` text NOT NULL,
	`answer` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`organisation_id`, `request_id`),
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
