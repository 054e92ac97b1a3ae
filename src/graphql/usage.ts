// flowUsage: runs per flow and per runner in a period, for environment admins
// (src/sharing/usage.ts; the SQL is in src/reads/usage.ts). Most-run flows first, paged on
// (runs, flow id); a page's runners, with their access now, are read once for the whole page.
import { encodeBase64 } from '@pothos/core';
import { resolveCursorConnection } from '@pothos/plugin-relay';
import type { FlowUsageRow, UsageKey } from '../reads/usage.js';
import { flowUsage, type RunnerUsage as Runner } from '../sharing/usage.js';
import { builder } from './builder.js';
import { requireViewer } from './context.js';
import { User } from './directory.js';
import { AccessLevel, Flow } from './flows.js';
import { idOf } from './ids.js';
import { decodeCursor, DEFAULT_PAGE, invalid, MAX_PAGE, type Page } from './pagination.js';

type Usage = Awaited<ReturnType<typeof flowUsage>>;
/** What a page's nodes share: its flows, and their runners for each `first` asked for. */
type PageState = { usage: Usage; flowIds: string[]; runners: Map<number, Promise<Map<string, Runner[]>>> };
type UsageNode = FlowUsageRow & { page: PageState };

const RunnerUsage = builder.objectRef<Runner>('RunnerUsage').implement({
  fields: (t) => ({
    user: t.field({ type: User, resolve: (r) => r.user }),
    runs: t.exposeInt('runs'),
    lastRunAt: t.field({ type: 'DateTime', resolve: (r) => r.lastRunAt }),
    access: t.field({
      type: AccessLevel,
      description: 'How the runner reaches the flow now (NONE if they no longer do).',
      resolve: (r) => r.access,
    }),
  }),
});

/** A page size: `first` between 0 and MAX_PAGE, DEFAULT_PAGE when not given. */
function pageSize(first: number | null | undefined, name: string): number {
  if (first == null) return DEFAULT_PAGE;
  if (first < 0 || first > MAX_PAGE) throw invalid(`"${name}" must be between 0 and ${MAX_PAGE}`);
  return first;
}

const FlowUsage = builder.objectRef<UsageNode>('FlowUsage').implement({
  description: "A flow's runs in the period asked for.",
  fields: (t) => ({
    flow: t.field({ type: Flow, resolve: (u) => u.flow }),
    runs: t.exposeInt('runs'),
    failedRuns: t.exposeInt('failedRuns'),
    distinctRunners: t.exposeInt('distinctRunners'),
    guestRunners: t.exposeInt('guestRunners'),
    lastRunAt: t.field({ type: 'DateTime', nullable: true, resolve: (u) => u.lastRunAt }),
    runners: t.field({
      type: [RunnerUsage],
      description: `Runners, most runs first. \`first\` up to ${MAX_PAGE} (${DEFAULT_PAGE} by default); the cost limit counts it.`,
      args: { first: t.arg.int() },
      resolve: async (u, args) => {
        const first = pageSize(args.first, 'first');
        const { page } = u;
        let loaded = page.runners.get(first);
        if (!loaded) {
          loaded = page.usage.runners(page.flowIds, first).then((rows) => {
            const byFlow = new Map<string, Runner[]>();
            for (const r of rows) byFlow.set(r.flowId, [...(byFlow.get(r.flowId) ?? []), r]);
            return byFlow;
          });
          page.runners.set(first, loaded);
        }
        return (await loaded).get(u.flow.id) ?? [];
      },
    }),
  }),
});

const FlowUsageConnection = builder.connectionObject({ type: FlowUsage, name: 'FlowUsageConnection' }, { name: 'FlowUsageEdge' });

function encodeKey({ runs, id }: UsageKey): string {
  return encodeBase64(`U:${runs}:${id}`);
}

function decodeKey(cursor: string | undefined): UsageKey | null {
  return decodeCursor(cursor, (text) => {
    const match = /^U:(\d{1,10}):([0-9a-f-]{36})$/.exec(text);
    return match && Number(match[1]) <= 2 ** 31 - 1 ? { runs: Number(match[1]), id: match[2]! } : null;
  });
}

builder.queryField('flowUsage', (t) =>
  t.field({
    type: FlowUsageConnection,
    description: 'Environment admins: runs per flow and per runner in a period, most run first.',
    args: {
      environmentId: t.arg.id({ required: true }),
      since: t.arg({ type: 'DateTime', required: true }),
      until: t.arg({ type: 'DateTime' }),
      first: t.arg.int(),
      after: t.arg.string(),
    },
    resolve: async (_, args, ctx): Promise<Page<UsageNode>> => {
      const viewer = requireViewer(ctx);
      const first = pageSize(args.first, 'first');
      const usage = await flowUsage(ctx.db, viewer, {
        environmentId: idOf(args.environmentId, 'Environment', ['environmentId']),
        since: args.since,
        until: args.until ?? null,
      });
      const page: PageState = { usage, flowIds: [], runners: new Map() };
      const connection = await resolveCursorConnection(
        {
          args: { first, after: args.after ?? undefined },
          defaultSize: DEFAULT_PAGE,
          maxSize: MAX_PAGE,
          toCursor: (row) => encodeKey(usage.flows.keyOf(row as UsageNode)),
        },
        async ({ after, limit }): Promise<UsageNode[]> => {
          const rows = await usage.flows.page({ after: decodeKey(after), limit });
          // The query reads one row past the page (hasNextPage); its runners are not asked for.
          page.flowIds = rows.slice(0, first).map((r) => r.flow.id);
          return rows.map((r) => ({ ...r, page }));
        },
      );
      return { ...(connection as Omit<Page<UsageNode>, 'totalCount'>), totalCount: usage.flows.count };
    },
  }),
);
