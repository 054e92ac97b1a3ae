// Bounded cost (issue 11, items 1-3 and 9): every request's cost is known and refused before it
// runs, on HTTP, WebSocket and SSE alike, while the server goes on answering others.
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/config.js';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { sseSubscribe, wsClient } from './support/live.js';
import { flowOf } from './support/fixtures.js';
import { makeTenant, type Tenant } from './support/tenant.js';
import { graphql } from './gql/index.js';

const LIMIT = 'QUERY_TOO_COMPLEX';

let app: TestApp;
let t: Tenant;
let flowId: string;

type Raw = { status: number; body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } };

/** Posts any text as a GraphQL query: the attacks are not documents a client would generate. */
async function post(query: string, token?: string, variables?: Record<string, unknown>): Promise<Raw> {
  const response = await fetch(app.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : { errors: [{ message: text }] } };
}

/** Sends an attack and asks /health at the same time: the server answers both. */
async function refusedWhileHealthy(query: string, token?: string): Promise<Raw> {
  const [refusal, health] = await Promise.all([post(query, token), fetch(app.url.replace('/graphql', '/health'))]);
  expect(health.status).toBe(200);
  return refusal;
}

function expectRefused(result: Raw, pattern: RegExp) {
  expect(result.body.errors?.[0]?.message).toMatch(pattern);
  expect(result.status).toBe(400);
  expect(result.body.data ?? null).toBeNull();
  expect(result.body.errors?.[0]?.extensions?.code).toBe(LIMIT);
  expect(result.body.errors?.[0]?.message).toMatch(pattern);
}

/** `runs { edges { node { flow { runs ... } } } }`, `levels` times: FlowRun.flow -> Flow.runs is a cycle. */
function runsCycle(levels: number, first = 50): string {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = `runs(first: ${first}) { edges { node { id flow { ${inner} } } } }`;
  return inner;
}

const SCHEMA_ALIAS = (i: number) =>
  `a${i}: __schema { types { name description fields { name description args { name description } type { name kind ofType { name kind } } } } }`;

beforeAll(async () => {
  app = await startTestApp();
  t = await makeTenant(app);
  flowId = (await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv })).id;
});
afterAll(() => app.close());

describe('cost: a connection counts once per row asked for (item 1)', () => {
  it('refuses the FlowRun.flow -> Flow.runs cycle before running it, for any signed-in user', async () => {
    const query = `{ node(id: ${JSON.stringify(flowId)}) { ... on Flow { ${runsCycle(3)} } } }`;
    const result = await refusedWhileHealthy(query, t.tokens.basic);
    expectRefused(result, /costs \d+, more than the limit of 100000/);
  });

  it('counts `first` through variables', async () => {
    const query = `query Cycle($id: ID!, $n: Int) { node(id: $id) { ... on Flow { ${runsCycle(3).replaceAll('first: 50', 'first: $n')} } } }`;
    const small = await post(query, t.tokens.maker, { id: flowId, n: 5 });
    expect(small.body.errors).toBeUndefined();
    expect(small.status).toBe(200);
    expectRefused(await post(query, t.tokens.maker, { id: flowId, n: 100 }), /costs/);
  });

  it('lets a deep page of flows through (the README query, 100 at a time)', async () => {
    const query = `{ myFlows(first: 100) { totalCount edges { node { id displayName state environment { displayName }
      connectionReferences { usage connection { displayName connector { displayName } } }
      owners { edges { isPrimaryOwner node { ... on User { displayName } } } } viewerAccess { level canShare } } } } }`;
    const result = await post(query, t.tokens.maker);
    expect(result.body.errors).toBeUndefined();
    expect(result.status).toBe(200);
  });

  it('lets the bench query through (100 flows with owners, references, actions and access)', async () => {
    const bench = /const QUERY = `([\s\S]*?)`;/.exec(readFileSync(new URL('../bench/myflows.ts', import.meta.url), 'utf8'))![1]!;
    const result = await post(bench, t.tokens.maker);
    expect(result.body.errors).toBeUndefined();
    expect(result.status).toBe(200);
  });

  it('refuses the same selection in a subscription, over graphql-ws and SSE', async () => {
    const document = parse(`subscription { sharingEvents { flow { ${runsCycle(3)} } } }`);
    const ws = wsClient(app.url, t.tokens.maker);
    const overWs = ws.subscribe(document, {});
    const overSse = sseSubscribe(app.url, t.tokens.maker, document, {});
    await Promise.all([overWs.ended(), overSse.ended()]);
    for (const received of [overWs, overSse]) {
      expect(received.events).toEqual([]);
      expect(received.errors[0]?.message).toMatch(/costs \d+, more than the limit/);
    }
    await ws.close();
    overSse.stop();
  });
});

