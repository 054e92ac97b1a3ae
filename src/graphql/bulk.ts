// Bulk mutations (S25): reassignFlows, removePrincipalFromFlows, replaceConnectionEverywhere.
// Each is one transaction of src/sharing/bulk/ over the single-flow use cases; `dryRun` runs
// the same call and rolls it back. A refusal of one flow refuses the call, with `field`
// ["input", "flows", "<that flow's global id>"]; a call over FLOWSHARE_MAX_BULK_FLOWS is
// INVALID_INPUT with the count, naming the input that selects the flows.
import { cursorAfter } from '../events/cursor.js';
import type { BulkOptions } from '../sharing/bulk/shared.js';
import { reassignFlows } from '../sharing/bulk/reassign.js';
import { removePrincipalFromFlows } from '../sharing/bulk/remove-principal.js';
import { replaceConnectionEverywhere } from '../sharing/bulk/replace-connection.js';
import { builder } from './builder.js';
import type { Context } from './context.js';
import { listCost } from './cost.js';
import { attempt, resultUnion } from './errors.js';
import { globalId, idOf, principalOf } from './ids.js';
import { ConnectionRef, FlowRef } from './refs.js';

const options = (ctx: Context, dryRun: boolean | null | undefined): BulkOptions => ({
  dryRun: dryRun ?? false,
  maxFlows: ctx.maxBulkFlows,
  flowField: (flowId) => ['input', 'flows', globalId('Flow', flowId)],
});

/** A list of flows (or of their connections) one call returns: at most the bound's worth, for the cost limit. */
const bounded = (_args: unknown, ctx: Context) => listCost(ctx.maxBulkFlows);

const eventCursor = {
  nullable: true,
  description: 'The sharing log position after this change; null when nothing changed or for a dry run.',
} as const;

// ------------------------------------------------------------------ reassignFlows

const ReassignFlowsInput = builder.inputType('ReassignFlowsInput', {
  description: `Environment admins: hand over a user's flows (typically someone who left) to
another user, in one transaction. Every flow of the environment where fromUser
holds a direct owner grant or is primary owner gets toUser as co-owner; for
solution-aware flows fromUser was primary owner of, toUser becomes primary
owner. Flows suspended for NO_ACTIVE_OWNER that now have one become OFF
(FLOW_RESUMED). fromUser's grants stay unless removeFromUser is set.`,
  fields: (t) => ({
    environmentId: t.id({ required: true }),
    fromUserId: t.id({ required: true }),
    toUserId: t.id({ required: true }),
    removeFromUser: t.boolean(),
    dryRun: t.boolean({ description: 'Describe what would change; write nothing.' }),
  }),
});

const ReassignFlowsSuccess = builder.objectRef<Awaited<ReturnType<typeof reassignFlows>>>('ReassignFlowsSuccess').implement({
  fields: (t) => ({
    flows: t.field({ type: [FlowRef], complexity: bounded, resolve: (r) => r.flows }),
    resumedFlows: t.field({
      type: [FlowRef],
      description: 'Flows no longer suspended.',
      complexity: bounded,
      resolve: (r) => r.resumedFlows,
    }),
    connectionsNeedingAttention: t.field({
      type: [ConnectionRef],
      description: 'Connections of fromUser that these flows use: their owner should replace them.',
      complexity: bounded,
      resolve: (r) => r.connectionsNeedingAttention,
    }),
    dryRun: t.exposeBoolean('dryRun'),
    eventCursor: t.string({ ...eventCursor, resolve: (r) => cursorAfter(r.lastPosition) }),
  }),
});

// ------------------------------------------------------------------ removePrincipalFromFlows

const RemovePrincipalFromFlowsInput = builder.inputType('RemovePrincipalFromFlowsInput', {
  description: 'Environment admins: remove a user, group or list from every flow of the environment (owner and run-only grants).',
  fields: (t) => ({
    environmentId: t.id({ required: true }),
    principalId: t.id({ required: true }),
    dryRun: t.boolean(),
  }),
});

