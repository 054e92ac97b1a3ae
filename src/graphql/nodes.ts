// node(id) and nodes(ids). A malformed id, an id of another tenant, or of a flow the
// viewer can't see all answer null: nothing says whether such a thing exists (S20).
import { brandWithType, type ObjectRef } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { builder, type Types } from './builder.js';
import { Connection, visibleConnection } from './connections.js';
import { FlowCopy, visibleCopy } from './copies.js';
import { FlowRun, visibleRun } from './runs.js';
import type { Context } from './context.js';
import { Group, SharePointList, Tenant, User } from './directory.js';
import { Connector, Environment } from './environments.js';
import { Flow } from './flows.js';
import { parseGlobalId } from './ids.js';
import { MAX_PAGE } from './pagination.js';
import { listCost } from './cost.js';

type Loader = (ctx: Context, id: string) => Promise<object | null>;

/** Rows that live in a tenant are visible inside it only. */
const inTenant =
  (load: (ctx: Context) => { load(id: string): Promise<{ tenantId: string } | null> }): Loader =>
  async (ctx, id) => {
    const row = await load(ctx).load(id);
    return row && row.tenantId === ctx.viewer!.tenantId ? row : null;
  };

const nodeLoaders: Record<string, [ObjectRef<Types, unknown>, Loader]> = {
  Tenant: [Tenant, async (ctx, id) => (id === ctx.viewer!.tenantId ? ctx.loaders.tenant.load(id) : null)],
  User: [User, inTenant((ctx) => ctx.loaders.user)],
  Group: [Group, inTenant((ctx) => ctx.loaders.group)],
  SharePointList: [SharePointList, inTenant((ctx) => ctx.loaders.list)],
  Environment: [Environment, inTenant((ctx) => ctx.loaders.environment)],
  Connector: [Connector, (ctx, id) => ctx.loaders.connector.load(id)],
  Connection: [Connection, visibleConnection],
  FlowCopy: [FlowCopy, visibleCopy],
  FlowRun: [FlowRun, visibleRun],
  Flow: [
    Flow,
    async (ctx, id) => {
      const found = await ctx.loaders.flow.load(id);
      return found?.access.canView ? found.flow : null;
    },
  ],
};

async function loadNode(ctx: Context, globalId: string): Promise<object | null> {
  if (!ctx.viewer) return null;
  const parsed = parseGlobalId(globalId);
  const entry = parsed && Object.hasOwn(nodeLoaders, parsed.typename) ? nodeLoaders[parsed.typename] : undefined;
  if (!parsed || !entry) return null;
  const [type, load] = entry;
  const node = await load(ctx, parsed.id);
  if (node) brandWithType(node, type); // tells the Node interface which type it is
  return node;
}

builder.queryFields((t) => ({
  node: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    // Rows are branded with their type (loadNode); Pothos cannot type "any node shape" here.
    resolve: (_, { id }, ctx) => loadNode(ctx, id) as never,
  }),
  nodes: t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    args: { ids: t.arg.idList({ required: true }) },
    complexity: ({ ids }) => listCost(ids.length),
    resolve: (_, { ids }, ctx) => {
      if (ids.length > MAX_PAGE) {
        throw new GraphQLError(`"ids" takes at most ${MAX_PAGE} ids`, { extensions: { code: 'INVALID_INPUT' } });
      }
      return Promise.all(ids.map((id) => loadNode(ctx, id))) as never;
    },
  }),
}));
