// Apollo Client 4 against a real server, set up as the README's "Clients" section shows:
// HttpLink for queries and mutations, GraphQLWsLink (graphql-ws) for subscriptions, an
// InMemoryCache normalised by `id` with relayStylePagination for a flow list.
import { readFileSync } from 'node:fs';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, ServerError } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { isSubscriptionOperation, relayStylePagination } from '@apollo/client/utilities';
import { buildSchema, isAbstractType } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import type { ApolloMyFlowsQuery } from './gql/graphql.js';
import { graphql } from './gql/index.js';
import { startTestApp, type TestApp } from './support/app.js';
import { clientScene, firstValue, LOG_START, type ClientScene } from './support/clients.js';

const ApolloMyFlows = graphql(`
  query ApolloMyFlows($first: Int!, $after: String) {
    myFlows(first: $first, after: $after) {
      edges { cursor node { id displayName state } }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }
`);
const ApolloRenameFlow = graphql(`
  mutation ApolloRenameFlow($input: UpdateFlowInput!) {
    updateFlow(input: $input) {
      ... on UpdateFlowSuccess { flow { id displayName } }
      ... on OperationError { code message }
    }
  }
`);
const ApolloShareFlow = graphql(`
  mutation ApolloShareFlow($input: ModifyFlowOwnersInput!) {
    modifyFlowOwners(input: $input) { __typename ... on OperationError { code message } }
  }
`);
const ApolloSharedWithMe = graphql(`
  subscription ApolloSharedWithMe($after: String) {
    sharingEvents(after: $after) { cursor kind flowId actor { id } flow { id displayName } }
  }
`);

/**
 * Which types each union and interface may be, for the cache to match `... on X` fragments
 * (every mutation answers with a union). A frontend makes this at build time from the schema.
 */
function possibleTypesOf(sdl: string): Record<string, string[]> {
  const schema = buildSchema(sdl);
  const abstract = Object.values(schema.getTypeMap()).filter(isAbstractType);
  return Object.fromEntries(abstract.map((type) => [type.name, schema.getPossibleTypes(type).map((t) => t.name)]));
}
const possibleTypes = possibleTypesOf(readFileSync(new URL('../schema/schema.graphql', import.meta.url), 'utf8'));

/** The README's set-up, plus a count of the HTTP requests it makes. */
function apolloClient(url: string, token: string) {
  const requests = { count: 0 };
  const countingFetch: typeof fetch = (input, init) => {
    requests.count++;
    return fetch(input, init);
  };
  const http = new HttpLink({ uri: url, headers: { authorization: `Bearer ${token}` }, fetch: countingFetch });
  const ws = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket, // a browser has its own
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: true,
    retryAttempts: 0,
  });
  const client = new ApolloClient({
    link: ApolloLink.split(({ query }) => isSubscriptionOperation(query), new GraphQLWsLink(ws), http),
    cache: new InMemoryCache({
      possibleTypes,
      typePolicies: {
        Query: { fields: { myFlows: relayStylePagination(['environmentId', 'filter', 'orderBy']) } },
      },
    }),
  });
  return {
    client,
    requests,
    close: async () => {
      client.stop();
      await ws.dispose();
    },
  };
}

let app: TestApp;
let scene: ClientScene;
const opened: { close(): unknown }[] = [];
const open = (token: string) => {
  const c = apolloClient(app.url, token);
  opened.push(c);
  return c;
};
beforeAll(async () => {
  app = await startTestApp();
  scene = await clientScene(app);
});
afterAll(async () => {
  await Promise.all(opened.map((c) => c.close()));
  await app?.close();
});

