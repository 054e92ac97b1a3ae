// Trusted documents (issue 11, item 13): with a manifest, only its documents run, by hash, on
// HTTP, graphql-ws and SSE alike; query text, no id and unknown ids are refused, nothing written.
// The manifest is the project's own (codegen: test/gql/persisted-documents.json). Setup goes
// through a second, ordinary server on the same database.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient as createSseClient } from 'graphql-sse';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { tokenVerifier } from '../src/auth/tokens.js';
import { ConfigError, DEFAULT_LIMITS } from '../src/config.js';
import { encodeEventCursor } from '../src/events/cursor.js';
import { loadTrustedDocuments, TRUSTED_CODES, type TrustedDocuments } from '../src/graphql/documents.js';
import { startServer, type RunningServer } from '../src/server.js';
import { graphql } from './gql/index.js';
import { ok, startTestApp, TEST_SECRET, type TestApp } from './support/app.js';
import { CreateFlow, MyFlows, ViewerQuery } from './support/documents.js';
import { flowOf } from './support/fixtures.js';
import { makeTenant, type Tenant } from './support/tenant.js';

const MANIFEST = 'test/gql/persisted-documents.json';

const TrustedOwnerEvents = graphql(`
  subscription TrustedOwnerEvents($after: String) { sharingEvents(after: $after) { cursor kind flowId } }
`);
const TrustedAddOwner = graphql(`
  mutation TrustedAddOwner($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }
`);

type Body = { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[]; status?: number };

let app: TestApp; // ordinary: for setup and for checking what was written
let trusted: RunningServer;
let manifest: TrustedDocuments;
let t: Tenant;
let flowId: string;
const sockets: { dispose(): void | Promise<void> }[] = [];

/** The manifest id of a generated document (codegen puts it in `__meta__`). */
function idOf(document: TypedDocumentNode<unknown, never> | object): string {
  const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
  if (!hash) throw new Error('a document without a hash: run npm run schema');
  return hash;
}

async function post(body: Record<string, unknown>, token = t.tokens.maker, url = trusted.url): Promise<{ status: number; body: Body }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Body };
}

function wsConnection(token: string) {
  const client = createClient({
    url: trusted.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  sockets.push(client);
  return client;
}

/** One operation over graphql-ws with a raw payload: its results, or the errors it ended with. */
async function overWebSocket(
  payload: Record<string, unknown>,
  token = t.tokens.maker,
  count = 1,
  client = wsConnection(token),
): Promise<Body[]> {
  const results: Body[] = [];
  await new Promise<void>((resolve, reject) => {
    const stop = client.subscribe(payload as never, {
      next: (result) => {
        results.push(result as Body);
        if (results.length >= count) {
          stop();
          resolve();
        }
      },
      error: (error) => {
        if (!Array.isArray(error)) return reject(error);
        results.push({ errors: error });
        resolve();
      },
      complete: () => resolve(),
    });
    setTimeout(() => reject(new Error(`timed out: ${JSON.stringify(results)}`)), 5000);
  });
  return results;
}

/** One operation over SSE (graphql-sse, distinct connections) with a raw payload. */
async function overSse(payload: Record<string, unknown>, token = t.tokens.maker, count = 1): Promise<Body[]> {
  const client = createSseClient({ url: trusted.url, headers: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  sockets.push(client);
  const results: Body[] = [];
  await new Promise<void>((resolve, reject) => {
    const stop = client.subscribe(payload as never, {
      next: (result) => {
        results.push(result as Body);
        if (results.length >= count || (result as Body).errors) {
          stop();
          resolve();
        }
      },
      // A refusal is the response to the request that opens the stream: HTTP 400 with the errors.
      error: (error) => {
        const response = (error as { response?: Response }).response;
        if (!response) return reject(error);
        response.text().then((text) => {
          // Yoga answers in the format asked for: an event stream whose one event carries the errors.
          const json = text.startsWith('{') ? text : /^data: (.*)$/m.exec(text)?.[1];
          results.push({ ...(JSON.parse(json ?? 'null') as Body), status: response.status });
          resolve();
        }, reject);
      },
      complete: () => resolve(),
    });
    setTimeout(() => reject(new Error(`timed out: ${JSON.stringify(results)}`)), 5000);
  });
  return results;
}

const codeOf = (body: Body) => body.errors?.[0]?.extensions?.code;

async function flowCount(): Promise<number> {
  return ok(await app.gql(MyFlows, {}, t.tokens.maker)).myFlows.totalCount;
}

beforeAll(async () => {
  app = await startTestApp();
  t = await makeTenant(app);
  flowId = (await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv })).id;
  ok(await app.gql(TrustedAddOwner, { input: { flowId, add: [t.users.coowner] } }, t.tokens.maker));
  manifest = loadTrustedDocuments(MANIFEST);
  trusted = await trustedServer();
});

/** A second server on the ordinary app's database and live log, running the manifest only. */
function trustedServer(limits = DEFAULT_LIMITS): Promise<RunningServer> {
  return startServer({
    db: app.database.db,
    feed: app.feed,
    verify: tokenVerifier({ kind: 'secret', secret: TEST_SECRET }),
    port: 0,
    host: '127.0.0.1',
    quiet: true,
    trustedDocuments: manifest,
    limits,
  });
}
afterAll(async () => {
  await Promise.all(sockets.map((s) => s.dispose()));
  await trusted?.close();
  await app?.close();
});

describe('the manifest', () => {
  it('is the one codegen writes: every id the sha256 of its text, every document valid', () => {
    expect(manifest.size).toBeGreaterThan(50);
    expect(manifest.get(idOf(ViewerQuery).replace('sha256:', ''))).toContain('query Viewer');
  });

  it('a missing or malformed file stops the start with a message naming the variable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowshare-trusted-'));
    const write = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const cases: [string, RegExp][] = [
      [join(dir, 'absent.json'), /cannot read .*ENOENT/],
      [write('not-json.json', '{"a": '), /not JSON/],
      [write('array.json', '["query { viewer { id } }"]'), /expected a JSON object/],
      [write('empty.json', '{}'), /no documents/],
      [write('not-text.json', '{"x": 1}'), /"x" is not a string of GraphQL/],
      [write('bad-hash.json', `{"sha256:${'0'.repeat(64)}": "query { viewer { id } }"}`), /not the sha256 of its document/],
      [write('syntax.json', '{"q1": "query {"}'), /"q1" does not parse/],
      [write('fragment.json', '{"f1": "fragment F on User { id }"}'), /"f1" has no operation/],
      [write('schema.json', '{"s1": "query { nope }"}'), /"s1" does not fit the schema: .*nope/],
    ];
    for (const [file, message] of cases) {
      let error: unknown;
      try {
        loadTrustedDocuments(file);
      } catch (e) {
        error = e;
      }
      expect(error, file).toBeInstanceOf(ConfigError);
      expect((error as Error).message, file).toMatch(/^FLOWSHARE_TRUSTED_DOCUMENTS: /);
      expect((error as Error).message, file).toMatch(message);
    }
  });
});

