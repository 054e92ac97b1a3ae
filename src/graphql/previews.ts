// previewFlowOwners and previewRunOnlyUsers: the mutation's own decision, without writing
// (src/sharing/preview.ts runs the mutation in a transaction rolled back). The input is decoded
// by the mutation's own decoder and a refusal is made an OperationError by the mutation's own
// attempt(), so the preview's `error` is the mutation's: same code, message and field.
import type { PrincipalRef } from '../policy/access.js';
import { ADVICE_PER_PRINCIPAL, type SharingAdvice as Advice, type SharingAdviceKind as AdviceKind } from '../policy/advice.js';
import { MAX_FLOW_CONNECTIONS, MAX_IDS } from '../sharing/input.js';
import {
  previewFlowOwners,
  previewRunOnlyUsers,
  type SharingPreview as Preview,
  type UserAccessChange as Change,
} from '../sharing/preview.js';
import { builder } from './builder.js';
import { Connection } from './connections.js';
import type { Context } from './context.js';
import { listCost } from './cost.js';
import { loadPrincipal, Principal, User } from './directory.js';
import { attempt, OperationError, type OperationErrorShape } from './errors.js';
import { AccessLevel } from './flows.js';
import { decodeModifyFlowOwnersInput, ModifyFlowOwnersInput } from './owners.js';
import { offsetPage } from './pagination.js';
import { decodeModifyRunOnlyUsersInput, ModifyRunOnlyUsersInput } from './runonly.js';

/** A preview as the API shows it: what would happen, or the error that would stop it. */
type PreviewShape = Preview & { error: OperationErrorShape | null };

const nothing: Preview = { changes: [], usersAddedToEnvironment: [], inertFor: [], connectionsNeedingAttention: [], advice: [] };

/**
 * Users listed unpaged (inertFor, usersAddedToEnvironment): the first this many by name. They
 * come from groups and lists, which the input caps don't bound; `changes` is the whole list, paged.
 */
export const MAX_LISTED_USERS = 1_000;
/** Advice: a few per added principal, one per connection of the flow, one ADDED_TO_ENVIRONMENT. */
const MAX_ADVICE = ADVICE_PER_PRINCIPAL * MAX_IDS + 2 * MAX_FLOW_CONNECTIONS + 1;

const SharingAdviceKind = builder.enumType('SharingAdviceKind', {
  values: {
    LARGE_AUDIENCE: { description: 'A group or list would give access to many users (more than 100).' },
    GUEST_OWNER: { description: 'A guest would become an owner.' },
    NO_EXPIRY: { description: 'A guest would get access that never ends by itself: consider expiresAt.' },
    CONSIDER_LIST: { description: "The flow uses SharePoint: a SharePoint list as co-owner keeps access in step with the list's editors." },
    CONSIDER_RUN_ONLY: {
      description: 'A user without a maker role could not edit the flow as co-owner: an instant flow can be shared run-only instead.',
    },
    OUTSIDE_ENVIRONMENT: { description: "Users outside the environment's security group would get nothing from the grant." },
    ADDED_TO_ENVIRONMENT: { description: 'Users would be added to the environment (solution-aware flows).' },
    CONNECTIONS_NEED_ATTENTION: { description: "A removed owner's credentials back connections of the flow: update them." },
    EMBEDDED_CREDENTIALS: { description: "Run-only users would run on the owners' credentials (EMBEDDED): consider INVOKER." },
  } satisfies Record<AdviceKind, object>,
});

const SharingAdvice = builder.objectRef<Advice>('SharingAdvice').implement({
  fields: (t) => ({
    kind: t.field({ type: SharingAdviceKind, resolve: (a) => a.kind }),
    message: t.exposeString('message'),
    principal: t.field({
      type: Principal,
      nullable: true,
      // A principal the input named, of the viewer's tenant (loadPrincipal answers null otherwise: S24).
      resolve: (a, _, ctx) => (a.principal ? loadPrincipal(ctx, a.principal as PrincipalRef) : null),
    }),
    connection: t.field({
      type: Connection,
      nullable: true,
      // A connection of the flow, which the viewer (an owner or admin: the mutation let them) sees whole (S23).
      resolve: async (a, _, ctx) => (a.connectionId ? ctx.loaders.connection.load(a.connectionId) : null),
    }),
  }),
});

