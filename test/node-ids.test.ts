// Node ids are answered synchronously (src/graphql/node-ids.ts, issue #13), with the text the
// Relay plugin encodes (base64 of "Type:uuid"), on the compiled executor and on graphql-js.
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../src/graphql/schema.js';
import { startTestApp, type TestApp } from './support/app.js';
import { makeTenant, type Tenant } from './support/tenant.js';

let app: TestApp;
let t: Tenant;
beforeAll(async () => {
  app = await startTestApp({ pollMs: 3_600_000 });
  t = await makeTenant(app);
});
afterAll(() => app?.close());

async function post(query: string, token: string, operationName?: string) {
  const response = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, operationName }),
  });
  return (await response.json()) as { data: { viewer: { id: string; tenant: { id: string } } } };
}

describe('node ids', () => {
  it('answer the text Pothos encodes, compiled (one operation) or not (two)', async () => {
    const compiled = await post('{ viewer { id tenant { id } } }', t.tokens.maker);
    const notCompiled = await post('query A { viewer { id tenant { id } } } query B { __typename }', t.tokens.maker, 'A');
    // graphql-js runs a document of several operations (jit.ts): both ways, the same ids.
    expect(notCompiled).toEqual({ data: compiled.data });
    const { typename, id } = decodeGlobalID(compiled.data.viewer.id);
    expect(typename).toBe('User');
    expect(compiled.data.viewer.id).toBe(encodeGlobalID('User', id));
    expect(decodeGlobalID(compiled.data.viewer.tenant.id).typename).toBe('Tenant');
  });

  it('are resolved without a promise on every Node type, once a server has started', () => {
    const nodes = Object.values(schema.getTypeMap()).filter(
      (type) => isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node'),
    );
    expect(nodes.length).toBeGreaterThan(5);
    const uuid = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
    for (const type of nodes) {
      if (!isObjectType(type)) continue;
      const answer = type.getFields().id!.resolve!({ id: uuid }, {}, {}, {} as never);
      expect(answer, type.name).toBe(encodeGlobalID(type.name, uuid));
    }
  });
});
