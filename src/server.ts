// node:http + Yoga + GraphQL over WebSocket (ws-server.ts) on one port and path (graphql-sse's single-connection mode on
// /graphql/stream); /health, /ready and /metrics; a log line per request; clean shutdown.
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { setTimeout as pause } from 'node:timers/promises';
import { useGraphQLSSE } from '@graphql-yoga/plugin-graphql-sse';
import { createYoga } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import type { VerifyToken } from './auth/tokens.js';
import { DEFAULT_LIMITS, type Limits } from './config.js';
import type { Db } from './db/open.js';
import type { LogFeed } from './events/feed.js';
import { buildContext } from './graphql/context.js';
import { graphiqlPage } from './graphiql-page.js';
import { isOutage } from './db/outage.js';
import { maskError, serviceUnavailable } from './graphql/errors.js';
import { limitPlugins } from './graphql/limits.js';
import { jitPlugins } from './graphql/jit.js';
import { sharedDeliveryPlugin, takeOwnStream } from './graphql/shared-delivery.js';
import { apqPlugins } from './graphql/apq.js';
import { documentFor, TRUSTED_GRAPHIQL_QUERY, trustedDocumentsPlugins, type TrustedDocuments } from './graphql/documents.js';
import { schema } from './graphql/schema.js';
import { checkMigrated, within } from './ops/database.js';
import { createLog, requestIdOf, yogaLog, type Logger } from './ops/log.js';
import { createMetrics, routeOf, type Metrics } from './ops/metrics.js';
import { describe, elapsedMs, newRecord, observePlugin, wsOperations, type OperationRecord } from './ops/observe.js';
import { safeMessage } from './redact.js';
import { isScimPath, scimHandler, type ScimOptions } from './scim/http.js';
import { watchSlowReaders } from './slow-readers.js';
import { serveGraphqlWs } from './ws-server.js';

export const GRAPHQL_PATH = '/graphql';
/** graphql-sse's endpoint (both of its modes; single connection needs it, /graphql serves distinct connections). */
export const STREAM_PATH = '/graphql/stream';
/** /ready answers within a second, whether the database refuses or stops answering. */
const READY_MS = 800;

export type ServerOptions = {
  db: Db;
  verify: VerifyToken;
  /** The live sharing log of this process (subscriptions read from it). */
  feed: LogFeed;
  port: number;
  host: string;
  /** What GraphiQL opens with: a query, and headers (a ready token on the embedded default). */
  graphiql?: { defaultQuery?: string; headers?: Record<string, string> };
  /** Where the server logs (pino, ops/log.ts); without it, stdout at info level (error when `quiet`). */
  log?: Logger;
  /** Log errors only (tests), when no `log` is given. */
  quiet?: boolean;
  /** The metrics /metrics serves (ops/metrics.ts); a registry of its own when not given. */
  metrics?: Metrics;
  /** /metrics asks for `Authorization: Bearer <this>` (FLOWSHARE_METRICS_TOKEN); open when not given. */
  metricsToken?: string;
  /** Keep-alive pings on idle WebSocket connections, in ms (SSE pings every 12 s by itself). */
  keepAliveMs?: number;
  /** What one request may cost (config.ts); the defaults when not given. */
  limits?: Limits;
  /** Run only these documents, by hash (FLOWSHARE_TRUSTED_DOCUMENTS, loaded by loadTrustedDocuments); off when not given. */
  trustedDocuments?: TrustedDocuments;
  /** A response or WebSocket whose output has waited this long for its client is closed (10 s). */
  slowReaderMs?: number;
  /** SCIM 2.0 under /scim/v2 (src/scim/): the tenants' tokens; without it every SCIM request is 401. */
  scim?: ScimOptions;
};

/** How long close() waits for requests in flight once their connections are cut. */
const IN_FLIGHT_MS = 5_000;

export type RunningServer = { url: string; port: number; close(): Promise<void> };

