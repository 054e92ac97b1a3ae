// The per-request DataLoaders are src/reads/loaders.ts's. Re-exported here for the files that
// import them from this path (refs.ts, subscriptions.ts); new code imports src/reads/loaders.ts.
export {
  createLoaders,
  type ActionRow,
  type ClassificationRow,
  type ConnectionRow,
  type ConnectorRow,
  type EnvironmentRow,
  type GroupRow,
  type ListRow,
  type Loaders,
  type ReferenceRow,
  type TenantRow,
} from '../reads/loaders.js';
