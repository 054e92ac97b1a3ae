// replaceConnectionEverywhere (S25, S5): point every connection reference that uses one
// connection at another of the viewer's, of the same connector, in every flow the viewer owns
// or, for an admin of the connection's environment, every flow of that environment. Each
// reference is changed by replaceFlowConnection, the single-flow "Modify a connection", with
// its rules (S5, S6, S15), inside this call's one transaction.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/open.js';
import { connectionReferences, connections, environments, flows } from '../../db/tables.js';
import { assertDifferent, coversFlow } from '../../policy/bulk.js';
import { DomainError } from '../../policy/errors.js';
import { assertConnectionUsable, assertSameConnector } from '../../policy/flows.js';
import { decideAccess, loadEnvironmentRoles, loadFlowFacts, loadMemberships, type FlowRow, type UserRow } from '../access.js';
import { replaceFlowConnection } from '../connections.js';
import { boundAndLock, bulkTransaction, flowsShown, forFlow, type BulkOptions } from './shared.js';

export type ReplaceConnectionEverywhereResult = { flows: FlowRow[]; dryRun: boolean; lastPosition: number | null };

const FIELDS = { old: ['input', 'connectionId'], new: ['input', 'newConnectionId'] };

export async function replaceConnectionEverywhere(
  db: Db,
  viewer: UserRow,
  input: { connectionId: string; newConnectionId: string },
  options: BulkOptions,
): Promise<ReplaceConnectionEverywhereResult> {
  assertDifferent(input.connectionId, input.newConnectionId, 'connectionId and newConnectionId are the same connection', FIELDS.new);
  return bulkTransaction(db, options, async (tx) => {
    const [current, replacement] = await Promise.all([
      connectionOfTenant(tx, viewer, input.connectionId),
      connectionOfTenant(tx, viewer, input.newConnectionId),
    ]);
    const role = current ? ((await loadEnvironmentRoles(tx, viewer.id, [current.environmentId])).get(current.environmentId) ?? null) : null;
    const isAdmin = role === 'ENVIRONMENT_ADMIN';

    // The flows using it that this call covers, decided by the one access rule (policy/access.ts).
    const using = current
      ? await tx
          .selectDistinct({ id: flows.id, environmentId: flows.environmentId })
          .from(connectionReferences)
          .innerJoin(flows, eq(flows.id, connectionReferences.flowId))
          // Flows of the connection's environment only: the viewer's role there decides each one.
          .where(and(eq(connectionReferences.connectionId, current.id), eq(flows.environmentId, current.environmentId)))
      : [];
    const [facts, memberships] = await Promise.all([
      loadFlowFacts(
        tx,
        using.map((f) => f.id),
      ),
      loadMemberships(tx, viewer.id),
    ]);
    const now = new Date();
    const covered = using.filter((f) => {
      const found = facts.get(f.id);
      return found !== undefined && coversFlow(isAdmin, decideAccess(viewer, memberships, found, role, now).level);
    });
    // S24: a connection the viewer neither owns, administers nor uses in a flow of theirs is not disclosed.
    if (!current || (covered.length === 0 && !isAdmin && current.ownerId !== viewer.id)) {
      throw new DomainError('NOT_FOUND', 'No such connection.', FIELDS.old);
    }
    if (!replacement) throw new DomainError('NOT_FOUND', 'No such connection.', FIELDS.new);
    // S5: the new connection is the viewer's own, in the same environment, of the same connector.
    // A connection made inside a flow (S6) is checked against each flow by replaceFlowConnection.
    assertConnectionUsable(
      replacement,
      { actorId: viewer.id, environmentId: current.environmentId, flowId: replacement.scopedFlowId, alreadyInFlow: false },
      FIELDS.new,
    );
    assertSameConnector(current, replacement, FIELDS.new);

    const locked = await boundAndLock(tx, covered, options, FIELDS.old);
    // Read under the locks: the references as they are now.
    const references = await tx
      .select({ id: connectionReferences.id, flowId: connectionReferences.flowId })
      .from(connectionReferences)
      .where(and(eq(connectionReferences.connectionId, current.id), inArray(connectionReferences.flowId, [...locked])))
      .orderBy(asc(connectionReferences.flowId), asc(connectionReferences.position), asc(connectionReferences.id));
    const changed = new Set<string>();
    for (const reference of references) {
      const { flow } = facts.get(reference.flowId)!;
      changed.add(flow.id);
      await forFlow(flow, options, () => replaceFlowConnection(tx, viewer, { referenceId: reference.id, connectionId: replacement.id }));
    }
    return { flows: await flowsShown(tx, changed, options, (id) => facts.get(id)!.flow), dryRun: options.dryRun };
  });
}

/** A connection of the viewer's tenant (S20), or undefined. */
async function connectionOfTenant(tx: Tx, viewer: UserRow, id: string) {
  const [row] = await tx
    .select({ connection: connections })
    .from(connections)
    .innerJoin(environments, eq(environments.id, connections.environmentId))
    .where(and(eq(connections.id, id), eq(environments.tenantId, viewer.tenantId)));
  return row?.connection;
}
