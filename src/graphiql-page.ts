// GraphiQL's page, served by us rather than Yoga: @graphql-yoga/render-graphiql inlines GraphiQL,
// Monaco and its workers (nothing from a CDN, so it works offline), which makes 9 MB of HTML.
// Rendered and compressed once, on the first request (not at start: the module is 9 MB of
// JavaScript to parse), then served from memory as br, gzip or as is, with an ETag the browser
// revalidates on every load (a 304 when nothing changed).
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { GraphiQLOptions } from 'graphql-yoga';

export type Encoding = 'br' | 'gzip' | 'identity';

/**
 * Measured on the 9 MB page: brotli quality 5 gives 1.95 MB in 0.4 s (11 gives 1.7 MB but takes
 * 39 s); gzip level 6 gives 2.4 MB in 0.4 s (9 saves 0.4 % for three times the time).
 */
const BROTLI_QUALITY = 5;
const GZIP_LEVEL = 6;

/**
 * `private`: the embedded demo's page carries a token, so no shared cache may keep it.
 * `no-cache`: the browser keeps it but asks first, so a restart with another token (another
 * ETag) is never served stale, and an unchanged page costs a 304.
 */
export const GRAPHIQL_CACHE_CONTROL = 'private, no-cache';

type Rendered = { tag: string; bodies: Record<Encoding, Buffer> };

export type GraphiqlPage = {
  /** GET with `Accept: text/html` on the GraphQL path (what Yoga would have answered with GraphiQL). */
  wants(req: IncomingMessage, path: string): boolean;
  serve(req: IncomingMessage, res: ServerResponse): Promise<void>;
};

/** `failed`: told why the page could not be rendered (the request gets a 500). */
export function graphiqlPage(endpoint: string, options: GraphiQLOptions, failed: (error: unknown) => void): GraphiqlPage {
  let rendered: Promise<Rendered> | undefined;
  // GraphiQL posts its operations to another URL than the page's: a browser drops its cached
  // copy of a URL on any successful POST to it (RFC 9111, 4.4), which would make every load a
  // full download. Yoga and the WebSocket server match the path and ignore the query.
  const pageOptions = { endpoint: `${endpoint}?graphiql`, ...options };
  const render = () => {
    rendered ??= renderOnce(pageOptions);
    // A failure (the module missing) is not kept: the next request tries again.
    rendered.catch(() => {
      rendered = undefined;
    });
    return rendered;
  };
  return {
    wants: (req, path) =>
      req.method === 'GET' && (req.headers.accept ?? '').includes('text/html') && (path === endpoint || path === `${endpoint}/`),
    async serve(req, res) {
      let page: Rendered;
      try {
        page = await render();
      } catch (error) {
        failed(error);
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('GraphiQL could not be rendered: see the server log.');
        return;
      }
      const encoding = chooseEncoding(req.headers['accept-encoding']);
      const headers: Record<string, string | number> = {
        etag: `"${page.tag}-${encoding}"`,
        'cache-control': GRAPHIQL_CACHE_CONTROL,
        // /graphql answers JSON to other Accepts; each encoding is its own representation.
        vary: 'Accept, Accept-Encoding',
      };
      if (matches(req.headers['if-none-match'], page.tag)) {
        res.writeHead(304, headers).end();
        return;
      }
      const body = page.bodies[encoding];
      res
        .writeHead(200, {
          ...headers,
          'content-type': 'text/html; charset=utf-8',
          'content-length': body.length,
          ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
        })
        .end(body);
    },
  };
}

async function renderOnce(options: GraphiQLOptions): Promise<Rendered> {
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
  const html = Buffer.from(renderGraphiQL(options));
  // Both in libuv's thread pool, side by side: the event loop keeps serving meanwhile.
  const [br, gzipped] = await Promise.all([
    promisify(brotliCompress)(html, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: html.length,
      },
    }),
    promisify(gzip)(html, { level: GZIP_LEVEL }),
  ]);
  // The content's own hash: a page with another token (or another GraphiQL) has another tag.
  const tag = createHash('sha256').update(html).digest('base64url').slice(0, 27);
  return { tag, bodies: { br, gzip: gzipped, identity: html } };
}

/** br when the client takes it, else gzip, else the page as is (Accept-Encoding's q=0 refuses one). */
export function chooseEncoding(header: string | string[] | undefined): Encoding {
  const weights = new Map<string, number>();
  for (const part of [header ?? ''].flat().join(',').split(',')) {
    const [name, ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    if (!name) continue;
    const q = params.find((param) => param.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isNaN(weight) ? 0 : weight);
  }
  const accepts = (encoding: Encoding) => (weights.get(encoding) ?? weights.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return 'identity';
}

/**
 * If-None-Match names the page the browser holds: any of its encodings of this content is
 * current (they decode to the same page), weak or strong; `*` matches any.
 */
function matches(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  return header.split(',').some((entry) => {
    const value = entry.trim().replace(/^W\//, '');
    return value === '*' || value.replace(/^"(.*)-(br|gzip|identity)"$/, '$1') === tag;
  });
}
