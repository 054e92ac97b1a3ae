// Flows: the type, the lists' filter and order, "My flows", an environment's inventory
// (environmentFlows), and the mutations that make, edit, start/stop and delete them.
import { accessLevel, flowState, suspensionReason, triggerKind } from '../db/tables.js';
import { ACCESS_PATH_KINDS, type FlowAccess as FlowAccessFacts } from '../policy/access.js';
import { whenKnown } from '../reads/batching.js';
import { MAX_SEARCH_LENGTH, MAX_SEARCH_WORDS } from '../reads/flow-filter.js';
import { flowsOfEnvironment, flowsOwnedBy } from '../reads/flows.js';
import { administeredEnvironment } from '../sharing/environments.js';
import type { EnvironmentRow } from '../reads/loaders.js';
import type { FlowRow, UserRow } from '../sharing/access.js';
import { createFlow, deleteFlow, setFlowState, updateFlow } from '../sharing/flows.js';
import { builder } from './builder.js';

type MaybePromise<T> = T | Promise<T>;
import { requireViewer } from './context.js';
import { ConnectionReference } from './connections.js';
import { loadPrincipal, Principal, User } from './directory.js';
import { Environment } from './environments.js';
import { attempt, resultUnion } from './errors.js';
import { globalId, idOf, optionalIdOf } from './ids.js';
import { AccessPathRef, FlowAccessRef, FlowActionRef, FlowRef } from './refs.js';
import { flowListOptions, flowPage, pageAhead } from './flow-lists.js';

export const TriggerKind = builder.enumType('TriggerKind', { values: triggerKind.enumValues });
const FlowState = builder.enumType('FlowState', { values: flowState.enumValues });
const SuspensionReason = builder.enumType('SuspensionReason', { values: suspensionReason.enumValues });
export const AccessLevel = builder.enumType('AccessLevel', { values: accessLevel.enumValues });
const AccessPathKind = builder.enumType('AccessPathKind', { values: ACCESS_PATH_KINDS });

AccessPathRef.implement({
  description: 'One reason a principal has access.',
  fields: (t) => ({
    // Exposed, not resolved: graphql-jit reads an exposed field inline (plain-fields.ts).
    kind: t.expose('kind', { type: AccessPathKind }),
    via: t.field({
      type: Principal,
      nullable: true,
      description: 'The user, group or list the grant was made to.',
      resolve: (p, _, ctx) => (p.via ? loadPrincipal(ctx, p.via) : null),
    }),
    expiresAt: t.field({ type: 'DateTime', nullable: true, resolve: (p) => p.expiresAt }),
  }),
});

export const FlowAccess = FlowAccessRef;
FlowAccessRef.implement({
  description: 'What a user may do with a flow, and why.',
  fields: (t) => ({
    level: t.expose('level', { type: AccessLevel }),
    // Each flag is exactly what the matching mutation allows (S22): policy/access.ts decides both.
    canView: t.exposeBoolean('canView', { description: 'Sees the flow: any access that is not blocked.' }),
    canEdit: t.exposeBoolean('canEdit', {
      description: 'May updateFlow and saveFlowAs: an owner or environment admin with the Environment Maker or Admin role (S15).',
    }),
    canRun: t.exposeBoolean('canRun', {
      description: 'May triggerFlow: owners and admins; run-only users of an instant flow (S8). The flow must also be ON.',
    }),
    canShare: t.exposeBoolean('canShare', {
      description: 'May send copies and add run-only users: as canEdit, with a license other than FREE (S1).',
    }),
    canManageOwners: t.exposeBoolean('canManageOwners', {
      description:
        'May add and remove co-owners: as canShare. Owners without the license or role (level OWNER or ADMIN) may still remove co-owners and run-only users.',
    }),
    canDelete: t.exposeBoolean('canDelete', { description: 'May deleteFlow: owners and environment admins.' }),
    canViewRunHistory: t.exposeBoolean('canViewRunHistory', {
      description: 'Sees every run: owners and admins (run-only users see their own).',
    }),
    paths: t.expose('paths', { type: [AccessPathRef] }),
    blockedReason: t.exposeString('blockedReason', {
      nullable: true,
      description: 'Why access is inert (e.g. the user is outside the environment), if it is.',
    }),
  }),
});

FlowActionRef.implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    connectionReference: t.field({
      type: ConnectionReference,
      nullable: true,
      resolve: (a, _, ctx) => (a.connectionReferenceId ? ctx.loaders.reference.load(a.connectionReferenceId) : null),
    }),
  }),
});

/**
 * Who sees a flow whole: its actions (S8), the connections its references hold (S23) and its
 * grants, expired ones included. The owners and admins, whatever their role or license: those
 * the access decision lets change the flow at all (`own`); never run-only users.
 */
export function seesDefinition(access: FlowAccessFacts | undefined): boolean {
  return access?.refusals.own === null;
}

