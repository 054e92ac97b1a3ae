// graphql-sse's single-connection mode (issue 17, item 8): the client reserves a stream (PUT),
// listens on it (GET) and sends each operation by POST with the stream's token, all on
// /graphql/stream. Before the graphql-sse plugin this answered HTTP 405. Distinct-connections
// mode keeps working on /graphql (subscriptions.test.ts).
import { randomUUID } from 'node:crypto';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-sse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { flowOf } from './support/fixtures.js';
import { makeTenant, type Tenant } from './support/tenant.js';

const Viewer = graphql(`
  query SseSingleViewer { viewer { id } }
`);
const Events = graphql(`
  subscription SseSingleEvents { sharingEvents { kind flowId principal { ... on User { id } } } }
`);
const AddOwner = graphql(`
  mutation SseSingleOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }
`);

let app: TestApp;
let t: Tenant;
const clients: Client<true>[] = [];
beforeAll(async () => {
  app = await startTestApp();
  t = await makeTenant(app);
});
afterAll(async () => {
  for (const client of clients) client.dispose();
  await app?.close();
});

const streamUrl = () => app.url.replace('/graphql', '/graphql/stream');
const singleConnection = (token: string) => {
  const client = createClient({
    url: streamUrl(),
    singleConnection: true,
    headers: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  clients.push(client);
  return client;
};

describe('graphql-sse in single-connection mode', () => {
  it('answers a query', async () => {
    const client = singleConnection(t.tokens.coowner);
    const result = await new Promise<unknown>((resolve, reject) => {
      client.subscribe({ query: print(Viewer) }, { next: resolve, error: reject, complete: () => {} });
    });
    expect(result).toEqual({ data: { viewer: { id: t.users.coowner } } });
  });

  it("delivers another user's share to a subscription", async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, displayName: `sse-${randomUUID()}` });
    const client = singleConnection(t.tokens.coowner);
    const received: unknown[] = [];
    const first = new Promise<void>((resolve, reject) => {
      client.subscribe(
        { query: print(Events) },
        {
          next: (value) => {
            received.push(value);
            resolve();
          },
          error: reject,
          complete: () => {},
        },
      );
    });
    // The stream is up once the server counts it (the client's reservation, GET, then POST).
    for (let i = 0; i < 50 && app.feed.subscriptionCount === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(app.feed.subscriptionCount).toBeGreaterThan(0);
    ok(await app.gql(AddOwner, { input: { flowId: flow.id, add: [t.users.coowner] } }, t.tokens.maker));
    await first;
    expect(received[0]).toEqual({ data: { sharingEvents: { kind: 'OWNER_ADDED', flowId: flow.id, principal: { id: t.users.coowner } } } });
  });

  it('refuses a body larger than the HTTP limit (graphql-sse reads its own bodies)', async () => {
    const response = await fetch(streamUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.tokens.coowner}` },
      body: JSON.stringify({ query: `{ viewer { id } } #${'x'.repeat(1_000_001)}` }),
    });
    expect(response.status).toBe(413);
  });

  it('is off when only trusted documents run (its operations would skip that check)', async () => {
    const trustedDocuments = { file: 'none.json', size: 0, get: () => undefined };
    const trusted = await startTestApp({ server: { trustedDocuments } });
    try {
      const response = await fetch(trusted.url.replace('/graphql', '/graphql/stream'), { method: 'PUT' });
      expect(response.status).not.toBe(201);
      expect(response.status).toBeGreaterThanOrEqual(400);
    } finally {
      await trusted.close();
    }
  });
});
