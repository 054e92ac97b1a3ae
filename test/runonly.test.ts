// Run-only sharing over HTTP (S8, S9): modifyRunOnlyUsers, Flow.runOnlyUsers, runOnlyFlows.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOnlyGrants } from '../src/db/tables.js';
import { parseGlobalId } from '../src/graphql/ids.js';
import { graphql } from './gql/index.js';
import type { ModifyRunOnlyUsersInput } from './gql/graphql.js';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { connectionOf, failure, flowOf } from './support/fixtures.js';
import { makeTenant, type Tenant } from './support/tenant.js';

const ModifyRunOnlyUsers = graphql(`
  mutation ModifyRunOnlyUsers($input: ModifyRunOnlyUsersInput!) {
    modifyRunOnlyUsers(input: $input) {
      __typename
      ... on ModifyRunOnlyUsersSuccess {
        eventCursor
        flow {
          id
          connectionReferences { id runOnlySource }
          runOnlyUsers { totalCount edges { expiresAt addedBy { id } node { __typename ... on User { id } ... on Group { id } } } }
        }
      }
      ... on OperationError { code message field }
    }
  }
`);
const AsRunner = graphql(`
  query AsRunner($id: ID!) {
    node(id: $id) {
      ... on Flow { displayName trigger actions { name } viewerAccess { level canRun canEdit paths { kind } } runOnlyUsers { totalCount } owners { totalCount } }
    }
  }
`);
const RunOnlyFlows = graphql(`
  query RunOnlyFlows { runOnlyFlows { totalCount edges { node { id } } } }
`);
const RunOnlyEvents = graphql(`
  query RunOnlyEvents { sharingEvents(first: 100) { edges { node { kind flowId principal { __typename } } } } }
`);
const AddOwner = graphql(`
  mutation AddOwner($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }
`);

let app: TestApp;
let t: Tenant;
let other: Tenant;

beforeAll(async () => {
  app = await startTestApp();
  [t, other] = await Promise.all([makeTenant(app), makeTenant(app)]);
});
afterAll(() => app?.close());

const modify = async (input: ModifyRunOnlyUsersInput, token = t.tokens.maker) =>
  ok(await app.gql(ModifyRunOnlyUsers, { input }, token)).modifyRunOnlyUsers;
const modified = async (input: ModifyRunOnlyUsersInput, token = t.tokens.maker) => {
  const r = await modify(input, token);
  if (r.__typename !== 'ModifyRunOnlyUsersSuccess') throw new Error(JSON.stringify(r));
  return r;
};
const kinds = async (token: string, flowId: string) =>
  ok(await app.gql(RunOnlyEvents, {}, token))
    .sharingEvents.edges.map((e) => e.node)
    .filter((e) => e.flowId === flowId)
    .map((e) => e.kind);

async function instantFlow(tenant = t) {
  const sp = await connectionOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv, connectorId: tenant.sharepoint });
  return flowOf(app, tenant.tokens.maker, {
    environmentId: tenant.defaultEnv,
    trigger: 'INSTANT',
    actions: [{ name: 'Get', connectionId: sp }],
  });
}

