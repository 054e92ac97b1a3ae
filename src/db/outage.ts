// When the database is unreachable or stops answering: telling such a failure from any other
// (isOutage: the API answers it with SERVICE_UNAVAILABLE, HTTP 503, which clients may retry),
// bounding how long anything waits for a PostgreSQL that accepts connections but never answers
// (a stopped process, a dropped network path), and the readiness check behind /ready.
import { createConnection, type Socket } from 'node:net';
import { sql } from 'drizzle-orm';
import type { Db } from './open.js';

/** The database did not answer in time. */
export class DatabaseTimeoutError extends Error {
  readonly code = 'DATABASE_TIMEOUT';
}

// Node's socket errors for a peer that refuses, resets, or can't be reached or resolved.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// postgres.js's own (a connection closed, ended or destroyed under a query; no connection in
// time), and ours.
const DRIVER_CODES = new Set(['CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT', 'DATABASE_TIMEOUT']);
// PostgreSQL: shutting down or starting up (57P01-57P03), too many connections (53300), a
// statement or idle transaction that ran out of time (57014, 25P03). Class 08 (connection
// exceptions) is matched whole.
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '57014', '25P03']);

/**
 * Whether an error means the database is unreachable or did not answer in time, rather than
 * a fault of the request or of the code. Looks through wrappers (drizzle's query error, a
 * GraphQLError's original error, an AggregateError of connection attempts).
 */
export function isOutage(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue = [error];
  while (queue.length > 0 && seen.size < 16) {
    const e = queue.shift();
    if (typeof e !== 'object' || e === null || seen.has(e)) continue;
    seen.add(e);
    const { code, cause, originalError, errors } = e as { code?: unknown; cause?: unknown; originalError?: unknown; errors?: unknown };
    if (
      typeof code === 'string' &&
      (NETWORK_CODES.has(code) || DRIVER_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))
    ) {
      return true;
    }
    queue.push(cause, originalError, ...(Array.isArray(errors) ? errors : []));
  }
  return false;
}

/**
 * Resolves once the database answers `select 1`; rejects with its error, or with a
 * DatabaseTimeoutError when it has not answered within `timeoutMs` (what /ready answers with).
 */
export async function checkReady(db: Db, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseTimeoutError(`the database did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([db.execute(sql`select 1`), late]);
  } finally {
    clearTimeout(timer);
  }
}

export type DeadlineOptions = {
  /** The longest wait for a TCP connection (postgres.js's connect_timeout bounds the sign-in after it). */
  connectMs: number;
  /** The longest wait for any one answer: a statement's, or a transaction's COMMIT or ROLLBACK. */
  answerMs: number;
};

type Connectable = { host: string[]; port: number[]; path?: string | false };
type PendingQuery = PromiseLike<unknown> & { values(): PendingQuery };
type Client = { unsafe(...args: unknown[]): PendingQuery; begin(...args: unknown[]): Promise<unknown> };

/**
 * For a postgres.js client: `socket` (its `socket` option) opens and watches each connection;
 * `bound(client)` is the client whose statements and transactions fail with a
 * DatabaseTimeoutError after `answerMs` without an answer (what drizzle is given); `bound(p)`
 * bounds any other call (LISTEN, NOTIFY). When something times out, every connection that has
 * received nothing for as long is destroyed: the queries still waiting on them fail at once
 * and the pool connects afresh, instead of keeping connections that may never answer.
 */
export function deadlines(options: DeadlineOptions) {
  const lastHeard = new Map<Socket, number>();
  const timedOut = () => {
    const now = Date.now();
    for (const [socket, heard] of lastHeard) {
      if (now - heard >= options.answerMs)
        socket.destroy(new DatabaseTimeoutError(`the database did not answer within ${options.answerMs} ms`));
    }
    return new DatabaseTimeoutError(`the database did not answer within ${options.answerMs} ms`);
  };

  function within<T>(work: PromiseLike<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(timedOut()), options.answerMs);
    });
    return Promise.race([work, late]).finally(() => clearTimeout(timer));
  }

  // Queries run when awaited: the deadline starts then.
  const pending = (query: PendingQuery): PendingQuery => ({
    values: () => pending(query.values()),
    // biome-ignore lint/suspicious/noThenProperty: a thenable on purpose, like postgres.js' own queries (run when awaited).
    then: (onFulfilled, onRejected) => within(query).then(onFulfilled, onRejected),
  });

  /** A transaction (begin) or savepoint: its statements are bounded one by one, and so is what follows them. */
  const transaction =
    (open: (...args: unknown[]) => Promise<unknown>) =>
    (...args: unknown[]): Promise<unknown> => {
      const body = args.pop() as (client: unknown) => unknown;
      let timer: NodeJS.Timeout | undefined;
      let fail!: (error: Error) => void;
      const stalled = new Promise<never>((_, reject) => (fail = reject));
      const after = () => {
        timer = setTimeout(() => fail(timedOut()), options.answerMs);
      };
      const run = open(...args, (client: unknown) =>
        Promise.resolve()
          .then(() => body(bind(client as Client)))
          .then(
            (value) => {
              after();
              return value;
            },
            (error: unknown) => {
              // A statement inside got no answer: its ROLLBACK would wait on the same connection.
              if (isOutage(error)) fail(error as Error);
              else after();
              throw error;
            },
          ),
      );
      return Promise.race([run, stalled]).finally(() => clearTimeout(timer));
    };

  function bind<C extends object>(client: C): C {
    return new Proxy(client, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (typeof value !== 'function') return value;
        if (property === 'unsafe') return (...args: unknown[]) => pending((value as Client['unsafe']).apply(target, args));
        if (property === 'begin' || property === 'savepoint')
          return transaction((...args) => (value as Client['begin']).apply(target, args));
        return value;
      },
    });
  }

  /** postgres.js's `socket` option: a connected socket within connectMs, watched for answers. */
  function socket(target: Connectable): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const s = target.path ? createConnection(target.path) : createConnection({ host: target.host[0], port: target.port[0] ?? 5432 });
      let connected = false;
      const timer = setTimeout(() => {
        s.destroy();
        reject(Object.assign(new Error(`could not connect to the database within ${options.connectMs} ms`), { code: 'CONNECT_TIMEOUT' }));
      }, options.connectMs);
      s.on('error', (error) => {
        if (connected) return; // postgres.js listens from here on
        clearTimeout(timer);
        reject(error);
      });
      s.once('connect', () => {
        connected = true;
        clearTimeout(timer);
        lastHeard.set(s, Date.now());
        s.on('data', () => lastHeard.set(s, Date.now()));
        s.once('close', () => lastHeard.delete(s));
        resolve(s);
      });
    });
  }

  return { socket, bind, within };
}
