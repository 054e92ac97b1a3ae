// One rule for a request without a token (#12 item 11), on every transport: `viewer` answers
// null and introspection stays open; every other query, mutation or subscription field is a
// GraphQL error UNAUTHENTICATED with HTTP 401 (never a 200 with an OperationError result).
// graphql-ws signs in once per socket: without a token in connection_init it closes 4401.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { flowOf } from './support/fixtures.js';
import { wsClient } from './support/live.js';
import { CreateConnection, MyFlows, TryModifyFlowOwners, ViewerQuery } from './support/documents.js';
import { makeTenant, type Tenant } from './support/tenant.js';

const Introspect = graphql(`
  query NoTokenIntrospection { __schema { queryType { name } mutationType { name } } }
`);
const Events = graphql(`
  subscription NoTokenEvents { sharingEvents { kind } }
`);

let app: TestApp;
let t: Tenant;
beforeAll(async () => {
  app = await startTestApp();
  t = await makeTenant(app);
});
afterAll(() => app?.close());

const post = (body: object, accept = 'application/graphql-response+json, application/json') =>
  fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify(body) });

describe('without a token, over HTTP', () => {
  it('viewer is null and introspection answers (200)', async () => {
    const viewer = await app.gql(ViewerQuery, {}, null);
    expect(viewer.status).toBe(200);
    expect(ok(viewer).viewer).toBeNull();
    const schema = await app.gql(Introspect, {}, null);
    expect(schema.status).toBe(200);
    expect(ok(schema).__schema).toEqual({ queryType: { name: 'Query' }, mutationType: { name: 'Mutation' } });
  });

  it('a query is UNAUTHENTICATED, 401', async () => {
    const result = await app.gql(MyFlows, {}, null);
    expect(result.status).toBe(401);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('a mutation is UNAUTHENTICATED, 401, as a query is: no OperationError, nothing written', async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv });
    for (const [what, result] of [
      ['modifyFlowOwners', await app.gql(TryModifyFlowOwners, { input: { flowId: flow.id, add: [t.users.coowner] } }, null)],
      [
        'createConnection',
        await app.gql(CreateConnection, { input: { environmentId: t.defaultEnv, connectorId: t.sharepoint, displayName: 'x' } }, null),
      ],
    ] as const) {
      expect(result.status, what).toBe(401);
      expect(result.data ?? null, what).toBeNull();
      expect(
        result.errors?.map((e) => e.extensions?.code),
        what,
      ).toEqual(['UNAUTHENTICATED']);
      expect(result.errors?.[0]?.message, what).toMatch(/Authorization: Bearer/);
    }
    const { node } = ok(
      await app.gql(
        graphql(`query NoTokenOwners($id: ID!) { node(id: $id) { ... on Flow { owners { totalCount } } } }`),
        { id: flow.id },
        t.tokens.maker,
      ),
    );
    expect(node).toEqual({ owners: { totalCount: 1 } });
  });

  it('a request asking viewer and another field: viewer null, the other UNAUTHENTICATED, 401', async () => {
    const response = await post({ query: '{ viewer { id } myFlows { totalCount } }' });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { data: unknown; errors: { path: string[]; extensions: { code: string } }[] };
    expect(body.errors.map((e) => [e.path, e.extensions.code])).toEqual([[['myFlows'], 'UNAUTHENTICATED']]);
  });

  it('a subscription over SSE is UNAUTHENTICATED, 401', async () => {
    const response = await post({ query: 'subscription { sharingEvents { kind } }' }, 'text/event-stream');
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(text).toContain('UNAUTHENTICATED');
    expect(text).not.toMatch(/"kind"/);
  });

  it('a subscription over plain HTTP is UNAUTHENTICATED, 401', async () => {
    const response = await post({ query: 'subscription { sharingEvents { kind } }' });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('without a token, over graphql-ws', () => {
  it('the socket closes 4401 Unauthorized at connection_init: no query, mutation or subscription runs', async () => {
    let closed: number | undefined;
    const client = wsClient(app.url, null, { onClosed: (code) => (closed = code) });
    try {
      const events = client.subscribe(Events, {});
      await events.ended();
      expect(events.events).toEqual([]);
      expect(closed).toBe(4401);
    } finally {
      await client.close();
    }
  });
});
