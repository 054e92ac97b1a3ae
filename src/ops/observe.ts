// What each request and operation leaves behind: one log line and its metrics. An
// OperationRecord travels with the operation in its context (`op`): made by server.ts when the
// HTTP request or WebSocket operation arrives, filled by the Yoga plugin below (name, type, user,
// error codes), and closed by whoever sees the end (the HTTP response, graphql-ws's completion,
// a subscription's end). Only names, codes, ids and durations are recorded: never variables,
// tokens, or the text of the document.
import { performance } from 'node:perf_hooks';
import { getOperationAST, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { errorCodes, type Logger } from './log.js';
import { isOperationName, type Metrics, type OperationType } from './metrics.js';

export type Transport = 'http' | 'ws';

export type OperationRecord = {
  requestId: string;
  transport: Transport;
  started: number;
  /** The operation's name (the document's, or the params' before it is parsed). */
  operation?: string | null;
  type?: OperationType;
  userId?: string;
  codes: Set<string>;
  /** A stream was started: its end is logged by the subscription, not the request. */
  subscribed?: boolean;
  /** A stream's results so far, and the error codes they carried. */
  events?: number;
  streamCodes?: Set<string>;
};

export type OperationContext = { op?: OperationRecord };

export function newRecord(requestId: string, transport: Transport): OperationRecord {
  return { requestId, transport, started: performance.now(), codes: new Set() };
}

export const elapsedMs = (record: OperationRecord) => Math.round((performance.now() - record.started) * 10) / 10;

/** The fields every line of an operation carries. */
export function describe(record: OperationRecord) {
  return {
    requestId: record.requestId,
    transport: record.transport,
    // A name the client sent: kept only when it looks like one (a line must not carry megabytes).
    operation: record.operation == null || isOperationName(record.operation) ? (record.operation ?? null) : 'other',
    type: record.type ?? null,
    userId: record.userId ?? null,
    errors: [...record.codes],
  };
}

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

/** Names the operation and its viewer from the execution's arguments. */
function fill(record: OperationRecord | undefined, args: ExecutionArgs) {
  if (!record) return;
  const operation = getOperationAST(args.document, args.operationName);
  if (operation) {
    record.type = operation.operation;
    record.operation = operation.name?.value ?? args.operationName ?? null;
  }
  const viewer = (args.contextValue as { viewer?: { id: string } | null }).viewer;
  if (viewer) record.userId = viewer.id;
}

/**
 * Results delivered, added to the metric once per turn of the event loop: a live event reaches
 * thousands of streams at once, and the metric's inc costs more than a number's.
 */
const undelivered = new Map<Metrics, number>();
function countDelivered(metrics: Metrics) {
  const pending = undelivered.get(metrics);
  if (pending !== undefined) return void undelivered.set(metrics, pending + 1);
  undelivered.set(metrics, 1);
  setImmediate(flushDelivered, metrics);
}
function flushDelivered(metrics: Metrics) {
  metrics.eventDelivered(undelivered.get(metrics));
  undelivered.delete(metrics);
}

/** One result of a stream: counted, and its error codes kept for the stream's end line. */
function noteStreamResult(metrics: Metrics, record: OperationRecord, result: ExecutionResult) {
  record.events = (record.events ?? 0) + 1;
  countDelivered(metrics);
  if (!result.errors) return;
  const found = errorCodes(result.errors);
  metrics.errors(found);
  record.streamCodes ??= new Set();
  for (const code of found) record.streamCodes.add(code);
}

/** Codes not seen yet on this record are counted and kept. */
function noteErrors(metrics: Metrics, record: OperationRecord | undefined, errors: readonly unknown[] | undefined) {
  const codes = errorCodes(errors);
  metrics.errors(codes);
  for (const code of codes) record?.codes.add(code);
}

/** The Yoga plugin: fills the operation's record and follows its subscriptions, on every transport. */
export function observePlugin(metrics: Metrics, log: Logger): Plugin<OperationContext> {
  return {
    onParams({ params, context }) {
      const record = (context as OperationContext).op;
      if (record && record.operation === undefined) record.operation = params.operationName ?? null;
    },
    // Named from the document as soon as it is read, so a document refused by validation is named too.
    onParse({ context }) {
      const record = (context as OperationContext).op;
      if (!record) return;
      const params = (context as { params?: { operationName?: string | null } }).params ?? {};
      return ({ result }) => {
        if (!result || result instanceof Error || !('definitions' in result)) return;
        const operation = getOperationAST(result, params.operationName);
        if (!operation) return;
        record.type = operation.operation;
        record.operation = operation.name?.value ?? params.operationName ?? null;
      };
    },
    onExecute({ args }) {
      fill((args.contextValue as OperationContext).op, args);
    },
    onSubscribe({ args }) {
      const record = (args.contextValue as OperationContext).op;
      fill(record, args);
      if (!record) return;
      return {
        onSubscribeResult({ result }) {
          if (!isAsyncIterable(result)) return;
          record.subscribed = true;
          record.events = 0;
          record.streamCodes = new Set();
          const transport = record.transport === 'ws' ? 'ws' : 'sse';
          const started = performance.now();
          metrics.subscriptionStarted(transport);
          log.info({ ...describe(record), transport }, 'subscription started');
          // Methods, not arrows: kept as long as the stream is.
          const hooks = {
            onNext({ result: next }: { result: unknown }) {
              noteStreamResult(metrics, record, next as ExecutionResult);
            },
            onEnd() {
              metrics.subscriptionEnded(transport);
              const durationMs = Math.round(performance.now() - started);
              log.info(
                { ...describe(record), transport, errors: [...record.streamCodes!], events: record.events, durationMs },
                'subscription ended',
              );
            },
          };
          // WebSocket results are counted by wsOperations (below) as they are sent: no per-result hook.
          return transport === 'ws' ? { onEnd: hooks.onEnd } : hooks;
        },
      };
    },
    // HTTP: the results sent (refusals before execution included); a stream's are counted above.
    onResultProcess({ result, serverContext }) {
      const record = (serverContext as OperationContext).op;
      if (!record || isAsyncIterable(result)) return;
      for (const one of Array.isArray(result) ? result : [result]) noteErrors(metrics, record, one.errors);
    },
  };
}

/**
 * graphql-ws's side: a record per operation id of a connection, closed when the operation
 * completes or fails. Queries and mutations are logged and measured here; a subscription that
 * started is logged by its own end.
 */
export function wsOperations(metrics: Metrics, log: Logger) {
  const open = new WeakMap<object, Map<string, OperationRecord>>();
  const finish = (connection: object, id: string) => {
    const record = open.get(connection)?.get(id);
    if (!record) return;
    open.get(connection)!.delete(id);
    if (record.subscribed) return;
    const durationMs = elapsedMs(record);
    metrics.operation(record.operation, record.type ?? 'unknown', record.codes.size > 0 ? 'error' : 'ok', durationMs / 1000);
    log.info({ ...describe(record), durationMs }, 'operation');
  };
  return {
    start(connection: object, id: string, requestId: string): OperationRecord {
      // The graphql-ws id is the client's: capped like an x-request-id.
      const record = newRecord(`${requestId}:${id.slice(0, 64)}`, 'ws');
      const records = open.get(connection) ?? new Map<string, OperationRecord>();
      open.set(connection, records);
      records.set(id, record);
      return record;
    },
    result(connection: object, id: string, result: ExecutionResult) {
      const record = open.get(connection)?.get(id);
      if (!record) return;
      if (record.subscribed) noteStreamResult(metrics, record, result);
      else noteErrors(metrics, record, result.errors);
    },
    failed(connection: object, id: string, errors: readonly unknown[]) {
      const record = open.get(connection)?.get(id);
      // A stream that failed is counted too; its end line comes from the subscription.
      if (record) noteErrors(metrics, record.subscribed ? undefined : record, errors);
      finish(connection, id);
    },
    completed: finish,
  };
}