/** Set on WebSocket operations: the token of the operation (see onSubscribe). */
type WsInitial = { websocket?: { authorization: unknown } };

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { db, verify, feed } = options;
  const limits = options.limits ?? DEFAULT_LIMITS;
  const services = { db, verify, feed, maxBulkFlows: limits.bulkFlows };
  const log = options.log ?? createLog({ level: options.quiet ? 'error' : 'info' });
  const metrics = options.metrics ?? createMetrics();
  metrics.watchFeed(feed);
  metrics.watchDatabase(db);
  const yoga = createYoga<{ req?: IncomingMessage; op?: OperationRecord } & WsInitial>({
    schema,
    plugins: [
      observePlugin(metrics, log),
      // Its operations skip Yoga's onParams hooks, where trusted documents are enforced: off with them.
      ...(options.trustedDocuments ? [] : [useGraphQLSSE({ endpoint: STREAM_PATH })]),
      ...limitPlugins(limits),
      ...trustedDocumentsPlugins(options.trustedDocuments),
      ...apqPlugins(limits, { trustedDocuments: options.trustedDocuments !== undefined }),
      // Last: the limits above still refuse before anything runs (jit.ts).
      ...jitPlugins(),
      // A live event executed once for all the subscriptions it reads alike to (shared-delivery.ts).
      sharedDeliveryPlugin(),
    ],
    maxRequestBodySize: limits.bodyBytes,
    graphqlEndpoint: GRAPHQL_PATH,
    landingPage: false,
    maskedErrors: { maskError },
    logging: yogaLog(log),
    context: ({ request, websocket }) => buildContext(services, websocket ? websocket.authorization : request.headers.get('authorization')),
    // Served by graphiql-page.ts, compressed and cached (below).
    graphiql: false,
  });
  const graphiql = graphiqlPage(
    GRAPHQL_PATH,
    {
      title: options.trustedDocuments ? 'flowshare (trusted documents only)' : 'flowshare',
      defaultQuery: options.trustedDocuments ? TRUSTED_GRAPHIQL_QUERY : options.graphiql?.defaultQuery,
      headers: options.graphiql?.headers ? JSON.stringify(options.graphiql.headers, null, 2) : undefined,
      subscriptionsProtocol: 'WS',
      ...graphiqlSignIn(options.graphiql?.headers),
    },
    (error) => log.error({ err: safeMessage(error) }, 'GraphiQL: rendering the page failed'),
  );

  const scim = scimHandler({ db, feed, quiet: options.quiet }, options.scim ?? { tokens: {} });

  const slowReaders = watchSlowReaders(options.slowReaderMs ?? 10_000);
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const record = newRecord(requestIdOf(req.headers), 'http');
    res.setHeader('x-request-id', record.requestId);
    res.once('close', () => requestEnded(req, res, path, record));
    if (path === '/health') return reply(res, 200, { status: 'ok', subscriptions: feed.subscriptionCount });
    if (path === '/ready') {
      // Reachable and migrated, within a second whether the database refuses or stops answering.
      return void within(checkMigrated(db), READY_MS).then(
        () => reply(res, 200, { status: 'ready' }),
        (error: unknown) => reply(res, 503, { status: 'unavailable', reason: safeMessage(error) }),
      );
    }
    if (path === '/metrics') return void serveMetrics(req, res);
    if (path === STREAM_PATH && bodyTooLarge(req, limits.bodyBytes)) {
      return reply(res, 413, { errors: [{ message: 'Request body too large', extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } }] });
    }
    const unwatch = slowReaders.watch({ isStalled: () => res.writableNeedDrain, drop: () => res.destroy() });
    res.once('close', unwatch);
    // Tracked so that close() lets requests finish before the database goes away, even
    // when their client has already hung up.
    const handling = Promise.resolve(
      isScimPath(req.url) ? scim(req, res) : graphiql.wants(req, path) ? graphiql.serve(req, res) : yoga(req, res, { op: record }),
    ).finally(() => inFlight.delete(handling));
    inFlight.add(handling);
  });

  /** One line and one observation per HTTP request; probes (/health, /ready, /metrics) log at debug level. */
  function requestEnded(req: IncomingMessage, res: ServerResponse, path: string, record: OperationRecord) {
    const durationMs = elapsedMs(record);
    const route = routeOf(path);
    const status = res.writableFinished ? res.statusCode : 499;
    metrics.httpRequest(route, status, durationMs / 1000);
    const graphql = route === GRAPHQL_PATH || route === STREAM_PATH;
    if (graphql && record.operation !== undefined && !record.subscribed) {
      const failed = record.codes.size > 0 || status >= 400;
      metrics.operation(record.operation, record.type ?? 'unknown', failed ? 'error' : 'ok', durationMs / 1000);
    }
    const line = { ...describe(record), method: req.method, path, status, durationMs };
    const probe = route === '/health' || route === '/ready' || route === '/metrics';
    if (status >= 500) log.warn(line, 'request');
    else if (probe) log.debug(line, 'request');
    else log.info(line, 'request');
  }

  async function serveMetrics(req: IncomingMessage, res: ServerResponse) {
    if (options.metricsToken && !bearerMatches(req.headers.authorization, options.metricsToken)) {
      res.setHeader('www-authenticate', 'Bearer realm="metrics"');
      return reply(res, 401, { error: 'this endpoint needs Authorization: Bearer <FLOWSHARE_METRICS_TOKEN>' });
    }
    try {
      const text = await metrics.render();
      res.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' }).end(text);
    } catch (error) {
      log.error({ err: safeMessage(error) }, 'metrics: collecting failed');
      reply(res, 500, { error: 'collecting metrics failed' });
    }
  }
  const inFlight = new Set<Promise<unknown>>();

  // GraphQL over WebSocket on the same path, through the same Yoga plugins and context.
  // A message larger than an HTTP body may be closes the connection (1009).
  const wss = new WebSocketServer({ server, path: GRAPHQL_PATH, maxPayload: limits.bodyBytes });
  const operations = wsOperations(metrics, log);
  // What Yoga's error masking does to each result of a stream (and its logging), for the streams
  // ws-server.ts reads directly (shared-delivery.ts's takeOwnStream); observe.ts counts them itself.
  const masking = (yoga as unknown as { maskedErrorsOpts?: YogaMasking | null }).maskedErrorsOpts ?? undefined;
  const maskResult = (result: ExecutionResult): ExecutionResult =>
    result.errors && masking ? { ...result, errors: result.errors.map((error) => masking.maskError(error, masking.errorMessage)) } : result;
  const maskStreamError = (error: unknown) => (masking ? masking.maskError(error, masking.errorMessage) : error);
  wss.on('connection', (socket, request) => {
    // Methods, not arrows: kept as long as the connection is.
    const unwatch = slowReaders.watch({
      isStalled() {
        return socket.bufferedAmount > 0;
      },
      drop() {
        socket.terminate();
      },
    });
    const requestId = requestIdOf(request.headers);
    metrics.websocketOpened();
    const opened = Date.now();
    log.debug({ requestId }, 'websocket opened');
    socket.once('close', (code) => {
      unwatch();
      metrics.websocketClosed();
      log.debug({ requestId, code, durationMs: Date.now() - opened }, 'websocket closed');
    });
  });
  wss.on('headers', (headers, request) => {
    // The 101 answer carries the connection's request id, as HTTP answers do.
    const requestId = requestIdOf(request.headers);
    request.headers['x-request-id'] = requestId;
    headers.push(`x-request-id: ${requestId}`);
  });
  const ws = serveGraphqlWs(
    wss,
    requestIdOf,
    {
      execute: (args) => (args.rootValue as Enveloped).execute(args),
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args),
      // Sign-in is the connection's: `{ "authorization": "Bearer ..." }` in connection_init.
      onConnect: async ({ socket, connectionParams }) => {
        const authorization = connectionParams?.authorization;
        if (authorization === undefined || authorization === null || authorization === '') {
          socket.close(CloseCode.Unauthorized, 'Unauthorized: send {"authorization": "Bearer <token>"} in connection_init');
          return false;
        }
        try {
          await buildContext(services, authorization);
          return true;
        } catch (error) {
          if (isOutage(error)) {
            socket.close(1013, 'Try again later: the database is unavailable');
            return false;
          }
          socket.close(CloseCode.Forbidden, 'Forbidden: the token is not valid');
          return false;
        }
      },
      onSubscribe: async (connection, id, payload) => {
        const op = operations.start(connection, id, connection.requestId);
        op.operation = payload.operationName ?? null;
        // GraphiQL sends its header editor's Authorization with each operation (extensions.headers):
        // an operation may sign in as someone else that way; the connection's token is the default.
        const headers = payload.extensions?.headers as Record<string, unknown> | undefined;
        const perOperation = headers && Object.entries(headers).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
        const enveloped = yoga.getEnveloped({
          params: payload,
          websocket: { authorization: perOperation ?? connection.connectionParams?.authorization },
          op,
        });
        // Trusted documents: the manifest's text for the payload's id, or a refusal (documents.ts).
        const decided = documentFor(options.trustedDocuments, payload);
        if ('refusal' in decided) return [decided.refusal];
        const document = enveloped.parse(decided.query);
        const errors = enveloped.validate(enveloped.schema, document);
        if (errors.length > 0) return errors;
        let contextValue: unknown;
        try {
          contextValue = await enveloped.contextFactory();
        } catch (error) {
          // A token that expired since connection_init, or a bad one in the operation's headers:
          // an error for this operation, not the end of the connection.
          if (error instanceof GraphQLError) return [error];
          if (isOutage(error)) return [serviceUnavailable()];
          throw error;
        }
        const args: ExecutionArgs = {
          schema: enveloped.schema,
          operationName: payload.operationName,
          document,
          variableValues: payload.variables,
          contextValue,
          rootValue: { execute: enveloped.execute, subscribe: enveloped.subscribe },
        };
        return args;
      },
      direct: (args) => {
        const stream = takeOwnStream(args.contextValue);
        return stream && masking ? { stream, result: maskResult, error: maskStreamError } : undefined;
      },
      onNext: (connection, id, result) => operations.result(connection, id, result),
      onError: (connection, id, errors) => operations.failed(connection, id, errors),
      onComplete: (connection, id) => operations.completed(connection, id),
    },
    { keepAliveMs: options.keepAliveMs ?? 12_000, log },
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;

  return {
    url: `http://${host}:${port}${GRAPHQL_PATH}`,
    port,
    async close() {
      slowReaders.close();
      await ws.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      // Let requests in flight finish (up to a few seconds), then cut what is left.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const cut = setTimeout(() => server.closeAllConnections(), 3000);
      await closed;
      clearTimeout(cut);
      // A request whose client hung up may wait forever for its response to drain: wait for
      // requests still in flight a few seconds, not forever (the database closes after this).
      const finished = await Promise.race([Promise.allSettled([...inFlight]).then(() => true), pause(IN_FLIGHT_MS, false, { ref: false })]);
      if (!finished)
        log.warn({ requests: inFlight.size }, `closing: requests still in flight after ${IN_FLIGHT_MS} ms; not waiting for them`);
      await yoga.dispose();
    },
  };
}

