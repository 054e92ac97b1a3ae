// Governance through the public API (#7): roles (S15), DLP (S18), the admin's log, and the
// expiry sweeper (S19). The audit has a file of its own (audit.test.ts).
import { randomUUID } from 'node:crypto';
import { setTimeout as pause } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId } from '../src/graphql/ids.js';
import { reportExpiredGrants } from '../src/sharing/expiry.js';
import { graphql } from './gql/index.js';
import { isolatedDatabaseUrl, ok, startTestApp, type TestApp } from './support/app.js';
import { CreateFlow, SetFlowState, UpdateFlow } from './support/documents.js';
import { connectionOf, failure, flowOf } from './support/fixtures.js';
import { makeTenant, type Tenant } from './support/tenant.js';

const SetRole = graphql(`
  mutation SetRole($input: SetEnvironmentRoleInput!) {
    setEnvironmentRole(input: $input) {
      __typename
      ... on SetEnvironmentRoleSuccess { role user { id } environment { id } }
      ... on OperationError { code message field }
    }
  }
`);
const SetDlp = graphql(`
  mutation SetDlp($input: SetDlpPolicyInput!) {
    setDlpPolicy(input: $input) {
      __typename
      ... on SetDlpPolicySuccess {
        suspendedFlows { id state suspensionReason }
        environment { dlpPolicy { classifications { class connector { id } } } }
      }
      ... on OperationError { code message field }
    }
  }
`);
const AddOwners = graphql(`
  mutation AddOwners($input: ModifyFlowOwnersInput!) {
    modifyFlowOwners(input: $input) { __typename ... on OperationError { code message } }
  }
`);
const AddRunOnly = graphql(`
  mutation AddRunOnly($input: ModifyRunOnlyUsersInput!) {
    modifyRunOnlyUsers(input: $input) { __typename ... on OperationError { code } }
  }
`);
const Trigger = graphql(`
  mutation Trigger($input: TriggerFlowInput!) { triggerFlow(input: $input) { __typename ... on OperationError { code } } }
`);
const FlowStateOf = graphql(`
  query FlowStateOf($id: ID!) { node(id: $id) { ... on Flow { state suspensionReason connectionReferences { id } } } }
`);
const EnvironmentLog = graphql(`
  query EnvironmentLog($environmentId: ID!, $after: String, $first: Int) {
    environmentSharingEvents(environmentId: $environmentId, after: $after, first: $first) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { kind flowId actorRole actor { id } principal { ... on User { id } } } }
    }
  }
`);
const MyLog = graphql(`
  query MyLog { sharingEvents(first: 100) { edges { node { kind flowId actorRole principal { ... on User { id } ... on Group { id } } } } } }
`);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

const roleOf = (
  t: Tenant,
  environmentId: string,
  person: keyof Tenant['users'],
  role: 'ENVIRONMENT_ADMIN' | 'ENVIRONMENT_MAKER' | 'BASIC_USER' | null,
  token = t.tokens.admin,
) => app.gql(SetRole, { input: { environmentId, userId: t.users[person], role } }, token).then((r) => ok(r).setEnvironmentRole);

