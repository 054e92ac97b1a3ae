// Co-owners: Flow.owners, Flow.accessFor, "Team flows" and modifyFlowOwners.
import { GraphQLError } from 'graphql';
import { cursorAfter } from '../events/cursor.js';
import { DomainError } from '../policy/errors.js';
import { assertMay } from '../policy/access.js';
import { sortedIfNot } from '../sorted.js';
import { whenKnown } from '../reads/batching.js';
import { flowsCoOwnedBy } from '../reads/flows.js';
import { userAccess, type FlowRow, type GrantFacts } from '../sharing/access.js';
import { modifyFlowOwners } from '../sharing/owners.js';
import { builder } from './builder.js';
import { Connection } from './connections.js';
import { requireViewer } from './context.js';
import { User } from './directory.js';
import { attempt, resultUnion } from './errors.js';
import { Flow, FLOW_LIST_NOTE, FlowAccess, FlowConnection, FlowFilter, FlowOrder } from './flows.js';
import { flowListOptions, flowPage, pageAhead } from './flow-lists.js';
import { idOf, optionalIdOf, principalOf } from './ids.js';
import { grantConnection, grantOrder, grantPage, listedGrants } from './grants.js';
import { MAX_IDS } from '../sharing/input.js';

const FlowOwnerConnection = grantConnection('FlowOwner', (t) => ({
  isPrimaryOwner: t.boolean({
    resolve: ({ node: { grant, flow } }) => grant.principal.kind === 'USER' && grant.principal.id === flow.primaryOwnerId,
  }),
}));

builder.objectFields(Flow, (t) => ({
  owners: t.field({
    type: FlowOwnerConnection,
    description:
      'The owners, primary owner first. Grants past their expiresAt no longer count (S19) and are listed only with includeExpired, to be removed. Owners and admins only; empty for run-only users.',
    args: { ...t.arg.connectionArgs(), includeExpired: t.arg.boolean() },
    resolve: (flow, args, ctx) =>
      whenKnown(ctx.loaders.flow.now(flow.id), (found) => {
        const grants = sortedIfNot(
          listedGrants(found, found?.ownerGrants, args.includeExpired),
          (a, b) => Number(isPrimary(b, flow)) - Number(isPrimary(a, flow)) || grantOrder(a, b),
        );
        return grantPage(args, flow, grants);
      }),
  }),
  accessFor: t.field({
    type: FlowAccess,
    description: "Explain the access of any user of the tenant (the flow's owners and environment admins only).",
    args: { userId: t.arg.id({ required: true }) },
    resolve: async (flow, args, ctx) => {
      requireViewer(ctx);
      const found = await ctx.loaders.flow.load(flow.id);
      assertMay(found?.access, 'own', ['accessFor'], 'explain its access');
      const user = await ctx.loaders.user.load(idOf(args.userId, 'User', ['userId']));
      if (!user || user.tenantId !== ctx.viewer!.tenantId) {
        throw new GraphQLError('No such user.', { extensions: { code: 'NOT_FOUND' } });
      }
      return (await userAccess(ctx.db, user, found!)).access;
    },
  }),
}));

const isPrimary = (grant: GrantFacts, flow: FlowRow) => grant.principal.kind === 'USER' && grant.principal.id === flow.primaryOwnerId;

builder.queryFields((t) => ({
  teamFlows: t.field({
    type: FlowConnection,
    description: `Team flows: flows the viewer co-owns (directly, through a group or a list) and is not primary owner of. ${FLOW_LIST_NOTE}`,
    args: {
      environmentId: t.arg.id(),
      filter: t.arg({ type: FlowFilter }),
      orderBy: t.arg({ type: FlowOrder }),
      ...t.arg.connectionArgs(),
    },
    resolve: async (_, args, ctx, info) => {
      const viewer = requireViewer(ctx);
      const environmentId = optionalIdOf(args.environmentId, 'Environment', ['environmentId']);
      const options = { environmentId, ...flowListOptions(args) };
      const list = flowsCoOwnedBy(ctx.db, viewer.id, await ctx.loaders.memberships(), options, ctx.loaders);
      return flowPage(args, list, pageAhead(ctx, info));
    },
  }),
}));

// ------------------------------------------------------------------ modifyFlowOwners

export const ModifyFlowOwnersInput = builder.inputType('ModifyFlowOwnersInput', {
  description: "Add and remove owners in one step, like the connector's Modify Flow Owners.",
  fields: (t) => ({
    flowId: t.id({ required: true }),
    add: t.idList({ description: 'Users, groups and SharePoint lists to make owners.' }),
    remove: t.idList({ description: 'Owners to remove. The primary owner cannot be removed.' }),
    expiresAt: t.field({ type: 'DateTime', description: 'For what is added: access ends by itself at this time.' }),
  }),
});

type ModifyResult = Awaited<ReturnType<typeof modifyFlowOwners>>;

const ModifyFlowOwnersSuccess = builder.objectRef<ModifyResult>('ModifyFlowOwnersSuccess').implement({
  fields: (t) => ({
    flow: t.field({ type: Flow, resolve: (r) => r.flow }),
    connectionsNeedingAttention: t.field({
      type: [Connection],
      description: 'Connections in the flow whose credentials belong to a removed owner: update them (S11).',
      resolve: (r) => r.connectionsNeedingAttention,
    }),
    usersAddedToEnvironment: t.field({
      type: [User],
      description: "Users added to the environment's Dataverse on the way (solution-aware flows, S14).",
      resolve: (r) => r.usersAddedToEnvironment,
    }),
    eventCursor: t.string({
      nullable: true,
      description: 'The sharing log position after this change; null when nothing changed.',
      resolve: (r) => cursorAfter(r.lastPosition),
    }),
  }),
});

builder.mutationFields((t) => ({
  modifyFlowOwners: t.field({
    type: resultUnion('ModifyFlowOwners', ModifyFlowOwnersSuccess),
    args: { input: t.arg({ type: ModifyFlowOwnersInput, required: true }) },
    resolve: (_, { input }, ctx) => attempt(ctx, async (viewer) => modifyFlowOwners(ctx.db, viewer, decodeModifyFlowOwnersInput(input))),
  }),
}));

/** The mutation's input as the use case takes it; previewFlowOwners decodes it the same way. */
export function decodeModifyFlowOwnersInput(input: typeof ModifyFlowOwnersInput.$inferInput) {
  const principals = (ids: readonly string[] | null | undefined, name: 'add' | 'remove') => {
    if ((ids?.length ?? 0) > MAX_IDS) throw invalidCount(name);
    return (ids ?? []).map((id, i) => principalOf(id, ['input', name, String(i)]));
  };
  return {
    flowId: idOf(input.flowId, 'Flow', ['input', 'flowId']),
    add: principals(input.add, 'add'),
    remove: principals(input.remove, 'remove'),
    expiresAt: input.expiresAt ?? null,
  };
}

function invalidCount(name: 'add' | 'remove') {
  return new DomainError('INVALID_INPUT', `${name}: at most ${MAX_IDS} principals per call.`, ['input', name]);
}