describe('introspection and aliases, without a token (item 2)', () => {
  it('answers GraphiQL-sized introspection', async () => {
    const result = await post(`{ ${SCHEMA_ALIAS(0)} }`);
    expect(result.status).toBe(200);
    expect((result.body.data as { a0: { types: unknown[] } }).a0.types.length).toBeGreaterThan(50);
  });

  it('refuses 1,000 aliases of __schema (by their tokens), and 31 (by the alias limit)', async () => {
    const query = (n: number) => `{ ${Array.from({ length: n }, (_, i) => SCHEMA_ALIAS(i)).join(' ')} }`;
    expectRefused(await refusedWhileHealthy(query(1000)), /Token limit of 2000 exceeded/);
    expectRefused(await refusedWhileHealthy(query(31)), /Aliases limit of 30 exceeded, found 31/);
  });

  it('refuses 500,000 __typename aliases (the body is over 1 MB: 413)', async () => {
    const query = `{ ${Array.from({ length: 500_000 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const result = await refusedWhileHealthy(query);
    expect(result.status).toBe(413);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('REQUEST_ENTITY_TOO_LARGE');
  });

  it('refuses 60,000 __typename fields under the body limit by their tokens, and 31 aliases of it', async () => {
    const query = `{ ${Array.from({ length: 60_000 }, () => `__typename`).join(' ')} }`;
    expectRefused(await post(`{ ${Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(' ')} }`), /Aliases limit/);
    expectRefused(await refusedWhileHealthy(query), /Token limit of 2000 exceeded/);
  });

  it('refuses 31 aliases of sharingAudit and 1,000 of searchPrincipals for a signed-in admin', async () => {
    const audit = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: sharingAudit(environmentId: "${t.defaultEnv}") { generatedAt }`).join(' ')} }`;
    expectRefused(await refusedWhileHealthy(audit, t.tokens.admin), /Aliases limit/);
    const search = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: searchPrincipals(query: "a") { totalCount }`).join(' ')} }`;
    expectRefused(await refusedWhileHealthy(search, t.tokens.admin), /Aliases limit|Token limit/);
  });

  it('refuses deep introspection (graphql-js counts nested introspection lists)', async () => {
    const result = await post('{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }');
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0]?.message).toMatch(/introspection/i);
  });
});

describe('nesting (item 3)', () => {
  it('refuses 1,000 nested levels with a 400, not a stack overflow', async () => {
    const query = `{ ${'node(id: "x") { ... on Flow { '.repeat(1000)}id${' } }'.repeat(1000)} }`;
    expectRefused(await refusedWhileHealthy(query, t.tokens.maker), /Token limit/);
    const shallowEnough = `{ viewer { ${'tenant { '.repeat(DEFAULT_LIMITS.depth)}id${' }'.repeat(DEFAULT_LIMITS.depth)} } }`;
    expectRefused(await post(shallowEnough, t.tokens.maker), /depth limit of 15 exceeded/i);
  });

  it('refuses 20,000 nested braces with a 400', async () => {
    expectRefused(await refusedWhileHealthy(`{ ${'a { '.repeat(20_000)}b${' }'.repeat(20_000)} }`), /Token limit/);
  });

  it('refuses too many directives', async () => {
    const query = `{ viewer { id ${'@include(if: true) '.repeat(50)} } }`;
    expectRefused(await post(query, t.tokens.maker), /Directives limit/);
  });
});

describe('message size on every transport (item 9)', () => {
  it('refuses an HTTP body over the limit with 413', async () => {
    const result = await post(`{ viewer { id } } # ${'x'.repeat(DEFAULT_LIMITS.bodyBytes)}`, t.tokens.maker);
    expect(result.status).toBe(413);
  });

  it('closes a WebSocket that sends a message over the limit (1009), and the server goes on', async () => {
    const socket = new WebSocket(app.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    socket.send(
      JSON.stringify({
        type: 'connection_init',
        payload: { authorization: `Bearer ${t.tokens.maker}` },
        pad: 'x'.repeat(DEFAULT_LIMITS.bodyBytes),
      }),
    );
    expect(await closed).toBe(1009);
    const Viewer = graphql(`query LimitsViewer { viewer { id } }`);
    expect(ok(await app.gql(Viewer, {}, t.tokens.maker)).viewer?.id).toBe(t.users.maker);
  });
});