export const Flow = FlowRef;
builder.node(FlowRef, {
  id: { resolve: (f) => f.id },
  fields: (t) => ({
    displayName: t.exposeString('displayName'),
    description: t.exposeString('description', { nullable: true }),
    // The loaders' values when they know them, else their promises (never awaited in an async
    // function): a page's fields mostly answer at once, with no promise (issue #13).
    environment: t.field({
      type: Environment,
      resolve: (f, _, ctx) => ctx.loaders.environment.now(f.environmentId) as MaybePromise<EnvironmentRow>,
    }),
    creator: t.field({ type: User, resolve: (f, _, ctx) => ctx.loaders.user.now(f.creatorId) as MaybePromise<UserRow> }),
    primaryOwner: t.field({
      type: User,
      description: 'The primary owner: the creator, unless ownership was changed (solution-aware flows only).',
      resolve: (f, _, ctx) => ctx.loaders.user.now(f.primaryOwnerId) as MaybePromise<UserRow>,
    }),
    trigger: t.expose('trigger', { type: TriggerKind }),
    state: t.expose('state', { type: FlowState }),
    suspensionReason: t.expose('suspensionReason', { type: SuspensionReason, nullable: true }),
    solutionAware: t.exposeBoolean('solutionAware'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    modifiedAt: t.expose('modifiedAt', { type: 'DateTime' }),
    actions: t.field({
      type: [FlowActionRef],
      nullable: true,
      description: 'Owners and admins only; null for run-only users (S8).',
      resolve: (f, _, ctx) =>
        whenKnown(ctx.loaders.flow.now(f.id), (found) => (seesDefinition(found?.access) ? ctx.loaders.actionsOfFlow.now(f.id) : null)),
    }),
    connectionReferences: t.field({
      type: [ConnectionReference],
      resolve: (f, _, ctx) => ctx.loaders.referencesOfFlow.now(f.id),
    }),
    viewerAccess: t.field({
      type: FlowAccess,
      resolve: (f, _, ctx) => whenKnown(ctx.loaders.flow.now(f.id), (found) => found!.access),
    }),
  }),
});

export const FlowConnection = builder.connectionObject({ type: Flow, name: 'FlowConnection' }, { name: 'FlowEdge' });

// ------------------------------------------------------------------ flow lists

export const FlowFilter = builder.inputType('FlowFilter', {
  description: 'Narrows a list of flows; every condition given must hold.',
  fields: (t) => ({
    search: t.string({
      description: `Every word must appear, case-insensitively, as part of the display name or the description.`,
    }),
    state: t.field({ type: FlowState }),
    trigger: t.field({ type: TriggerKind }),
    solutionAware: t.boolean(),
    sharedWith: t.id({ description: 'Flows this user, group or list holds an owner or run-only grant on (directly).' }),
  }),
});
const OrderDirection = builder.enumType('OrderDirection', { values: ['ASC', 'DESC'] as const });
const FlowOrderField = builder.enumType('FlowOrderField', { values: ['CREATED_AT', 'MODIFIED_AT', 'DISPLAY_NAME'] as const });
export const FlowOrder = builder.inputType('FlowOrder', {
  description: 'Default: CREATED_AT DESC. Ties are broken by id; DISPLAY_NAME orders case-insensitively, the same on every database.',
  fields: (t) => ({
    field: t.field({ type: FlowOrderField, required: true }),
    direction: t.field({ type: OrderDirection, required: true }),
  }),
});

/** What every flow list's description adds: the search's caps, and which grants sharedWith counts. */
export const FLOW_LIST_NOTE = `Search: at most ${MAX_SEARCH_WORDS} words, ${MAX_SEARCH_LENGTH} characters; sharedWith counts grants that have not expired.`;

builder.queryFields((t) => ({
  myFlows: t.field({
    type: FlowConnection,
    description: `My flows: flows the viewer is primary owner of (the creator, until an ownership change). ${FLOW_LIST_NOTE}`,
    args: {
      environmentId: t.arg.id(),
      filter: t.arg({ type: FlowFilter }),
      orderBy: t.arg({ type: FlowOrder }),
      ...t.arg.connectionArgs(),
    },
    resolve: (_, args, ctx, info) => {
      const viewer = requireViewer(ctx);
      const environmentId = optionalIdOf(args.environmentId, 'Environment', ['environmentId']);
      const list = flowsOwnedBy(ctx.db, viewer.id, { environmentId, ...flowListOptions(args) }, ctx.loaders);
      return flowPage(args, list, pageAhead(ctx, info));
    },
  }),
  environmentFlows: t.field({
    type: FlowConnection,
    description: `Environment admins only: every flow of the environment (the inventory an audit starts from). ${FLOW_LIST_NOTE}`,
    args: {
      environmentId: t.arg.id({ required: true }),
      filter: t.arg({ type: FlowFilter }),
      orderBy: t.arg({ type: FlowOrder }),
      first: t.arg.int(),
      after: t.arg.string(),
    },
    resolve: async (_, args, ctx, info) => {
      const viewer = requireViewer(ctx);
      const options = flowListOptions(args);
      const environmentId = idOf(args.environmentId, 'Environment', ['environmentId']);
      const environment = await administeredEnvironment(ctx.db, viewer, environmentId, ['environmentId'], 'list its flows');
      const page = { first: args.first, after: args.after ?? undefined };
      return flowPage(page, flowsOfEnvironment(ctx.db, environment.id, options, ctx.loaders), pageAhead(ctx, info));
    },
  }),
}));

// ------------------------------------------------------------------ mutations

const FlowActionInput = builder.inputType('FlowActionInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    connectionId: t.id({ description: 'The connection the action uses; none for built-in actions.' }),
  }),
});

