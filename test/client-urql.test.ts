// urql (@urql/core 6) against a real server, set up as the README's "Clients" section shows:
// fetchExchange for queries and mutations, subscriptionExchange over graphql-ws or over SSE
// (graphql-sse, distinct connections mode: one HTTP request per subscription).
import { Client, cacheExchange, fetchExchange, subscriptionExchange, type OperationResult } from '@urql/core';
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { UrqlMyFlowsQuery } from './gql/graphql.js';
import { graphql } from './gql/index.js';
import { startTestApp, type TestApp } from './support/app.js';
import { clientScene, firstValue, LOG_START, type ClientScene } from './support/clients.js';

const UrqlMyFlows = graphql(`
  query UrqlMyFlows($first: Int!, $after: String) {
    myFlows(first: $first, after: $after) {
      edges { node { id displayName } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);
const UrqlRenameFlow = graphql(`
  mutation UrqlRenameFlow($input: UpdateFlowInput!) {
    updateFlow(input: $input) {
      __typename
      ... on UpdateFlowSuccess { flow { id displayName } }
      ... on OperationError { code message }
    }
  }
`);
const UrqlShareFlow = graphql(`
  mutation UrqlShareFlow($input: ModifyFlowOwnersInput!) {
    modifyFlowOwners(input: $input) { __typename ... on OperationError { code message } }
  }
`);
const UrqlSharedWithMe = graphql(`
  subscription UrqlSharedWithMe($after: String) {
    sharingEvents(after: $after) { kind flowId actor { id } }
  }
`);

type Transport = 'ws' | 'sse';

/** The README's set-up: subscriptions over graphql-ws or SSE, everything else over fetch. */
function urqlClient(url: string, token: string, transport: Transport = 'ws') {
  const authorization = `Bearer ${token}`;
  // Both clients have the same subscribe(request, sink) → unsubscribe shape.
  const live =
    transport === 'ws'
      ? createWsClient({
          url: url.replace(/^http/, 'ws'),
          webSocketImpl: WebSocket,
          connectionParams: { authorization },
          lazy: true,
          retryAttempts: 0,
        })
      : createSseClient({ url, headers: { authorization }, retryAttempts: 0 });
  const client = new Client({
    url,
    fetchOptions: () => ({ headers: { authorization } }),
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: live.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
  return { client, close: () => live.dispose() };
}

/** The data of a result without errors. */
function dataOf<D>(result: OperationResult<D>): D {
  if (result.error) throw result.error;
  return result.data!;
}

let app: TestApp;
let scene: ClientScene;
const opened: { close(): unknown }[] = [];
const open = (token: string, transport?: Transport) => {
  const c = urqlClient(app.url, token, transport);
  opened.push(c);
  return c.client;
};
beforeAll(async () => {
  app = await startTestApp();
  scene = await clientScene(app);
});
afterAll(async () => {
  await Promise.all(opened.map((c) => c.close()));
  await app?.close();
});

describe('urql', () => {
  it('queries, pages a flow list by its cursors, and renames a flow', async () => {
    const client = open(scene.t.tokens.maker);
    const ids: string[] = [];
    let after: string | null | undefined = null;
    let pages = 0;
    do {
      const { myFlows }: UrqlMyFlowsQuery = dataOf(await client.query(UrqlMyFlows, { first: 2, after }).toPromise());
      ids.push(...myFlows.edges.map((e) => e.node.id));
      after = myFlows.pageInfo.hasNextPage ? myFlows.pageInfo.endCursor : undefined;
      pages++;
    } while (after);
    expect(pages).toBe(2);
    expect([...ids].sort()).toEqual(scene.flows.map((f) => f.id).sort());

    const target = scene.flows.find((f) => f.id === ids[0])!; // on the first page
    const renamed = `Renamed by urql ${scene.t.tag}`;
    const { updateFlow } = dataOf(
      await client.mutation(UrqlRenameFlow, { input: { flowId: target.id, displayName: renamed } }).toPromise(),
    );
    expect(updateFlow).toEqual({ __typename: 'UpdateFlowSuccess', flow: { __typename: 'Flow', id: target.id, displayName: renamed } });
    // urql's document cache drops results that hold a Flow once a mutation answers with one:
    // the first page, asked for again, is fetched anew.
    const again = dataOf(await client.query(UrqlMyFlows, { first: 2, after: null }).toPromise());
    expect(again.myFlows.edges.map((e) => e.node.displayName)).toContain(renamed);
  });

  for (const transport of ['ws', 'sse'] as const) {
    it(`hears over ${transport === 'ws' ? 'graphql-ws' : 'SSE (graphql-sse, distinct connections)'} the flow another user shares`, async () => {
      const u = await clientScene(app); // a share of its own per transport
      const listener = open(u.t.tokens.coowner, transport);
      const maker = open(u.t.tokens.maker);
      const shared = u.flows[0]!;
      const heard = firstValue<{ kind: string; flowId: string; actor: { id: string } | null }>((next, fail) => {
        const s = listener.subscription(UrqlSharedWithMe, { after: LOG_START }).subscribe((result) => {
          if (result.error) fail(result.error);
          else if (result.data) next(result.data.sharingEvents);
        });
        return () => s.unsubscribe();
      });
      const { modifyFlowOwners } = dataOf(
        await maker.mutation(UrqlShareFlow, { input: { flowId: shared.id, add: [u.t.users.coowner] } }).toPromise(),
      );
      expect(modifyFlowOwners.__typename).toBe('ModifyFlowOwnersSuccess');
      expect(await heard).toMatchObject({ kind: 'OWNER_ADDED', flowId: shared.id, actor: { id: u.t.users.maker } });
    });
  }
});