describe('setEnvironmentRole (S15: makers design, others consume)', () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await makeTenant(app);
  });

  it('an admin makes a basic user a maker, who may then create flows', async () => {
    const before = ok(
      await app.gql(
        CreateFlow,
        { input: { environmentId: t.defaultEnv, displayName: 'X', trigger: 'INSTANT', actions: [] } },
        t.tokens.basic,
      ),
    );
    expect(failure(before.createFlow)).toMatchObject({ code: 'ROLE_REQUIRED' });
    expect(await roleOf(t, t.defaultEnv, 'basic', 'ENVIRONMENT_MAKER')).toEqual({
      __typename: 'SetEnvironmentRoleSuccess',
      role: 'ENVIRONMENT_MAKER',
      user: { id: t.users.basic },
      environment: { id: t.defaultEnv },
    });
    await flowOf(app, t.tokens.basic, { environmentId: t.defaultEnv, displayName: 'Now allowed' });
  });

  it('taking the maker role away leaves a co-owner able to use the flow, not to edit or share it', async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv });
    ok(await app.gql(AddOwners, { input: { flowId: flow.id, add: [t.users.coowner] } }, t.tokens.maker));
    expect(await roleOf(t, t.defaultEnv, 'coowner', null)).toMatchObject({ role: null });

    const edit = ok(await app.gql(UpdateFlow, { input: { flowId: flow.id, displayName: 'Renamed' } }, t.tokens.coowner)).updateFlow;
    expect(failure(edit)).toMatchObject({ code: 'ROLE_REQUIRED' });
    const share = ok(await app.gql(AddOwners, { input: { flowId: flow.id, add: [t.users.guest] } }, t.tokens.coowner)).modifyFlowOwners;
    expect(failure(share)).toMatchObject({ code: 'ROLE_REQUIRED', message: expect.stringContaining('Sharing flows') });
    const runOnly = ok(
      await app.gql(AddRunOnly, { input: { flowId: flow.id, add: [t.users.guest] } }, t.tokens.coowner),
    ).modifyRunOnlyUsers;
    expect(failure(runOnly)).toMatchObject({ code: 'ROLE_REQUIRED' });
    // Starting and stopping is an owner's act, not a maker's.
    expect(ok(await app.gql(SetFlowState, { input: { flowId: flow.id, state: 'OFF' } }, t.tokens.coowner)).setFlowState.__typename).toBe(
      'SetFlowStateSuccess',
    );
    expect(ok(await app.gql(Trigger, { input: { flowId: flow.id } }, t.tokens.maker)).triggerFlow).toMatchObject({
      code: 'FLOW_NOT_RUNNABLE',
    });
    await roleOf(t, t.defaultEnv, 'coowner', 'ENVIRONMENT_MAKER');
  });

  it('refuses non-admins, strangers, unknown users and the last admin stepping down; writes nothing', async () => {
    const other = await makeTenant(app);
    const cases: [string, { environmentId: string; userId: string; role: 'BASIC_USER' | null }, string, string, string[] | null][] = [
      [
        'a maker',
        { environmentId: t.defaultEnv, userId: t.users.basic, role: null },
        t.tokens.maker,
        'NOT_AUTHORIZED',
        ['input', 'environmentId'],
      ],
      [
        "another tenant's user",
        { environmentId: t.defaultEnv, userId: other.users.maker, role: 'BASIC_USER' },
        t.tokens.admin,
        'CROSS_TENANT',
        ['input', 'userId'],
      ],
      [
        "another tenant's environment",
        { environmentId: other.defaultEnv, userId: t.users.maker, role: 'BASIC_USER' },
        t.tokens.admin,
        'NOT_FOUND',
        ['input', 'environmentId'],
      ],
      [
        'an unknown user',
        { environmentId: t.defaultEnv, userId: globalId('User', randomUUID()), role: 'BASIC_USER' },
        t.tokens.admin,
        'NOT_FOUND',
        ['input', 'userId'],
      ],
      [
        'not a user id',
        { environmentId: t.defaultEnv, userId: t.team, role: 'BASIC_USER' },
        t.tokens.admin,
        'INVALID_INPUT',
        ['input', 'userId'],
      ],
      [
        'the last admin',
        { environmentId: t.defaultEnv, userId: t.users.admin, role: 'BASIC_USER' },
        t.tokens.admin,
        'INVALID_INPUT',
        ['input', 'role'],
      ],
    ];
    for (const [who, input, token, code, field] of cases) {
      const result = ok(await app.gql(SetRole, { input }, token)).setEnvironmentRole;
      expect(failure(result), who).toMatchObject({ code, field });
    }
    // The admin still is one: they can make someone else admin, and then step down.
    await roleOf(t, t.defaultEnv, 'coowner', 'ENVIRONMENT_ADMIN');
    expect(await roleOf(t, t.defaultEnv, 'admin', 'ENVIRONMENT_MAKER')).toMatchObject({ role: 'ENVIRONMENT_MAKER' });
    expect(failure(await roleOf(t, t.defaultEnv, 'basic', null))).toMatchObject({ code: 'NOT_AUTHORIZED' });
  });
});

