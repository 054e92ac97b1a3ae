// Flow use cases: create, edit, start/stop, delete. Each is one transaction.
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../db/open.js';
import { connectionReferences, connections, environments, flowActions, flows, ownerGrants } from '../db/tables.js';
import { appendEvents, flowEvent } from '../events/log.js';
import { assertMay, type Ability } from '../policy/access.js';
import { DomainError } from '../policy/errors.js';
import { assertConnectionUsable, assertMayAuthorFlows, assertMayTurnOn, assertSettableState } from '../policy/flows.js';
import { flowWithAccess, type FlowRow, type UserRow } from './access.js';
import { hasActiveOwner } from './departures.js';
import { assertFlowMeetsDlp } from './dlp.js';
import { environmentForUser } from './environments.js';
import { description, idList, MAX_ACTIONS, name, parseInput } from './input.js';
import { ownersOf } from './principals.js';

const actionsInput = z
  .array(z.object({ name, connectionId: z.string().nullish() }))
  .max(MAX_ACTIONS, `a flow has at most ${MAX_ACTIONS} actions`)
  .superRefine((actions, ctx) => {
    const seen = new Set<string>();
    actions.forEach((a, i) => {
      if (seen.has(a.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `duplicate action name "${a.name}"` });
      seen.add(a.name);
    });
  });

const createInput = z.object({
  environmentId: z.string(),
  displayName: name,
  description: description.nullish(),
  trigger: z.enum(['INSTANT', 'AUTOMATED', 'SCHEDULED']),
  solutionAware: z.boolean().nullish(),
  actions: actionsInput,
  otherConnectionIds: idList.nullish(),
});
export type CreateFlowInput = z.input<typeof createInput>;

export async function createFlow(db: Db, viewer: UserRow, rawInput: CreateFlowInput): Promise<FlowRow> {
  const input = parseInput(createInput, rawInput);
  return db.transaction(async (tx) => insertFlow(tx, viewer, await authoringEnvironment(tx, viewer, input.environmentId), input));
}

export type NewFlow = {
  environmentId: string;
  displayName: string;
  description?: string | null;
  trigger: FlowRow['trigger'];
  solutionAware?: boolean | null;
  actions: { name: string; connectionId?: string | null }[];
  otherConnectionIds?: string[] | null;
};

/** An environment the viewer is inside (S16) and may author flows in (S15). */
export async function authoringEnvironment(tx: Tx, viewer: UserRow, environmentId: string) {
  const { environment, role } = await environmentForUser(tx, viewer, environmentId, ['input', 'environmentId']);
  assertMayAuthorFlows(role, environment.displayName);
  return environment;
}

/**
 * Inside a transaction: a new flow whose creator and primary owner is `viewer`, in an
 * environment checked by authoringEnvironment, using connections they may use (S5, S6).
 * Shared by createFlow, createFlowFromCopy and saveFlowAs.
 */
export async function insertFlow(
  tx: Tx,
  viewer: UserRow,
  environment: { id: string },
  input: Omit<NewFlow, 'environmentId'>,
): Promise<FlowRow> {
  const [flow] = await tx
    .insert(flows)
    .values({
      environmentId: environment.id,
      creatorId: viewer.id,
      primaryOwnerId: viewer.id,
      displayName: input.displayName,
      description: input.description ?? null,
      trigger: input.trigger,
      state: 'ON',
      solutionAware: input.solutionAware ?? false,
    })
    .returning();
  await tx.insert(ownerGrants).values({ flowId: flow!.id, principalKind: 'USER', userId: viewer.id, addedById: viewer.id });
  await writeDefinition(tx, viewer, flow!, { actions: input.actions, otherConnectionIds: input.otherConnectionIds ?? [] });
  return flow!;
}

const updateInput = z.object({
  flowId: z.string(),
  displayName: name.nullish(),
  description: description.nullish(),
  actions: actionsInput.nullish(),
  otherConnectionIds: idList.nullish(),
});
export type UpdateFlowInput = z.input<typeof updateInput>;

export async function updateFlow(db: Db, viewer: UserRow, rawInput: UpdateFlowInput): Promise<FlowRow> {
  const input = parseInput(updateInput, rawInput);
  return db.transaction(async (tx) => {
    const found = await lockedFlow(tx, viewer, input.flowId, 'edit');
    if (input.actions || input.otherConnectionIds) {
      await writeDefinition(tx, viewer, found.flow, {
        actions: input.actions ?? undefined,
        otherConnectionIds: input.otherConnectionIds ?? undefined,
      });
    }
    const [flow] = await tx
      .update(flows)
      .set({
        displayName: input.displayName ?? undefined,
        // An explicit null clears the description; absent leaves it.
        description: input.description === undefined ? undefined : input.description,
        modifiedAt: new Date(),
      })
      .where(eq(flows.id, found.flow.id))
      .returning();
    return flow!;
  });
}

const stateInput = z.object({ flowId: z.string(), state: z.enum(['ON', 'OFF', 'SUSPENDED']) });
export type SetFlowStateInput = z.input<typeof stateInput>;

/** Start or stop a flow: an owner's or admin's act (S3), no maker role needed. */
export async function setFlowState(db: Db, viewer: UserRow, rawInput: SetFlowStateInput): Promise<FlowRow> {
  const input = parseInput(stateInput, rawInput);
  assertSettableState(input.state, ['input', 'state']);
  const state = input.state;
  return db.transaction(async (tx) => {
    const found = await lockedFlow(tx, viewer, input.flowId, 'own', 'start or stop this flow');
    if (state === 'ON') {
      assertMayTurnOn(await hasActiveOwner(tx, found), ['input', 'flowId']);
      // Relaxing a policy never turns flows back on; turning one on checks it again (S18).
      await assertFlowMeetsDlp(tx, found.flow, ['input', 'flowId']);
    }
    const [flow] = await tx
      .update(flows)
      .set({ state, suspensionReason: null, modifiedAt: new Date() })
      .where(eq(flows.id, input.flowId))
      .returning();
    return flow!;
  });
}

