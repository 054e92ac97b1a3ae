// Fields read inline (src/graphql/plain-fields.ts, issue #13): the Relay plugin's resolvers that
// only read `edges`, `pageInfo` or `node` are dropped once a server has started, and a page of
// flows in depth answers the same on the compiled executor as on graphql-js.
import { isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../src/graphql/schema.js';
import { startTestApp, type TestApp } from './support/app.js';
import { connectionOf, flowOf } from './support/fixtures.js';
import { makeTenant, type Tenant } from './support/tenant.js';

let app: TestApp;
let t: Tenant;
beforeAll(async () => {
  app = await startTestApp({ pollMs: 3_600_000 });
  t = await makeTenant(app);
});
afterAll(() => app?.close());

const PAGE = `
  myFlows(first: 5) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node {
      id displayName trigger state suspensionReason
      owners { totalCount pageInfo { hasNextPage startCursor endCursor } edges { cursor isPrimaryOwner node { __typename ... on User { id } } } }
      connectionReferences { id usage runOnlySource connection { id status } }
      viewerAccess { level canEdit paths { kind via { __typename } } }
    } }
  }`;

async function post(query: string, operationName?: string) {
  const response = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${t.tokens.maker}` },
    body: JSON.stringify({ query, operationName }),
  });
  return (await response.json()) as { data?: { myFlows: { edges: unknown[] } }; errors?: unknown };
}

describe('fields read inline', () => {
  it('answer a page of flows in depth the same, compiled (one operation) or not (two)', async () => {
    const sp = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.sharepoint });
    for (const name of ['one', 'two']) {
      await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, displayName: name, actions: [{ name: 'Get', connectionId: sp }] });
    }
    const compiled = await post(`{ ${PAGE} }`);
    const notCompiled = await post(`query A { ${PAGE} } query B { __typename }`, 'A');
    expect(compiled.errors).toBeUndefined();
    expect(compiled.data!.myFlows.edges).toHaveLength(2);
    expect(notCompiled).toEqual(compiled);
  });

  it('leave no resolver on the Relay plugin edges, pageInfo and node fields, once a server has started', () => {
    const [flowEdge, flowConnection] = [schema.getType('FlowEdge'), schema.getType('FlowConnection')];
    if (!isObjectType(flowEdge) || !isObjectType(flowConnection)) throw new Error('no FlowEdge or FlowConnection');
    expect(flowEdge.getFields().node!.resolve).toBeUndefined();
    expect(flowConnection.getFields().edges!.resolve).toBeUndefined();
    expect(flowConnection.getFields().pageInfo!.resolve).toBeUndefined();
    // A node of its own making keeps its resolver (a grant's principal is loaded).
    const ownerEdge = schema.getType('FlowOwnerEdge');
    expect(isObjectType(ownerEdge) && ownerEdge.getFields().node!.resolve).toBeTypeOf('function');
  });
});
