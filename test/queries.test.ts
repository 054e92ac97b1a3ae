// Reads: node lookups across tenants, the people picker, environments, connectors,
// myConnections, and Relay pagination edges.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId } from '../src/graphql/ids.js';
import { importDirectory } from '../src/directory/import.js';
import { graphql } from './gql/index.js';
import type { MyFlowsQueryVariables } from './gql/graphql.js';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { CreateConnection, MyConnections, MyFlows } from './support/documents.js';
import { connectionOf, failure, flowOf } from './support/fixtures.js';
import { makeTenant, type Tenant } from './support/tenant.js';

let app: TestApp;
let t: Tenant;
let other: Tenant;

beforeAll(async () => {
  app = await startTestApp();
  [t, other] = await Promise.all([makeTenant(app), makeTenant(app, 'GCC_HIGH')]);
});
afterAll(() => app?.close());

const NodeQuery = graphql(`
  query Node($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on User { displayName }
      ... on Group { displayName }
      ... on SharePointList { title siteUrl }
      ... on Environment { displayName isDefault viewerRole securityGroup { id } tenant { id } }
      ... on Tenant { displayName cloud }
      ... on Connector { displayName }
      ... on Connection { displayName }
      ... on Flow { displayName }
    }
  }
`);
const NodesQuery = graphql(`
  query Nodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }
`);
const Search = graphql(`
  query Search($query: String!, $first: Int, $after: String) {
    searchPrincipals(query: $query, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { __typename ... on User { id email } ... on Group { id displayName } ... on SharePointList { id title } } }
    }
  }
`);
const Environments = graphql(`
  query Environments { environments { id displayName isDefault viewerRole dlpPolicy { classifications { class } } } connectors { id displayName } }
`);

describe('node and nodes', () => {
  it('finds every kind of node of the viewer’s tenant', async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, displayName: 'Findable' });
    const connection = await connectionOf(app, t.tokens.maker, {
      environmentId: t.defaultEnv,
      connectorId: t.sharepoint,
      displayName: 'Mine',
    });
    const viewer = ok(await app.gql(NodeQuery, { id: t.users.maker }, t.tokens.maker)).node;
    expect(viewer).toMatchObject({ __typename: 'User', id: t.users.maker });
    const expectations: [string, string, object][] = [
      [t.team, 'Group', { displayName: `Team ${t.tag}` }],
      [t.list, 'SharePointList', { title: `List ${t.tag}` }],
      [t.securedEnv, 'Environment', { isDefault: false, viewerRole: 'ENVIRONMENT_MAKER', securityGroup: { id: t.team } }],
      [t.sharepoint, 'Connector', { displayName: `SharePoint ${t.tag}` }],
      [connection, 'Connection', { displayName: 'Mine' }],
      [flow.id, 'Flow', { displayName: 'Findable' }],
    ];
    for (const [id, typename, fields] of expectations) {
      expect(ok(await app.gql(NodeQuery, { id }, t.tokens.maker)).node).toMatchObject({ __typename: typename, id, ...fields });
    }
    const env = ok(await app.gql(NodeQuery, { id: t.defaultEnv }, t.tokens.maker)).node as { tenant: { id: string } };
    expect(ok(await app.gql(NodeQuery, { id: env.tenant.id }, t.tokens.maker)).node).toMatchObject({
      __typename: 'Tenant',
      cloud: 'COMMERCIAL',
    });
  });

  it('answers null for another tenant’s nodes, unseen flows, malformed and unknown ids (S20)', async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv });
    const connection = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.sharepoint });
    const hidden = [
      [other.tokens.maker, t.users.maker],
      [other.tokens.maker, t.team],
      [other.tokens.maker, t.list],
      [other.tokens.maker, t.defaultEnv],
      [other.tokens.admin, flow.id],
      [t.tokens.coowner, flow.id], // same tenant, no access
      [t.tokens.coowner, connection], // someone else's connection
      [t.tokens.maker, 'not base64 at all!'],
      [t.tokens.maker, Buffer.from('Flow:not-a-uuid').toString('base64')],
      [t.tokens.maker, globalId('Flow', '00000000-0000-4000-8000-000000000000')],
      [t.tokens.maker, globalId('Nonsense', '00000000-0000-4000-8000-000000000000')],
      [t.tokens.maker, globalId('__proto__', '00000000-0000-4000-8000-000000000000')],
      [null, t.users.maker],
    ] as const;
    for (const [token, id] of hidden) {
      const result = await app.gql(NodeQuery, { id }, token);
      expect(result.errors, id).toBeUndefined();
      expect(result.data?.node, id).toBeNull();
    }
    // An environment admin sees the connections of their environment.
    expect(ok(await app.gql(NodeQuery, { id: connection }, t.tokens.admin)).node).toMatchObject({ __typename: 'Connection' });
  });

  it('nodes keeps order and answers null where node would', async () => {
    const { nodes } = ok(await app.gql(NodesQuery, { ids: [t.users.coowner, other.users.maker, 'junk', t.team] }, t.tokens.maker));
    expect(nodes).toEqual([{ __typename: 'User', id: t.users.coowner }, null, null, { __typename: 'Group', id: t.team }]);
    const tooMany = await app.gql(NodesQuery, { ids: Array.from({ length: 101 }, () => t.team) }, t.tokens.maker);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
  });
});

