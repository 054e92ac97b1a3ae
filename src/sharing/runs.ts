// triggerFlow: run a flow now. Each action's connection is resolved (S9): the embedded one,
// or for a run-only runner and an INVOKER reference, one of their own. Every action that
// can't run is a RunFailure; the run is stored either way.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { connectionReferences, connections, dlpClassifications, flowActions, flowRuns, runFailures, users } from '../db/tables.js';
import { DomainError } from '../policy/errors.js';
import { actionFailure, assertMayRun, type ResolvedConnection, type RunFailureReason } from '../policy/runs.js';
import { flowWithAccess, type UserRow } from './access.js';
import { usableConnections } from './flows.js';
import { listCaps, MAX_FLOW_CONNECTIONS, parseInput } from './input.js';

export type RunRow = typeof flowRuns.$inferSelect;

const runCaps = listCaps({ invokerConnectionIds: MAX_FLOW_CONNECTIONS });

export async function triggerFlow(db: Db, viewer: UserRow, input: { flowId: string; invokerConnectionIds: string[] }): Promise<RunRow> {
  parseInput(runCaps, input);
  return db.transaction(async (tx) => {
    // KEY SHARE on the flow (after its environment's SHARE): a delete waits for this run to
    // commit, or the run waits for the delete and finds no flow (NOT_FOUND), never a run
    // whose flow is gone (S29).
    const found = await flowWithAccess(tx, viewer, input.flowId, { lock: 'key share' });
    assertMayRun(found?.access, found?.flow ?? { state: 'ON' }, ['input', 'flowId']);
    const { flow, access } = found!;
    const [refs, actions, classes] = await Promise.all([
      tx
        .select({ ref: connectionReferences, connection: connections, ownerStatus: users.status })
        .from(connectionReferences)
        .innerJoin(connections, eq(connections.id, connectionReferences.connectionId))
        .innerJoin(users, eq(users.id, connections.ownerId))
        .where(eq(connectionReferences.flowId, flow.id)),
      tx.select().from(flowActions).where(eq(flowActions.flowId, flow.id)).orderBy(flowActions.position),
      tx.select().from(dlpClassifications).where(eq(dlpClassifications.environmentId, flow.environmentId)),
    ]);
    const classOf = (connectorId: string) => classes.find((c) => c.connectorId === connectorId)?.class ?? 'NON_BUSINESS';
    const runOnly = access.level === 'RUN_ONLY';

    // A run-only runner's own connections, for the references they provide (INVOKER).
    const named = new Map(input.invokerConnectionIds.map((id, i) => [id, ['input', 'invokerConnectionIds', String(i)]]));
    const own = await usableConnections(tx, viewer, flow, named);
    const invokerConnectors = new Set(refs.filter((r) => r.ref.runOnlySource === 'INVOKER').map((r) => r.connection.connectorId));
    const byConnector = new Map<string, typeof connections.$inferSelect>();
    for (const [id, field] of named) {
      const connection = own.get(id)!;
      if (!invokerConnectors.has(connection.connectorId)) {
        throw new DomainError(
          'CONNECTOR_MISMATCH',
          `No connection of this flow is provided by the runner for "${connection.displayName}"'s connector.`,
          field,
        );
      }
      byConnector.set(connection.connectorId, connection);
    }

    const failures: { actionName: string; reason: RunFailureReason; connectionId: string | null }[] = [];
    for (const action of actions) {
      const ref = refs.find((r) => r.ref.id === action.connectionReferenceId);
      if (!ref) continue; // a built-in action needs no connection
      // Owners always run on the embedded connections (S9).
      const provided = runOnly && ref.ref.runOnlySource === 'INVOKER';
      const connection = provided ? byConnector.get(ref.connection.connectorId) : ref.connection;
      const resolved: ResolvedConnection | undefined = connection && {
        id: connection.id,
        status: connection.status,
        ownerStatus: provided ? viewer.status : ref.ownerStatus,
        connectorClass: classOf(connection.connectorId),
      };
      const reason = actionFailure(resolved);
      if (reason) failures.push({ actionName: action.name, reason, connectionId: connection?.id ?? null });
    }

    const [run] = await tx
      .insert(flowRuns)
      .values({ flowId: flow.id, invokerId: viewer.id, status: failures.length ? 'FAILED' : 'SUCCEEDED' })
      .returning();
    if (failures.length) await tx.insert(runFailures).values(failures.map((f, position) => ({ runId: run!.id, position, ...f })));
    return run!;
  });
}