describe('modifyRunOnlyUsers', () => {
  it('shares an instant flow with users and groups; runners see it, not its actions (S8), and choose connection sources (S9)', async () => {
    const flow = await instantFlow();
    const ref = flow.connectionReferences[0]!.id;
    const result = await modified({
      flowId: flow.id,
      add: [t.users.coowner, t.team],
      connectionSources: [{ connectionReferenceId: ref, source: 'INVOKER' }],
    });
    expect(result.eventCursor).toEqual(expect.any(String));
    expect(result.flow.connectionReferences).toEqual([{ id: ref, runOnlySource: 'INVOKER' }]);
    expect(result.flow.runOnlyUsers.edges.map((e) => [e.node.__typename, e.addedBy?.id])).toEqual([
      ['User', t.users.maker],
      ['Group', t.users.maker],
    ]);
    for (const person of ['coowner', 'basic'] as const) {
      const seen = ok(await app.gql(AsRunner, { id: flow.id }, t.tokens[person])).node;
      expect(seen, person).toMatchObject({
        trigger: 'INSTANT',
        actions: null,
        runOnlyUsers: { totalCount: 0 },
        owners: { totalCount: 0 },
        viewerAccess: { level: 'RUN_ONLY', canRun: true, canEdit: false },
      });
      expect(ok(await app.gql(RunOnlyFlows, {}, t.tokens[person])).runOnlyFlows.edges.map((e) => e.node.id)).toContain(flow.id);
    }
    expect(await kinds(t.tokens.coowner, flow.id)).toEqual(['RUN_ONLY_ADDED', 'RUN_ONLY_ADDED', 'CONNECTION_SOURCE_CHANGED']);
    expect(await kinds(t.tokens.maker, flow.id)).toEqual(['RUN_ONLY_ADDED', 'RUN_ONLY_ADDED', 'CONNECTION_SOURCE_CHANGED']);
    expect(await kinds(t.tokens.guest, flow.id)).toEqual([]);

    // Again: nothing changes, nothing is logged.
    const again = await modified({
      flowId: flow.id,
      add: [t.users.coowner],
      connectionSources: [{ connectionReferenceId: ref, source: 'INVOKER' }],
    });
    expect(again.eventCursor).toBeNull();

    // Removed: the flow is gone from their list, and they are told.
    await modified({ flowId: flow.id, remove: [t.users.coowner] });
    expect(ok(await app.gql(AsRunner, { id: flow.id }, t.tokens.coowner)).node).toMatchObject({
      viewerAccess: { paths: [{ kind: 'GROUP_RUN_ONLY' }] },
    });
    await modified({ flowId: flow.id, remove: [t.team] });
    expect(ok(await app.gql(AsRunner, { id: flow.id }, t.tokens.coowner)).node).toBeNull();
    expect((await kinds(t.tokens.coowner, flow.id)).slice(-2)).toEqual(['RUN_ONLY_REMOVED', 'RUN_ONLY_REMOVED']);
  });

  it('lets run-only access expire (S19)', async () => {
    const flow = await instantFlow();
    await modified({ flowId: flow.id, add: [t.users.guest], expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    await app.database.db
      .update(runOnlyGrants)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(runOnlyGrants.flowId, parseGlobalId(flow.id)!.id), eq(runOnlyGrants.userId, t.rows.users.get('guest')!)));
    expect(ok(await app.gql(AsRunner, { id: flow.id }, t.tokens.guest)).node).toBeNull();
    expect(ok(await app.gql(RunOnlyFlows, {}, t.tokens.guest)).runOnlyFlows.edges.map((e) => e.node.id)).not.toContain(flow.id);
  });

  it('refuses each wrong call with its code, writing nothing', async () => {
    const tenant = await makeTenant(app);
    const flow = await instantFlow(tenant);
    const mail = await connectionOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv, connectorId: tenant.outlook });
    const automated = await flowOf(app, tenant.tokens.maker, {
      environmentId: tenant.defaultEnv,
      trigger: 'AUTOMATED',
      actions: [{ name: 'Mail', connectionId: mail }],
    });
    const automatedRef = automated.connectionReferences[0]!.id;
    const elsewhere = await instantFlow(tenant);
    ok(await app.gql(AddOwner, { input: { flowId: flow.id, add: [tenant.users.free] } }, tenant.tokens.maker));
    await modified({ flowId: flow.id, add: [tenant.users.guest] }, tenant.tokens.maker);
    const otherRef = elsewhere.connectionReferences[0]!.id;
    const cases: [string, string, ModifyRunOnlyUsersInput, string, string[] | null][] = [
      [
        'a scheduled or automated flow (S8)',
        tenant.tokens.maker,
        { flowId: automated.id, add: [tenant.users.basic] },
        'RUN_ONLY_REQUIRES_INSTANT_TRIGGER',
        ['input', 'flowId'],
      ],
      ['a FREE co-owner (S1)', tenant.tokens.free, { flowId: flow.id, add: [tenant.users.basic] }, 'LICENSE_REQUIRED', null],
      ['a run-only user', tenant.tokens.guest, { flowId: flow.id, add: [tenant.users.basic] }, 'NOT_AUTHORIZED', ['input', 'flowId']],
      ['a stranger', other.tokens.admin, { flowId: flow.id, add: [other.users.basic] }, 'NOT_FOUND', ['input', 'flowId']],
      ['a SharePoint list', tenant.tokens.maker, { flowId: flow.id, add: [tenant.list] }, 'INVALID_INPUT', ['input', 'add', '0']],
      ["another tenant's user", tenant.tokens.maker, { flowId: flow.id, add: [other.users.basic] }, 'CROSS_TENANT', ['input', 'add', '0']],
      [
        'a reference of another flow',
        tenant.tokens.maker,
        { flowId: flow.id, connectionSources: [{ connectionReferenceId: otherRef, source: 'INVOKER' }] },
        'NOT_FOUND',
        ['input', 'connectionSources', '0', 'connectionReferenceId'],
      ],
      [
        'a malformed reference id',
        tenant.tokens.maker,
        { flowId: flow.id, connectionSources: [{ connectionReferenceId: flow.id, source: 'INVOKER' }] },
        'INVALID_INPUT',
        ['input', 'connectionSources', '0', 'connectionReferenceId'],
      ],
      [
        'INVOKER on an automated flow (S9)',
        tenant.tokens.maker,
        { flowId: automated.id, connectionSources: [{ connectionReferenceId: automatedRef, source: 'INVOKER' }] },
        'RUN_ONLY_REQUIRES_INSTANT_TRIGGER',
        ['input', 'connectionSources', '0', 'connectionReferenceId'],
      ],
    ];
    for (const [what, token, input, code, field] of cases) {
      expect(failure(await modify(input, token)), what).toMatchObject({ code, field });
    }
    const listed = ok(await app.gql(AsRunner, { id: flow.id }, tenant.tokens.maker)).node as { runOnlyUsers: { totalCount: number } };
    expect(listed.runOnlyUsers.totalCount).toBe(1);
    const anonymous = await app.gql(ModifyRunOnlyUsers, { input: { flowId: flow.id, add: [tenant.users.basic] } }, null);
    expect([anonymous.status, anonymous.errors?.[0]?.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
  });
});
