// Connections (credentials of one user for one connector) and a flow's references to them.
import { type connectionSource, connectionStatus } from '../db/tables.js';
import { connectionUsage } from '../policy/flows.js';
import { whenKnown } from '../reads/batching.js';
import { connectionsOwnedBy } from '../reads/connections.js';
import type { ConnectionRow, ConnectorRow, EnvironmentRow } from '../reads/loaders.js';
import type { UserRow } from '../sharing/access.js';
import { createConnection, replaceFlowConnection, updateConnectionCredentials } from '../sharing/connections.js';
import { builder } from './builder.js';

type MaybePromise<T> = T | Promise<T>;
import { requireViewer, type Context } from './context.js';
import { User } from './directory.js';
import { Connector, Environment } from './environments.js';
import { attempt, resultUnion } from './errors.js';
import { flowSuccess, seesDefinition } from './flows.js';
import { globalId, idOf, optionalIdOf } from './ids.js';
import { ConnectionRef, ConnectionReferenceRef, FlowRef } from './refs.js';
import { keysetPage } from './pagination.js';

const ConnectionStatus = builder.enumType('ConnectionStatus', { values: connectionStatus.enumValues });
export const ConnectionSource = builder.enumType('ConnectionSource', {
  description: "How a flow's connection is resolved when a run-only user runs it.",
  values: {
    EMBEDDED: { description: "The connection stored in the flow, with its owner's credentials, for every runner." },
    INVOKER: { description: 'Provided by the run-only user: each runner brings a connection of their own.' },
  } satisfies Record<(typeof connectionSource.enumValues)[number], object>,
});
const ConnectionUsage = builder.enumType('ConnectionUsage', {
  description: "EMBEDDED: used by the flow's actions. OTHER: defined for the flow but not used.",
  values: ['EMBEDDED', 'OTHER'] as const,
});

export const Connection = ConnectionRef;
builder.node(ConnectionRef, {
  id: { resolve: (c) => c.id },
  fields: (t) => ({
    displayName: t.exposeString('displayName'),
    connector: t.field({ type: Connector, resolve: (c, _, ctx) => ctx.loaders.connector.now(c.connectorId) as MaybePromise<ConnectorRow> }),
    owner: t.field({
      type: User,
      description: 'Whose credentials it holds. Only this user may change them.',
      resolve: (c, _, ctx) => ctx.loaders.user.now(c.ownerId) as MaybePromise<UserRow>,
    }),
    environment: t.field({
      type: Environment,
      resolve: (c, _, ctx) => ctx.loaders.environment.now(c.environmentId) as MaybePromise<EnvironmentRow>,
    }),
    status: t.expose('status', { type: ConnectionStatus }),
    scopedToFlow: t.field({
      type: FlowRef,
      nullable: true,
      description:
        'Set when the connection was created inside a flow: it can be used in that flow only (S6). Null if the viewer cannot see that flow.',
      resolve: async (c, _, ctx) => {
        if (!c.scopedFlowId) return null;
        const found = await ctx.loaders.flow.load(c.scopedFlowId);
        return found?.access.canView ? found.flow : null;
      },
    }),
  }),
});

/** Who may see a connection as a node: its owner, and admins of its environment. */
export async function visibleConnection(ctx: Context, id: string): Promise<ConnectionRow | null> {
  const connection = await ctx.loaders.connection.load(id);
  if (!connection || !ctx.viewer) return null;
  if (connection.ownerId === ctx.viewer.id) return connection;
  const role = await ctx.loaders.environmentRole.load(connection.environmentId);
  return role === 'ENVIRONMENT_ADMIN' ? connection : null;
}

export const ConnectionReference = ConnectionReferenceRef;
ConnectionReferenceRef.implement({
  description: "A connection slot of a flow (Power Automate's connection reference).",
  fields: (t) => ({
    id: t.id({ resolve: (r) => globalId('ConnectionReference', r.id) }),
    connector: t.field({
      type: Connector,
      description: 'What the slot connects to: every viewer of the flow sees it (run-only users bring one of these for INVOKER).',
      resolve: (r, _, ctx) =>
        whenKnown(
          ctx.loaders.connection.now(r.connectionId),
          (connection) => ctx.loaders.connector.now(connection!.connectorId) as MaybePromise<ConnectorRow>,
        ),
    }),
    connection: t.field({
      type: Connection,
      nullable: true,
      description: 'Null for viewers who may not see it (run-only users see the connector only).',
      // S23: the flow's definition (its actions and connections) is for those who see it whole.
      resolve: (r, _, ctx) =>
        whenKnown(ctx.loaders.flow.now(r.flowId), (found) =>
          seesDefinition(found?.access) ? ctx.loaders.connection.now(r.connectionId) : null,
        ),
    }),
    usage: t.field({
      type: ConnectionUsage,
      description: 'EMBEDDED while an action uses it, OTHER when none does (S7).',
      resolve: (r, _, ctx) => whenKnown(ctx.loaders.actionsOfFlow.now(r.flowId), (actions) => connectionUsage(r.id, actions)),
    }),
    runOnlySource: t.expose('runOnlySource', { type: ConnectionSource }),
  }),
});

