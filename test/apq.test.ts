// Automatic persisted queries (issue 11, item 13), as Apollo Client's persisted-queries link
// does them: the hash alone (PersistedQueryNotFound), then hash and text (runs, stored), then
// the hash alone (runs); a hash that isn't the text's is refused; the store is bounded.
import { createHash } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type Limits } from '../src/config.js';
import { BoundedApqStore } from '../src/graphql/apq.js';
import { startTestApp, type TestApp } from './support/app.js';
import { FlowById, MyFlows, ViewerQuery } from './support/documents.js';
import { makeTenant, type Tenant } from './support/tenant.js';

type Body = { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
type Sent = { status: number; body: Body };

/** A server and a signed-in user of it (each test app has a database of its own). */
type Target = { url: string; token: string };

let app: TestApp;
let t: Tenant;
let target: Target;
const apps: TestApp[] = [];

beforeAll(async () => {
  app = await startTestApp();
  apps.push(app);
  t = await makeTenant(app);
  target = { url: app.url, token: t.tokens.maker };
});
afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()));
});

/** What Apollo hashes: the printed document, sha256, hex. */
const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');
const persistedQuery = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });

/** Apollo's request: POST, or GET with the parameters in the URL (useGETForHashedQueries). */
async function send(
  { url, token }: Target,
  method: 'GET' | 'POST',
  request: { query?: string; operationName?: string; variables?: Record<string, unknown>; extensions?: object },
): Promise<Sent> {
  const headers = { authorization: `Bearer ${token}`, accept: 'application/graphql-response+json, application/json' };
  let response: Response;
  if (method === 'POST') {
    response = await fetch(url, { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(request) });
  } else {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(request)) {
      if (value !== undefined) params.set(key, typeof value === 'string' ? value : JSON.stringify(value));
    }
    response = await fetch(`${url}?${params}`, { headers });
  }
  return { status: response.status, body: (await response.json()) as Body };
}

/** The link's three steps for one document. */
async function apolloRoundTrip(
  to: Target,
  method: 'GET' | 'POST',
  document: TypedDocumentNode<unknown, never>,
  variables: Record<string, unknown> = {},
) {
  const query = print(document);
  const hash = hashOf(query);
  const operationName = (document.definitions[0] as { name?: { value: string } }).name?.value;
  const hashOnly = () => send(to, method, { operationName, variables, extensions: persistedQuery(hash) });
  const first = await hashOnly();
  const withText = await send(to, method, { query, operationName, variables, extensions: persistedQuery(hash) });
  const second = await hashOnly();
  return { hash, first, withText, second, hashOnly };
}