describe('a manifest document, by hash, runs', () => {
  it('over HTTP: {"documentId"} (POST and GET) and Apollo\'s extensions.persistedQuery', async () => {
    const byId = await post({ documentId: idOf(ViewerQuery) });
    expect(byId.status).toBe(200);
    expect(byId.body).toMatchObject({ data: { viewer: { externalId: t.ext('maker') } } });

    const apollo = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: idOf(ViewerQuery).replace('sha256:', '') } } });
    expect(apollo.body).toMatchObject({ data: { viewer: { externalId: t.ext('maker') } } });

    const get = await fetch(`${trusted.url}?documentId=${encodeURIComponent(idOf(ViewerQuery))}`, {
      headers: { authorization: `Bearer ${t.tokens.maker}`, accept: 'application/json' },
    });
    expect(get.status).toBe(200);
    expect(await get.json()).toMatchObject({ data: { viewer: { externalId: t.ext('maker') } } });
  });

  it('a mutation by hash writes', async () => {
    const before = await flowCount();
    const created = await post({
      documentId: idOf(CreateFlow),
      variables: { input: { environmentId: t.defaultEnv, displayName: 'trusted', trigger: 'INSTANT', actions: [] } },
    });
    expect(created.body).toMatchObject({ data: { createFlow: { __typename: 'CreateFlowSuccess' } } });
    expect(await flowCount()).toBe(before + 1);
  });

  it('over graphql-ws: a query and a subscription', async () => {
    const [query] = await overWebSocket({ query: '', documentId: idOf(ViewerQuery) });
    expect(query).toMatchObject({ data: { viewer: { externalId: t.ext('maker') } } });
    const [event] = await overWebSocket(
      { query: '', documentId: idOf(TrustedOwnerEvents), variables: { after: encodeEventCursor(0) } },
      t.tokens.coowner,
    );
    expect(event).toMatchObject({ data: { sharingEvents: { kind: 'OWNER_ADDED', flowId } } });
  });

  it("over SSE: a subscription, also by Apollo's extension", async () => {
    const [event] = await overSse(
      { query: '', documentId: idOf(TrustedOwnerEvents), variables: { after: encodeEventCursor(0) } },
      t.tokens.coowner,
    );
    expect(event).toMatchObject({ data: { sharingEvents: { kind: 'OWNER_ADDED', flowId } } });
    const hash = idOf(TrustedOwnerEvents).replace('sha256:', '');
    const [again] = await overSse(
      { query: '', extensions: { persistedQuery: { version: 1, sha256Hash: hash } }, variables: { after: encodeEventCursor(0) } },
      t.tokens.coowner,
    );
    expect(again).toMatchObject({ data: { sharingEvents: { kind: 'OWNER_ADDED', flowId } } });
  });

  it('within the request limits, which still apply', async () => {
    const strict = await trustedServer({ ...DEFAULT_LIMITS, depth: 2 });
    try {
      const refused = await post({ documentId: idOf(ViewerQuery) }, t.tokens.maker, strict.url);
      expect(codeOf(refused.body)).toBe('QUERY_TOO_COMPLEX');
    } finally {
      await strict.close();
    }
  });
});

