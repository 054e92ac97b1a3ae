// GraphQL Code Generator's client preset (test/gql, from `npm run schema`) with nothing but
// Node's fetch, set up as the README's "Clients" section shows: typed documents in, typed
// data out; a subscription is the same POST asking for text/event-stream (Yoga's SSE).
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodegenMyFlowsQuery } from './gql/graphql.js';
import { graphql } from './gql/index.js';
import { startTestApp, type TestApp } from './support/app.js';
import { clientScene, LOG_START, type ClientScene } from './support/clients.js';

const CodegenViewer = graphql(`
  query CodegenViewer { viewer { id displayName } }
`);
const CodegenMyFlows = graphql(`
  query CodegenMyFlows($first: Int!, $after: String) {
    myFlows(first: $first, after: $after) {
      edges { node { id displayName } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);
const CodegenRenameFlow = graphql(`
  mutation CodegenRenameFlow($input: UpdateFlowInput!) {
    updateFlow(input: $input) {
      __typename
      ... on UpdateFlowSuccess { flow { id displayName } }
      ... on OperationError { code message field }
    }
  }
`);
const CodegenShareFlow = graphql(`
  mutation CodegenShareFlow($input: ModifyFlowOwnersInput!) {
    modifyFlowOwners(input: $input) { __typename ... on OperationError { code message } }
  }
`);
const CodegenSharedWithMe = graphql(`
  subscription CodegenSharedWithMe($after: String) {
    sharingEvents(after: $after) { kind flowId actor { id } }
  }
`);

type GraphQLErrors = { message: string; extensions?: { code?: string } }[];

/** The README's set-up: one typed function over fetch for queries and mutations. */
function typedClient(url: string, token: string) {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  return {
    async request<R, V>(document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
      const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: print(document), variables }) });
      const { data, errors } = (await response.json()) as { data?: R; errors?: GraphQLErrors };
      if (errors?.length || !data) throw new Error(`${response.status}: ${JSON.stringify(errors)}`);
      return data;
    },
    /** A subscription's events over SSE (one request per subscription); break to end it. */
    async *subscribe<R, V>(document: TypedDocumentNode<R, V>, variables: V, signal?: AbortSignal): AsyncGenerator<R> {
      const response = await fetch(url, {
        method: 'POST',
        headers: { ...headers, accept: 'text/event-stream' },
        body: JSON.stringify({ query: print(document), variables }),
        signal,
      });
      if (!response.ok || !response.body) throw new Error(`subscription refused: HTTP ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffered += value;
          // Messages end with a blank line: "event: next\ndata: {...}\n\n"; ":\n\n" is a ping.
          for (let end = buffered.indexOf('\n\n'); end >= 0; end = buffered.indexOf('\n\n')) {
            const message = buffered.slice(0, end);
            buffered = buffered.slice(end + 2);
            const event = /^event: (.*)$/m.exec(message)?.[1];
            const data = /^data: (.*)$/m.exec(message)?.[1];
            if (event === 'complete') return;
            if (event !== 'next' || data === undefined) continue;
            const result = JSON.parse(data) as { data?: R; errors?: GraphQLErrors };
            if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
            yield result.data!;
          }
        }
      } finally {
        await reader.cancel().catch(() => {});
      }
    },
  };
}

let app: TestApp;
let scene: ClientScene;
beforeAll(async () => {
  app = await startTestApp();
  scene = await clientScene(app);
});
afterAll(async () => {
  await app?.close();
});

describe('codegen client preset with plain fetch', () => {
  it('queries, pages a flow list, and renames a flow, typed end to end', async () => {
    const client = typedClient(app.url, scene.t.tokens.maker);
    const { viewer } = await client.request(CodegenViewer, {});
    expect(viewer).toEqual({ id: scene.t.users.maker, displayName: `Maker ${scene.t.tag}` });

    const names: string[] = [];
    let after: string | null | undefined = null;
    do {
      const { myFlows }: CodegenMyFlowsQuery = await client.request(CodegenMyFlows, { first: 2, after });
      names.push(...myFlows.edges.map((e) => e.node.displayName));
      after = myFlows.pageInfo.hasNextPage ? myFlows.pageInfo.endCursor : undefined;
    } while (after);
    expect(names.sort()).toEqual(scene.flows.map((f) => f.displayName).sort());

    const target = scene.flows[0]!;
    const renamed = `Renamed by fetch ${scene.t.tag}`;
    const { updateFlow } = await client.request(CodegenRenameFlow, { input: { flowId: target.id, displayName: renamed } });
    expect(updateFlow).toEqual({ __typename: 'UpdateFlowSuccess', flow: { id: target.id, displayName: renamed } });
    // A refusal is data too, typed by the union's member.
    const { updateFlow: refused } = await client.request(CodegenRenameFlow, { input: { flowId: target.id, displayName: '' } });
    expect(refused).toMatchObject({ __typename: 'OperationError', code: 'INVALID_INPUT', field: ['input', 'displayName'] });
  });

  it('hears over SSE the flow another user shares', async () => {
    const listener = typedClient(app.url, scene.t.tokens.coowner);
    const maker = typedClient(app.url, scene.t.tokens.maker);
    const shared = scene.flows[1]!;
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(), 5000);
    const events = listener.subscribe(CodegenSharedWithMe, { after: LOG_START }, stop.signal);
    const first = events.next(); // sends the request
    const { modifyFlowOwners } = await maker.request(CodegenShareFlow, { input: { flowId: shared.id, add: [scene.t.users.coowner] } });
    expect(modifyFlowOwners.__typename).toBe('ModifyFlowOwnersSuccess');
    const { value } = await first;
    clearTimeout(timer);
    await events.return(undefined);
    expect(value!.sharingEvents).toEqual({ kind: 'OWNER_ADDED', flowId: shared.id, actor: { id: scene.t.users.maker } });
  });
});