const expectNotFound = (sent: Sent) => {
  // What the link looks for to fall back to sending the text (and not give up on APQ: not 400).
  expect(sent.body.errors?.[0]?.message).toBe('PersistedQueryNotFound');
  expect(sent.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  expect(sent.status).toBe(404);
};

async function appWith(limits: Partial<Limits>): Promise<Target> {
  const started = await startTestApp({ server: { limits: { ...DEFAULT_LIMITS, ...limits } } });
  apps.push(started);
  const tenant = await makeTenant(started);
  return { url: started.url, token: tenant.tokens.maker };
}

describe('the Apollo protocol', () => {
  it('over POST: hash only → PersistedQueryNotFound, hash and text → runs, hash only → runs', async () => {
    const { first, withText, second } = await apolloRoundTrip(target, 'POST', ViewerQuery);
    expectNotFound(first);
    expect(withText).toMatchObject({ status: 200, body: { data: { viewer: { externalId: t.ext('maker') } } } });
    expect(second).toMatchObject({ status: 200, body: { data: { viewer: { externalId: t.ext('maker') } } } });
    expect(second.body.errors).toBeUndefined();
  });

  it('over GET, with variables', async () => {
    const { first, withText, second } = await apolloRoundTrip(target, 'GET', MyFlows, { first: 5 });
    expectNotFound(first);
    expect(withText).toMatchObject({ status: 200, body: { data: { myFlows: { totalCount: 0 } } } });
    expect(second).toMatchObject({ status: 200, body: { data: { myFlows: { totalCount: 0 } } } });
  });

  it("a hash that is not the text's is refused, and nothing is stored under it", async () => {
    const query = print(FlowById);
    const wrong = hashOf(`${query} `);
    const refused = await send(target, 'POST', { query, variables: { id: t.defaultEnv }, extensions: persistedQuery(wrong) });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_MISMATCH');
    expect(refused.body.data ?? null).toBeNull();
    expectNotFound(await send(target, 'POST', { variables: { id: t.defaultEnv }, extensions: persistedQuery(wrong) }));
  });

  it('stored documents still meet the request limits', async () => {
    const strict = await appWith({ depth: 2 });
    const { withText, second } = await apolloRoundTrip(strict, 'POST', ViewerQuery);
    expect(withText.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(second.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('the bounded store', () => {
  it('keeps the most recently used entries within the entry cap', () => {
    const store = new BoundedApqStore(2, 1_000_000);
    store.set('a', 'query A { a }');
    store.set('b', 'query B { b }');
    expect(store.get('a')).toBe('query A { a }'); // a is now the most recent
    store.set('c', 'query C { c }');
    expect([store.has('a'), store.has('b'), store.has('c')]).toEqual([true, false, true]);
    expect(store.size).toBe(2);
  });

  it('keeps the total bytes (hash plus UTF-8 text) within the byte cap', () => {
    const store = new BoundedApqStore(100, 30);
    store.set('a', 'x'.repeat(9)); // 10 bytes
    store.set('b', 'é'.repeat(5)); // 1 + 10 bytes
    expect(store.bytes).toBe(21);
    store.set('c', 'y'.repeat(14)); // 15 bytes: 36 > 30, a goes
    expect([store.has('a'), store.has('b'), store.has('c')]).toEqual([false, true, true]);
    expect(store.bytes).toBe(26);
    store.set('b', 'z'); // replaced: 2 bytes instead of 11
    expect(store.bytes).toBe(17);
    store.set('huge', 'q'.repeat(40)); // larger than the store: not kept, nothing evicted
    expect([store.has('huge'), store.size, store.bytes]).toEqual([false, 2, 17]);
    expect(store.get('missing')).toBeUndefined();
  });

  it('on a server: over the entry cap, the least recently used document is forgotten', async () => {
    const small = await appWith({ apqEntries: 2 });
    const viewer = await apolloRoundTrip(small, 'POST', ViewerQuery);
    await apolloRoundTrip(small, 'POST', MyFlows, {});
    expect((await viewer.hashOnly()).status).toBe(200); // both kept; Viewer the most recent
    const byId = await apolloRoundTrip(small, 'POST', FlowById, { id: t.defaultEnv });
    expect(byId.withText.status).toBe(200);
    expect((await viewer.hashOnly()).status).toBe(200);
    expectNotFound(await send(small, 'POST', { variables: {}, extensions: persistedQuery(hashOf(print(MyFlows))) }));
  });

  it('on a server: over the byte cap, older documents are forgotten, and one larger than the store still runs', async () => {
    const bytesOf = (document: TypedDocumentNode<unknown, never>) => 64 + Buffer.byteLength(print(document));
    const cap = Math.max(bytesOf(ViewerQuery), bytesOf(MyFlows)) + 10; // either fits, not both
    expect(bytesOf(ViewerQuery) + bytesOf(MyFlows)).toBeGreaterThan(cap);
    const small = await appWith({ apqBytes: cap });
    const viewer = await apolloRoundTrip(small, 'POST', ViewerQuery);
    expect(viewer.second.status).toBe(200);
    const flows = await apolloRoundTrip(small, 'POST', MyFlows, {});
    expect(flows.withText.status).toBe(200);
    expectNotFound(await viewer.hashOnly()); // evicted for MyFlows
    // FlowFields make FlowById larger than the whole store: runs with its text, never kept.
    expect(bytesOf(FlowById)).toBeGreaterThan(cap);
    const byId = await apolloRoundTrip(small, 'POST', FlowById, { id: t.defaultEnv });
    expect(byId.withText.status).toBe(200);
    expectNotFound(byId.second);
    expect((await flows.hashOnly()).status).toBe(200); // not evicted by the one that didn't fit
  });

  it('apqEntries 0 turns APQ off: a hash alone is a request without a query', async () => {
    const off = await appWith({ apqEntries: 0 });
    const { first, withText } = await apolloRoundTrip(off, 'POST', ViewerQuery);
    expect(first.status).toBe(400);
    expect(first.body.errors?.[0]?.message).toBe('Must provide query string.');
    expect(withText.status).toBe(200); // the text with an unused extension still runs
  });
});
