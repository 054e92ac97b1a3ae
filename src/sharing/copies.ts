// Copies (S12): sendFlowCopy, createFlowFromCopy, and saveFlowAs for one's own use.
// A copy is a snapshot with no link back to its source: nothing can revoke or change it.
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../db/open.js';
import { connectionReferences, connections, connectors, flowActions, flowCopies } from '../db/tables.js';
import { appendEvents, flowEvent } from '../events/log.js';
import { assertIndividualUser, matchConnectors } from '../policy/copies.js';
import { DomainError } from '../policy/errors.js';
import { assertMay } from '../policy/access.js';
import { assertCanEdit } from '../policy/flows.js';
import { assertGrantable } from '../policy/owners.js';
import { flowWithAccess, type FlowRow, type UserRow } from './access.js';
import { authoringEnvironment, insertFlow, usableConnections } from './flows.js';
import {
  description as descriptionInput,
  listCaps,
  listOf,
  MAX_FLOW_CONNECTIONS,
  MAX_IDS,
  name as nameInput,
  parseInput,
} from './input.js';
import { loadPrincipals, type PrincipalInput } from './grants.js';

export type CopyRow = typeof flowCopies.$inferSelect;
/** What a copy keeps of its source: the actions and the connector each one needs. */
export type CopyDefinition = {
  actions: { name: string; connectorId: string | null }[];
  /** Every connector the flow's connections were for, actions' or not, in order. */
  connectorIds: string[];
};

export function copyDefinition(copy: CopyRow): CopyDefinition {
  return copy.definition as CopyDefinition;
}

const sendInput = z.object({
  recipientIds: listOf(z.unknown(), MAX_IDS).min(1, 'send a copy to at least one user'),
  displayName: nameInput.nullish(),
  description: descriptionInput.nullish(),
});

export async function sendFlowCopy(
  db: Db,
  viewer: UserRow,
  input: { flowId: string; recipients: PrincipalInput[]; displayName?: string | null; description?: string | null },
): Promise<{ copies: CopyRow[]; lastPosition: number | null }> {
  const { displayName, description } = parseInput(sendInput, { ...input, recipientIds: input.recipients });
  return db.transaction(async (tx) => {
    // The flow's row FOR SHARE while its actions are read and the copies and their events
    // written: a copy is taken wholly before a delete or edit, or after it (a deleted flow is
    // NOT_FOUND), never an empty snapshot nor an event after FLOW_DELETED (S29).
    const found = await flowWithAccess(tx, viewer, input.flowId, { lock: 'share' });
    assertMay(found?.access, 'share', ['input', 'flowId'], 'send copies of this flow');
    const principals = await loadPrincipals(tx, input.recipients);
    const recipients = new Map<string, PrincipalInput>(); // the same user twice gets one copy
    for (const r of input.recipients) {
      assertIndividualUser(r.kind, r.field);
      const facts = principals.get(`USER:${r.id}`);
      if (!facts) throw new DomainError('NOT_FOUND', 'No such user.', r.field);
      assertGrantable(facts, viewer, r.field);
      recipients.set(r.id, r);
    }
    const { flow } = found!;
    const definition = await snapshot(tx, flow.id);
    const copies = await tx
      .insert(flowCopies)
      .values(
        [...recipients.keys()].map((recipientId) => ({
          senderId: viewer.id,
          recipientId,
          displayName: displayName ?? flow.displayName,
          description: description === undefined ? flow.description : description,
          trigger: flow.trigger,
          definition,
        })),
      )
      .returning();
    const lastPosition = await appendEvents(
      tx,
      copies.map((copy) => ({
        event: flowEvent(
          'COPY_RECEIVED',
          flow,
          { id: viewer.id, level: found!.access.level },
          {
            principal: { kind: 'USER', id: copy.recipientId },
            copyId: copy.id,
          },
        ),
        recipients: [copy.recipientId],
      })),
    );
    return { copies, lastPosition };
  });
}

async function snapshot(tx: Tx, flowId: string): Promise<CopyDefinition> {
  const [refs, actions] = await Promise.all([
    tx
      .select({ id: connectionReferences.id, connectorId: connections.connectorId })
      .from(connectionReferences)
      .innerJoin(connections, eq(connections.id, connectionReferences.connectionId))
      .where(eq(connectionReferences.flowId, flowId))
      .orderBy(connectionReferences.position),
    tx.select().from(flowActions).where(eq(flowActions.flowId, flowId)).orderBy(flowActions.position),
  ]);
  const connectorOf = new Map(refs.map((r) => [r.id, r.connectorId]));
  return {
    actions: actions.map((a) => ({
      name: a.name,
      connectorId: a.connectionReferenceId ? connectorOf.get(a.connectionReferenceId)! : null,
    })),
    connectorIds: [...new Set(refs.map((r) => r.connectorId))],
  };
}

