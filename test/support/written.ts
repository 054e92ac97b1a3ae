// What a change could write, counted within a few tenants' environments. Test files share one
// PostgreSQL database and run two at a time, so a count over a whole table also sees what
// another file writes (or an expiry sweep removes) meanwhile.
import { count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../src/db/open.js';
import { environmentUsers, flows, ownerGrants, runOnlyGrants, sharingEvents } from '../../src/db/tables.js';
import type { Tenant } from './tenant.js';

export interface Written {
  owners: number;
  runOnly: number;
  environmentUsers: number;
  events: number;
}

/** Grants, environment users and sharing events in the environments of these tenants. */
export async function writtenIn(db: Db, ...tenants: Tenant[]): Promise<Written> {
  const environmentIds = tenants.flatMap((t) => [...t.rows.environments.values()]);
  const first = async (rows: Promise<{ n: number }[]>) => (await rows)[0]!.n;
  const grantsOf = (table: typeof ownerGrants | typeof runOnlyGrants) =>
    first(
      db
        .select({ n: count() })
        .from(table)
        .innerJoin(flows, eq(flows.id, table.flowId))
        .where(inArray(flows.environmentId, environmentIds)),
    );
  const [owners, runOnly, users, events] = await Promise.all([
    grantsOf(ownerGrants),
    grantsOf(runOnlyGrants),
    first(db.select({ n: count() }).from(environmentUsers).where(inArray(environmentUsers.environmentId, environmentIds))),
    first(db.select({ n: count() }).from(sharingEvents).where(inArray(sharingEvents.environmentId, environmentIds))),
  ]);
  return { owners, runOnly, environmentUsers: users, events };
}
