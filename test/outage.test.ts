// PostgreSQL outages (issue 11, item 10): a database that refuses, drops connections, or stops
// answering without refusing gives SERVICE_UNAVAILABLE (HTTP 503, Retry-After) on queries and
// mutations, in bounded time, never a masked 500 or a request that hangs; checkReady (behind
// /ready) answers within its timeout either way. The outage is real: the server talks to
// PostgreSQL through a TCP proxy the test controls. PostgreSQL only (PGlite is in-process).
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { setTimeout as pause } from 'node:timers/promises';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Timeouts } from '../src/db/open.js';
import { checkReady, DatabaseTimeoutError } from '../src/db/outage.js';
import { isolatedDatabaseUrl, ok, startTestApp, type TestApp } from './support/app.js';
import { MyFlows, TryModifyFlowOwners, ViewerQuery } from './support/documents.js';
import { flowOf } from './support/fixtures.js';
import { makeTenant, type Tenant } from './support/tenant.js';

/** A TCP proxy to PostgreSQL that can refuse (closed port, connections cut) or hang (accepts, never answers). */
class TcpProxy {
  readonly #server: Server;
  readonly #pairs = new Set<[Socket, Socket]>();
  #mode: 'forward' | 'hang' = 'forward';
  port = 0;

  constructor(readonly target: URL) {
    this.#server = createServer((client) => {
      client.on('error', () => {});
      if (this.#mode === 'hang') return void this.#pairs.add([client, client]);
      const upstream = createConnection({ host: target.hostname, port: Number(target.port || 5432) });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
      client.pipe(upstream).pipe(client);
      this.#pairs.add([client, upstream]);
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.port = (this.#server.address() as { port: number }).port;
  }

  /** The same database, through the proxy. */
  get url(): string {
    const url = new URL(this.target);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }

  /** Nothing listens any more and every connection is cut. */
  refuse(): void {
    this.#server.close();
    for (const [client, upstream] of this.#pairs) {
      client.destroy();
      upstream.destroy();
    }
  }

  /** Connections stay open and new ones are accepted, but nothing is forwarded either way. */
  hang(): void {
    this.#mode = 'hang';
    for (const [client, upstream] of this.#pairs) {
      client.unpipe(upstream);
      upstream.unpipe(client);
      client.pause();
      upstream.pause();
    }
  }

  /** Forwarding again, as a restarted database would: what hung is cut, new connections go through. */
  resume(): void {
    this.#mode = 'forward';
    for (const [client, upstream] of this.#pairs) {
      client.destroy();
      upstream.destroy();
    }
    this.#pairs.clear();
  }

  close(): void {
    this.refuse();
  }
}

const FAST: Timeouts = { connectMs: 500, statementMs: 500 };

/** A server on the database behind `proxy`, with these timeouts. */
function appBehind(proxy: TcpProxy, timeouts: Timeouts): Promise<TestApp> {
  return startTestApp({ databaseUrl: proxy.url, timeouts });
}

/** Time an HTTP GraphQL call, with its status, code and Retry-After. */
async function timed(url: string, query: string, token: string) {
  const started = Date.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
  return { ms: Date.now() - started, status: response.status, retryAfter: response.headers.get('retry-after'), errors: body.errors ?? [] };
}

const VIEWER = '{ viewer { id } myFlows(first: 5) { totalCount } }';
const MUTATION = (flowId: string, who: string) =>
  `mutation { modifyFlowOwners(input: { flowId: "${flowId}", add: ["${who}"] }) { __typename } }`;

describe.runIf(process.env.DATABASE_URL)('during a PostgreSQL outage', () => {
  let databaseUrl: string;
  let t: Tenant;
  let flowId: string;
  const opened: { close(): unknown }[] = [];
  const track = <T extends { close(): unknown }>(x: T) => {
    opened.push(x);
    return x;
  };

  beforeAll(async () => {
    // A database of its own: the test holds locks in it.
    databaseUrl = (await isolatedDatabaseUrl())!;
    const proxy = track(new TcpProxy(new URL(databaseUrl)));
    await proxy.start();
    const app = await appBehind(proxy, FAST);
    try {
      t = await makeTenant(app);
      flowId = (await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv })).id;
    } finally {
      await app.close();
    }
  });
  afterEach(async () => {
    for (const x of opened.splice(0).reverse()) await x.close();
  });
  afterAll(async () => {
    for (const x of opened.splice(0).reverse()) await x.close();
  });

  async function setUp(timeouts = FAST) {
    const proxy = new TcpProxy(new URL(databaseUrl));
    await proxy.start();
    const app = await appBehind(proxy, timeouts);
    // Closed after the proxy is (the reverse order): the app's close must not wait on a dead database for long.
    track(app);
    track(proxy);
    expect(ok(await app.gql(ViewerQuery, {}, t.tokens.maker)).viewer?.id).toBe(t.users.maker);
    return { proxy, app };
  }

  it('refused: queries and mutations answer 503 SERVICE_UNAVAILABLE with Retry-After, at once', async () => {
    const { proxy, app } = await setUp();
    proxy.refuse();
    for (const query of [VIEWER, MUTATION(flowId, t.users.guest)]) {
      const answer = await timed(app.url, query, t.tokens.maker);
      expect(answer.status, JSON.stringify(answer)).toBe(503);
      expect(answer.errors[0]).toMatchObject({
        extensions: { code: 'SERVICE_UNAVAILABLE' },
        message: expect.stringContaining('try again'),
      });
      expect(answer.retryAfter).toBe('5');
      expect(answer.ms).toBeLessThan(3_000);
    }
  });

  it('refused: checkReady rejects within its timeout', async () => {
    const { proxy, app } = await setUp();
    proxy.refuse();
    const started = Date.now();
    await expect(checkReady(app.database.db, 1_000)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1_100);
  });

  it('hanging: queries and mutations answer 503 SERVICE_UNAVAILABLE in bounded time, on open and on new connections', async () => {
    const { proxy, app } = await setUp();
    proxy.hang();
    // answerMs is statementMs + 1 s: 1.5 s here; a new connection gives up after connectMs.
    for (const query of [VIEWER, MUTATION(flowId, t.users.guest), VIEWER]) {
      const answer = await timed(app.url, query, t.tokens.maker);
      expect(answer.status, JSON.stringify(answer)).toBe(503);
      expect(answer.errors[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(answer.ms).toBeLessThan(5_000);
    }
  });

  it('hanging: checkReady rejects within its timeout, with default timeouts', async () => {
    const { proxy, app } = await setUp({ connectMs: 5_000, statementMs: 15_000 });
    proxy.hang();
    const started = Date.now();
    await expect(checkReady(app.database.db, 1_000)).rejects.toBeInstanceOf(DatabaseTimeoutError);
    expect(Date.now() - started).toBeLessThan(1_100);
    // A fresh connection (the app's close then doesn't wait for the hung one).
    await expect(checkReady(app.database.db, 300)).rejects.toBeInstanceOf(DatabaseTimeoutError);
  });

  // Needs /ready in server.ts to call checkReady(db, 800) (its owner wires it): until then the
  // hanging case waits for the statement deadline (16 s by default).
  it('/ready answers 503 within a second, refused or hanging (default timeouts)', async () => {
    for (const outage of ['refuse', 'hang'] as const) {
      const { proxy, app } = await setUp({ connectMs: 5_000, statementMs: 15_000 });
      const ready = app.url.replace('/graphql', '/ready');
      expect((await fetch(ready)).status).toBe(200);
      proxy[outage]();
      const started = Date.now();
      const response = await fetch(ready);
      expect(Date.now() - started, outage).toBeLessThan(1_000);
      expect(response.status, outage).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'unavailable' });
    }
  });

  it('a statement that outlives statement_timeout on a live server is SERVICE_UNAVAILABLE, through the mutation path, and writes nothing', async () => {
    const { app } = await setUp();
    // Another session holds the sharing log's append lock, so the mutation's append waits on it.
    const holder = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const reserved = await holder.reserve();
      await reserved`select pg_advisory_lock(727002)`;
      const answer = await timed(app.url, MUTATION(flowId, t.users.coowner), t.tokens.maker);
      expect(answer.status, JSON.stringify(answer)).toBe(503);
      expect(answer.errors[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(answer.ms).toBeLessThan(3_000);
      await reserved`select pg_advisory_unlock(727002)`;
      reserved.release();
    } finally {
      await holder.end();
    }
    // Nothing was written: the co-owner is not an owner, and the same call now succeeds.
    const result = ok(await app.gql(TryModifyFlowOwners, { input: { flowId, add: [t.users.coowner] } }, t.tokens.maker));
    expect(result.modifyFlowOwners.__typename).toBe('ModifyFlowOwnersSuccess');
    // Queries still answer on the same server.
    expect(ok(await app.gql(MyFlows, {}, t.tokens.maker)).myFlows.totalCount).toBeGreaterThanOrEqual(1);
  });

  it('recovers: once PostgreSQL answers again, so does the same server (no connection is left hung)', async () => {
    const { proxy, app } = await setUp();
    proxy.hang();
    expect((await timed(app.url, VIEWER, t.tokens.maker)).status).toBe(503);
    proxy.resume();
    let status = 0;
    for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
      if (attempt > 0) await pause(250);
      status = (await timed(app.url, VIEWER, t.tokens.maker)).status;
    }
    expect(status).toBe(200);
  });
});
