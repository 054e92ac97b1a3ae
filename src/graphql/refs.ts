// The object types' references, declared once with their backing shapes, so that area
// files can point at each other's types without import cycles in TypeScript's inference.
import type { FlowAccess, AccessPath } from '../policy/access.js';
import type { FlowRow, UserRow } from '../sharing/access.js';
import { builder } from './builder.js';
import type {
  ActionRow,
  ClassificationRow,
  ConnectionRow,
  ConnectorRow,
  EnvironmentRow,
  GroupRow,
  ListRow,
  ReferenceRow,
  TenantRow,
} from '../reads/loaders.js';

export const TenantRef = builder.objectRef<TenantRow>('Tenant');
export const UserRef = builder.objectRef<UserRow>('User');
export const GroupRef = builder.objectRef<GroupRow>('Group');
export const SharePointListRef = builder.objectRef<ListRow>('SharePointList');
export const EnvironmentRef = builder.objectRef<EnvironmentRow>('Environment');
export const ConnectorRef = builder.objectRef<ConnectorRow>('Connector');
export const ClassificationRef = builder.objectRef<ClassificationRow>('ConnectorClassification');
export const ConnectionRef = builder.objectRef<ConnectionRow>('Connection');
export const ConnectionReferenceRef = builder.objectRef<ReferenceRow>('ConnectionReference');
export const FlowRef = builder.objectRef<FlowRow>('Flow');
export const FlowActionRef = builder.objectRef<ActionRow>('FlowAction');
export const FlowAccessRef = builder.objectRef<FlowAccess>('FlowAccess');
export const AccessPathRef = builder.objectRef<AccessPath>('AccessPath');
