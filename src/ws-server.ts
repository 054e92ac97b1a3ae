// GraphQL over WebSocket (the graphql-transport-ws protocol, as graphql-ws's server speaks it:
// the same messages, close codes and order) on a `ws` server, shaped for many idle subscriptions
// and one event reaching thousands of them (issue #13):
// - a result shared by a delivery class (shared-delivery.ts) is serialized once; each socket's
//   `next` message is that JSON with its operation id around it, not a JSON.stringify per socket;
// - keep-alive is one sweep over all connections, not two timers per connection;
// - a connection keeps its socket, its sign-in params and its operations: not the upgrade request.
import type { ExecutionArgs, ExecutionResult, GraphQLError as GraphQLErrorType } from 'graphql';
import { getOperationAST, GraphQLError } from 'graphql';
import { CloseCode, GRAPHQL_TRANSPORT_WS_PROTOCOL, handleProtocols, MessageType, parseMessage, type SubscribePayload } from 'graphql-ws';
import type { Writable } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from './ops/log.js';
import { safeMessage } from './redact.js';

/** One WebSocket connection: what its hooks see (observe.ts keys its records by it). */
export type WsConnection = {
  readonly socket: WebSocket;
  /** The upgrade request's x-request-id (or a new one); its operations' are `<that>:<id>`. */
  readonly requestId: string;
  /** connection_init's payload, when it was an object. */
  connectionParams?: Readonly<Record<string, unknown>>;
};

export type WsHooks = {
  /** connection_init: true acknowledges; false refuses (close the socket with the reason first, or it closes 4403). */
  onConnect(connection: WsConnection): Promise<boolean> | boolean;
  /** A subscribe message: the arguments to run it with, or the errors to answer instead. */
  onSubscribe(connection: WsConnection, id: string, payload: SubscribePayload): Promise<ExecutionArgs | readonly GraphQLErrorType[]>;
  execute(args: ExecutionArgs): unknown;
  subscribe(args: ExecutionArgs): unknown;
  /**
   * A subscription's own stream, to be read instead of the one `subscribe` answered (which wraps
   * it in a promise chain per plugin hook and result); `result` and `error` do for each result and
   * for the stream's failure what those hooks did. The answered stream is still ended (`return()`).
   */
  direct?(args: ExecutionArgs): DirectStream | undefined;
  onNext?(connection: WsConnection, id: string, result: ExecutionResult): void;
  onError?(connection: WsConnection, id: string, errors: readonly GraphQLErrorType[]): void;
  onComplete?(connection: WsConnection, id: string): void;
};

export type WsServerOptions = {
  /** A ping every this many ms; a connection that has not answered the previous one by then is cut. 0: none. */
  keepAliveMs: number;
  /** connection_init must come within this (graphql-ws: 3 s). */
  connectionInitWaitMs?: number;
  /** Where internal errors are logged (their messages without SQL parameters). */
  log: Pick<Logger, 'error'>;
};

type Running = AsyncIterator<unknown> & { return?: () => Promise<unknown> };
/** An operation in `operations`: a token of its own while it starts, then its stream. */
type Entry = { return?: () => Promise<unknown> };

export type DirectStream = {
  /** Hands each result to `sink` as it comes (within the feed's dispatch where it can); settles when the stream ends. */
  stream: { listen(sink: (result: ExecutionResult) => Promise<void> | undefined): Promise<void> };
  result(result: ExecutionResult): ExecutionResult;
  error(error: unknown): unknown;
};

type Connection = WsConnection & {
  initReceived: boolean;
  acknowledged: boolean;
  /**
   * Each operation by id. An operation sends only while its own entry is there: once completed,
   * a result still in flight is dropped, not sent under the id the client may have reused.
   */
  operations: Map<string, Entry>;
  awaitingPong: boolean;
  /** connection_init's deadline, until it comes. */
  initWait?: NodeJS.Timeout;
};

const isProd = process.env.NODE_ENV === 'production';
const limitCloseReason = (reason: string, whenTooLong: string) => (reason.length < 124 ? reason : whenTooLong);
const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';

/**
 * Each result's `payload` JSON, made once: the results of a delivery class are one object for all
 * its subscriptions, so its JSON is too. `errors` go last and as their toJSON, as graphql-ws sends them.
 */
const payloadJson = new WeakMap<object, string>();
function jsonOf(result: ExecutionResult): string {
  let json = payloadJson.get(result);
  if (json === undefined) {
    const { errors, ...rest } = result;
    json = JSON.stringify(errors ? { ...rest, errors: errors.map((e) => e.toJSON()) } : rest);
    payloadJson.set(result, json);
  }
  return json;
}