export async function deleteFlow(db: Db, viewer: UserRow, input: { flowId: string }): Promise<string> {
  return db.transaction(async (tx) => {
    const { flow, access, ownerGrants } = await lockedFlow(tx, viewer, input.flowId, 'delete');
    const owners = await ownersOf(tx, flow, ownerGrants);
    // Delete first (its cascade locks the grants), then append: the log's append lock is
    // always the last lock taken (src/sharing/locks.ts), and FLOW_DELETED is the flow's last event.
    await tx.delete(flows).where(eq(flows.id, flow.id));
    await appendEvents(tx, [
      {
        event: flowEvent('FLOW_DELETED', flow, { id: viewer.id, level: access.level }),
        recipients: owners,
      },
    ]);
    return flow.id;
  });
}

// ------------------------------------------------------------------ helpers

/** The flow, locked, if the viewer may do `ability` with it (S3, S15, S22); its refusal if not. */
async function lockedFlow(tx: Tx, viewer: UserRow, flowId: string, ability: Ability, doing?: string) {
  const found = await flowWithAccess(tx, viewer, flowId, { lock: true });
  assertMay(found?.access, ability, ['input', 'flowId'], doing);
  return found!;
}

type Definition = {
  /** Replaces every action when given. */
  actions?: { name: string; connectionId?: string | null }[];
  /** When given, the references no action uses become exactly these (OTHER, S7). */
  otherConnectionIds?: string[];
};

/**
 * Writes a flow's actions and connection references, then checks them against DLP (S18). A reference is never dropped because
 * no action uses it any more: it shows as OTHER until one does again (S7), or until the
 * owner leaves it out of `otherConnectionIds`.
 */
async function writeDefinition(tx: Tx, viewer: UserRow, flow: FlowRow, def: Definition): Promise<void> {
  const existing = await tx.select().from(connectionReferences).where(eq(connectionReferences.flowId, flow.id));
  const refByConnection = new Map(existing.map((r) => [r.connectionId, r]));

  // Every connection named, with the input path that named it first.
  const named = new Map<string, string[]>();
  def.actions?.forEach((a, i) => {
    if (a.connectionId && !named.has(a.connectionId)) named.set(a.connectionId, ['input', 'actions', String(i), 'connectionId']);
  });
  def.otherConnectionIds?.forEach((id, i) => {
    if (!named.has(id)) named.set(id, ['input', 'otherConnectionIds', String(i)]);
  });
  await usableConnections(tx, viewer, flow, named, refByConnection);

  let position = existing.reduce((max, r) => Math.max(max, r.position + 1), 0);
  const fresh = [...named.keys()].filter((id) => !refByConnection.has(id));
  if (fresh.length > 0) {
    const added = await tx
      .insert(connectionReferences)
      .values(fresh.map((connectionId) => ({ flowId: flow.id, connectionId, position: position++ })))
      .returning();
    for (const r of added) refByConnection.set(r.connectionId, r);
  }

  if (def.actions) {
    await tx.delete(flowActions).where(eq(flowActions.flowId, flow.id));
    if (def.actions.length > 0) {
      await tx.insert(flowActions).values(
        def.actions.map((a, i) => ({
          flowId: flow.id,
          position: i,
          name: a.name,
          connectionReferenceId: a.connectionId ? refByConnection.get(a.connectionId)!.id : null,
        })),
      );
    }
  }
  if (def.otherConnectionIds) {
    // Keep what the actions use and what was named; drop the other unused references.
    const used = await tx.select({ id: flowActions.connectionReferenceId }).from(flowActions).where(eq(flowActions.flowId, flow.id));
    const keep = new Set([
      ...used.flatMap((u) => (u.id ? [u.id] : [])),
      ...def.otherConnectionIds.map((id) => refByConnection.get(id)!.id),
    ]);
    await tx
      .delete(connectionReferences)
      .where(and(eq(connectionReferences.flowId, flow.id), notInArray(connectionReferences.id, [...keep])));
  }
  await assertFlowMeetsDlp(tx, flow);
}

/**
 * The connections named (id → the input field naming it), each checked for use in `flow`
 * by `viewer` (S5, S6); NOT_FOUND for one that is missing or of another tenant.
 */
export async function usableConnections(
  tx: Tx,
  viewer: UserRow,
  flow: { id: string | null; environmentId: string },
  named: Map<string, string[]>,
  inFlow: ReadonlyMap<string, unknown> = new Map(),
): Promise<Map<string, typeof connections.$inferSelect>> {
  if (named.size === 0) return new Map();
  const rows = await tx
    .select({ connection: connections, tenantId: environments.tenantId })
    .from(connections)
    .innerJoin(environments, eq(environments.id, connections.environmentId))
    .where(inArray(connections.id, [...named.keys()]));
  const byId = new Map(rows.filter((r) => r.tenantId === viewer.tenantId).map((r) => [r.connection.id, r.connection]));
  for (const [id, field] of named) {
    const connection = byId.get(id);
    if (!connection) throw new DomainError('NOT_FOUND', 'No such connection.', field);
    assertConnectionUsable(
      connection,
      { actorId: viewer.id, environmentId: flow.environmentId, flowId: flow.id, alreadyInFlow: inFlow.has(id) },
      field,
    );
  }
  return byId;
}
