// Connection use cases. A connection holds its owner's credentials (S5); one made inside a
// flow can be used in that flow only (S6).
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open.js';
import { connectionReferences, connections, connectors, environments, flows } from '../db/tables.js';
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
 * connection of their own, of the same connector.
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
    const field = ['input', 'connectionId'];
    const replacement = (await usableConnections(tx, viewer, flow, new Map([[input.connectionId, field]]))).get(input.connectionId)!;
    const [current] = await tx.select().from(connections).where(eq(connections.id, ref!.connectionId));
    assertSameConnector(current!, replacement, field);
    if (replacement.id !== current!.id) {
      const [taken] = await tx
        .select({ id: connectionReferences.id })
        .from(connectionReferences)
        .where(and(eq(connectionReferences.flowId, flow.id), eq(connectionReferences.connectionId, replacement.id)));
      if (taken) throw new DomainError('INVALID_INPUT', 'That connection is already in this flow, in another reference.', field);
      await tx.update(connectionReferences).set({ connectionId: replacement.id }).where(eq(connectionReferences.id, ref!.id));
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