describe('DLP (S18)', () => {
  let t: Tenant;
  let sp: string;
  let ol: string;
  const flowState = async (id: string) =>
    ok(await app.gql(FlowStateOf, { id }, t.tokens.maker)).node as {
      state: string;
      suspensionReason: string | null;
      connectionReferences: unknown[];
    };
  const policy = (classifications: { connectorId: string; class: 'BUSINESS' | 'NON_BUSINESS' | 'BLOCKED' }[], token = t.tokens.admin) =>
    app.gql(SetDlp, { input: { environmentId: t.defaultEnv, classifications } }, token).then((r) => ok(r).setDlpPolicy);

  beforeAll(async () => {
    t = await makeTenant(app);
    sp = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.sharepoint });
    ol = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.outlook });
  });

  it('a new policy suspends exactly the flows it breaks, tells owners and admins, and shows in dlpPolicy', async () => {
    const onlySp = await flowOf(app, t.tokens.maker, {
      environmentId: t.defaultEnv,
      displayName: 'SP',
      actions: [{ name: 'a', connectionId: sp }],
    });
    const mixed = await flowOf(app, t.tokens.maker, {
      environmentId: t.defaultEnv,
      displayName: 'Mixed',
      actions: [
        { name: 'a', connectionId: sp },
        { name: 'b', connectionId: ol },
      ],
    });
    const onlyOl = await flowOf(app, t.tokens.maker, {
      environmentId: t.defaultEnv,
      displayName: 'OL',
      actions: [{ name: 'b', connectionId: ol }],
    });
    const builtIn = await flowOf(app, t.tokens.maker, {
      environmentId: t.defaultEnv,
      displayName: 'Built-in',
      actions: [{ name: 'wait' }],
    });
    ok(await app.gql(AddOwners, { input: { flowId: mixed.id, add: [t.users.coowner] } }, t.tokens.maker));

    const result = await policy([{ connectorId: t.sharepoint, class: 'BUSINESS' }]);
    expect(result).toEqual({
      __typename: 'SetDlpPolicySuccess',
      suspendedFlows: [{ id: mixed.id, state: 'SUSPENDED', suspensionReason: 'DLP_VIOLATION' }],
      environment: { dlpPolicy: { classifications: [{ class: 'BUSINESS', connector: { id: t.sharepoint } }] } },
    });
    for (const f of [onlySp, onlyOl, builtIn]) expect(await flowState(f.id)).toMatchObject({ state: 'ON' });

    for (const token of [t.tokens.maker, t.tokens.coowner, t.tokens.admin]) {
      const events = ok(await app.gql(MyLog, {}, token))
        .sharingEvents.edges.map((e) => e.node)
        .filter((e) => e.kind === 'FLOW_SUSPENDED');
      expect(events).toEqual([{ kind: 'FLOW_SUSPENDED', flowId: mixed.id, actorRole: 'ADMIN', principal: null }]);
    }
    // A suspended flow can't run, and can't be turned on while it still breaks the policy.
    expect(ok(await app.gql(Trigger, { input: { flowId: mixed.id } }, t.tokens.maker)).triggerFlow).toMatchObject({
      code: 'FLOW_NOT_RUNNABLE',
    });
    const on = ok(await app.gql(SetFlowState, { input: { flowId: mixed.id, state: 'ON' } }, t.tokens.maker)).setFlowState;
    expect(failure(on)).toMatchObject({ code: 'DLP_VIOLATION', field: ['input', 'flowId'] });

    // Relaxing the policy suspends nothing and turns nothing back on: the flow is resumed, OFF
    // (FLOW_RESUMED to owners and admins), and its owner turns it on.
    expect(await policy([])).toMatchObject({ suspendedFlows: [], environment: { dlpPolicy: { classifications: [] } } });
    expect(await flowState(mixed.id)).toMatchObject({ state: 'OFF', suspensionReason: null });
    for (const token of [t.tokens.maker, t.tokens.coowner, t.tokens.admin]) {
      const events = ok(await app.gql(MyLog, {}, token))
        .sharingEvents.edges.map((e) => e.node)
        .filter((e) => e.kind === 'FLOW_RESUMED');
      expect(events).toEqual([{ kind: 'FLOW_RESUMED', flowId: mixed.id, actorRole: 'ADMIN', principal: null }]);
    }
    // Relaxing again resumes nothing twice.
    await policy([]);
    expect(ok(await app.gql(MyLog, {}, t.tokens.maker)).sharingEvents.edges.filter((e) => e.node.kind === 'FLOW_RESUMED')).toHaveLength(1);
    expect(ok(await app.gql(SetFlowState, { input: { flowId: mixed.id, state: 'ON' } }, t.tokens.maker)).setFlowState.__typename).toBe(
      'SetFlowStateSuccess',
    );
  });

  it('saving a flow that mixes classes or uses a blocked connector fails with DLP_VIOLATION naming them; nothing is written', async () => {
    await policy([{ connectorId: t.sharepoint, class: 'BUSINESS' }]);
    const create = ok(
      await app.gql(
        CreateFlow,
        {
          input: {
            environmentId: t.defaultEnv,
            displayName: 'Bad',
            trigger: 'INSTANT',
            actions: [
              { name: 'a', connectionId: sp },
              { name: 'b', connectionId: ol },
            ],
          },
        },
        t.tokens.maker,
      ),
    ).createFlow;
    expect(failure(create)).toMatchObject({
      code: 'DLP_VIOLATION',
      message: expect.stringMatching(new RegExp(`SharePoint ${t.tag}.*Outlook ${t.tag}`)),
    });

    const good = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, actions: [{ name: 'a', connectionId: sp }] });
    const update = ok(
      await app.gql(UpdateFlow, { input: { flowId: good.id, displayName: 'Changed', otherConnectionIds: [ol] } }, t.tokens.maker),
    ).updateFlow;
    expect(failure(update)).toMatchObject({ code: 'DLP_VIOLATION' });
    expect(await flowState(good.id)).toMatchObject({ connectionReferences: [expect.anything()] });

    const blocked = await policy([{ connectorId: t.outlook, class: 'BLOCKED' }]);
    expect(blocked.__typename === 'SetDlpPolicySuccess' && blocked.suspendedFlows.length).toBeGreaterThan(0);
    const create2 = ok(
      await app.gql(
        CreateFlow,
        {
          input: { environmentId: t.defaultEnv, displayName: 'Blocked', trigger: 'INSTANT', actions: [{ name: 'b', connectionId: ol }] },
        },
        t.tokens.maker,
      ),
    ).createFlow;
    expect(failure(create2)).toMatchObject({ code: 'DLP_VIOLATION', message: expect.stringContaining(`blocks Outlook ${t.tag}`) });
    await policy([]);
  });

  it('refuses non-admins, a connector twice and unknown connectors', async () => {
    const cases: [string, Parameters<typeof policy>[0], string, string, string[]][] = [
      ['a maker', [], t.tokens.maker, 'NOT_AUTHORIZED', ['input', 'environmentId']],
      [
        'twice',
        [
          { connectorId: t.sharepoint, class: 'BUSINESS' },
          { connectorId: t.sharepoint, class: 'BLOCKED' },
        ],
        t.tokens.admin,
        'INVALID_INPUT',
        ['input', 'classifications', '1', 'connectorId'],
      ],
      [
        'unknown',
        [{ connectorId: globalId('Connector', randomUUID()), class: 'BLOCKED' }],
        t.tokens.admin,
        'NOT_FOUND',
        ['input', 'classifications', '0', 'connectorId'],
      ],
    ];
    for (const [what, classifications, token, code, field] of cases) {
      expect(failure(await policy(classifications, token)), what).toMatchObject({ code, field });
    }
  });
});