describe('searchPrincipals', () => {
  it('finds users, groups and lists of the viewer’s tenant only, best match first', async () => {
    const { searchPrincipals } = ok(await app.gql(Search, { query: t.tag }, t.tokens.maker));
    // 7 users (by email and name), the team, the list; nothing of the other tenant.
    expect(searchPrincipals.totalCount).toBe(9);
    const exact = ok(await app.gql(Search, { query: `COOWNER.${t.tag}@example.com` }, t.tokens.maker)).searchPrincipals;
    expect(exact.edges[0]!.node).toMatchObject({ __typename: 'User', id: t.users.coowner });
    const prefix = ok(await app.gql(Search, { query: 'team' }, t.tokens.maker)).searchPrincipals;
    expect(prefix.edges[0]!.node).toMatchObject({ __typename: 'Group', id: t.team });
    const foreign = ok(await app.gql(Search, { query: other.tag }, t.tokens.maker)).searchPrincipals;
    expect(foreign.totalCount).toBe(0);
  });

  it('pages, treats % and _ literally, and leaves out departed users', async () => {
    const first = ok(await app.gql(Search, { query: t.tag, first: 4 }, t.tokens.maker)).searchPrincipals;
    const rest = ok(await app.gql(Search, { query: t.tag, first: 10, after: first.pageInfo.endCursor }, t.tokens.maker)).searchPrincipals;
    expect(first.edges).toHaveLength(4);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(rest.edges).toHaveLength(5);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect(ok(await app.gql(Search, { query: '%' }, t.tokens.maker)).searchPrincipals.totalCount).toBe(0);
    expect(ok(await app.gql(Search, { query: '   ' }, t.tokens.maker)).searchPrincipals.totalCount).toBe(0);

    const gone = t.directory.users.find((u) => u.id === t.ext('outsider'))!;
    await importDirectory(app.database.db, { users: [{ ...gone, status: 'DEPARTED' }] });
    const afterDeparture = ok(await app.gql(Search, { query: `outsider.${t.tag}` }, t.tokens.maker)).searchPrincipals;
    expect(afterDeparture.totalCount).toBe(0);
  });

  it('refuses a malformed cursor with INVALID_INPUT', async () => {
    for (const after of [
      'garbage',
      Buffer.from('OffsetConnection:x').toString('base64'),
      Buffer.from('K:2026-01-01T00:00:00.000Z:x').toString('base64'),
    ]) {
      const result = await app.gql(Search, { query: t.tag, after }, t.tokens.maker);
      expect(result.errors?.[0]?.extensions?.code, after).toBe('INVALID_INPUT');
    }
  });
});

describe('environments and connectors', () => {
  it('lists the tenant’s environments, default first, with the viewer’s role', async () => {
    const { environments, connectors } = ok(await app.gql(Environments, {}, t.tokens.coowner));
    expect(environments.map((e) => [e.id, e.isDefault, e.viewerRole])).toEqual([
      [t.defaultEnv, true, 'ENVIRONMENT_MAKER'],
      [t.securedEnv, false, null],
    ]);
    expect(environments[0]!.dlpPolicy.classifications).toEqual([]);
    expect(connectors.map((c) => c.id)).toEqual(expect.arrayContaining([t.sharepoint, t.outlook]));
  });
});

