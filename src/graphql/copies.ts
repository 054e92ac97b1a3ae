// Copies and ownership: FlowCopy, receivedCopies, sendFlowCopy, createFlowFromCopy,
// saveFlowAs, changePrimaryOwner.
import { cursorAfter } from '../events/cursor.js';
import { copiesReceivedBy, copiesSentBy } from '../reads/copies.js';
import type { FlowRow } from '../sharing/access.js';
import { changePrimaryOwner } from '../sharing/ownership.js';
import { copyDefinition, createFlowFromCopy, saveFlowAs, sendFlowCopy, type CopyRow } from '../sharing/copies.js';
import { builder } from './builder.js';
import { requireViewer, type Context } from './context.js';
import { User } from './directory.js';
import { Connector } from './environments.js';
import { attempt, resultUnion } from './errors.js';
import { SharingEvent } from './events.js';
import { Flow, flowSuccess, TriggerKind } from './flows.js';
import { idOf, principalOf } from './ids.js';
import { keysetPage } from './pagination.js';

export const FlowCopy = builder.objectRef<CopyRow>('FlowCopy');
builder.node(FlowCopy, {
  description: 'A copy sent to a user: an independent template. The sender cannot revoke it.',
  id: { resolve: (c) => c.id },
  fields: (t) => ({
    displayName: t.exposeString('displayName'),
    description: t.exposeString('description', { nullable: true }),
    sender: t.field({ type: User, resolve: async (c, _, ctx) => (await ctx.loaders.user.load(c.senderId))! }),
    recipient: t.field({ type: User, resolve: async (c, _, ctx) => (await ctx.loaders.user.load(c.recipientId))! }),
    sentAt: t.field({ type: 'DateTime', resolve: (c) => c.sentAt }),
    trigger: t.field({ type: TriggerKind, resolve: (c) => c.trigger }),
    actionNames: t.stringList({
      description: "The copied actions' names, in order.",
      resolve: (c) => copyDefinition(c).actions.map((a) => a.name),
    }),
    connectorsNeeded: t.field({
      type: [Connector],
      description: 'The connectors the copy needs: createFlowFromCopy takes a connection of yours for each.',
      resolve: async (c, _, ctx) => {
        const found = await Promise.all(copyDefinition(c).connectorIds.map((id) => ctx.loaders.connector.load(id)));
        return found.filter((connector) => connector !== null);
      },
    }),
    createdFlow: t.field({
      type: Flow,
      nullable: true,
      description: 'The flow the recipient created from it, once they have (null if it was deleted, or you cannot see it).',
      resolve: async (c, _, ctx) => {
        if (!c.createdFlowId) return null;
        const found = await ctx.loaders.flow.load(c.createdFlowId);
        return found?.access.canView ? found.flow : null;
      },
    }),
  }),
});

/** A copy is seen by its recipient and its sender, no one else. */
export async function visibleCopy(ctx: Context, id: string): Promise<CopyRow | null> {
  const copy = await ctx.loaders.copy.load(id);
  return copy && (copy.recipientId === ctx.viewer?.id || copy.senderId === ctx.viewer?.id) ? copy : null;
}

builder.objectField(SharingEvent, 'copy', (t) =>
  t.field({
    type: FlowCopy,
    nullable: true,
    description: 'The copy, for COPY_RECEIVED.',
    resolve: (e, _, ctx) => (e.copyId ? visibleCopy(ctx, e.copyId) : null),
  }),
);

const FlowCopyConnection = builder.connectionObject({ type: FlowCopy, name: 'FlowCopyConnection' }, { name: 'FlowCopyEdge' });

builder.queryFields((t) => ({
  receivedCopies: t.field({
    type: FlowCopyConnection,
    description: 'Copies of flows sent to the viewer (Templates > Shared with me), newest first.',
    args: t.arg.connectionArgs(),
    resolve: (_, args, ctx) => {
      const viewer = requireViewer(ctx);
      return keysetPage(args, copiesReceivedBy(ctx.db, viewer.id));
    },
  }),
  sentCopies: t.field({
    type: FlowCopyConnection,
    description: 'Copies the viewer sent, newest first.',
    args: t.arg.connectionArgs(),
    resolve: (_, args, ctx) => keysetPage(args, copiesSentBy(ctx.db, requireViewer(ctx).id)),
  }),
}));

// ------------------------------------------------------------------ mutations

