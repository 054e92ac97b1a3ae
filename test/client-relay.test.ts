// relay-runtime against a real server, set up as the README's "Clients" section shows: an
// Environment whose Network fetches queries and mutations over HTTP and subscribes over
// graphql-ws. The artifacts relay-compiler would generate are made by support/relay-artifacts.ts.
import { createClient } from 'graphql-ws';
import {
  commitMutation,
  createOperationDescriptor,
  Environment,
  fetchQuery,
  Network,
  Observable,
  RecordSource,
  requestSubscription,
  Store,
  type GraphQLResponse,
  type RequestParameters,
  type Variables,
} from 'relay-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startTestApp, type TestApp } from './support/app.js';
import { clientScene, firstValue, LOG_START, type ClientScene } from './support/clients.js';
import { relayRequest } from './support/relay-artifacts.js';

const FlowsPage = relayRequest(`
  query RelayFlowsPage($first: Int!, $after: String) {
    myFlows(first: $first, after: $after) @connection(key: "RelayFlows_myFlows") {
      edges { cursor node { id displayName } }
      pageInfo { endCursor hasNextPage }
    }
  }
`);
type FlowsPage = {
  variables: { first: number; after: string | null };
  response: {
    myFlows: {
      edges: { cursor: string; node: { id: string; displayName: string } }[];
      pageInfo: { endCursor: string | null; hasNextPage: boolean };
    };
  };
};
const Viewer = relayRequest(`query RelayViewer { viewer { id displayName } }`);
type Viewer = { variables: Record<string, never>; response: { viewer: { id: string; displayName: string } | null } };
const RenameFlow = relayRequest(`
  mutation RelayRenameFlow($input: UpdateFlowInput!) {
    updateFlow(input: $input) {
      ... on UpdateFlowSuccess { flow { id displayName } }
      ... on OperationError { code message }
    }
  }
`);
const ShareFlow = relayRequest(`
  mutation RelayShareFlow($input: ModifyFlowOwnersInput!) {
    modifyFlowOwners(input: $input) { ... on OperationError { code message } }
  }
`);
const SharedWithMe = relayRequest(`
  subscription RelaySharedWithMe($after: String) {
    sharingEvents(after: $after) { kind flowId actor { id } flow { id displayName } }
  }
`);
type SharedWithMe = {
  kind: string;
  flowId: string;
  actor: { id: string } | null;
  flow: { id: string; displayName: string } | null;
};

/** The README's set-up: one Environment per signed-in user. */
function relayEnvironment(url: string, token: string) {
  const authorization = `Bearer ${token}`;
  const ws = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization },
    lazy: true,
    retryAttempts: 0,
  });
  const fetchFn = async (request: RequestParameters, variables: Variables): Promise<GraphQLResponse> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query: request.text, operationName: request.name, variables }),
    });
    return (await response.json()) as GraphQLResponse;
  };
  const subscribeFn = (request: RequestParameters, variables: Variables) =>
    Observable.create<GraphQLResponse>((sink) =>
      ws.subscribe({ query: request.text!, operationName: request.name, variables }, sink as Parameters<typeof ws.subscribe>[1]),
    );
  const environment = new Environment({ network: Network.create(fetchFn, subscribeFn), store: new Store(new RecordSource()) });
  return { environment, close: () => ws.dispose() };
}

/** A mutation's response, or its error. */
function mutate<R>(environment: Environment, mutation: typeof RenameFlow, variables: Variables): Promise<R> {
  return new Promise((resolve, reject) => {
    commitMutation(environment, {
      mutation,
      variables,
      onCompleted: (response, errors) => (errors?.length ? reject(new Error(JSON.stringify(errors))) : resolve(response as R)),
      onError: reject,
    });
  });
}

let app: TestApp;
let scene: ClientScene;
const opened: { close(): unknown }[] = [];
const open = (token: string) => {
  const r = relayEnvironment(app.url, token);
  opened.push(r);
  return r.environment;
};
beforeAll(async () => {
  app = await startTestApp();
  scene = await clientScene(app);
});
afterAll(async () => {
  await Promise.all(opened.map((c) => c.close()));
  await app?.close();
});

describe('relay-runtime', () => {
  it("pages a flow list into one @connection, and a mutation's answer updates the store by id", async () => {
    const environment = open(scene.t.tokens.maker);
    const viewer = await fetchQuery<Viewer>(environment, Viewer, {}).toPromise();
    expect(viewer!.viewer).toEqual({ id: scene.t.users.maker, displayName: `Maker ${scene.t.tag}` });

    const first = await fetchQuery<FlowsPage>(environment, FlowsPage, { first: 2, after: null }).toPromise();
    expect(first!.myFlows.edges).toHaveLength(2);
    expect(first!.myFlows.pageInfo.hasNextPage).toBe(true);
    // The next page is merged by Relay's ConnectionHandler into the same connection.
    const both = await fetchQuery<FlowsPage>(environment, FlowsPage, { first: 2, after: first!.myFlows.pageInfo.endCursor }).toPromise();
    expect(both!.myFlows.edges.map((e) => e.node.id).sort()).toEqual(scene.flows.map((f) => f.id).sort());
    expect(both!.myFlows.pageInfo.hasNextPage).toBe(false);

    const target = scene.flows[2]!;
    const renamed = `Renamed by Relay ${scene.t.tag}`;
    const answer = await mutate<{ updateFlow: { flow?: { id: string; displayName: string } } }>(environment, RenameFlow, {
      input: { flowId: target.id, displayName: renamed },
    });
    expect(answer.updateFlow.flow).toEqual({ id: target.id, displayName: renamed });
    // The list, read from the store without asking the server again, has the new name.
    const list = environment.lookup(createOperationDescriptor(FlowsPage, { first: 2, after: null }).fragment).data as FlowsPage['response'];
    expect(list.myFlows.edges).toHaveLength(3);
    expect(list.myFlows.edges.find((e) => e.node.id === target.id)!.node.displayName).toBe(renamed);
  });

  it('hears over graphql-ws the flow another user shares', async () => {
    const listener = open(scene.t.tokens.coowner);
    const maker = open(scene.t.tokens.maker);
    const shared = scene.flows[0]!;
    const heard = firstValue<SharedWithMe>((next, fail) => {
      const subscription = requestSubscription<{ variables: Variables; response: { sharingEvents: SharedWithMe } }>(listener, {
        subscription: SharedWithMe,
        variables: { after: LOG_START },
        onNext: (response) => response && next(response.sharingEvents),
        onError: fail,
      });
      return () => subscription.dispose();
    });
    const answer = await mutate<{ modifyFlowOwners: { __typename: string } }>(maker, ShareFlow, {
      input: { flowId: shared.id, add: [scene.t.users.coowner] },
    });
    expect(answer.modifyFlowOwners.__typename).toBe('ModifyFlowOwnersSuccess');
    expect(await heard).toEqual({
      kind: 'OWNER_ADDED',
      flowId: shared.id,
      actor: { id: scene.t.users.maker },
      flow: { id: shared.id, displayName: shared.displayName },
    });
    // The event's flow went into the listener's store as the record of that id.
    expect(listener.getStore().getSource().get(shared.id)).toMatchObject({ displayName: shared.displayName });
  });
});