/**
 * GraphiQL opens its WebSocket with these connection params (a browser can't set headers on
 * a WebSocket): the same token as its header editor. Each subscription also carries the
 * editor's headers, which onSubscribe honours, so switching users there works too.
 */
function graphiqlSignIn(headers: Record<string, string> | undefined): object {
  const authorization = headers?.Authorization;
  return authorization ? { connectionParams: { authorization } } : {};
}

/** Yoga's error masking (its maskedErrors option, with its logging), as the server instance keeps it. */
type YogaMasking = { maskError(error: unknown, message: string): GraphQLError; errorMessage: string };

type Enveloped = {
  execute: (args: ExecutionArgs) => unknown;
  subscribe: (args: ExecutionArgs) => unknown;
};

/** A header `Bearer <token>` for exactly this token (compared in constant time). */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer\s+(\S+)$/i.exec(header?.trim() ?? '')?.[1] ?? '');
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** graphql-sse reads its bodies itself (past Yoga's limit): one larger than HTTP's limit, or of no stated length, is refused. */
function bodyTooLarge(req: IncomingMessage, limit: number): boolean {
  if (req.method !== 'POST' && req.method !== 'PUT') return false;
  const length = req.headers['content-length'];
  if (length === undefined) return req.headers['transfer-encoding'] !== undefined;
  return !/^\d+$/.test(length) || Number(length) > limit;
}

function reply(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
