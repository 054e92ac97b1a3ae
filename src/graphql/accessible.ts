// accessibleFlows: every flow a user can reach, and how (issue 14). Who may ask is
// policy/accessible.ts's; the list and the user's access are src/reads/accessible.ts's.
import type { FlowAccess as FlowAccessFacts } from '../policy/access.js';
import { accessibleFlows } from '../reads/accessible.js';
import type { FlowRow } from '../sharing/access.js';
import { builder } from './builder.js';
import { requireViewer } from './context.js';
import { Flow, FlowAccess } from './flows.js';
import { idOf, optionalIdOf } from './ids.js';
import { keysetPage, type Page } from './pagination.js';

/** An edge: the flow as the viewer sees it, and the asked-about user's access to it. */
type AccessibleEdge = { cursor: string; node: FlowRow; access: () => Promise<FlowAccessFacts> };

const AccessibleFlowConnection = builder.connectionObject(
  { type: Flow, name: 'AccessibleFlowConnection' },
  {
    name: 'AccessibleFlowEdge',
    fields: (t) => ({
      access: t.field({
        type: FlowAccess,
        description: "The user's access to the flow (paths and flags), blockedReason when inert.",
        resolve: (edge) => (edge as AccessibleEdge).access(),
      }),
    }),
  },
);

builder.queryField('accessibleFlows', (t) =>
  t.field({
    type: AccessibleFlowConnection,
    description: [
      'Every flow a user can reach, and how (owner or run-only, directly or through',
      'a group or list; inert grants included with their blockedReason). Environment',
      'admins may ask about any user of their tenant and see the flows of the',
      'environments they administer (environmentId narrows to one); any user may ask',
      'about themselves (all environments). Anyone else: NOT_AUTHORIZED for a user of',
      "the viewer's tenant, NOT_FOUND for any other id.",
    ].join('\n'),
    args: { userId: t.arg.id({ required: true }), environmentId: t.arg.id(), first: t.arg.int(), after: t.arg.string() },
    resolve: async (_, args, ctx): Promise<Page<FlowRow>> => {
      const viewer = requireViewer(ctx);
      const reach = await accessibleFlows(ctx.db, viewer, ctx.loaders, {
        userId: idOf(args.userId, 'User', ['userId']),
        environmentId: optionalIdOf(args.environmentId, 'Environment', ['environmentId']),
      });
      const page = await keysetPage({ first: args.first, after: args.after }, reach.flows);
      const edges: AccessibleEdge[] = page.edges.map((e) => ({ ...e, access: () => reach.accessOf(e.node.id) }));
      return { ...page, edges };
    },
  }),
);
