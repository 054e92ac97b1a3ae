CREATE TABLE "directory_version" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint NOT NULL,
	CONSTRAINT "directory_version_one_row" CHECK ("directory_version"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "sharing_events" ADD COLUMN "watchers" uuid[];--> statement-breakpoint
ALTER TABLE "sharing_events" ADD COLUMN "admins" uuid[];