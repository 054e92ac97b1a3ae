// The expiry sweeper (S19): grants whose expiresAt has passed become ACCESS_EXPIRED events.
// Access checks ignore such grants already; this tells the people concerned. A grant is
// claimed with FOR UPDATE SKIP LOCKED and marked in the same transaction as its event, so
// any number of server processes may sweep at once and each grant is reported once.
import { and, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Db, Tx } from '../db/open.js';
import { environments, flows, ownerGrants, runOnlyGrants } from '../db/tables.js';
import { appendEvents, flowEvent } from '../events/log.js';
import { grantPrincipal } from './access.js';
import { isGrantActive } from '../policy/access.js';
import { ownersOf, usersOf } from './principals.js';

type GrantTable = typeof ownerGrants | typeof runOnlyGrants;

/** Reports up to `batch` expired grants per table; returns how many it reported. */
export async function reportExpiredGrants(db: Db, now = new Date(), batch = 500): Promise<number> {
  return db.transaction(async (tx) => {
    const reported = await Promise.all([claim(tx, ownerGrants, now, batch), claim(tx, runOnlyGrants, now, batch)]);
    const all = reported.flat();
    if (all.length === 0) return 0;

    const flowsById = new Map(all.map((r) => [r.flow.id, r.flow]));
    const grants = await tx
      .select()
      .from(ownerGrants)
      .where(inArray(ownerGrants.flowId, [...flowsById.keys()]));
    const owners = new Map<string, Set<string>>();
    for (const [flowId, flow] of flowsById) {
      const live = grants.filter((g) => g.flowId === flowId && isGrantActive(g, now)).map((g) => ({ principal: grantPrincipal(g) }));
      owners.set(flowId, await ownersOf(tx, flow, live));
    }
    const events = [];
    for (const { grant, flow } of all) {
      const principal = grantPrincipal(grant);
      events.push({
        // Time did it, not a person: no actor.
        event: flowEvent('ACCESS_EXPIRED', flow, { id: null, level: 'NONE' }, { principal }),
        recipients: [...(await usersOf(tx, [principal])), ...owners.get(flow.id)!],
      });
    }
    await appendEvents(tx, events);
    return all.length;
  });
}

async function claim(tx: Tx, table: GrantTable, now: Date, batch: number) {
  const rows = await tx
    .select({
      grant: table,
      flow: {
        id: flows.id,
        tenantId: environments.tenantId,
        environmentId: flows.environmentId,
        displayName: flows.displayName,
        primaryOwnerId: flows.primaryOwnerId,
      },
    })
    .from(table)
    .innerJoin(flows, eq(flows.id, table.flowId))
    .innerJoin(environments, eq(environments.id, flows.environmentId))
    .where(and(lte(table.expiresAt, now), isNull(table.expiryReportedAt)))
    .orderBy(table.expiresAt)
    .limit(batch)
    .for('update', { of: table, skipLocked: true });
  if (rows.length > 0) {
    await tx
      .update(table)
      .set({ expiryReportedAt: now })
      .where(
        inArray(
          table.id,
          rows.map((r) => r.grant.id),
        ),
      );
  }
  return rows;
}