const fromCopyCaps = listCaps({ connectionIds: MAX_FLOW_CONNECTIONS });

/** The recipient makes a flow of their own from a copy, with their own connections. */
export async function createFlowFromCopy(
  db: Db,
  viewer: UserRow,
  input: { copyId: string; environmentId: string; connectionIds: string[] },
): Promise<FlowRow> {
  parseInput(fromCopyCaps, input);
  return db.transaction(async (tx) => {
    const [copy] = await tx.select().from(flowCopies).where(eq(flowCopies.id, input.copyId)).for('update');
    if (!copy || copy.recipientId !== viewer.id) throw new DomainError('NOT_FOUND', 'No such copy.', ['input', 'copyId']);
    if (copy.createdFlowId) {
      throw new DomainError('CONFLICT', 'A flow was already created from this copy.', ['input', 'copyId']);
    }
    // The environment first, so that a wrong one is named as such, not as a connection fault.
    const environment = await authoringEnvironment(tx, viewer, input.environmentId);
    const definition = copyDefinition(copy);
    const named = new Map(input.connectionIds.map((id, i) => [id, ['input', 'connectionIds', String(i)]]));
    const supplied = await usableConnections(tx, viewer, { id: null, environmentId: input.environmentId }, named);
    const needed = definition.connectorIds.length
      ? await tx
          .select({ id: connectors.id, name: connectors.displayName })
          .from(connectors)
          .where(inArray(connectors.id, definition.connectorIds))
      : [];
    const connectionFor = matchConnectors(
      needed,
      // In the order given, so that a fault names the later of two connections.
      [...named].map(([id, field]) => ({ id, connectorId: supplied.get(id)!.connectorId, field })),
    );
    const flow = await insertFlow(tx, viewer, environment, {
      displayName: copy.displayName,
      description: copy.description,
      trigger: copy.trigger,
      actions: definition.actions.map((a) => ({ name: a.name, connectionId: a.connectorId ? connectionFor.get(a.connectorId)! : null })),
      otherConnectionIds: [...connectionFor.values()],
    });
    await tx.update(flowCopies).set({ createdFlowId: flow.id }).where(eq(flowCopies.id, copy.id));
    return flow;
  });
}

/**
 * An owner saves a flow as a new flow of their own, in the same environment. Actions keep
 * the connections the owner holds; the others lose theirs (someone else's credentials
 * don't travel), like a copy.
 */
export async function saveFlowAs(db: Db, viewer: UserRow, input: { flowId: string; displayName: string }): Promise<FlowRow> {
  const { displayName } = parseInput(z.object({ displayName: nameInput }), { displayName: input.displayName });
  return db.transaction(async (tx) => {
    const found = await flowWithAccess(tx, viewer, input.flowId);
    assertCanEdit(found?.access, ['input', 'flowId'], 'save this flow as another');
    const { flow } = found!;
    const environment = await authoringEnvironment(tx, viewer, flow.environmentId);
    const [refs, actions] = await Promise.all([
      tx
        .select({
          id: connectionReferences.id,
          connectionId: connections.id,
          ownerId: connections.ownerId,
          scopedFlowId: connections.scopedFlowId,
        })
        .from(connectionReferences)
        .innerJoin(connections, eq(connections.id, connectionReferences.connectionId))
        .where(eq(connectionReferences.flowId, flow.id))
        .orderBy(connectionReferences.position),
      tx.select().from(flowActions).where(eq(flowActions.flowId, flow.id)).orderBy(flowActions.position),
    ]);
    // Connections made inside the source flow stay with it (S6).
    const mine = new Map(refs.filter((r) => r.ownerId === viewer.id && r.scopedFlowId === null).map((r) => [r.id, r.connectionId]));
    return insertFlow(tx, viewer, environment, {
      displayName,
      description: flow.description,
      trigger: flow.trigger,
      solutionAware: flow.solutionAware,
      actions: actions.map((a) => ({
        name: a.name,
        connectionId: a.connectionReferenceId ? (mine.get(a.connectionReferenceId) ?? null) : null,
      })),
      otherConnectionIds: [...new Set(mine.values())],
    });
  });
}