describe('Apollo Client', () => {
  it("pages a flow list with fetchMore into one cached list, and a mutation's answer updates it by id", async () => {
    const { client, requests } = open(scene.t.tokens.maker);
    const list = client.watchQuery({ query: ApolloMyFlows, variables: { first: 2 } });
    // What the list shows, as the UI would see it: every result the query emits.
    let shown: ApolloMyFlowsQuery | undefined;
    const watching = list.subscribe((result) => {
      if (result.dataState === 'complete') shown = result.data;
    });
    const edgesShown = (count: number) => vi.waitFor(() => expect(shown?.myFlows.edges).toHaveLength(count), { timeout: 5000 });

    await edgesShown(2);
    expect(shown!.myFlows.pageInfo.hasNextPage).toBe(true);
    expect(shown!.myFlows.totalCount).toBe(3);

    await list.fetchMore({ variables: { after: shown!.myFlows.pageInfo.endCursor } });
    await edgesShown(3);
    expect(shown!.myFlows.edges.map((e) => e.node.id).sort()).toEqual(scene.flows.map((f) => f.id).sort());
    expect(shown!.myFlows.pageInfo.hasNextPage).toBe(false);

    // The mutation answers with the flow's id and new name; the cache puts it in the list.
    const target = scene.flows[1]!;
    const renamed = `Renamed by Apollo ${scene.t.tag}`;
    const before = requests.count;
    const { data } = await client.mutate({ mutation: ApolloRenameFlow, variables: { input: { flowId: target.id, displayName: renamed } } });
    expect(data!.updateFlow).toEqual({
      __typename: 'UpdateFlowSuccess',
      flow: { __typename: 'Flow', id: target.id, displayName: renamed },
    });
    expect(requests.count).toBe(before + 1); // the mutation only: no refetch of the list
    await vi.waitFor(() => expect(shown!.myFlows.edges.find((e) => e.node.id === target.id)!.node.displayName).toBe(renamed));
    expect(shown!.myFlows.edges).toHaveLength(3);
    watching.unsubscribe();
  });

  it('hears over GraphQLWsLink the flow another user shares', async () => {
    const listener = open(scene.t.tokens.coowner);
    const maker = open(scene.t.tokens.maker);
    const shared = scene.flows[0]!;
    const heard = firstValue<{ kind: string; flowId: string; actor: { id: string } | null; flow: { id: string } | null }>((next, fail) => {
      const s = listener.client.subscribe({ query: ApolloSharedWithMe, variables: { after: LOG_START } }).subscribe({
        next: (result) => (result.error ? fail(result.error) : next(result.data!.sharingEvents)),
        error: fail,
      });
      return () => s.unsubscribe();
    });
    const { data } = await maker.client.mutate({
      mutation: ApolloShareFlow,
      variables: { input: { flowId: shared.id, add: [scene.t.users.coowner] } },
    });
    expect(data!.modifyFlowOwners.__typename).toBe('ModifyFlowOwnersSuccess');
    const event = await heard;
    expect(event).toMatchObject({ kind: 'OWNER_ADDED', flowId: shared.id, actor: { id: scene.t.users.maker }, flow: { id: shared.id } });
    // The event's flow is normalised into the listener's cache like any other.
    expect((listener.client.cache.extract() as Record<string, unknown>)[`Flow:${shared.id}`]).toMatchObject({
      id: shared.id,
      displayName: shared.displayName,
    });
  });

  it('gets HTTP 406 for a subscription over plain HttpLink: Yoga offers no multipart subscriptions', async () => {
    const http = new ApolloClient({
      link: new HttpLink({ uri: app.url, headers: { authorization: `Bearer ${scene.t.tokens.coowner}` } }),
      cache: new InMemoryCache({ possibleTypes }),
    });
    const failed = await firstValue<unknown>((next, fail) => {
      const s = http.subscribe({ query: ApolloSharedWithMe, variables: {} }).subscribe({
        next: (result) => (result.error ? next(result.error) : fail(new Error(`unexpected data ${JSON.stringify(result.data)}`))),
        error: next,
      });
      return () => s.unsubscribe();
    });
    http.stop();
    expect(ServerError.is(failed)).toBe(true);
    expect((failed as ServerError).statusCode).toBe(406);
  });
});