const RemovePrincipalFromFlowsSuccess = builder
  .objectRef<Awaited<ReturnType<typeof removePrincipalFromFlows>>>('RemovePrincipalFromFlowsSuccess')
  .implement({
    fields: (t) => ({
      flows: t.field({
        type: [FlowRef],
        description: 'Flows the principal was (or would be) removed from.',
        complexity: bounded,
        resolve: (r) => r.flows,
      }),
      skippedFlows: t.field({
        type: [FlowRef],
        description: "Flows the principal is primary owner of: left as they are (the primary owner can't be removed).",
        complexity: bounded,
        resolve: (r) => r.skippedFlows,
      }),
      connectionsNeedingAttention: t.field({ type: [ConnectionRef], complexity: bounded, resolve: (r) => r.connectionsNeedingAttention }),
      dryRun: t.exposeBoolean('dryRun'),
      eventCursor: t.string({ ...eventCursor, resolve: (r) => cursorAfter(r.lastPosition) }),
    }),
  });

// ------------------------------------------------------------------ replaceConnectionEverywhere

const ReplaceConnectionEverywhereInput = builder.inputType('ReplaceConnectionEverywhereInput', {
  description: `Point every connection reference that uses one connection at another (same
connector, owned by the viewer), in every flow the viewer owns, or, for
environment admins, every flow of the connection's environment.`,
  fields: (t) => ({
    connectionId: t.id({ required: true }),
    newConnectionId: t.id({ required: true }),
    dryRun: t.boolean(),
  }),
});

const ReplaceConnectionEverywhereSuccess = builder
  .objectRef<Awaited<ReturnType<typeof replaceConnectionEverywhere>>>('ReplaceConnectionEverywhereSuccess')
  .implement({
    fields: (t) => ({
      flows: t.field({ type: [FlowRef], complexity: bounded, resolve: (r) => r.flows }),
      dryRun: t.exposeBoolean('dryRun'),
    }),
  });

builder.mutationFields((t) => ({
  reassignFlows: t.field({
    type: resultUnion('ReassignFlows', ReassignFlowsSuccess),
    args: { input: t.arg({ type: ReassignFlowsInput, required: true }) },
    resolve: (_, { input }, ctx) =>
      attempt(ctx, (viewer) =>
        reassignFlows(
          ctx.db,
          viewer,
          {
            environmentId: idOf(input.environmentId, 'Environment', ['input', 'environmentId']),
            fromUserId: idOf(input.fromUserId, 'User', ['input', 'fromUserId']),
            toUserId: idOf(input.toUserId, 'User', ['input', 'toUserId']),
            removeFromUser: input.removeFromUser ?? false,
          },
          options(ctx, input.dryRun),
        ),
      ),
  }),
  removePrincipalFromFlows: t.field({
    type: resultUnion('RemovePrincipalFromFlows', RemovePrincipalFromFlowsSuccess),
    args: { input: t.arg({ type: RemovePrincipalFromFlowsInput, required: true }) },
    resolve: (_, { input }, ctx) =>
      attempt(ctx, (viewer) =>
        removePrincipalFromFlows(
          ctx.db,
          viewer,
          {
            environmentId: idOf(input.environmentId, 'Environment', ['input', 'environmentId']),
            principal: principalOf(input.principalId, ['input', 'principalId']),
          },
          options(ctx, input.dryRun),
        ),
      ),
  }),
  replaceConnectionEverywhere: t.field({
    type: resultUnion('ReplaceConnectionEverywhere', ReplaceConnectionEverywhereSuccess),
    args: { input: t.arg({ type: ReplaceConnectionEverywhereInput, required: true }) },
    resolve: (_, { input }, ctx) =>
      attempt(ctx, (viewer) =>
        replaceConnectionEverywhere(
          ctx.db,
          viewer,
          {
            connectionId: idOf(input.connectionId, 'Connection', ['input', 'connectionId']),
            newConnectionId: idOf(input.newConnectionId, 'Connection', ['input', 'newConnectionId']),
          },
          options(ctx, input.dryRun),
        ),
      ),
  }),
}));