export function serveGraphqlWs(
  wss: WebSocketServer,
  requestIdOf: (headers: Record<string, string | string[] | undefined>) => string,
  hooks: WsHooks,
  options: WsServerOptions,
): { dispose(): Promise<void> } {
  const initWaitMs = options.connectionInitWaitMs ?? 3_000;
  wss.options.handleProtocols = handleProtocols;
  const connections = new Set<Connection>();

  const sweep =
    options.keepAliveMs > 0 && Number.isFinite(options.keepAliveMs)
      ? setInterval(() => {
          for (const connection of connections) {
            const { socket } = connection;
            if (socket.readyState !== socket.OPEN) continue;
            if (connection.awaitingPong) socket.terminate();
            else {
              connection.awaitingPong = true;
              socket.ping();
            }
          }
        }, options.keepAliveMs)
      : null;
  sweep?.unref();

  wss.once('error', (error) => {
    options.log.error({ err: safeMessage(error) }, 'websocket server: internal error');
    for (const client of wss.clients) {
      client.close(
        CloseCode.InternalServerError,
        isProd ? 'Internal server error' : limitCloseReason(error.message, 'Internal server error'),
      );
    }
  });

  wss.on('connection', (socket, request) => {
    const connection: Connection = {
      socket,
      requestId: requestIdOf(request.headers),
      initReceived: false,
      acknowledged: false,
      operations: new Map(),
      awaitingPong: false,
    };
    socket.once('error', (error) => internalError(socket, error, options.log));
    if (socket.protocol !== GRAPHQL_TRANSPORT_WS_PROTOCOL) {
      socket.close(CloseCode.SubprotocolNotAcceptable, 'Subprotocol not acceptable');
      return;
    }
    connections.add(connection);
    socket.on('pong', () => {
      connection.awaitingPong = false;
    });
    if (initWaitMs > 0 && Number.isFinite(initWaitMs)) {
      connection.initWait = setTimeout(() => {
        connection.initWait = undefined;
        if (!connection.initReceived) socket.close(CloseCode.ConnectionInitialisationTimeout, 'Connection initialisation timeout');
      }, initWaitMs);
    }
    socket.on('message', (data) => {
      received(connection, String(data)).catch((error: unknown) => internalError(socket, error, options.log));
    });
    socket.once('close', () => {
      clearTimeout(connection.initWait);
      connections.delete(connection);
      const running = [...connection.operations.values()];
      connection.operations.clear();
      for (const iterator of running) void iterator?.return?.();
    });
  });

  async function received(connection: Connection, data: string): Promise<void> {
    const { socket } = connection;
    let message: ReturnType<typeof parseMessage>;
    try {
      message = parseMessage(data);
    } catch {
      return socket.close(CloseCode.BadRequest, 'Invalid message received');
    }
    switch (message.type) {
      case MessageType.ConnectionInit: {
        if (connection.initReceived) return socket.close(CloseCode.TooManyInitialisationRequests, 'Too many initialisation requests');
        connection.initReceived = true;
        clearTimeout(connection.initWait);
        connection.initWait = undefined;
        const payload = message.payload;
        if (typeof payload === 'object' && payload !== null && !Array.isArray(payload)) connection.connectionParams = payload;
        if ((await hooks.onConnect(connection)) === false) return socket.close(CloseCode.Forbidden, 'Forbidden');
        connection.acknowledged = true;
        return send(socket, '{"type":"connection_ack"}');
      }
      case MessageType.Ping:
        return send(
          socket,
          JSON.stringify(message.payload ? { type: MessageType.Pong, payload: message.payload } : { type: MessageType.Pong }),
        );
      case MessageType.Pong:
        return;
      case MessageType.Subscribe:
        return operate(connection, message.id, message.payload);
      case MessageType.Complete: {
        const running = connection.operations.get(message.id);
        connection.operations.delete(message.id);
        await running?.return?.();
        return;
      }
      default:
        throw new Error(`Unexpected message of type ${(message as { type: string }).type} received`);
    }
  }

  /** One operation, from subscribe to complete, as graphql-ws runs it. */
  async function operate(connection: Connection, id: string, payload: SubscribePayload): Promise<void> {
    const { socket, operations } = connection;
    if (!connection.acknowledged) return socket.close(CloseCode.Unauthorized, 'Unauthorized');
    if (operations.has(id)) return socket.close(CloseCode.SubscriberAlreadyExists, `Subscriber for ${id} already exists`);
    let entry: Entry = {};
    operations.set(id, entry);
    // Module-level helpers, not closures: an operation's frame lives as long as its stream.
    const idJson = JSON.stringify(id);
    try {
      const args = await hooks.onSubscribe(connection, id, payload);
      if (Array.isArray(args)) {
        if (operations.get(id) === entry) await sendError(hooks, connection, id, idJson, args as readonly GraphQLErrorType[]);
        return;
      }
      const execution = args as ExecutionArgs;
      const operation = getOperationAST(execution.document, execution.operationName);
      if (!operation) {
        if (operations.get(id) === entry)
          await sendError(hooks, connection, id, idJson, [new GraphQLError('Unable to identify operation')]);
        return;
      }
      const result = await (operation.operation === 'subscription' ? hooks.subscribe(execution) : hooks.execute(execution));
      if (isAsyncIterable(result)) {
        const answered = result[Symbol.asyncIterator]() as Running;
        if (operations.get(id) !== entry) {
          await answered.return?.();
        } else {
          // A complete from the client ends the answered stream, and with it the direct one.
          entry = answered;
          operations.set(id, answered);
          const direct = hooks.direct?.(execution);
          try {
            if (direct) {
              // Each result sent as it comes: waited for only while the socket's output is backed up.
              await direct.stream.listen((result) =>
                operations.get(id) === answered ? sendNext(hooks, connection, id, idJson, direct.result(result)) : undefined,
              );
            } else {
              for (let step = await answered.next(); !step.done; step = await answered.next()) {
                if (operations.get(id) !== answered) break;
                const sending = sendNext(hooks, connection, id, idJson, step.value as ExecutionResult);
                if (sending) await sending;
              }
            }
          } catch (failed) {
            const thrown = direct ? direct.error(failed) : failed;
            const original = thrown instanceof Error ? thrown : new Error(String(thrown));
            if (operations.get(id) === answered) {
              operations.delete(id); // an error ends the operation: no complete follows it
              await sendError(hooks, connection, id, idJson, [new GraphQLError(original.message, { originalError: original })]);
            }
          } finally {
            if (direct) await answered.return?.();
          }
        }
      } else if (operations.get(id) === entry) {
        await sendNext(hooks, connection, id, idJson, result as ExecutionResult);
      }
      const notify = operations.get(id) === entry;
      hooks.onComplete?.(connection, id);
      if (notify) await send(socket, `{"id":${idJson},"type":"complete"}`);
    } finally {
      if (operations.get(id) === entry) operations.delete(id);
    }
  }

  return {
    async dispose() {
      if (sweep) clearInterval(sweep);
      for (const client of wss.clients) client.close(1001, 'Going away');
      wss.removeAllListeners();
      await new Promise<void>((resolve, reject) => wss.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function internalError(socket: WebSocket, error: unknown, log: WsServerOptions['log']): void {
  log.error({ err: safeMessage(error) }, 'websocket connection: internal error');
  const message = error instanceof Error ? error.message : String(error);
  socket.close(CloseCode.InternalServerError, isProd ? 'Internal server error' : limitCloseReason(message, 'Internal server error'));
}

function sendNext(hooks: WsHooks, connection: WsConnection, id: string, idJson: string, result: ExecutionResult) {
  hooks.onNext?.(connection, id, result);
  return send(connection.socket, `{"id":${idJson},"type":"next","payload":${jsonOf(result)}}`);
}

function sendError(hooks: WsHooks, connection: WsConnection, id: string, idJson: string, errors: readonly GraphQLErrorType[]) {
  hooks.onError?.(connection, id, errors);
  return send(connection.socket, `{"id":${idJson},"type":"error","payload":${JSON.stringify(errors.map((e) => e.toJSON()))}}`);
}

/** Per socket, the wait for its output to drain: one pair of listeners however many operations wait. */
const draining = new WeakMap<Writable, Promise<void>>();

/**
 * Sends a message; resolves at once unless the socket's output is backed up past its high-water
 * mark, then when it drains (or the socket closes): a stream reads its next event only once the
 * client has taken most of what went before, without a promise per message for sockets that keep up.
 * Node emits 'drain' only after a write found the buffer full (writableNeedDrain): waiting for it
 * whenever anything at all was buffered would wait forever after a small message.
 */
function send(socket: WebSocket, data: string): Promise<void> | undefined {
  if (socket.readyState !== socket.OPEN) return;
  socket.send(data);
  const stream = (socket as unknown as { _socket?: Writable })._socket;
  if (!stream?.writableNeedDrain) return;
  let drained = draining.get(stream);
  if (!drained) {
    drained = new Promise((resolve) => {
      const done = () => {
        stream.off('drain', done);
        stream.off('close', done);
        draining.delete(stream);
        resolve();
      };
      stream.once('drain', done);
      stream.once('close', done);
    });
    draining.set(stream, drained);
  }
  return drained;
}
