// Environments and connectors as lists: a tenant's environments, and the connectors a
// connection can be made for.
import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { connectors, environments } from '../db/tables.js';

/** The tenant's environments, the default one first, then by name. */
export function environmentsOfTenant(db: Db, tenantId: string) {
  return db
    .select()
    .from(environments)
    .where(eq(environments.tenantId, tenantId))
    .orderBy(desc(environments.isDefault), asc(environments.displayName));
}

/** Every connector, by name: connectors are not a tenant's. */
export function connectorsByName(db: Db) {
  return db.select().from(connectors).orderBy(asc(connectors.displayName));
}
