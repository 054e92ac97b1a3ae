// flowUsage (issue 15, part 3): runs per flow and per runner in a period, for environment
// admins, on runs made through triggerFlow by owners, run-only users and guests; each
// runner's access now (NONE once removed); paging, refusals, cost, and statements that don't
// grow with the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowRuns } from '../src/db/tables.js';
import { parseGlobalId } from '../src/graphql/ids.js';
import { graphql } from './gql/index.js';
import type { FlowUsageQueryVariables } from './gql/graphql.js';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { TryTriggerFlow } from './support/documents.js';
import { connectionOf, flowOf } from './support/fixtures.js';
import { makeTenant, type Person, type Tenant } from './support/tenant.js';

const FlowUsage = graphql(`
  query FlowUsage($environmentId: ID!, $since: DateTime!, $until: DateTime, $first: Int, $after: String, $runners: Int) {
    flowUsage(environmentId: $environmentId, since: $since, until: $until, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          flow { id displayName }
          runs failedRuns distinctRunners guestRunners lastRunAt
          runners(first: $runners) { user { id displayName } runs lastRunAt access }
        }
      }
    }
  }
`);
const ShareRunOnly = graphql(`
  mutation UsageShareRunOnly($input: ModifyRunOnlyUsersInput!) {
    modifyRunOnlyUsers(input: $input) { __typename ... on OperationError { code message } }
  }
`);

let app: TestApp;
let t: Tenant;
let other: Tenant;
let start: string;
let approvals: Awaited<ReturnType<typeof flowOf>>;
let report: Awaited<ReturnType<typeof flowOf>>;
let idle: Awaited<ReturnType<typeof flowOf>>;

const run = async (flowId: string, who: Person, times = 1) => {
  for (let i = 0; i < times; i++) {
    const r = ok(await app.gql(TryTriggerFlow, { input: { flowId } }, t.tokens[who])).triggerFlow;
    expect(r.__typename).toBe('TriggerFlowSuccess');
  }
};

beforeAll(async () => {
  app = await startTestApp({ countsStatements: true });
  [t, other] = await Promise.all([makeTenant(app), makeTenant(app)]);
  start = new Date(Date.now() - 1_000).toISOString();
  const sp = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.sharepoint });
  const mail = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.outlook });
  approvals = await flowOf(app, t.tokens.maker, {
    environmentId: t.defaultEnv,
    displayName: 'Approvals',
    actions: [
      { name: 'Get', connectionId: sp },
      { name: 'Mail', connectionId: mail },
    ],
  });
  report = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, displayName: 'Report', actions: [{ name: 'Compose' }] });
  idle = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, displayName: 'Idle' });
  // Run-only for a guest and a member; Outlook is theirs to bring (INVOKER), and they bring none: their runs fail.
  const mailRef = approvals.connectionReferences.find((r) => r.connection?.id === mail)!.id;
  const shared = ok(
    await app.gql(
      ShareRunOnly,
      {
        input: {
          flowId: approvals.id,
          add: [t.users.guest, t.users.basic],
          connectionSources: [{ connectionReferenceId: mailRef, source: 'INVOKER' }],
        },
      },
      t.tokens.maker,
    ),
  );
  expect(shared.modifyRunOnlyUsers.__typename).toBe('ModifyRunOnlyUsersSuccess');
  await run(approvals.id, 'maker', 3);
  await run(approvals.id, 'guest', 2);
  await run(approvals.id, 'basic');
  await run(report.id, 'admin');
  // Two runs ten days ago, written straight to the table: outside a period that starts today.
  const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000);
  await app.database.db.insert(flowRuns).values(
    [0, 1].map((i) => ({
      flowId: uuid(report.id),
      invokerId: t.rows.users.get('coowner')!,
      status: 'FAILED' as const,
      startedAt: new Date(tenDaysAgo.getTime() + i),
    })),
  );
});
afterAll(() => app?.close());

const uuid = (gid: string) => parseGlobalId(gid)!.id;
const byUuidDescending = (a: string, b: string) => (uuid(b) < uuid(a) ? -1 : 1);
const usage = async (vars: Partial<FlowUsageQueryVariables>, token = t.tokens.admin) =>
  ok(await app.gql(FlowUsage, { environmentId: t.defaultEnv, since: start, ...vars }, token)).flowUsage;
const codeOf = async (vars: Partial<FlowUsageQueryVariables>, token = t.tokens.admin) =>
  (await app.gql(FlowUsage, { environmentId: t.defaultEnv, since: start, ...vars }, token)).errors?.[0]?.extensions?.code;

