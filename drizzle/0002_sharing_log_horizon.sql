CREATE TABLE "sharing_log_horizon" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"pruned_through" bigint NOT NULL,
	"pruned_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "sharing_log_horizon_one_row" CHECK ("sharing_log_horizon"."id" = 1)
);
