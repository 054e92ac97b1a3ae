ALTER TYPE "public"."sharing_event_kind" ADD VALUE 'CONNECTION_NEEDS_ATTENTION';--> statement-breakpoint
CREATE TABLE "directory_changes" (
	"position" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"occurred_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source" text NOT NULL,
	"credential" text,
	"action" text NOT NULL,
	"resource_kind" text NOT NULL,
	"resource_id" uuid,
	"detail" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scim_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"digest" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scim_tokens_digest_unique" UNIQUE("digest")
);
--> statement-breakpoint
ALTER TABLE "sharing_events" ADD COLUMN "connection_id" uuid;--> statement-breakpoint
ALTER TABLE "directory_changes" ADD CONSTRAINT "directory_changes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scim_tokens" ADD CONSTRAINT "scim_tokens_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_changes_tenant_idx" ON "directory_changes" USING btree ("tenant_id","position");