const SendFlowCopyInput = builder.inputType('SendFlowCopyInput', {
  fields: (t) => ({
    flowId: t.id({ required: true }),
    recipientIds: t.idList({ required: true }),
    displayName: t.string({ description: "The copy's name; the flow's by default." }),
    description: t.string({ description: "The copy's description; the flow's by default." }),
  }),
});
const SendFlowCopySuccess = builder.objectRef<{ copies: CopyRow[]; lastPosition: number | null }>('SendFlowCopySuccess').implement({
  fields: (t) => ({
    copies: t.field({ type: [FlowCopy], resolve: (r) => r.copies }),
    eventCursor: t.string({ nullable: true, resolve: (r) => cursorAfter(r.lastPosition) }),
  }),
});

const CreateFlowFromCopyInput = builder.inputType('CreateFlowFromCopyInput', {
  fields: (t) => ({
    copyId: t.id({ required: true }),
    environmentId: t.id({ required: true }),
    connectionIds: t.idList({ description: "For each connector the copy needs, a connection of the viewer's." }),
  }),
});
const SaveFlowAsInput = builder.inputType('SaveFlowAsInput', {
  fields: (t) => ({ flowId: t.id({ required: true }), displayName: t.string({ required: true }) }),
});
const ChangePrimaryOwnerInput = builder.inputType('ChangePrimaryOwnerInput', {
  description: 'Solution-aware flows only; the old primary owner stays a co-owner.',
  fields: (t) => ({ flowId: t.id({ required: true }), newOwnerId: t.id({ required: true }) }),
});
const ChangePrimaryOwnerSuccess = builder.objectRef<{ flow: FlowRow; lastPosition: number | null }>('ChangePrimaryOwnerSuccess').implement({
  fields: (t) => ({
    flow: t.field({ type: Flow, resolve: (r) => r.flow }),
    eventCursor: t.string({ nullable: true, resolve: (r) => cursorAfter(r.lastPosition) }),
  }),
});

builder.mutationFields((t) => ({
  sendFlowCopy: t.field({
    type: resultUnion('SendFlowCopy', SendFlowCopySuccess),
    args: { input: t.arg({ type: SendFlowCopyInput, required: true }) },
    resolve: (_, { input }, ctx) =>
      attempt(ctx, (viewer) =>
        sendFlowCopy(ctx.db, viewer, {
          flowId: idOf(input.flowId, 'Flow', ['input', 'flowId']),
          recipients: input.recipientIds.map((id, i) => principalOf(id, ['input', 'recipientIds', String(i)])),
          displayName: input.displayName,
          description: input.description,
        }),
      ),
  }),
  createFlowFromCopy: t.field({
    type: resultUnion('CreateFlowFromCopy', flowSuccess('CreateFlowFromCopy')),
    args: { input: t.arg({ type: CreateFlowFromCopyInput, required: true }) },
    resolve: (_, { input }, ctx) =>
      attempt(ctx, async (viewer) => ({
        flow: await createFlowFromCopy(ctx.db, viewer, {
          copyId: idOf(input.copyId, 'FlowCopy', ['input', 'copyId']),
          environmentId: idOf(input.environmentId, 'Environment', ['input', 'environmentId']),
          connectionIds: (input.connectionIds ?? []).map((id, i) => idOf(id, 'Connection', ['input', 'connectionIds', String(i)])),
        }),
      })),
  }),
  saveFlowAs: t.field({
    type: resultUnion('SaveFlowAs', flowSuccess('SaveFlowAs')),
    args: { input: t.arg({ type: SaveFlowAsInput, required: true }) },
    resolve: (_, { input }, ctx) =>
      attempt(ctx, async (viewer) => ({
        flow: await saveFlowAs(ctx.db, viewer, { flowId: idOf(input.flowId, 'Flow', ['input', 'flowId']), displayName: input.displayName }),
      })),
  }),
  changePrimaryOwner: t.field({
    type: resultUnion('ChangePrimaryOwner', ChangePrimaryOwnerSuccess),
    args: { input: t.arg({ type: ChangePrimaryOwnerInput, required: true }) },
    resolve: (_, { input }, ctx) =>
      attempt(ctx, (viewer) =>
        changePrimaryOwner(ctx.db, viewer, {
          flowId: idOf(input.flowId, 'Flow', ['input', 'flowId']),
          newOwner: principalOf(input.newOwnerId, ['input', 'newOwnerId']),
        }),
      ),
  }),
}));