describe('anything else is refused, and writes nothing', () => {
  const createText = print(CreateFlow);
  const createVariables = () => ({ input: { environmentId: t.defaultEnv, displayName: 'untrusted', trigger: 'INSTANT', actions: [] } });

  it("over HTTP: query text (even a manifest document's own), text with an id, no id, an unknown id", async () => {
    const before = await flowCount();
    const text = await post({ query: createText, variables: createVariables() });
    expect(text.status).toBe(400);
    expect(codeOf(text.body)).toBe(TRUSTED_CODES.onlyPersisted);
    expect(text.body.errors?.[0]?.message).toMatch(/Only trusted documents run/);
    expect(text.body.data ?? null).toBeNull();

    const both = await post({ query: createText, documentId: idOf(CreateFlow), variables: createVariables() });
    expect([both.status, codeOf(both.body)]).toEqual([400, TRUSTED_CODES.onlyPersisted]);

    const none = await post({ variables: createVariables() });
    expect([none.status, codeOf(none.body)]).toEqual([400, TRUSTED_CODES.idRequired]);

    const unknown = await post({ documentId: `sha256:${'a'.repeat(64)}`, variables: createVariables() });
    expect([unknown.status, codeOf(unknown.body)]).toEqual([400, TRUSTED_CODES.notInList]);
    const unknownApollo = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } } });
    expect([unknownApollo.status, codeOf(unknownApollo.body)]).toEqual([400, TRUSTED_CODES.notInList]);

    // Automatic persisted queries are off: registering a text is refused like any text.
    const apq = await post({
      query: print(ViewerQuery),
      extensions: { persistedQuery: { version: 1, sha256Hash: idOf(ViewerQuery).replace('sha256:', '') } },
    });
    expect([apq.status, codeOf(apq.body)]).toEqual([400, TRUSTED_CODES.onlyPersisted]);

    const get = await fetch(`${trusted.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json' } });
    expect(get.status).toBe(400);
    expect(codeOf((await get.json()) as Body)).toBe(TRUSTED_CODES.onlyPersisted);

    expect(await flowCount()).toBe(before);
  });

  it('over graphql-ws: the operation gets the error, the connection stays up', async () => {
    const before = await flowCount();
    let closed: number | undefined;
    const connection = createClient({
      url: trusted.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${t.tokens.maker}` },
      retryAttempts: 0,
      lazy: false, // one connection throughout: refusals must not close it
      on: { closed: (event) => (closed = (event as { code: number }).code) },
    });
    sockets.push(connection);
    const maker = t.tokens.maker;
    const [text] = await overWebSocket({ query: createText, variables: createVariables() }, maker, 1, connection);
    expect(codeOf(text!)).toBe(TRUSTED_CODES.onlyPersisted);
    const [none] = await overWebSocket({ query: '', variables: createVariables() }, maker, 1, connection);
    expect(codeOf(none!)).toBe(TRUSTED_CODES.idRequired);
    const [unknown] = await overWebSocket({ query: '', documentId: `sha256:${'c'.repeat(64)}` }, maker, 1, connection);
    expect(codeOf(unknown!)).toBe(TRUSTED_CODES.notInList);
    const [subscription] = await overWebSocket(
      { query: print(TrustedOwnerEvents), variables: { after: encodeEventCursor(0) } },
      maker,
      1,
      connection,
    );
    expect(codeOf(subscription!)).toBe(TRUSTED_CODES.onlyPersisted);
    const [trustedQuery] = await overWebSocket({ query: '', documentId: idOf(ViewerQuery) }, maker, 1, connection);
    expect(trustedQuery).toMatchObject({ data: { viewer: { externalId: t.ext('maker') } } });
    expect(closed).toBeUndefined();
    expect(await flowCount()).toBe(before);
  });

  it('over SSE', async () => {
    const before = await flowCount();
    const [subscription] = await overSse(
      { query: print(TrustedOwnerEvents), variables: { after: encodeEventCursor(0) } },
      t.tokens.coowner,
    );
    expect(codeOf(subscription!)).toBe(TRUSTED_CODES.onlyPersisted);
    expect(subscription!.status).toBe(400);
    const [unknown] = await overSse({ query: '', documentId: `sha256:${'d'.repeat(64)}` });
    expect(codeOf(unknown!)).toBe(TRUSTED_CODES.notInList);
    const [mutation] = await overSse({ query: createText, variables: createVariables() });
    expect(codeOf(mutation!)).toBe(TRUSTED_CODES.onlyPersisted);
    expect(await flowCount()).toBe(before);
  });
});

describe('GraphiQL', () => {
  it('says that arbitrary queries are off', async () => {
    const page = await fetch(trusted.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('trusted documents only');
    expect(html).toContain('arbitrary queries are off');
    // The ordinary server is unchanged.
    const ordinary = await (await fetch(app.url, { headers: { accept: 'text/html' } })).text();
    expect(ordinary).not.toContain('arbitrary queries are off');
  });
});