const ConnectionConnection = builder.connectionObject({ type: Connection, name: 'ConnectionConnection' }, { name: 'ConnectionEdge' });

builder.queryFields((t) => ({
  myConnections: t.field({
    type: ConnectionConnection,
    description: "The viewer's own connections, newest first.",
    args: { environmentId: t.arg.id(), ...t.arg.connectionArgs() },
    resolve: (_, args, ctx) => {
      const viewer = requireViewer(ctx);
      const environmentId = optionalIdOf(args.environmentId, 'Environment', ['environmentId']);
      return keysetPage(args, connectionsOwnedBy(ctx.db, viewer.id, environmentId));
    },
  }),
}));

const CreateConnectionInput = builder.inputType('CreateConnectionInput', {
  fields: (t) => ({
    environmentId: t.id({ required: true }),
    connectorId: t.id({ required: true }),
    displayName: t.string({ required: true }),
    flowId: t.id({ description: 'Create it inside this flow: it can then be used in that flow only.' }),
  }),
});
const CreateConnectionSuccess = builder.objectRef<{ connection: ConnectionRow }>('CreateConnectionSuccess').implement({
  fields: (t) => ({ connection: t.field({ type: Connection, resolve: (s) => s.connection }) }),
});

builder.mutationFields((t) => ({
  createConnection: t.field({
    type: resultUnion('CreateConnection', CreateConnectionSuccess),
    args: { input: t.arg({ type: CreateConnectionInput, required: true }) },
    resolve: (_, { input }, ctx) =>
      attempt(ctx, async (viewer) => ({
        connection: await createConnection(ctx.db, viewer, {
          environmentId: idOf(input.environmentId, 'Environment', ['input', 'environmentId']),
          connectorId: idOf(input.connectorId, 'Connector', ['input', 'connectorId']),
          displayName: input.displayName,
          flowId: optionalIdOf(input.flowId, 'Flow', ['input', 'flowId']),
        }),
      })),
  }),
}));

const ReplaceFlowConnectionInput = builder.inputType('ReplaceFlowConnectionInput', {
  description: 'Modify a connection: point a connection reference at another connection of the same connector.',
  fields: (t) => ({ connectionReferenceId: t.id({ required: true }), connectionId: t.id({ required: true }) }),
});
const UpdateConnectionCredentialsInput = builder.inputType('UpdateConnectionCredentialsInput', {
  description: "Re-enter credentials: the connection's owner only.",
  fields: (t) => ({ connectionId: t.id({ required: true }) }),
});
const UpdateConnectionCredentialsSuccess = builder
  .objectRef<{ connection: ConnectionRow }>('UpdateConnectionCredentialsSuccess')
  .implement({ fields: (t) => ({ connection: t.field({ type: Connection, resolve: (s) => s.connection }) }) });

builder.mutationFields((t) => ({
  replaceFlowConnection: t.field({
    type: resultUnion('ReplaceFlowConnection', flowSuccess('ReplaceFlowConnection')),
    args: { input: t.arg({ type: ReplaceFlowConnectionInput, required: true }) },
    resolve: (_, { input }, ctx) =>
      attempt(ctx, async (viewer) => ({
        flow: await replaceFlowConnection(ctx.db, viewer, {
          referenceId: idOf(input.connectionReferenceId, 'ConnectionReference', ['input', 'connectionReferenceId']),
          connectionId: idOf(input.connectionId, 'Connection', ['input', 'connectionId']),
        }),
      })),
  }),
  updateConnectionCredentials: t.field({
    type: resultUnion('UpdateConnectionCredentials', UpdateConnectionCredentialsSuccess),
    args: { input: t.arg({ type: UpdateConnectionCredentialsInput, required: true }) },
    resolve: (_, { input }, ctx) =>
      attempt(ctx, async (viewer) => ({
        connection: await updateConnectionCredentials(ctx.db, viewer, {
          connectionId: idOf(input.connectionId, 'Connection', ['input', 'connectionId']),
        }),
      })),
  }),
}));
