// Runs: triggerFlow, Flow.runs and FlowRun (owners see every run, run-only users their own).
import { runFailureReason, runStatus } from '../db/tables.js';
import { runsOfFlow } from '../reads/runs.js';
import type { FlowRow } from '../sharing/access.js';
import { triggerFlow, type RunRow } from '../sharing/runs.js';
import { builder } from './builder.js';
import { Connection } from './connections.js';
import type { Context } from './context.js';
import { User } from './directory.js';
import { attempt, resultUnion } from './errors.js';
import { Flow } from './flows.js';
import { idOf } from './ids.js';
import { keysetPage } from './pagination.js';

const RunStatus = builder.enumType('RunStatus', { values: runStatus.enumValues });
const RunFailureReason = builder.enumType('RunFailureReason', { values: runFailureReason.enumValues });

type FailureRow = Awaited<ReturnType<Context['loaders']['failuresOfRun']['load']>>[number];

const RunFailure = builder.objectRef<FailureRow>('RunFailure').implement({
  fields: (t) => ({
    actionName: t.exposeString('actionName'),
    reason: t.field({ type: RunFailureReason, resolve: (f) => f.reason }),
    connection: t.field({
      type: Connection,
      nullable: true,
      description: 'The connection the action would have used; null when the runner brought none.',
      resolve: (f, _, ctx) => (f.connectionId ? ctx.loaders.connection.load(f.connectionId) : null),
    }),
  }),
});

export const FlowRun = builder.objectRef<RunRow>('FlowRun');
builder.node(FlowRun, {
  id: { resolve: (r) => r.id },
  fields: (t) => ({
    flow: t.field({ type: Flow, resolve: async (r, _, ctx) => (await ctx.loaders.flow.load(r.flowId))!.flow }),
    invoker: t.field({ type: User, resolve: async (r, _, ctx) => (await ctx.loaders.user.load(r.invokerId))! }),
    status: t.field({ type: RunStatus, resolve: (r) => r.status }),
    startedAt: t.field({ type: 'DateTime', resolve: (r) => r.startedAt }),
    failures: t.field({ type: [RunFailure], resolve: (r, _, ctx) => ctx.loaders.failuresOfRun.load(r.id) }),
  }),
});

/** A run is seen by those who see the flow's run history (S3), and by the one who ran it (S8). */
export async function visibleRun(ctx: Context, id: string): Promise<RunRow | null> {
  const run = await ctx.loaders.run.load(id);
  if (!run) return null;
  const found = await ctx.loaders.flow.load(run.flowId);
  const mayView = found?.access.canViewRunHistory || (found?.access.canView && run.invokerId === ctx.viewer?.id);
  return mayView ? run : null;
}

const FlowRunConnection = builder.connectionObject({ type: FlowRun, name: 'FlowRunConnection' }, { name: 'FlowRunEdge' });

builder.objectField(Flow, 'runs', (t) =>
  t.field({
    type: FlowRunConnection,
    description: 'Owners and admins see every run; a run-only user sees their own. Newest first.',
    args: t.arg.connectionArgs(),
    resolve: async (flow: FlowRow, args, ctx) => {
      const found = await ctx.loaders.flow.load(flow.id);
      const everyRun = found?.access.canViewRunHistory ?? false;
      return keysetPage(args, runsOfFlow(ctx.db, flow.id, { everyRun, viewerId: ctx.viewer?.id ?? null }));
    },
  }),
);

const TriggerFlowInput = builder.inputType('TriggerFlowInput', {
  fields: (t) => ({
    flowId: t.id({ required: true }),
    invokerConnectionIds: t.idList({ description: "The run-only user's own connections, for connections provided by the run-only user." }),
  }),
});
const TriggerFlowSuccess = builder.objectRef<{ run: RunRow }>('TriggerFlowSuccess').implement({
  fields: (t) => ({ run: t.field({ type: FlowRun, resolve: (s) => s.run }) }),
});

builder.mutationField('triggerFlow', (t) =>
  t.field({
    type: resultUnion('TriggerFlow', TriggerFlowSuccess),
    args: { input: t.arg({ type: TriggerFlowInput, required: true }) },
    resolve: (_, { input }, ctx) =>
      attempt(ctx, async (viewer) => ({
        run: await triggerFlow(ctx.db, viewer, {
          flowId: idOf(input.flowId, 'Flow', ['input', 'flowId']),
          invokerConnectionIds: (input.invokerConnectionIds ?? []).map((id, i) =>
            idOf(id, 'Connection', ['input', 'invokerConnectionIds', String(i)]),
          ),
        }),
      })),
  }),
);
