// The server as a whole: health and readiness, GraphiQL from local assets, GraphQL over
// WebSocket on the same path, and the real `npm start` process (tokens, lock, SIGTERM).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { ViewerQuery } from './support/documents.js';
import { graphqlUrlOf, startProcess } from './support/process.js';
import { makeTenant, type Tenant } from './support/tenant.js';

let app: TestApp;
let t: Tenant;
beforeAll(async () => {
  app = await startTestApp();
  t = await makeTenant(app);
});
afterAll(() => app?.close());

const base = () => app.url.replace('/graphql', '');

describe('HTTP endpoints', () => {
  it('/health says the process is up and /ready that the database answers', async () => {
    expect(await (await fetch(`${base()}/health`)).json()).toEqual({ status: 'ok', subscriptions: 0 });
    expect(await (await fetch(`${base()}/ready`)).json()).toEqual({ status: 'ready' });
  });

  it('serves GraphiQL from local assets, with WebSocket subscriptions', async () => {
    const response = await fetch(app.url, { headers: { accept: 'text/html' } });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('<title>flowshare</title>');
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
    expect(html).not.toMatch(/<link[^>]+href="https?:/);
  });
});

describe('GraphQL over WebSocket (graphql-ws)', () => {
  const wsUrl = () => app.url.replace('http', 'ws');

  it('answers queries with the token sent in connection_init', async () => {
    const client = createClient({
      url: wsUrl(),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${t.tokens.coowner}` },
      retryAttempts: 0,
    });
    try {
      const result = await new Promise<unknown>((resolve, reject) => {
        client.subscribe({ query: '{ viewer { id } }' }, { next: resolve, error: reject, complete: () => {} });
      });
      expect(result).toEqual({ data: { viewer: { id: t.users.coowner } } });
    } finally {
      await client.dispose();
    }
  });

  it('closes with 4403 for a bad token', async () => {
    const closed = await new Promise<number>((resolve) => {
      const client = createClient({
        url: wsUrl(),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: 'Bearer forged.token.here' },
        retryAttempts: 0,
        on: { closed: (event) => resolve((event as { code: number }).code) },
      });
      client.subscribe({ query: '{ viewer { id } }' }, { next: () => {}, error: () => {}, complete: () => {} });
    });
    expect(closed).toBe(4403);
  });
});

describe('npm start', () => {
  let dir: string;
  const children: ChildProcess[] = [];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'flowshare-start-'));
  });
  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  const start = (env: Record<string, string>, until: RegExp) => {
    const server = startProcess(env, until);
    children.push(server.child);
    return server;
  };

  it('starts on an empty data dir with the demo, prints tokens that work, locks the dir, stops on SIGTERM', async () => {
    const dataDir = join(dir, 'data');
    const server = start({ FLOWSHARE_DATA_DIR: dataDir }, /Tokens[\s\S]*\(terry\)[^\n]*\n/);
    const output = await server.matched;
    const url = graphqlUrlOf(output);
    const token = /\(alice\)\s+Authorization: Bearer (\S+)/.exec(output)![1]!;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ viewer { externalId } myFlows { totalCount } }' }),
    });
    expect(await response.json()).toEqual({ data: { viewer: { externalId: 'alice' }, myFlows: { totalCount: 2 } } });

    // GraphiQL opens its WebSocket signed in as the demo maker (a browser can't send headers
    // there), so a subscription typed into it works: the same params through graphql-ws do.
    const html = await (await fetch(url, { headers: { accept: 'text/html' } })).text();
    expect(html).toContain('"subscriptionsProtocol":"WS"');
    const params = /"connectionParams":(\{"authorization":"Bearer [^"]+"\})/.exec(html)?.[1];
    expect(params).toBeDefined();
    const ws = createClient({
      url: url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: JSON.parse(params!),
      retryAttempts: 0,
    });
    const first = await new Promise<unknown>((resolve, reject) => {
      ws.subscribe(
        { query: 'subscription { sharingEvents(after: "U2hhcmluZ0V2ZW50OjA=") { kind } }' },
        { next: resolve, error: reject, complete: () => {} },
      );
    });
    await ws.dispose();
    expect(first).toMatchObject({ data: { sharingEvents: { kind: expect.any(String) } } });

    const second = start({ FLOWSHARE_DATA_DIR: dataDir }, /in use by process/);
    expect(await second.matched).toMatch(/the embedded database at .* is in use by process \d+/);
    expect(await second.exited).toBe(1);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(/SIGTERM: closing connections and the database/);

    // Started again on the same dir: the lock was released, the demo is not loaded twice.
    const again = start({ FLOWSHARE_DATA_DIR: dataDir }, /Tokens[\s\S]*\(terry\)[^\n]*\n/);
    const restarted = await again.matched;
    expect(restarted).not.toMatch(/first start/);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, 90_000);

  it('stops with a message naming the variable on bad configuration', async () => {
    const bad = start({ FLOWSHARE_DATA_DIR: join(dir, 'never'), PORT: 'eighty' }, /invalid configuration/);
    expect(await bad.matched).toMatch(/PORT: /);
    expect(await bad.exited).toBe(1);
  }, 30_000);
});

describe('typed documents', () => {
  it('a query through codegen types answers as typed', async () => {
    expect(ok(await app.gql(ViewerQuery, {}, t.tokens.maker)).viewer?.id).toBe(t.users.maker);
  });
});
