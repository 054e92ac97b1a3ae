// Run-only sharing: Flow.runOnlyUsers, runOnlyFlows and modifyRunOnlyUsers (S8, S9).
import { cursorAfter } from '../events/cursor.js';
import { flowsRunnableBy } from '../reads/flows.js';
import type { FlowRow } from '../sharing/access.js';
import { modifyRunOnlyUsers } from '../sharing/runonly.js';
import { builder } from './builder.js';
import { ConnectionSource } from './connections.js';
import { requireViewer } from './context.js';
import { attempt, resultUnion } from './errors.js';
import { Flow, FLOW_LIST_NOTE, FlowConnection, FlowFilter, FlowOrder } from './flows.js';
import { flowListOptions, flowPage } from './flow-lists.js';
import { grantConnection, grantOrder, grantPage, listedGrants } from './grants.js';
import { idOf, optionalIdOf, principalOf } from './ids.js';

const FlowRunOnlyConnection = grantConnection('FlowRunOnly');

builder.objectField(Flow, 'runOnlyUsers', (t) =>
  t.field({
    type: FlowRunOnlyConnection,
    description:
      'Users and groups who may run the flow (S8). Grants past their expiresAt (S19) are listed only with includeExpired, to be removed. Owners and admins only; empty for run-only users.',
    args: { ...t.arg.connectionArgs(), includeExpired: t.arg.boolean() },
    resolve: async (flow, args, ctx) => {
      const found = await ctx.loaders.flow.load(flow.id);
      return grantPage(args, flow, listedGrants(found, found?.runOnlyGrants, args.includeExpired).sort(grantOrder));
    },
  }),
);

builder.queryField('runOnlyFlows', (t) =>
  t.field({
    type: FlowConnection,
    description: `Flows shared with the viewer run-only. ${FLOW_LIST_NOTE}`,
    args: {
      environmentId: t.arg.id(),
      filter: t.arg({ type: FlowFilter }),
      orderBy: t.arg({ type: FlowOrder }),
      ...t.arg.connectionArgs(),
    },
    resolve: async (_, args, ctx) => {
      const viewer = requireViewer(ctx);
      const environmentId = optionalIdOf(args.environmentId, 'Environment', ['environmentId']);
      const options = { environmentId, ...flowListOptions(args) };
      return flowPage(args, flowsRunnableBy(ctx.db, viewer.id, await ctx.loaders.memberships(), options, ctx.loaders));
    },
  }),
);

const ConnectionSourceInput = builder.inputType('ConnectionSourceInput', {
  fields: (t) => ({
    connectionReferenceId: t.id({ required: true }),
    source: t.field({ type: ConnectionSource, required: true }),
  }),
});

export const ModifyRunOnlyUsersInput = builder.inputType('ModifyRunOnlyUsersInput', {
  fields: (t) => ({
    flowId: t.id({ required: true }),
    add: t.idList({ description: 'Users and groups who may run the flow.' }),
    remove: t.idList(),
    connectionSources: t.field({
      type: [ConnectionSourceInput],
      description: "Per connection reference: the flow's own connection (EMBEDDED) or the runner's (INVOKER).",
    }),
    expiresAt: t.field({ type: 'DateTime', description: 'For what is added: access ends by itself at this time.' }),
  }),
});

const ModifyRunOnlyUsersSuccess = builder.objectRef<{ flow: FlowRow; lastPosition: number | null }>('ModifyRunOnlyUsersSuccess').implement({
  fields: (t) => ({
    flow: t.field({ type: Flow, resolve: (r) => r.flow }),
    eventCursor: t.string({ nullable: true, resolve: (r) => cursorAfter(r.lastPosition) }),
  }),
});

builder.mutationField('modifyRunOnlyUsers', (t) =>
  t.field({
    type: resultUnion('ModifyRunOnlyUsers', ModifyRunOnlyUsersSuccess),
    args: { input: t.arg({ type: ModifyRunOnlyUsersInput, required: true }) },
    resolve: (_, { input }, ctx) => attempt(ctx, (viewer) => modifyRunOnlyUsers(ctx.db, viewer, decodeModifyRunOnlyUsersInput(input))),
  }),
);

/** The mutation's input as the use case takes it; previewRunOnlyUsers decodes it the same way. */
export function decodeModifyRunOnlyUsersInput(input: typeof ModifyRunOnlyUsersInput.$inferInput) {
  return {
    flowId: idOf(input.flowId, 'Flow', ['input', 'flowId']),
    add: (input.add ?? []).map((id, i) => principalOf(id, ['input', 'add', String(i)])),
    remove: (input.remove ?? []).map((id, i) => principalOf(id, ['input', 'remove', String(i)])),
    connectionSources: (input.connectionSources ?? []).map((c, i) => {
      const field = ['input', 'connectionSources', String(i), 'connectionReferenceId'];
      return { referenceId: idOf(c.connectionReferenceId, 'ConnectionReference', field), source: c.source, field };
    }),
    expiresAt: input.expiresAt ?? null,
  };
}
