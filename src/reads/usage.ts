// flowUsage's SQL: runs per flow and per runner in a period, for one environment. A page of
// flows is one aggregate statement (every flow of the environment, most runs first, keyset
// on (runs, flow id)); the runners of a page's flows another, whatever the page's size. Both
// read flow_runs through flow_runs_usage_idx (flow_id, started_at, invoker_id, status): runs
// have no environment column, so the environment's flows (flows_environment_idx) lead to
// each flow's range of runs in the period, read from the index alone.
import { and, count, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { flowRuns, flows, users } from '../db/tables.js';
import type { FlowRow, UserRow } from '../sharing/access.js';

export type UsagePeriod = { environmentId: string; since: Date; until: Date | null };
/** A position in the list: flows are ordered by (runs desc, id desc). */
export type UsageKey = { runs: number; id: string };
export type FlowUsageRow = {
  flow: FlowRow;
  runs: number;
  failedRuns: number;
  distinctRunners: number;
  guestRunners: number;
  lastRunAt: Date | null;
};
export type RunnerRow = { flowId: string; user: UserRow; runs: number; lastRunAt: Date };

const inPeriod = (period: Pick<UsagePeriod, 'since' | 'until'>): SQL | undefined =>
  and(gte(flowRuns.startedAt, period.since), period.until ? lt(flowRuns.startedAt, period.until) : undefined);

/** Each runner's runs of each flow in the period; `where` narrows the flows. */
function perRunner(db: Db, period: UsagePeriod, where: SQL | undefined) {
  return db
    .select({
      flowId: sql<string>`${flowRuns.flowId}`.as('flow_id'),
      invokerId: sql<string>`${flowRuns.invokerId}`.as('invoker_id'),
      runs: sql<number>`count(*)::int`.as('runs'),
      failed: sql<number>`(count(*) filter (where ${flowRuns.status} = 'FAILED'))::int`.as('failed'),
      lastRunAt: sql<Date>`max(${flowRuns.startedAt})`.as('last_run_at'),
    })
    .from(flowRuns)
    .where(and(where, inPeriod(period)))
    .groupBy(flowRuns.flowId, flowRuns.invokerId);
}

/**
 * Every flow of the environment with its usage in the period, most runs first. One statement:
 * runs, failures and the last run per flow for the whole environment (what the order needs),
 * then, for the page's flows only, their distinct and guest runners (a lateral join).
 */
export function usageOfEnvironment(db: Db, period: UsagePeriod) {
  const ofEnvironment = eq(flows.environmentId, period.environmentId);
  return {
    keyOf: (row: FlowUsageRow): UsageKey => ({ runs: row.runs, id: row.flow.id }),
    page: ({ after, limit }: { after: UsageKey | null; limit: number }): Promise<FlowUsageRow[]> => {
      const perFlow = db.$with('per_flow').as(
        db
          .select({
            flowId: sql<string>`${flowRuns.flowId}`.as('usage_flow_id'),
            runs: sql<number>`count(*)::int`.as('usage_runs'),
            failed: sql<number>`(count(*) filter (where ${flowRuns.status} = 'FAILED'))::int`.as('usage_failed'),
            lastRunAt: sql<Date>`max(${flowRuns.startedAt})`.as('usage_last_run_at'),
          })
          .from(flowRuns)
          .where(and(inArray(flowRuns.flowId, db.select({ id: flows.id }).from(flows).where(ofEnvironment)), inPeriod(period)))
          .groupBy(flowRuns.flowId),
      );
      const runs = sql<number>`coalesce(${perFlow.runs}, 0)`;
      const page = db
        .with(perFlow)
        .select({
          id: sql<string>`${flows.id}`.as('page_id'),
          runs: sql<number>`${runs}`.as('page_runs'),
          failed: sql<number>`coalesce(${perFlow.failed}, 0)`.as('page_failed'),
          lastRunAt: sql<Date | null>`${perFlow.lastRunAt}`.as('page_last_run_at'),
        })
        .from(flows)
        .leftJoin(perFlow, eq(perFlow.flowId, flows.id))
        .where(and(ofEnvironment, after ? sql`(${runs}, ${flows.id}) < (${after.runs}::int, ${after.id}::uuid)` : undefined))
        .orderBy(desc(runs), desc(flows.id))
        .limit(limit)
        .as('page');
      // Each page flow's runners in the period, read once each from the usage index.
      const runners = db
        .select({
          distinctRunners: sql<number>`count(*)::int`.as('distinct_runners'),
          guestRunners: sql<number>`(count(*) filter (where ${users.kind} = 'GUEST'))::int`.as('guest_runners'),
        })
        .from(
          sql`(select distinct ${flowRuns.invokerId} as invoker_id from ${flowRuns}
               where ${flowRuns.flowId} = ${page.id} and ${inPeriod(period)}) as ran`,
        )
        .innerJoin(users, sql`${users.id} = ran.invoker_id`)
        .as('runners');
      return db
        .select({
          flow: flows,
          runs: sql<number>`${page.runs}`.mapWith(Number),
          failedRuns: sql<number>`${page.failed}`.mapWith(Number),
          distinctRunners: sql<number>`${runners.distinctRunners}`.mapWith(Number),
          guestRunners: sql<number>`${runners.guestRunners}`.mapWith(Number),
          lastRunAt: sql<Date | null>`${page.lastRunAt}`.mapWith(flowRuns.startedAt),
        })
        .from(page)
        .innerJoin(flows, eq(flows.id, page.id))
        .leftJoinLateral(runners, sql`true`)
        .orderBy(desc(page.runs), desc(page.id));
    },
    count: async () => (await db.select({ n: count() }).from(flows).where(ofEnvironment))[0]!.n,
  };
}

/**
 * The `first` runners of each flow in the period (most runs first, then the latest run, then
 * id), with their user rows: one statement for the whole page of flows.
 */
export async function runnersOfFlows(db: Db, period: UsagePeriod, flowIds: readonly string[], first: number): Promise<RunnerRow[]> {
  if (flowIds.length === 0 || first <= 0) return [];
  const runners = db.$with('runners').as(perRunner(db, period, inArray(flowRuns.flowId, [...flowIds])));
  const ranked = db.$with('ranked').as(
    db
      .select({
        flowId: runners.flowId,
        invokerId: runners.invokerId,
        runs: runners.runs,
        lastRunAt: runners.lastRunAt,
        rank: sql<number>`row_number() over (partition by ${runners.flowId} order by ${runners.runs} desc, ${runners.lastRunAt} desc, ${runners.invokerId})`.as(
          'rank',
        ),
      })
      .from(runners),
  );
  return db
    .with(runners, ranked)
    .select({
      flowId: ranked.flowId,
      user: users,
      runs: sql<number>`${ranked.runs}`.mapWith(Number),
      lastRunAt: sql<Date>`${ranked.lastRunAt}`.mapWith(flowRuns.startedAt),
    })
    .from(ranked)
    .innerJoin(users, eq(users.id, ranked.invokerId))
    .where(sql`${ranked.rank} <= ${first}`)
    .orderBy(ranked.flowId, ranked.rank);
}
