// The server's metrics (prom-client), served at /metrics in Prometheus's text format. One
// registry per server, not prom-client's global one: a test process starts many servers. Label
// values a client chooses (operation names) are bounded: past MAX_OPERATION_NAMES distinct names,
// every new one is counted as "other", so unknown or persisted names can't grow the series
// without end.
import { PGlite } from '@electric-sql/pglite';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../db/open.js';
import type { LogFeed } from '../events/feed.js';
import { poolInUse, within } from './database.js';

export const MAX_OPERATION_NAMES = 200;
const MAX_ERROR_CODES = 100;
/** Seconds: a cached page answers in a few ms, a bulk mutation in seconds. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120];
/** A scrape never waits longer than this for the database (lag, pool): the gauges keep their last value. */
const SCRAPE_DB_MS = 500;

/** 'unknown': refused before its document was read. */
export type OperationType = 'query' | 'mutation' | 'subscription' | 'unknown';
export type Outcome = 'ok' | 'error';

export type Metrics = ReturnType<typeof createMetrics>;

/** `process`: also prom-client's default process metrics (CPU, memory, event loop lag): for the real server, not tests. */
export function createMetrics(options: { process?: boolean; maxOperationNames?: number } = {}) {
  const registry = new Registry();
  if (options.process) collectDefaultMetrics({ register: registry });
  const operationName = bounded(options.maxOperationNames ?? MAX_OPERATION_NAMES);
  const errorCode = bounded(MAX_ERROR_CODES);
  const registers = [registry];

  const httpDuration = new Histogram({
    name: 'flowshare_http_request_duration_seconds',
    help: 'HTTP requests, by route and status, from the request to the end of the response (an SSE stream counts once it ends).',
    labelNames: ['route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const operationDuration = new Histogram({
    name: 'flowshare_graphql_operation_duration_seconds',
    help: `GraphQL queries and mutations (HTTP and WebSocket), by operation name (at most ${options.maxOperationNames ?? MAX_OPERATION_NAMES} names, then "other"), type and outcome.`,
    labelNames: ['operation', 'type', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const errors = new Counter({
    name: 'flowshare_graphql_errors_total',
    help: 'Errors in GraphQL results (and refusals before execution), by code.',
    labelNames: ['code'] as const,
    registers,
  });
  const websockets = new Gauge({ name: 'flowshare_websockets_open', help: 'Open WebSocket connections.', registers });
  const subscriptions = new Gauge({
    name: 'flowshare_subscriptions_open',
    help: 'Running subscriptions (WebSocket and SSE), by transport.',
    labelNames: ['transport'] as const,
    registers,
  });
  const subscriptionsStarted = new Counter({
    name: 'flowshare_subscriptions_started_total',
    help: 'Subscriptions started, by transport.',
    labelNames: ['transport'] as const,
    registers,
  });
  const delivered = new Counter({
    name: 'flowshare_events_delivered_total',
    help: 'Subscription results sent to clients (replayed and live events, and the error that ends a stream).',
    registers,
  });
  const jobRuns = new Counter({
    name: 'flowshare_job_runs_total',
    help: 'Background job runs (expiry sweep, log retention), by job and outcome.',
    labelNames: ['job', 'outcome'] as const,
    registers,
  });
  const jobItems = new Counter({
    name: 'flowshare_job_items_total',
    help: 'What background jobs did: expired grants reported (sweep), events pruned (retention).',
    labelNames: ['job'] as const,
    registers,
  });
  const jobDuration = new Histogram({
    name: 'flowshare_job_duration_seconds',
    help: 'Background job runs, by job.',
    labelNames: ['job'] as const,
    buckets: JOB_BUCKETS,
    registers,
  });

  return {
    registry,
    contentType: registry.contentType,
    render: () => registry.metrics(),
    httpRequest(route: string, status: number, seconds: number) {
      httpDuration.observe({ route, status: String(status) }, seconds);
    },
    operation(name: string | null | undefined, type: OperationType, outcome: Outcome, seconds: number) {
      operationDuration.observe({ operation: operationName(name), type, outcome }, seconds);
    },
    errors(codes: readonly string[]) {
      for (const code of codes) errors.inc({ code: errorCode(code) });
    },
    websocketOpened: () => websockets.inc(),
    websocketClosed: () => websockets.dec(),
    subscriptionStarted(transport: 'ws' | 'sse') {
      subscriptions.inc({ transport });
      subscriptionsStarted.inc({ transport });
    },
    subscriptionEnded: (transport: 'ws' | 'sse') => subscriptions.dec({ transport }),
    eventDelivered: (count = 1) => delivered.inc(count),
    jobRun(job: string, outcome: Outcome, seconds: number, items: number) {
      jobRuns.inc({ job, outcome });
      jobDuration.observe({ job }, seconds);
      if (items > 0) jobItems.inc({ job }, items);
    },
    /** The live log of this process: events it read, and how far behind the log's newest event it is. */
    watchFeed(feed: LogFeed) {
      new Counter({
        name: 'flowshare_events_appended_total',
        help: 'Sharing events appended to the log (by any process), as read by this process since it started.',
        registers,
        collect() {
          this.reset();
          this.inc(feed.eventsRead);
        },
      });
      new Gauge({
        name: 'flowshare_feed_head_position',
        help: 'The newest log position this process has read and handed to its subscribers.',
        registers,
        collect() {
          this.set(feed.head);
        },
      });
      new Gauge({
        name: 'flowshare_feed_lag_events',
        help: "The log's newest position minus the newest one this process has handed out (0 when caught up).",
        registers,
        async collect() {
          const newest = await within(feed.newestPosition(), SCRAPE_DB_MS).catch(() => undefined);
          if (newest !== undefined) this.set(Math.max(0, newest - feed.head));
        },
      });
    },
    /** Database connections: PGlite has one; PostgreSQL's pool (its busy count is read from pg_stat_activity). */
    watchDatabase(db: Db) {
      const client = (db as unknown as { $client: unknown }).$client;
      const embedded = client instanceof PGlite;
      const max = embedded ? 1 : Number((client as { options?: { max?: number } }).options?.max ?? 0);
      new Gauge({ name: 'flowshare_db_pool_max', help: 'Database connections this process may open (PGlite: 1).', registers }).set(max);
      new Gauge({
        name: 'flowshare_db_pool_in_use',
        help: "Database connections running a statement or holding a transaction, the scrape's own excluded (PostgreSQL: every flowshare process on this database; PGlite: 0, its one connection is the scrape's).",
        registers,
        async collect() {
          if (embedded) return this.set(0);
          const busy = await within(poolInUse(db), SCRAPE_DB_MS).catch(() => undefined);
          if (busy !== undefined) this.set(busy);
        },
      });
    },
  };
}

/** Whether a name a client sent looks like a GraphQL name of reasonable length (logs and labels keep only those). */
export const isOperationName = (value: string): boolean => /^[_A-Za-z][_0-9A-Za-z]{0,99}$/.test(value);

/** A label value from a set of at most `cap` distinct values; then "other". Names a client sent must look like GraphQL names. */
function bounded(cap: number): (value: string | null | undefined) => string {
  const seen = new Set<string>();
  return (value) => {
    if (value === null || value === undefined || value === '') return 'anonymous';
    if (!isOperationName(value)) return 'other';
    if (seen.has(value)) return value;
    if (seen.size >= cap) return 'other';
    seen.add(value);
    return value;
  };
}

/** Which route a request is counted under: a fixed set, whatever the path. */
export function routeOf(path: string): string {
  if (path === '/graphql' || path === '/graphql/stream' || path === '/health' || path === '/ready' || path === '/metrics') return path;
  if (path.startsWith('/scim/')) return '/scim';
  return 'other';
}
