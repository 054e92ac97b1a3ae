// GraphiQL's page over HTTP (issue 17, item 6): br or gzip as the client accepts, computed once;
// an ETag of the content (another token, another tag) and private, no-cache: a 304 when unchanged.
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding, GRAPHIQL_CACHE_CONTROL } from '../src/graphiql-page.js';
import { startTestApp, type TestApp } from './support/app.js';

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** A GET with exactly these headers (fetch would add its own Accept-Encoding and decode). */
function get(url: string, headers: Record<string, string>): Promise<Reply> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

let plain: TestApp;
let signedIn: TestApp;
beforeAll(async () => {
  [plain, signedIn] = await Promise.all([
    startTestApp(),
    startTestApp({ server: { graphiql: { defaultQuery: '{ viewer { id } }', headers: { Authorization: 'Bearer token-of-this-start' } } } }),
  ]);
});
afterAll(async () => {
  await Promise.all([plain?.close(), signedIn?.close()]);
});

describe('compressed', () => {
  it('br when accepted, else gzip, else as is; all the same page, compressed to under 30 %', async () => {
    const br = await get(plain.url, { ...html, 'accept-encoding': 'gzip, deflate, br' });
    const gzip = await get(plain.url, { ...html, 'accept-encoding': 'gzip, deflate' });
    const identity = await get(plain.url, html);
    for (const reply of [br, gzip, identity]) {
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(Number(reply.headers['content-length'])).toBe(reply.body.length);
    }
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(identity.headers['content-encoding']).toBeUndefined();

    const page = identity.body;
    expect(page.toString()).toContain('YogaGraphiQL.renderYogaGraphiQL(');
    expect(brotliDecompressSync(br.body).equals(page)).toBe(true);
    expect(gunzipSync(gzip.body).equals(page)).toBe(true);
    // Measured on 5.24.1: 9.05 MB as is, 2.44 MB gzip, 1.95 MB br.
    console.info(`GraphiQL page: ${page.length} bytes as is, ${gzip.body.length} gzip, ${br.body.length} br`);
    expect(page.length).toBeGreaterThan(8_000_000);
    expect(gzip.body.length).toBeLessThan(page.length * 0.3);
    expect(br.body.length).toBeLessThan(gzip.body.length);
  });

  it('computed once: more pages cost no compression (0.4 s each if they did)', async () => {
    await get(plain.url, { ...html, 'accept-encoding': 'br' });
    const started = performance.now();
    const replies = [];
    for (let i = 0; i < 10; i++) replies.push(await get(plain.url, { ...html, 'accept-encoding': i % 2 ? 'br' : 'gzip' }));
    const took = performance.now() - started;
    console.info(`10 GraphiQL pages (br, gzip) after the first: ${took.toFixed(0)} ms`);
    expect(took).toBeLessThan(3000);
    expect(new Set(replies.map((reply) => reply.headers.etag)).size).toBe(2);
  });

  it.each([
    ['gzip, deflate, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['BR;Q=0.5, GZIP;Q=1', 'br'],
    ['gzip;q=0, br;q=0', 'identity'],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['deflate', 'identity'],
    ['', 'identity'],
  ])('Accept-Encoding %j: %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});

describe('cached', () => {
  it('private, no-cache, varying by Accept and Accept-Encoding, with an ETag per encoding', async () => {
    const br = await get(plain.url, { ...html, 'accept-encoding': 'br' });
    const gzip = await get(plain.url, { ...html, 'accept-encoding': 'gzip' });
    expect(br.headers['cache-control']).toBe(GRAPHIQL_CACHE_CONTROL);
    expect(GRAPHIQL_CACHE_CONTROL).toBe('private, no-cache');
    expect(br.headers.vary).toBe('Accept, Accept-Encoding');
    expect(br.headers.etag).toMatch(/^"[\w-]+-br"$/);
    expect(gzip.headers.etag).toMatch(/^"[\w-]+-gzip"$/);
    expect(br.headers.etag).not.toBe(gzip.headers.etag);
    expect((await get(plain.url, { ...html, 'accept-encoding': 'br' })).headers.etag).toBe(br.headers.etag);
  });

  it('answers 304 with no body to the ETag it gave (any encoding of it, weak or in a list), 200 to another', async () => {
    const br = await get(plain.url, { ...html, 'accept-encoding': 'br' });
    const gzipTag = (await get(plain.url, { ...html, 'accept-encoding': 'gzip' })).headers.etag as string;
    const tag = br.headers.etag as string;
    for (const ifNoneMatch of [tag, `W/${tag}`, `"other", ${tag}`, gzipTag, '*']) {
      const again = await get(plain.url, { ...html, 'accept-encoding': 'br', 'if-none-match': ifNoneMatch });
      expect(again.status, ifNoneMatch).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers.etag).toBe(tag);
      expect(again.headers['cache-control']).toBe('private, no-cache');
    }
    const stale = await get(plain.url, { ...html, 'accept-encoding': 'br', 'if-none-match': '"an-older-page-br"' });
    expect(stale.status).toBe(200);
    expect(stale.body.length).toBe(br.body.length);
  });

  it("another page (another start's token) has another ETag: a browser holding the old one gets the new page", async () => {
    const old = await get(plain.url, { ...html, 'accept-encoding': 'br' });
    const current = await get(signedIn.url, { ...html, 'accept-encoding': 'br', 'if-none-match': old.headers.etag as string });
    expect(current.status).toBe(200);
    expect(current.headers.etag).not.toBe(old.headers.etag);
    expect(current.headers['cache-control']).toBe('private, no-cache');
    expect(brotliDecompressSync(current.body).toString()).toContain('Bearer token-of-this-start');
  });
});

describe("GraphiQL's operations", () => {
  it("go to /graphql?graphiql, not the page's URL: a browser evicts its copy of a URL it POSTs to", async () => {
    const page = (await get(plain.url, html)).body.toString();
    expect(page).toContain('"endpoint":"/graphql?graphiql"');
    const viaPost = await fetch(`${plain.url}?graphiql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await viaPost.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('only the page', () => {
  it('GET /graphql without text/html, and POST, are GraphQL as before', async () => {
    const viaGet = await get(`${plain.url}?query=${encodeURIComponent('{ __typename }')}`, { accept: 'application/json' });
    expect(viaGet.status).toBe(200);
    expect(JSON.parse(viaGet.body.toString())).toEqual({ data: { __typename: 'Query' } });
    expect(viaGet.headers['cache-control']).toBeUndefined();

    const viaPost = await fetch(plain.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await viaPost.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('the page at /graphql/ too (as Yoga served it), and not at other paths', async () => {
    expect((await get(`${plain.url}/`, { ...html, 'accept-encoding': 'br' })).headers['content-encoding']).toBe('br');
    const stream = await get(`${plain.url}/stream`, html);
    expect(stream.headers['content-type'] ?? '').not.toContain('text/html');
  });
});