const CreateFlowInput = builder.inputType('CreateFlowInput', {
  fields: (t) => ({
    environmentId: t.id({ required: true }),
    displayName: t.string({ required: true }),
    description: t.string(),
    trigger: t.field({ type: TriggerKind, required: true }),
    solutionAware: t.boolean(),
    actions: t.field({ type: [FlowActionInput], required: true }),
    otherConnectionIds: t.idList({
      description: 'Connections defined for the flow beyond those its actions use (they show as OTHER).',
    }),
  }),
});

const UpdateFlowInput = builder.inputType('UpdateFlowInput', {
  fields: (t) => ({
    flowId: t.id({ required: true }),
    displayName: t.string(),
    description: t.string(),
    actions: t.field({ type: [FlowActionInput] }),
    otherConnectionIds: t.idList(),
  }),
});

const SetFlowStateInput = builder.inputType('SetFlowStateInput', {
  fields: (t) => ({ flowId: t.id({ required: true }), state: t.field({ type: FlowState, required: true }) }),
});
const DeleteFlowInput = builder.inputType('DeleteFlowInput', { fields: (t) => ({ flowId: t.id({ required: true }) }) });

/** `<Name>Success { flow: Flow! }`, the shape most flow mutations answer with. */
export function flowSuccess(name: string) {
  return builder.objectRef<{ flow: FlowRow }>(`${name}Success`).implement({
    fields: (t) => ({ flow: t.field({ type: Flow, resolve: (s) => s.flow }) }),
  });
}

const DeleteFlowSuccess = builder.objectRef<{ deletedFlowId: string }>('DeleteFlowSuccess').implement({
  fields: (t) => ({ deletedFlowId: t.id({ resolve: (s) => globalId('Flow', s.deletedFlowId) }) }),
});

type ActionInput = { name: string; connectionId?: string | null };
const actionIds = (actions: ActionInput[]) =>
  actions.map((a, i) => ({
    name: a.name,
    connectionId: optionalIdOf(a.connectionId, 'Connection', ['input', 'actions', String(i), 'connectionId']),
  }));
const connectionIds = (ids: readonly string[] | null | undefined) =>
  ids?.map((id, i) => idOf(id, 'Connection', ['input', 'otherConnectionIds', String(i)]));

builder.mutationFields((t) => ({
  createFlow: t.field({
    type: resultUnion('CreateFlow', flowSuccess('CreateFlow')),
    args: { input: t.arg({ type: CreateFlowInput, required: true }) },
    resolve: (_, { input }, ctx) =>
      attempt(ctx, async (viewer) => ({
        flow: await createFlow(ctx.db, viewer, {
          ...input,
          environmentId: idOf(input.environmentId, 'Environment', ['input', 'environmentId']),
          actions: actionIds(input.actions),
          otherConnectionIds: connectionIds(input.otherConnectionIds),
        }),
      })),
  }),
  updateFlow: t.field({
    type: resultUnion('UpdateFlow', flowSuccess('UpdateFlow')),
    args: { input: t.arg({ type: UpdateFlowInput, required: true }) },
    resolve: (_, { input }, ctx) =>
      attempt(ctx, async (viewer) => ({
        flow: await updateFlow(ctx.db, viewer, {
          ...input,
          flowId: idOf(input.flowId, 'Flow', ['input', 'flowId']),
          actions: input.actions ? actionIds(input.actions) : input.actions,
          otherConnectionIds: connectionIds(input.otherConnectionIds),
        }),
      })),
  }),
  setFlowState: t.field({
    type: resultUnion('SetFlowState', flowSuccess('SetFlowState')),
    args: { input: t.arg({ type: SetFlowStateInput, required: true }) },
    resolve: (_, { input }, ctx) =>
      attempt(ctx, async (viewer) => ({
        flow: await setFlowState(ctx.db, viewer, {
          flowId: idOf(input.flowId, 'Flow', ['input', 'flowId']),
          state: input.state,
        }),
      })),
  }),
  deleteFlow: t.field({
    type: resultUnion('DeleteFlow', DeleteFlowSuccess),
    args: { input: t.arg({ type: DeleteFlowInput, required: true }) },
    resolve: (_, { input }, ctx) =>
      attempt(ctx, async (viewer) => ({
        deletedFlowId: await deleteFlow(ctx.db, viewer, { flowId: idOf(input.flowId, 'Flow', ['input', 'flowId']) }),
      })),
  }),
}));