describe("environmentSharingEvents: the admin's log", () => {
  it('pages every event of the environment, with actorRole ADMIN where an admin acted on a flow they do not own', async () => {
    const t = await makeTenant(app);
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv });
    ok(await app.gql(AddOwners, { input: { flowId: flow.id, add: [t.users.coowner] } }, t.tokens.maker));
    ok(await app.gql(AddOwners, { input: { flowId: flow.id, add: [t.users.guest] } }, t.tokens.admin));
    const elsewhere = await flowOf(app, t.tokens.maker, { environmentId: t.securedEnv });
    ok(await app.gql(AddOwners, { input: { flowId: elsewhere.id, add: [t.users.guest] } }, t.tokens.maker));

    const first = ok(await app.gql(EnvironmentLog, { environmentId: t.defaultEnv, first: 1 }, t.tokens.admin)).environmentSharingEvents;
    expect(first).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    expect(first.edges[0]!.node).toEqual({
      kind: 'OWNER_ADDED',
      flowId: flow.id,
      actorRole: 'OWNER',
      actor: { id: t.users.maker },
      principal: { id: t.users.coowner },
    });
    const rest = ok(
      await app.gql(EnvironmentLog, { environmentId: t.defaultEnv, after: first.pageInfo.endCursor }, t.tokens.admin),
    ).environmentSharingEvents;
    expect(rest.edges.map((e) => e.node)).toEqual([
      { kind: 'OWNER_ADDED', flowId: flow.id, actorRole: 'ADMIN', actor: { id: t.users.admin }, principal: { id: t.users.guest } },
    ]);
    expect(rest.pageInfo.hasNextPage).toBe(false);

    const refused = await app.gql(EnvironmentLog, { environmentId: t.defaultEnv }, t.tokens.maker);
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
    const other = await makeTenant(app);
    expect((await app.gql(EnvironmentLog, { environmentId: t.defaultEnv }, other.tokens.admin)).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('the expiry sweeper (S19)', () => {
  // A database of its own: a sweep takes every expired grant of the database, other files' too.
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ databaseUrl: await isolatedDatabaseUrl() });
  });
  afterAll(() => app?.close());

  it('turns each expired grant into one ACCESS_EXPIRED event, to its users and the owners, even when sweeps race', async () => {
    const t = await makeTenant(app);
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv });
    const soon = new Date(Date.now() + 1500).toISOString();
    ok(await app.gql(AddOwners, { input: { flowId: flow.id, add: [t.users.coowner], expiresAt: soon } }, t.tokens.maker));
    ok(await app.gql(AddRunOnly, { input: { flowId: flow.id, add: [t.team], expiresAt: soon } }, t.tokens.maker));
    expect(await reportExpiredGrants(app.database.db)).toBe(0);

    await pause(Date.parse(soon) - Date.now() + 50);
    const swept = await Promise.all([1, 2, 3].map(() => reportExpiredGrants(app.database.db)));
    expect(swept.reduce((a, b) => a + b, 0)).toBe(2);
    expect(await reportExpiredGrants(app.database.db)).toBe(0);

    const expiredFor = async (token: string) =>
      ok(await app.gql(MyLog, {}, token))
        .sharingEvents.edges.map((e) => e.node)
        .filter((e) => e.kind === 'ACCESS_EXPIRED');
    expect(await expiredFor(t.tokens.basic)).toEqual([
      { kind: 'ACCESS_EXPIRED', flowId: flow.id, actorRole: 'NONE', principal: { id: t.team } },
    ]);
    // The co-owner is in the team too; the maker, as owner, hears of both.
    for (const token of [t.tokens.coowner, t.tokens.maker]) {
      expect((await expiredFor(token)).map((e) => e.principal?.id).sort()).toEqual([t.users.coowner, t.team].sort());
    }
    expect(await expiredFor(t.tokens.guest)).toEqual([]);
  });
});
