// The domain's enumerations, as PostgreSQL enums; the GraphQL enums are made from these.
import { pgEnum } from 'drizzle-orm/pg-core';

export const tenantCloud = pgEnum('tenant_cloud', ['COMMERCIAL', 'GCC', 'GCC_HIGH', 'DOD']);
export const userKind = pgEnum('user_kind', ['MEMBER', 'GUEST']);
export const userStatus = pgEnum('user_status', ['ACTIVE', 'DEPARTED']);
export const licenseKind = pgEnum('license_kind', ['FREE', 'PREMIUM', 'SEEDED']);
export const environmentRole = pgEnum('environment_role', ['ENVIRONMENT_ADMIN', 'ENVIRONMENT_MAKER', 'BASIC_USER']);
export const connectionStatus = pgEnum('connection_status', ['CONNECTED', 'ERROR']);
export const connectionSource = pgEnum('connection_source', ['EMBEDDED', 'INVOKER']);
export const triggerKind = pgEnum('trigger_kind', ['INSTANT', 'AUTOMATED', 'SCHEDULED']);
export const flowState = pgEnum('flow_state', ['ON', 'OFF', 'SUSPENDED']);
export const suspensionReason = pgEnum('suspension_reason', ['DLP_VIOLATION', 'NO_ACTIVE_OWNER']);
export const principalKind = pgEnum('principal_kind', ['USER', 'GROUP', 'LIST']);
export const runStatus = pgEnum('run_status', ['SUCCEEDED', 'FAILED']);
export const runFailureReason = pgEnum('run_failure_reason', [
  'CONNECTION_OWNER_DEPARTED',
  'CONNECTION_ERROR',
  'INVOKER_CONNECTION_MISSING',
  'CONNECTOR_BLOCKED',
]);
export const connectorClass = pgEnum('connector_class', ['BUSINESS', 'NON_BUSINESS', 'BLOCKED']);
export const accessLevel = pgEnum('access_level', ['NONE', 'RUN_ONLY', 'OWNER', 'ADMIN']);
export const sharingEventKind = pgEnum('sharing_event_kind', [
  'OWNER_ADDED',
  'OWNER_REMOVED',
  'RUN_ONLY_ADDED',
  'RUN_ONLY_REMOVED',
  'PRIMARY_OWNER_CHANGED',
  'COPY_RECEIVED',
  'CONNECTION_SOURCE_CHANGED',
  'FLOW_SUSPENDED',
  'FLOW_DELETED',
  'ACCESS_EXPIRED',
  'CONNECTION_NEEDS_ATTENTION',
  'FLOW_RESUMED',
]);
