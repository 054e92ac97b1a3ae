CREATE TYPE "public"."access_level" AS ENUM('NONE', 'RUN_ONLY', 'OWNER', 'ADMIN');--> statement-breakpoint
CREATE TYPE "public"."connection_source" AS ENUM('EMBEDDED', 'INVOKER');--> statement-breakpoint
CREATE TYPE "public"."connection_status" AS ENUM('CONNECTED', 'ERROR');--> statement-breakpoint
CREATE TYPE "public"."connector_class" AS ENUM('BUSINESS', 'NON_BUSINESS', 'BLOCKED');--> statement-breakpoint
CREATE TYPE "public"."environment_role" AS ENUM('ENVIRONMENT_ADMIN', 'ENVIRONMENT_MAKER', 'BASIC_USER');--> statement-breakpoint
CREATE TYPE "public"."flow_state" AS ENUM('ON', 'OFF', 'SUSPENDED');--> statement-breakpoint
CREATE TYPE "public"."license_kind" AS ENUM('FREE', 'PREMIUM', 'SEEDED');--> statement-breakpoint
CREATE TYPE "public"."principal_kind" AS ENUM('USER', 'GROUP', 'LIST');--> statement-breakpoint
CREATE TYPE "public"."run_failure_reason" AS ENUM('CONNECTION_OWNER_DEPARTED', 'CONNECTION_ERROR', 'INVOKER_CONNECTION_MISSING', 'CONNECTOR_BLOCKED');--> statement-breakpoint
CREATE TYPE "public"."run_status" AS ENUM('SUCCEEDED', 'FAILED');--> statement-breakpoint
CREATE TYPE "public"."sharing_event_kind" AS ENUM('OWNER_ADDED', 'OWNER_REMOVED', 'RUN_ONLY_ADDED', 'RUN_ONLY_REMOVED', 'PRIMARY_OWNER_CHANGED', 'COPY_RECEIVED', 'CONNECTION_SOURCE_CHANGED', 'FLOW_SUSPENDED', 'FLOW_DELETED', 'ACCESS_EXPIRED');--> statement-breakpoint
CREATE TYPE "public"."suspension_reason" AS ENUM('DLP_VIOLATION', 'NO_ACTIVE_OWNER');--> statement-breakpoint
CREATE TYPE "public"."tenant_cloud" AS ENUM('COMMERCIAL', 'GCC', 'GCC_HIGH', 'DOD');--> statement-breakpoint
CREATE TYPE "public"."trigger_kind" AS ENUM('INSTANT', 'AUTOMATED', 'SCHEDULED');--> statement-breakpoint
CREATE TYPE "public"."user_kind" AS ENUM('MEMBER', 'GUEST');--> statement-breakpoint
CREATE TYPE "public"."user_status" AS ENUM('ACTIVE', 'DEPARTED');--> statement-breakpoint
CREATE TABLE "connection_references" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"flow_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"run_only_source" "connection_source" DEFAULT 'EMBEDDED' NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"environment_id" uuid NOT NULL,
	"connector_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"display_name" text NOT NULL,
	"status" "connection_status" DEFAULT 'CONNECTED' NOT NULL,
	"scoped_flow_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "connectors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text NOT NULL,
	"display_name" text NOT NULL,
	CONSTRAINT "connectors_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "dlp_classifications" (
	"environment_id" uuid NOT NULL,
	"connector_id" uuid NOT NULL,
	"class" "connector_class" NOT NULL,
	CONSTRAINT "dlp_classifications_environment_id_connector_id_pk" PRIMARY KEY("environment_id","connector_id")
);
--> statement-breakpoint
CREATE TABLE "environment_users" (
	"environment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "environment_role",
	CONSTRAINT "environment_users_environment_id_user_id_pk" PRIMARY KEY("environment_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "environments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text NOT NULL,
	"tenant_id" uuid NOT NULL,
	"display_name" text NOT NULL,
	"is_default" boolean NOT NULL,
	"security_group_id" uuid,
	CONSTRAINT "environments_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "flow_actions" (
	"flow_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"connection_reference_id" uuid,
	CONSTRAINT "flow_actions_flow_id_position_pk" PRIMARY KEY("flow_id","position")
);
--> statement-breakpoint
CREATE TABLE "flow_copies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sender_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"display_name" text NOT NULL,
	"description" text,
	"trigger" "trigger_kind" NOT NULL,
	"definition" jsonb NOT NULL,
	"sent_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"created_flow_id" uuid
);
--> statement-breakpoint
CREATE TABLE "flow_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"flow_id" uuid NOT NULL,
	"invoker_id" uuid NOT NULL,
	"status" "run_status" NOT NULL,
	"started_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "flows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"environment_id" uuid NOT NULL,
	"creator_id" uuid NOT NULL,
	"primary_owner_id" uuid NOT NULL,
	"display_name" text NOT NULL,
	"description" text,
	"trigger" "trigger_kind" NOT NULL,
	"state" "flow_state" NOT NULL,
	"suspension_reason" "suspension_reason",
	"solution_aware" boolean NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"modified_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "flows_suspension_reason_iff_suspended" CHECK (("flows"."state" = 'SUSPENDED') = ("flows"."suspension_reason" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "group_members" (
	"group_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "group_members_group_id_user_id_pk" PRIMARY KEY("group_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text NOT NULL,
	"tenant_id" uuid NOT NULL,
	"display_name" text NOT NULL,
	CONSTRAINT "groups_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "list_editors" (
	"list_id" uuid NOT NULL,
	"user_id" uuid,
	"group_id" uuid,
	CONSTRAINT "list_editors_one_principal" CHECK (num_nonnulls("list_editors"."user_id", "list_editors"."group_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "owner_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"flow_id" uuid NOT NULL,
	"principal_kind" "principal_kind" NOT NULL,
	"user_id" uuid,
	"group_id" uuid,
	"list_id" uuid,
	"added_by_id" uuid,
	"added_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone,
	CONSTRAINT "owner_grants_one_principal" CHECK (("owner_grants"."principal_kind" = 'USER' AND "owner_grants"."user_id" IS NOT NULL AND "owner_grants"."group_id" IS NULL AND "owner_grants"."list_id" IS NULL)
     OR ("owner_grants"."principal_kind" = 'GROUP' AND "owner_grants"."group_id" IS NOT NULL AND "owner_grants"."user_id" IS NULL AND "owner_grants"."list_id" IS NULL)
     OR ("owner_grants"."principal_kind" = 'LIST' AND "owner_grants"."list_id" IS NOT NULL AND "owner_grants"."user_id" IS NULL AND "owner_grants"."group_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "run_failures" (
	"run_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"action_name" text NOT NULL,
	"reason" "run_failure_reason" NOT NULL,
	"connection_id" uuid,
	CONSTRAINT "run_failures_run_id_position_pk" PRIMARY KEY("run_id","position")
);
--> statement-breakpoint
CREATE TABLE "run_only_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"flow_id" uuid NOT NULL,
	"principal_kind" "principal_kind" NOT NULL,
	"user_id" uuid,
	"group_id" uuid,
	"list_id" uuid,
	"added_by_id" uuid,
	"added_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone,
	CONSTRAINT "run_only_grants_one_principal" CHECK (("run_only_grants"."principal_kind" = 'USER' AND "run_only_grants"."user_id" IS NOT NULL AND "run_only_grants"."group_id" IS NULL AND "run_only_grants"."list_id" IS NULL)
     OR ("run_only_grants"."principal_kind" = 'GROUP' AND "run_only_grants"."group_id" IS NOT NULL AND "run_only_grants"."user_id" IS NULL AND "run_only_grants"."list_id" IS NULL)
     OR ("run_only_grants"."principal_kind" = 'LIST' AND "run_only_grants"."list_id" IS NOT NULL AND "run_only_grants"."user_id" IS NULL AND "run_only_grants"."group_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "sharepoint_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text NOT NULL,
	"tenant_id" uuid NOT NULL,
	"title" text NOT NULL,
	"site_url" text NOT NULL,
	CONSTRAINT "sharepoint_lists_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "sharing_event_recipients" (
	"user_id" uuid NOT NULL,
	"position" bigint NOT NULL,
	CONSTRAINT "sharing_event_recipients_user_id_position_pk" PRIMARY KEY("user_id","position")
);
--> statement-breakpoint
CREATE TABLE "sharing_events" (
	"position" bigserial PRIMARY KEY NOT NULL,
	"kind" "sharing_event_kind" NOT NULL,
	"occurred_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"environment_id" uuid NOT NULL,
	"flow_id" uuid NOT NULL,
	"flow_display_name" text NOT NULL,
	"actor_id" uuid,
	"actor_role" "access_level" NOT NULL,
	"principal_kind" "principal_kind",
	"principal_id" uuid,
	"copy_id" uuid
);
--> statement-breakpoint
CREATE TABLE "tenants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text NOT NULL,
	"display_name" text NOT NULL,
	"cloud" "tenant_cloud" NOT NULL,
	CONSTRAINT "tenants_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text NOT NULL,
	"tenant_id" uuid NOT NULL,
	"display_name" text NOT NULL,
	"email" text NOT NULL,
	"kind" "user_kind" NOT NULL,
	"license" "license_kind" NOT NULL,
	"status" "user_status" NOT NULL,
	CONSTRAINT "users_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
ALTER TABLE "connection_references" ADD CONSTRAINT "connection_references_flow_id_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."flows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_references" ADD CONSTRAINT "connection_references_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connections" ADD CONSTRAINT "connections_environment_id_environments_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."environments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connections" ADD CONSTRAINT "connections_connector_id_connectors_id_fk" FOREIGN KEY ("connector_id") REFERENCES "public"."connectors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connections" ADD CONSTRAINT "connections_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connections" ADD CONSTRAINT "connections_scoped_flow_id_flows_id_fk" FOREIGN KEY ("scoped_flow_id") REFERENCES "public"."flows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dlp_classifications" ADD CONSTRAINT "dlp_classifications_environment_id_environments_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."environments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dlp_classifications" ADD CONSTRAINT "dlp_classifications_connector_id_connectors_id_fk" FOREIGN KEY ("connector_id") REFERENCES "public"."connectors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "environment_users" ADD CONSTRAINT "environment_users_environment_id_environments_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."environments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "environment_users" ADD CONSTRAINT "environment_users_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "environments" ADD CONSTRAINT "environments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "environments" ADD CONSTRAINT "environments_security_group_id_groups_id_fk" FOREIGN KEY ("security_group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_actions" ADD CONSTRAINT "flow_actions_flow_id_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."flows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_actions" ADD CONSTRAINT "flow_actions_connection_reference_id_connection_references_id_fk" FOREIGN KEY ("connection_reference_id") REFERENCES "public"."connection_references"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_copies" ADD CONSTRAINT "flow_copies_sender_id_users_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_copies" ADD CONSTRAINT "flow_copies_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_copies" ADD CONSTRAINT "flow_copies_created_flow_id_flows_id_fk" FOREIGN KEY ("created_flow_id") REFERENCES "public"."flows"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_runs" ADD CONSTRAINT "flow_runs_flow_id_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."flows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_runs" ADD CONSTRAINT "flow_runs_invoker_id_users_id_fk" FOREIGN KEY ("invoker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flows" ADD CONSTRAINT "flows_environment_id_environments_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."environments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flows" ADD CONSTRAINT "flows_creator_id_users_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flows" ADD CONSTRAINT "flows_primary_owner_id_users_id_fk" FOREIGN KEY ("primary_owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_editors" ADD CONSTRAINT "list_editors_list_id_sharepoint_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."sharepoint_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_editors" ADD CONSTRAINT "list_editors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_editors" ADD CONSTRAINT "list_editors_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owner_grants" ADD CONSTRAINT "owner_grants_flow_id_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."flows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owner_grants" ADD CONSTRAINT "owner_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owner_grants" ADD CONSTRAINT "owner_grants_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owner_grants" ADD CONSTRAINT "owner_grants_list_id_sharepoint_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."sharepoint_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owner_grants" ADD CONSTRAINT "owner_grants_added_by_id_users_id_fk" FOREIGN KEY ("added_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_failures" ADD CONSTRAINT "run_failures_run_id_flow_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."flow_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_failures" ADD CONSTRAINT "run_failures_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_only_grants" ADD CONSTRAINT "run_only_grants_flow_id_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."flows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_only_grants" ADD CONSTRAINT "run_only_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_only_grants" ADD CONSTRAINT "run_only_grants_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_only_grants" ADD CONSTRAINT "run_only_grants_list_id_sharepoint_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."sharepoint_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_only_grants" ADD CONSTRAINT "run_only_grants_added_by_id_users_id_fk" FOREIGN KEY ("added_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharepoint_lists" ADD CONSTRAINT "sharepoint_lists_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_event_recipients" ADD CONSTRAINT "sharing_event_recipients_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_event_recipients" ADD CONSTRAINT "sharing_event_recipients_position_sharing_events_position_fk" FOREIGN KEY ("position") REFERENCES "public"."sharing_events"("position") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_events" ADD CONSTRAINT "sharing_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_events" ADD CONSTRAINT "sharing_events_environment_id_environments_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."environments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_events" ADD CONSTRAINT "sharing_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_events" ADD CONSTRAINT "sharing_events_copy_id_flow_copies_id_fk" FOREIGN KEY ("copy_id") REFERENCES "public"."flow_copies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "connection_references_flow_connection_uq" ON "connection_references" USING btree ("flow_id","connection_id");--> statement-breakpoint
CREATE INDEX "connection_references_connection_idx" ON "connection_references" USING btree ("connection_id");--> statement-breakpoint
CREATE INDEX "connections_owner_idx" ON "connections" USING btree ("owner_id","created_at","id");--> statement-breakpoint
CREATE INDEX "connections_scoped_flow_idx" ON "connections" USING btree ("scoped_flow_id");--> statement-breakpoint
CREATE INDEX "environment_users_user_idx" ON "environment_users" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "environments_tenant_idx" ON "environments" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "environments_one_default_uq" ON "environments" USING btree ("tenant_id") WHERE "environments"."is_default";--> statement-breakpoint
CREATE INDEX "flow_actions_reference_idx" ON "flow_actions" USING btree ("connection_reference_id");--> statement-breakpoint
CREATE INDEX "flow_copies_recipient_idx" ON "flow_copies" USING btree ("recipient_id","sent_at","id");--> statement-breakpoint
CREATE INDEX "flow_runs_flow_idx" ON "flow_runs" USING btree ("flow_id","started_at","id");--> statement-breakpoint
CREATE INDEX "flows_primary_owner_idx" ON "flows" USING btree ("primary_owner_id","created_at","id");--> statement-breakpoint
CREATE INDEX "flows_environment_idx" ON "flows" USING btree ("environment_id");--> statement-breakpoint
CREATE INDEX "group_members_user_idx" ON "group_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "groups_tenant_idx" ON "groups" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "list_editors_user_uq" ON "list_editors" USING btree ("list_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "list_editors_group_uq" ON "list_editors" USING btree ("list_id","group_id");--> statement-breakpoint
CREATE INDEX "list_editors_user_idx" ON "list_editors" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "list_editors_group_idx" ON "list_editors" USING btree ("group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "owner_grants_user_uq" ON "owner_grants" USING btree ("flow_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "owner_grants_group_uq" ON "owner_grants" USING btree ("flow_id","group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "owner_grants_list_uq" ON "owner_grants" USING btree ("flow_id","list_id");--> statement-breakpoint
CREATE INDEX "owner_grants_user_idx" ON "owner_grants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "owner_grants_group_idx" ON "owner_grants" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "owner_grants_list_idx" ON "owner_grants" USING btree ("list_id");--> statement-breakpoint
CREATE INDEX "owner_grants_expires_idx" ON "owner_grants" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "run_only_grants_user_uq" ON "run_only_grants" USING btree ("flow_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "run_only_grants_group_uq" ON "run_only_grants" USING btree ("flow_id","group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "run_only_grants_list_uq" ON "run_only_grants" USING btree ("flow_id","list_id");--> statement-breakpoint
CREATE INDEX "run_only_grants_user_idx" ON "run_only_grants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "run_only_grants_group_idx" ON "run_only_grants" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "run_only_grants_list_idx" ON "run_only_grants" USING btree ("list_id");--> statement-breakpoint
CREATE INDEX "run_only_grants_expires_idx" ON "run_only_grants" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "sharepoint_lists_tenant_idx" ON "sharepoint_lists" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "sharing_events_environment_idx" ON "sharing_events" USING btree ("environment_id","position");--> statement-breakpoint
CREATE INDEX "sharing_events_flow_idx" ON "sharing_events" USING btree ("flow_id","position");--> statement-breakpoint
CREATE INDEX "sharing_events_occurred_idx" ON "sharing_events" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "users_tenant_idx" ON "users" USING btree ("tenant_id");