const UserAccessChange = builder.objectRef<Change>('UserAccessChange').implement({
  fields: (t) => ({
    user: t.field({ type: User, resolve: (c) => c.user }),
    before: t.field({ type: AccessLevel, description: "The user's access level before and after the change.", resolve: (c) => c.before }),
    after: t.field({ type: AccessLevel, resolve: (c) => c.after }),
  }),
});

const UserAccessChangeConnection = builder.connectionObject(
  { type: UserAccessChange, name: 'UserAccessChangeConnection' },
  { name: 'UserAccessChangeEdge' },
);

const SharingPreview = builder.objectRef<PreviewShape>('SharingPreview').implement({
  fields: (t) => ({
    error: t.field({
      type: OperationError,
      nullable: true,
      description: 'The error the change would get; null when it would go through.',
      resolve: (p) => p.error,
    }),
    changes: t.field({
      type: UserAccessChangeConnection,
      description: 'Users whose access level would change, groups and lists expanded.',
      args: { first: t.arg.int(), after: t.arg.string() },
      resolve: (p, args) => {
        return offsetPage(
          { first: args.first ?? undefined, after: args.after ?? undefined },
          { page: async ({ offset, limit }) => p.changes.slice(offset, offset + limit), count: async () => p.changes.length },
        );
      },
    }),
    usersAddedToEnvironment: t.field({
      type: [User],
      complexity: listCost(MAX_LISTED_USERS),
      resolve: (p) => p.usersAddedToEnvironment.slice(0, MAX_LISTED_USERS),
    }),
    inertFor: t.field({
      type: [User],
      description: 'Users whose new grant would be inert (outside the environment).',
      complexity: listCost(MAX_LISTED_USERS),
      resolve: (p) => p.inertFor.slice(0, MAX_LISTED_USERS),
    }),
    connectionsNeedingAttention: t.field({
      type: [Connection],
      complexity: listCost(MAX_FLOW_CONNECTIONS),
      resolve: (p) => p.connectionsNeedingAttention,
    }),
    advice: t.field({ type: [SharingAdvice], complexity: listCost(MAX_ADVICE), resolve: (p) => p.advice }),
  }),
});

/** The preview, or the mutation's error as the preview's `error` (UNAUTHENTICATED stays an error, as for the mutation). */
async function answer(ctx: Context, run: Parameters<typeof attempt<Preview>>[1]): Promise<PreviewShape> {
  const result = await attempt(ctx, run);
  return 'operationError' in result ? { ...nothing, error: result } : { ...result, error: null };
}

builder.queryFields((t) => ({
  previewFlowOwners: t.field({
    type: SharingPreview,
    description:
      'What modifyFlowOwners would do with this input, without doing it: who gains\nand loses access, who is added to the environment, which grants would be\ninert, the error it would get, and advice. Same permissions as the mutation.',
    args: { input: t.arg({ type: ModifyFlowOwnersInput, required: true }) },
    resolve: (_, { input }, ctx) => answer(ctx, (viewer) => previewFlowOwners(ctx.db, viewer, decodeModifyFlowOwnersInput(input))),
  }),
  previewRunOnlyUsers: t.field({
    type: SharingPreview,
    description: 'The same for modifyRunOnlyUsers.',
    args: { input: t.arg({ type: ModifyRunOnlyUsersInput, required: true }) },
    resolve: (_, { input }, ctx) => answer(ctx, (viewer) => previewRunOnlyUsers(ctx.db, viewer, decodeModifyRunOnlyUsersInput(input))),
  }),
}));
