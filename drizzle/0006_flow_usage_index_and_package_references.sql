DROP INDEX "connection_references_flow_connection_uq";--> statement-breakpoint
CREATE INDEX "connection_references_flow_connection_idx" ON "connection_references" USING btree ("flow_id","connection_id");--> statement-breakpoint
CREATE INDEX "flow_runs_usage_idx" ON "flow_runs" USING btree ("flow_id","started_at","invoker_id","status");