// graphql-jit runs single-operation documents (server.ts); a document of several operations
// runs the one operationName names (the JIT plugin's cache would answer with the first one).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ pollMs: 3_600_000 });
});
afterAll(() => app?.close());

async function post(query: string, operationName?: string) {
  const response = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, operationName }),
  });
  return response.json();
}

describe('execution', () => {
  it('runs the operation operationName names in a document of several', async () => {
    const query = 'query A { viewer { id } } query B { __typename }';
    expect(await post(query, 'A')).toEqual({ data: { viewer: null } });
    expect(await post(query, 'B')).toEqual({ data: { __typename: 'Query' } });
    expect(await post(query, 'A')).toEqual({ data: { viewer: null } });
  });

  it('answers a single operation the same way, twice (compiled once, then from the cache)', async () => {
    const query = '{ viewer { id } __typename }';
    expect(await post(query)).toEqual({ data: { viewer: null, __typename: 'Query' } });
    expect(await post(query)).toEqual({ data: { viewer: null, __typename: 'Query' } });
  });
});
