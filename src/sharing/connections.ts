// Connection use cases. A connection holds its owner's credentials (S5); one made inside a
// flow can be used in that flow only (S6).
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open.js';
import { connectionReferences, connections, connectors, environments, flowActions, flows } from '../db/tables.js';
import { DomainError } from '../policy/errors.js';
import { assertCanEdit, assertMayAuthorFlows, assertOwnsConnection, assertSameConnector } from '../policy/flows.js';
import { flowWithAccess, type FlowRow, type UserRow } from './access.js';
import { environmentForUser } from './environments.js';
import { usableConnections } from './flows.js';
import { name, parseInput } from './input.js';

const createInput = z.object({
  environmentId: z.string(),
  connectorId: z.string(),
  displayName: name,
  flowId: z.string().nullish(),
});
export type CreateConnectionInput = z.input<typeof createInput>;
export type ConnectionRow = typeof connections.$inferSelect;

export async function createConnection(db: Db, viewer: UserRow, rawInput: CreateConnectionInput): Promise<ConnectionRow> {
  const input = parseInput(createInput, rawInput);
  return db.transaction(async (tx) => {
    const { environment } = await environmentForUser(tx, viewer, input.environmentId, ['input', 'environmentId']);
    const [connector] = await tx.select().from(connectors).where(eq(connectors.id, input.connectorId));
    if (!connector) throw new DomainError('NOT_FOUND', 'No such connector.', ['input', 'connectorId']);
    if (input.flowId) {
      const found = await flowWithAccess(tx, viewer, input.flowId);
      assertCanEdit(found?.access, ['input', 'flowId'], 'add connections to this flow');
      if (found!.flow.environmentId !== environment.id) {
        throw new DomainError('INVALID_INPUT', 'The flow is in another environment.', ['input', 'flowId']);
      }
    }
    const [connection] = await tx
      .insert(connections)
      .values({
        environmentId: environment.id,
        connectorId: connector.id,
        ownerId: viewer.id,
        displayName: input.displayName,
        scopedFlowId: input.flowId ?? null,
      })
      .returning();
    return connection!;
  });
}

/**
 * Modify a connection (S5): an owner points one of the flow's connection references at a
 * connection of their own, of the same connector, or at one the flow already holds in another
 * reference, which merges the two.
 */
export async function replaceFlowConnection(
  db: Db,
  viewer: UserRow,
  input: { referenceId: string; connectionId: string },
): Promise<FlowRow> {
  return db.transaction(async (tx) => {
    const [ref] = await tx.select().from(connectionReferences).where(eq(connectionReferences.id, input.referenceId));
    const found = ref ? await flowWithAccess(tx, viewer, ref.flowId, { lock: true }) : null;
    assertCanEdit(found?.access, ['input', 'connectionReferenceId'], "change this flow's connections");
    const { flow } = found!;
    assertMayAuthorFlows(found!.role, flow.environmentName);
    // Read again under the flow's lock: a change that committed meanwhile may have merged it away.
    const references = await tx.select().from(connectionReferences).where(eq(connectionReferences.flowId, flow.id));
    const reference = references.find((r) => r.id === ref!.id);
    if (!reference) throw new DomainError('NOT_FOUND', 'No such connection reference.', ['input', 'connectionReferenceId']);
    const field = ['input', 'connectionId'];
    // A connection the flow holds already stays usable by any owner (S5), as on updateFlow.
    const inFlow = new Map(references.map((r) => [r.connectionId, r]));
    const replacement = (await usableConnections(tx, viewer, flow, new Map([[input.connectionId, field]]), inFlow)).get(
      input.connectionId,
    )!;
    const [current] = await tx.select().from(connections).where(eq(connections.id, reference.connectionId));
    assertSameConnector(current!, replacement, field);
    const taken = replacement.id === current!.id ? undefined : inFlow.get(replacement.id);
    if (taken) {
      // "If you have a connection already, select it": the two references become one. The
      // replaced reference's actions use the chosen one (which keeps its run-only source), and
      // the replaced reference goes away.
      await tx
        .update(flowActions)
        .set({ connectionReferenceId: taken.id })
        .where(and(eq(flowActions.flowId, flow.id), eq(flowActions.connectionReferenceId, reference.id)));
      await tx.delete(connectionReferences).where(eq(connectionReferences.id, reference.id));
    } else if (replacement.id !== current!.id) {
      await tx.update(connectionReferences).set({ connectionId: replacement.id }).where(eq(connectionReferences.id, reference.id));
    }
    const [updated] = await tx.update(flows).set({ modifiedAt: new Date() }).where(eq(flows.id, flow.id)).returning();
    return updated!;
  });
}

/** Re-enter a connection's credentials (S5): its owner only. An ERROR connection is CONNECTED again. */
export async function updateConnectionCredentials(db: Db, viewer: UserRow, input: { connectionId: string }): Promise<ConnectionRow> {
  return db.transaction(async (tx) => {
    const field = ['input', 'connectionId'];
    const [row] = await tx
      .select({ connection: connections, tenantId: environments.tenantId })
      .from(connections)
      .innerJoin(environments, eq(environments.id, connections.environmentId))
      .where(eq(connections.id, input.connectionId));
    if (!row || row.tenantId !== viewer.tenantId) throw new DomainError('NOT_FOUND', 'No such connection.', field);
    assertOwnsConnection(row.connection, viewer.id, field);
    const [updated] = await tx.update(connections).set({ status: 'CONNECTED' }).where(eq(connections.id, row.connection.id)).returning();
    return updated!;
  });
}
