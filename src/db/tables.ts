// The whole domain as drizzle tables, one file per area under tables/. drizzle-kit reads
// this file (drizzle.config.ts) and generates drizzle/ from it.
// Ids are UUIDs made by the database; directory objects also keep the directory's own id
// (`external_id`), which is what the JWT `sub` and the directory file speak.
export * from './tables/enums.js';
export * from './tables/directory.js';
export * from './tables/flows.js';
export * from './tables/governance.js';
export * from './tables/log.js';
export * from './tables/provisioning.js';