describe('flowUsage', () => {
  it("counts runs, failures, runners and guests per flow, most-run first, with each runner's access now", async () => {
    const page = await usage({});
    expect(page.totalCount).toBe(3);
    const [a, b, c] = page.edges.map((e) => e.node);
    expect(a).toMatchObject({ flow: { id: approvals.id }, runs: 6, failedRuns: 3, distinctRunners: 3, guestRunners: 1 });
    expect(a!.runners.map((r) => [r.user.id, r.runs, r.access])).toEqual([
      [t.users.maker, 3, 'OWNER'],
      [t.users.guest, 2, 'RUN_ONLY'],
      [t.users.basic, 1, 'RUN_ONLY'],
    ]);
    expect(a!.lastRunAt).toBe(
      a!.runners
        .map((r) => r.lastRunAt)
        .sort()
        .at(-1),
    );
    expect(b).toMatchObject({ flow: { id: report.id }, runs: 1, failedRuns: 0, distinctRunners: 1, guestRunners: 0 });
    expect(b!.runners.map((r) => [r.user.id, r.runs, r.access])).toEqual([[t.users.admin, 1, 'ADMIN']]);
    // A flow with no run in the period is listed last, with nothing.
    expect(c).toEqual({
      flow: { id: idle.id, displayName: 'Idle' },
      runs: 0,
      failedRuns: 0,
      distinctRunners: 0,
      guestRunners: 0,
      lastRunAt: null,
      runners: [],
    });
  });

  it('reads the period asked for: since and until', async () => {
    const longAgo = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const fiveDaysAgo = new Date(Date.now() - 5 * 86_400_000).toISOString();
    const old = await usage({ since: longAgo, until: fiveDaysAgo });
    expect(old.edges.map((e) => [e.node.flow.id, e.node.runs, e.node.failedRuns, e.node.distinctRunners])).toEqual([
      [report.id, 2, 2, 1],
      // Ties in runs go by flow id (the uuid, not its global id) descending.
      ...[approvals.id, idle.id].sort(byUuidDescending).map((id) => [id, 0, 0, 0]),
    ]);
    expect(old.edges[0]!.node.runners.map((r) => [r.user.id, r.runs, r.access])).toEqual([[t.users.coowner, 2, 'NONE']]);
    const all = await usage({ since: longAgo });
    expect(all.edges.map((e) => [e.node.flow.id, e.node.runs])).toEqual([
      [approvals.id, 6],
      [report.id, 3],
      [idle.id, 0],
    ]);
  });

  it('pages most-run flows first on (runs, flow id), and runners(first) keeps the most active', async () => {
    const first = await usage({ first: 1, runners: 1 });
    expect(first.edges.map((e) => e.node.flow.id)).toEqual([approvals.id]);
    expect(first.edges[0]!.node.runners.map((r) => r.user.id)).toEqual([t.users.maker]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await usage({ first: 1, after: first.pageInfo.endCursor });
    expect(second.edges.map((e) => e.node.flow.id)).toEqual([report.id]);
    const rest = await usage({ first: 5, after: second.pageInfo.endCursor });
    expect(rest.edges.map((e) => e.node.flow.id)).toEqual([idle.id]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect(rest.totalCount).toBe(3);
  });

  it('shows NONE for a runner who lost access', async () => {
    const removed = ok(await app.gql(ShareRunOnly, { input: { flowId: approvals.id, remove: [t.users.guest] } }, t.tokens.maker));
    expect(removed.modifyRunOnlyUsers.__typename).toBe('ModifyRunOnlyUsersSuccess');
    const [a] = (await usage({ first: 1 })).edges.map((e) => e.node);
    expect(a!.runners.map((r) => [r.user.id, r.access])).toEqual([
      [t.users.maker, 'OWNER'],
      [t.users.guest, 'NONE'],
      [t.users.basic, 'RUN_ONLY'],
    ]);
    expect(a!.guestRunners).toBe(1); // a guest ran it in the period, access or not
  });

  it('is for environment admins: NOT_AUTHORIZED for others, NOT_FOUND for another tenant; bad input is INVALID_INPUT', async () => {
    expect(await codeOf({}, t.tokens.maker)).toBe('NOT_AUTHORIZED');
    expect(await codeOf({}, t.tokens.guest)).toBe('NOT_AUTHORIZED');
    expect(await codeOf({}, other.tokens.admin)).toBe('NOT_FOUND');
    expect(await codeOf({}, null as unknown as string)).toBe('UNAUTHENTICATED');
    expect(await codeOf({ environmentId: approvals.id })).toBe('INVALID_INPUT');
    expect(await codeOf({ until: start })).toBe('INVALID_INPUT');
    expect(await codeOf({ since: '2026-02-30T00:00:00Z' })).toBe('INVALID_INPUT');
    expect(await codeOf({ first: 101 })).toBe('INVALID_INPUT');
    expect(await codeOf({ first: -1 })).toBe('INVALID_INPUT');
    expect(await codeOf({ runners: 101 })).toBe('INVALID_INPUT');
    expect(await codeOf({ after: 'bm90IGEgY3Vyc29y' })).toBe('INVALID_INPUT');
  });

  it('counts runners(first) in the cost limit', async () => {
    const query = (n: number) => `query { flowUsage(environmentId: "${t.defaultEnv}", since: "${start}", first: 100) { edges { node { runs
      runners(first: ${n}) { runs access lastRunAt user { id displayName email kind status license } } } } } }`;
    const post = async (q: string) => {
      const response = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.tokens.admin}` },
        body: JSON.stringify({ query: q }),
      });
      return (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    };
    expect((await post(query(100))).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect((await post(query(1))).errors).toBeUndefined();
  });

  it("issues the same statements for a page of 1 flow as for a page of 3, runners' access included", async () => {
    const statements = async (first: number) => {
      await app.feed.wake();
      const before = app.database.statementCount();
      const page = await usage({ first, runners: 100 });
      expect(page.edges).toHaveLength(first);
      return app.database.statementCount() - before;
    };
    const forOne = await statements(1);
    const forThree = await statements(3);
    expect(forThree).toBe(forOne);
    // The admin check, the page, the runners, and one batch of access facts: a handful, not one per runner.
    expect(forThree).toBeLessThanOrEqual(16);
  });
});
