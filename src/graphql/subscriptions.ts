// Live sharing events (graphql-ws and SSE): replay after a cursor, then live. Each stream is
// authorised when it starts, and each event by its audience, decided when it committed (S28);
// a viewer who leaves the organization has every stream ended with UNAUTHENTICATED (S26).
import { GraphQLError } from 'graphql';
import { couldWatchEnvironment, couldWatchFlow } from '../events/audience.js';
import { decodeEventCursor } from '../events/cursor.js';
import type { EventRow, FeedScope } from '../events/feed.js';
import { readLog } from '../events/read.js';
import { MAX_BEHIND, replayThenLive, type StreamEnd } from '../events/stream.js';
import { DomainError } from '../policy/errors.js';
import { assertListCap, MAX_KINDS } from '../sharing/input.js';
import { assertMayWatchEnvironment, assertMayWatchFlow, refusal } from '../sharing/watch.js';
import { builder } from './builder.js';
import { requireViewer, unauthenticated, type Context } from './context.js';
import { assertCursorInLog, SharingEvent, SharingEventKind } from './events.js';
import { idOf } from './ids.js';
import { createLoaders, sharedForEvent } from '../reads/loaders.js';
import { releaseLoaders } from './shared-delivery.js';

type Kind = EventRow['kind'];

async function stream(
  ctx: Context,
  scope: FeedScope,
  afterCursor: string | null | undefined,
  options: {
    kinds?: readonly Kind[] | null;
    authorize?: (event: EventRow) => Error | null | Promise<Error | null>;
    isLast?: (e: EventRow) => boolean;
  } = {},
) {
  const after = afterCursor == null ? null : decodeEventCursor(afterCursor, ['after']);
  if (after !== null) await assertCursorInLog(ctx.db, after);
  assertListCap(options.kinds, MAX_KINDS, ['kinds']);
  const kinds = options.kinds?.length ? new Set(options.kinds) : null;
  const until = ctx.signedInUntil;
  const viewer = requireViewer(ctx);
  // Nothing loaded before the first event is of use to it (each event makes its own).
  releaseLoaders(ctx);
  // Methods and module-level functions rather than arrows: a stream's options live as long as it
  // does, and each named closure is one more object per idle subscription (issue #13).
  return replayThenLive({
    feed: ctx.feed,
    scope,
    after,
    replay(position, limit) {
      return readLog(ctx.db, scope, { after: position, limit, kinds: kinds && [...kinds] });
    },
    accept: kinds ? acceptKinds(kinds) : undefined,
    authorize: options.authorize,
    isLast: options.isLast,
    viewer: { id: viewer.id, departed },
    endsAt: until ? { at: until, error: expired } : undefined,
    tooSlow,
  });
}

function acceptKinds(kinds: ReadonlySet<Kind>) {
  return (event: EventRow) => kinds.has(event.kind);
}
function departed() {
  return unauthenticated('the user has left the organization');
}
function expired() {
  return unauthenticated('the token has expired; subscribe again with a new one');
}
function tooSlow() {
  return new GraphQLError(
    `This subscription fell more than ${MAX_BEHIND} events behind: subscribe again after the last cursor you received.`,
    {
      extensions: { code: 'TOO_SLOW' },
    },
  );
}
const isFlowDeleted = (event: EventRow) => event.kind === 'FLOW_DELETED';

/**
 * Each event is resolved with fresh loaders, made on first use (a stream's context lives for
 * hours; what a field shows must be as of the event; a selection of the event's own columns
 * needs none). The rows every viewer reads alike are loaded once for all the subscribers of a
 * live event (sharedForEvent); each viewer's access is still decided for them alone
 * (shared-delivery.ts shares a whole result only where no field depends on the viewer).
 * A stream's end is shown as the error it carries.
 */
function delivered(payload: EventRow | StreamEnd, _args: unknown, ctx: Context): EventRow {
  if ('end' in payload) throw payload.end;
  releaseLoaders(ctx, () => createLoaders(ctx.db, ctx.viewer, sharedForEvent(payload, ctx.db)));
  return payload;
}

const AFTER = { description: 'Replay the log after this cursor first, then go live.' } as const;

builder.subscriptionFields((t) => ({
  sharingEvents: t.field({
    type: SharingEvent,
    description:
      "The viewer's sharing events as they happen. With `after`, the stream first replays every event after that cursor from the durable log, then goes live, with no gap and no duplicate.",
    args: { after: t.arg.string(AFTER), kinds: t.arg({ type: [SharingEventKind] }) },
    subscribe: (_, args, ctx) => stream(ctx, { userId: requireViewer(ctx).id }, args.after, { kinds: args.kinds }),
    resolve: delivered,
  }),
  copyReceived: t.field({
    type: SharingEvent,
    description: 'Shorthand for sharingEvents(kinds: [COPY_RECEIVED]).',
    args: { after: t.arg.string(AFTER) },
    subscribe: (_, args, ctx) => stream(ctx, { userId: requireViewer(ctx).id }, args.after, { kinds: ['COPY_RECEIVED'] }),
    resolve: delivered,
  }),
  flowSharingEvents: t.field({
    type: SharingEvent,
    description:
      'Every sharing event of one flow (its owners and environment admins only). Ends when the viewer loses access, or after FLOW_DELETED.',
    args: { flowId: t.arg.id({ required: true }), after: t.arg.string(AFTER) },
    subscribe: async (_, args, ctx) => {
      const viewer = requireViewer(ctx);
      const field = ['flowId'];
      const flowId = idOf(args.flowId, 'Flow', field);
      await assertMayWatchFlow(ctx.db, viewer, flowId, field);
      const lost = 'You no longer own this flow or administer its environment.';
      return stream(ctx, { flowId }, args.after, {
        // As of the event (its audience), not as of now: the flow may be gone by delivery.
        authorize(event) {
          const could = couldWatchFlow(event, viewer.id);
          if (could !== null) return could ? null : new DomainError('NOT_AUTHORIZED', lost);
          // An event logged before audiences were recorded: checked now, as it used to be.
          return event.kind === 'FLOW_DELETED' ? null : refusal(() => assertMayWatchFlow(ctx.db, viewer, flowId, field), lost);
        },
        isLast: isFlowDeleted,
      });
    },
    resolve: delivered,
  }),
  environmentSharingEvents: t.field({
    type: SharingEvent,
    description: "Environment admins only: the environment's whole sharing log, live.",
    args: { environmentId: t.arg.id({ required: true }), after: t.arg.string(AFTER) },
    subscribe: async (_, args, ctx) => {
      const viewer = requireViewer(ctx);
      const field = ['environmentId'];
      const environmentId = idOf(args.environmentId, 'Environment', field);
      await assertMayWatchEnvironment(ctx.db, viewer, environmentId, field);
      const lost = 'You no longer administer this environment.';
      return stream(ctx, { environmentId }, args.after, {
        authorize(event) {
          const could = couldWatchEnvironment(event, viewer.id);
          if (could !== null) return could ? null : new DomainError('NOT_AUTHORIZED', lost);
          return refusal(() => assertMayWatchEnvironment(ctx.db, viewer, environmentId, field), lost);
        },
      });
    },
    resolve: delivered,
  }),
}));
