// The sharing log as the API shows it: SharingEvent, and the viewer's own log.
import { sharingEventKind, type sharingEvents } from '../db/tables.js';
import type { FeedScope } from '../events/feed.js';
import { countLog, readLog } from '../events/read.js';
import { decodeEventCursor, encodeEventCursor } from '../events/cursor.js';
import { cursorRefusal } from '../events/range.js';
import { GraphQLError } from 'graphql';
import type { Db } from '../db/open.js';
import { builder } from './builder.js';
import { administeredEnvironment } from '../sharing/environments.js';
import { requireViewer, type Context } from './context.js';
import { loadPrincipal, Principal, User } from './directory.js';
import { Connection, visibleConnection } from './connections.js';
import { AccessLevel, Flow, seesDefinition } from './flows.js';
import { globalId, idOf } from './ids.js';
import { positionPage } from './pagination.js';

type EventRow = typeof sharingEvents.$inferSelect;

export const SharingEventKind = builder.enumType('SharingEventKind', {
  values: sharingEventKind.enumValues,
});

export const SharingEvent = builder.objectRef<EventRow>('SharingEvent').implement({
  description: 'One entry of the durable sharing log. `cursor` orders events and resumes subscriptions.',
  fields: (t) => ({
    cursor: t.string({ resolve: (e) => encodeEventCursor(e.position) }),
    kind: t.field({ type: SharingEventKind, resolve: (e) => e.kind }),
    occurredAt: t.field({ type: 'DateTime', resolve: (e) => e.occurredAt }),
    actor: t.field({ type: User, nullable: true, resolve: (e, _, ctx) => (e.actorId ? ctx.loaders.user.load(e.actorId) : null) }),
    flow: t.field({
      type: Flow,
      nullable: true,
      description: 'Null once the flow is deleted, or when the viewer can no longer see it.',
      resolve: async (e, _, ctx) => {
        const found = await ctx.loaders.flow.load(e.flowId);
        return found?.access.canView ? found.flow : null;
      },
    }),
    flowId: t.id({ resolve: (e) => globalId('Flow', e.flowId) }),
    flowDisplayName: t.exposeString('flowDisplayName', { description: "The flow's name when the event happened." }),
    principal: t.field({
      type: Principal,
      nullable: true,
      description: 'The user, group or list the event is about, if any.',
      resolve: (e, _, ctx) => (e.principalKind && e.principalId ? loadPrincipal(ctx, { kind: e.principalKind, id: e.principalId }) : null),
    }),
    connection: t.field({
      type: Connection,
      nullable: true,
      description:
        'The connection the event is about (CONNECTION_NEEDS_ATTENTION), when the viewer may see it: its owner, admins, and the owners of the flow (S23).',
      resolve: async (e, _, ctx) => {
        if (!e.connectionId) return null;
        const node = await visibleConnection(ctx, e.connectionId);
        if (node) return node;
        const found = await ctx.loaders.flow.load(e.flowId);
        return found && seesDefinition(found.access) ? ctx.loaders.connection.load(e.connectionId) : null;
      },
    }),
    actorRole: t.field({
      type: AccessLevel,
      description: 'ADMIN when an environment admin acted on a flow they do not own.',
      resolve: (e) => e.actorRole,
    }),
  }),
});

const SharingEventConnection = builder.connectionObject(
  { type: SharingEvent, name: 'SharingEventConnection' },
  { name: 'SharingEventEdge' },
);

export const eventCursorCodec = {
  encode: encodeEventCursor,
  decode: (cursor: string) => decodeEventCursor(cursor, ['after']),
};

/**
 * A cursor the log can't go on from without a gap is an error the client can act on:
 * CURSOR_EXPIRED (pruned since) or CURSOR_AHEAD (past the end of the log).
 */
export async function assertCursorInLog(db: Db, position: number): Promise<void> {
  const refusal = await cursorRefusal(db, position);
  if (refusal) throw new GraphQLError(refusal.message, { extensions: { code: refusal.code } });
}

/** A page of the log, oldest first: the events addressed to a user, or an environment's. */
async function logPage(
  ctx: Context,
  args: { after?: string | null; before?: string | null; first?: number | null; last?: number | null },
  scope: FeedScope,
) {
  for (const name of ['after', 'before'] as const) {
    const cursor = args[name];
    if (cursor != null) await assertCursorInLog(ctx.db, decodeEventCursor(cursor, [name]));
  }
  return positionPage(
    args,
    eventCursorCodec,
    (e: EventRow) => e.position,
    ({ after, before, limit, inverted }) => readLog(ctx.db, scope, { after, before, limit, descending: inverted }),
    () => countLog(ctx.db, scope),
  );
}

builder.queryFields((t) => ({
  sharingEvents: t.field({
    type: SharingEventConnection,
    description: "The viewer's own sharing log, oldest first after `after`.",
    args: t.arg.connectionArgs(),
    resolve: (_, args, ctx) => logPage(ctx, args, { userId: requireViewer(ctx).id }),
  }),
  environmentSharingEvents: t.field({
    type: SharingEventConnection,
    description: 'Environment admins only: every sharing event in the environment, oldest first after `after`.',
    args: { ...t.arg.connectionArgs(), environmentId: t.arg.id({ required: true }) },
    resolve: async (_, args, ctx) => {
      const viewer = requireViewer(ctx);
      const field = ['environmentId'];
      const environment = await administeredEnvironment(
        ctx.db,
        viewer,
        idOf(args.environmentId, 'Environment', field),
        field,
        'read its sharing log',
      );
      return logPage(ctx, args, { environmentId: environment.id });
    },
  }),
}));