describe('createConnection and myConnections', () => {
  it('creates a connection owned by the viewer, optionally inside a flow (S6)', async () => {
    const flow = await flowOf(app, t.tokens.coowner, { environmentId: t.defaultEnv });
    const { createConnection } = ok(
      await app.gql(
        CreateConnection,
        { input: { environmentId: t.defaultEnv, connectorId: t.outlook, displayName: 'In flow', flowId: flow.id } },
        t.tokens.coowner,
      ),
    );
    expect(createConnection).toMatchObject({
      __typename: 'CreateConnectionSuccess',
      connection: {
        displayName: 'In flow',
        status: 'CONNECTED',
        owner: { id: t.users.coowner },
        connector: { id: t.outlook },
        environment: { id: t.defaultEnv },
        scopedToFlow: { id: flow.id },
      },
    });
  });

  it('refuses what it must, with the field at fault', async () => {
    const makersFlow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv });
    const input = { environmentId: t.defaultEnv, connectorId: t.outlook, displayName: 'c' };
    const cases = [
      [t.tokens.maker, { ...input, environmentId: other.defaultEnv }, 'NOT_FOUND', ['input', 'environmentId']],
      [
        t.tokens.maker,
        { ...input, connectorId: globalId('Connector', '00000000-0000-4000-8000-000000000000') },
        'NOT_FOUND',
        ['input', 'connectorId'],
      ],
      [t.tokens.maker, { ...input, connectorId: t.defaultEnv }, 'INVALID_INPUT', ['input', 'connectorId']],
      [t.tokens.maker, { ...input, displayName: '' }, 'INVALID_INPUT', ['input', 'displayName']],
      [t.tokens.coowner, { ...input, flowId: makersFlow.id }, 'NOT_FOUND', ['input', 'flowId']],
      [t.tokens.maker, { ...input, environmentId: t.securedEnv, flowId: makersFlow.id }, 'INVALID_INPUT', ['input', 'flowId']],
      [t.tokens.guest, { ...input, environmentId: t.securedEnv }, 'NOT_AUTHORIZED', ['input', 'environmentId']],
    ] as const;
    for (const [token, bad, code, field] of cases) {
      const { createConnection } = ok(await app.gql(CreateConnection, { input: bad }, token));
      expect(failure(createConnection), JSON.stringify(bad)).toMatchObject({ code, field });
    }
    const anonymous = await app.gql(CreateConnection, { input }, null);
    expect([anonymous.status, anonymous.errors?.[0]?.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('pages through the viewer’s connections, newest first, per environment', async () => {
    const tenant = await makeTenant(app);
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      made.push(
        await connectionOf(app, tenant.tokens.guest, {
          environmentId: tenant.defaultEnv,
          connectorId: tenant.sharepoint,
          displayName: `c${i}`,
        }),
      );
    }
    const page1 = ok(await app.gql(MyConnections, { first: 3 }, tenant.tokens.guest)).myConnections;
    const page2 = ok(await app.gql(MyConnections, { first: 3, after: page1.pageInfo.endCursor }, tenant.tokens.guest)).myConnections;
    expect([...page1.edges, ...page2.edges].map((e) => e.node.id)).toEqual([...made].reverse());
    expect(page1).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true } });
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const elsewhere = ok(await app.gql(MyConnections, { environmentId: tenant.securedEnv }, tenant.tokens.guest)).myConnections;
    expect(elsewhere.totalCount).toBe(0);
  });
});

describe('Relay pagination of myFlows', () => {
  let tenant: Tenant;
  let ids: string[];
  beforeAll(async () => {
    tenant = await makeTenant(app);
    ids = [];
    for (let i = 0; i < 7; i++)
      ids.push((await flowOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv, displayName: `F${i}` })).id);
    ids.reverse(); // newest first
  });

  it('walks forward with first/after and back with last/before, with no gap or repeat', async () => {
    const page = (v: MyFlowsQueryVariables) => app.gql(MyFlows, v, tenant.tokens.maker).then((r) => ok(r).myFlows);
    const a = await page({ first: 3 });
    const b = await page({ first: 3, after: a.pageInfo.endCursor });
    const c = await page({ first: 3, after: b.pageInfo.endCursor });
    expect([a, b, c].flatMap((p) => p.edges.map((e) => e.node.id))).toEqual(ids);
    expect([a.pageInfo.hasNextPage, b.pageInfo.hasNextPage, c.pageInfo.hasNextPage]).toEqual([true, true, false]);
    expect(a.pageInfo.hasPreviousPage).toBe(false);
    expect(a.totalCount).toBe(7);
    const back = await page({ last: 2, before: c.pageInfo.startCursor });
    expect(back.edges.map((e) => e.node.id)).toEqual(ids.slice(4, 6));
  });

  it('defaults to 50, allows 0, refuses more than 100 or a negative first, and bad cursors', async () => {
    expect(ok(await app.gql(MyFlows, {}, tenant.tokens.maker)).myFlows.edges).toHaveLength(7);
    const none = ok(await app.gql(MyFlows, { first: 0 }, tenant.tokens.maker)).myFlows;
    expect(none).toMatchObject({ edges: [], totalCount: 7, pageInfo: { hasNextPage: true } });
    for (const variables of [
      { first: 101 },
      { first: -1 },
      { after: 'garbage' },
      { after: Buffer.from('K:yesterday:x').toString('base64') },
    ]) {
      const result = await app.gql(MyFlows, variables, tenant.tokens.maker);
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('INVALID_INPUT');
    }
  });

  it('filters by environment and rejects a malformed environment id', async () => {
    expect(ok(await app.gql(MyFlows, { environmentId: tenant.securedEnv }, tenant.tokens.maker)).myFlows.totalCount).toBe(0);
    const bad = await app.gql(MyFlows, { environmentId: 'nope' }, tenant.tokens.maker);
    expect(bad.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
  });
});
