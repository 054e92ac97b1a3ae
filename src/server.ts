// node:http + Yoga + graphql-ws on one port and path; /health and /ready; clean shutdown.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import { CloseCode } from 'graphql-ws';
import type { OperationResult } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { createLogger, createYoga, type YogaLogger } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import type { VerifyToken } from './auth/tokens.js';
import { DEFAULT_LIMITS, type Limits } from './config.js';
import type { Db } from './db/open.js';
import type { LogFeed } from './events/feed.js';
import { buildContext } from './graphql/context.js';
import { checkReady, isOutage } from './db/outage.js';
import { maskError, serviceUnavailable } from './graphql/errors.js';
import { limitPlugins } from './graphql/limits.js';
import { jitPlugins } from './graphql/jit.js';
import { apqPlugins } from './graphql/apq.js';
import { documentFor, TRUSTED_GRAPHIQL_QUERY, trustedDocumentsPlugins, type TrustedDocuments } from './graphql/documents.js';
import { schema } from './graphql/schema.js';
import { DomainError } from './policy/errors.js';
import { redactForLog } from './redact.js';
import { isScimPath, scimHandler, type ScimOptions } from './scim/http.js';
import { watchSlowReaders } from './slow-readers.js';

export const GRAPHQL_PATH = '/graphql';

export type ServerOptions = {
  db: Db;
  verify: VerifyToken;
  /** The live sharing log of this process (subscriptions read from it). */
  feed: LogFeed;
  port: number;
  host: string;
  /** What GraphiQL opens with: a query, and headers (a ready token on the embedded default). */
  graphiql?: { defaultQuery?: string; headers?: Record<string, string> };
  /** Log errors only (tests). */
  quiet?: boolean;
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

export type RunningServer = { url: string; port: number; close(): Promise<void> };

/** Set on WebSocket operations: the token of the operation (see onSubscribe). */
type WsInitial = { websocket?: { authorization: unknown } };

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { db, verify, feed } = options;
  const limits = options.limits ?? DEFAULT_LIMITS;
  const services = { db, verify, feed, maxBulkFlows: limits.bulkFlows };
  const yoga = createYoga<{ req?: IncomingMessage } & WsInitial>({
    schema,
    plugins: [
      ...limitPlugins(limits),
      ...trustedDocumentsPlugins(options.trustedDocuments),
      ...apqPlugins(limits, { trustedDocuments: options.trustedDocuments !== undefined }),
      // Last: the limits above still refuse before anything runs (jit.ts).
      ...jitPlugins(),
    ],
    maxRequestBodySize: limits.bodyBytes,
    graphqlEndpoint: GRAPHQL_PATH,
    landingPage: false,
    maskedErrors: { maskError },
    logging: clientErrorsAsDebug(createLogger(options.quiet ? 'error' : 'info')),
    context: ({ request, websocket }) =>
      buildContext(services, websocket ? websocket.authorization : request.headers.get('authorization')),
    renderGraphiQL,
    graphiql: {
      title: options.trustedDocuments ? 'flowshare (trusted documents only)' : 'flowshare',
      defaultQuery: options.trustedDocuments ? TRUSTED_GRAPHIQL_QUERY : options.graphiql?.defaultQuery,
      headers: options.graphiql?.headers ? JSON.stringify(options.graphiql.headers, null, 2) : undefined,
      subscriptionsProtocol: 'WS',
      ...graphiqlSignIn(options.graphiql?.headers),
    },
  });

  const scim = scimHandler({ db, feed, quiet: options.quiet }, options.scim ?? { tokens: {} });

  const slowReaders = watchSlowReaders(options.slowReaderMs ?? 10_000);
  const server = createServer((req, res) => {
    if (req.url === '/health') return reply(res, 200, { status: 'ok', subscriptions: feed.subscriptionCount });
    if (req.url === '/ready') {
      // Within a second, whether the database refuses or stops answering (outage.ts).
      return void checkReady(db, 800).then(
        () => reply(res, 200, { status: 'ready' }),
        (error: Error) => reply(res, 503, { status: 'unavailable', reason: error.message }),
      );
    }
    const unwatch = slowReaders.watch({ isStalled: () => res.writableNeedDrain, drop: () => res.destroy() });
    res.once('close', unwatch);
    // Tracked so that close() lets requests finish before the database goes away, even
    // when their client has already hung up.
    const handling = Promise.resolve(isScimPath(req.url) ? scim(req, res) : yoga(req, res)).finally(() => inFlight.delete(handling));
    inFlight.add(handling);
  });
  const inFlight = new Set<Promise<unknown>>();

  // GraphQL over WebSocket on the same path, through the same Yoga plugins and context.
  // A message larger than an HTTP body may be closes the connection (1009).
  const wss = new WebSocketServer({ server, path: GRAPHQL_PATH, maxPayload: limits.bodyBytes });
  wss.on('connection', (socket) => {
    const unwatch = slowReaders.watch({ isStalled: () => socket.bufferedAmount > 0, drop: () => socket.terminate() });
    socket.once('close', unwatch);
  });
  const ws = useServer(
    {
      execute: (args) => (args.rootValue as Enveloped).execute(args),
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args),
      // Sign-in is the connection's: `{ "authorization": "Bearer ..." }` in connection_init.
      onConnect: async (ctx) => {
        const authorization = ctx.connectionParams?.authorization;
        if (authorization === undefined || authorization === null || authorization === '') {
          ctx.extra.socket.close(CloseCode.Unauthorized, 'Unauthorized: send {"authorization": "Bearer <token>"} in connection_init');
          return false;
        }
        try {
          await buildContext(services, authorization);
          return true;
        } catch (error) {
          if (isOutage(error)) {
            ctx.extra.socket.close(1013, 'Try again later: the database is unavailable');
            return false;
          }
          ctx.extra.socket.close(CloseCode.Forbidden, 'Forbidden: the token is not valid');
          return false;
        }
      },
      onSubscribe: async (ctx, _id, payload) => {
        // GraphiQL sends its header editor's Authorization with each operation (extensions.headers):
        // an operation may sign in as someone else that way; the connection's token is the default.
        const headers = payload.extensions?.headers as Record<string, unknown> | undefined;
        const perOperation = headers && Object.entries(headers).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
        const enveloped = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params: payload,
          websocket: { authorization: perOperation ?? ctx.connectionParams?.authorization },
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
    },
    wss,
    options.keepAliveMs ?? 12_000,
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
      await Promise.allSettled([...inFlight]);
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

type Enveloped = {
  execute: (args: ExecutionArgs) => OperationResult;
  subscribe: (args: ExecutionArgs) => OperationResult;
};

/**
 * Errors the client caused (a bad token, a malformed id) are answered with their code and
 * logged at debug level; the error log is kept for what needs a person's attention. No log
 * line carries SQL parameters (redact.ts).
 */
function clientErrorsAsDebug(logger: YogaLogger): YogaLogger {
  const expected = (arg: unknown) =>
    arg instanceof DomainError ||
    (arg instanceof GraphQLError &&
      (arg.originalError instanceof DomainError ||
        (typeof arg.extensions?.code === 'string' && arg.extensions.code !== 'INTERNAL_SERVER_ERROR')));
  const redacted = (log: (...args: unknown[]) => void) => (...args: unknown[]) => log(...args.map(redactForLog));
  return {
    ...logger,
    warn: redacted(logger.warn),
    error: (...args) => (args.some(expected) ? redacted(logger.debug)(...args) : redacted(logger.error)(...args)),
  };
}

function reply(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
