// Opens the database: embedded PGlite by default, PostgreSQL when a URL is given.
// Both come back as the same drizzle type, so the rest of the code has one path.
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { lockDataDir } from './lock.js';
import { deadlines, isOutage } from './outage.js';
import * as tables from './tables.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof tables>;
/** A transaction is a Db too: functions that take a Db work inside one. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Applies the migrations in drizzle/ that are not applied yet. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** How many SQL statements this handle has sent: tests use it to guard against N+1. */
  statementCount(): number;
  /** PGlite only: the whole database as a blob, to start others from (see `template`). */
  dump?: () => Promise<Blob>;
  /**
   * PostgreSQL only: LISTEN on one dedicated connection (postgres.js keeps one per client and
   * re-listens after a reconnect), and NOTIFY. PGlite serves one process and needs neither.
   */
  channels?: {
    listen(channel: string, onPayload: (payload: string) => void): Promise<{ unlisten(): Promise<void> }>;
    notify(channel: string, payload: string): Promise<void>;
  };
};

export type OpenOptions =
  | { databaseUrl: string; poolSize?: number; timeouts?: Partial<Timeouts> }
  /**
   * `dataDir: undefined` keeps the database in memory (tests); `template` starts it from a
   * dump of another (PGlite's initdb costs seconds, loading a dump about one).
   */
  | { databaseUrl?: undefined; dataDir: string | undefined; template?: Blob };

/**
 * PostgreSQL only. `connectMs`: the longest wait for a connection (TCP, then sign-in);
 * `statementMs`: the server ends a statement that runs longer (statement_timeout); a
 * statement, COMMIT or ROLLBACK with no answer at all `ANSWER_GRACE_MS` after that (a stopped
 * or unreachable server) fails here, and the connections that went silent are dropped.
 * Either way the API answers SERVICE_UNAVAILABLE (see outage.ts).
 */
export type Timeouts = { connectMs: number; statementMs: number };
export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 5_000, statementMs: 15_000 };
const ANSWER_GRACE_MS = 1_000;

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));
// Any fixed number: it only has to be the same in every flowshare process.
const MIGRATION_LOCK = 727_001;

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl !== undefined) {
    return openPostgres(options.databaseUrl, options.poolSize ?? 10, { ...DEFAULT_TIMEOUTS, ...options.timeouts });
  }
  return openPglite(options.dataDir, options.template);
}

function statementCounter() {
  let count = 0;
  return { logger: { logQuery: () => void count++ }, statementCount: () => count };
}

async function openPglite(dataDir: string | undefined, template?: Blob): Promise<Database> {
  const unlock = dataDir ? await lockDataDir(dataDir) : () => {};
  let client: PGlite;
  try {
    // pg_trgm: the trigram index that flow search uses (migration 0009 creates the extension).
    client = await PGlite.create({ dataDir, loadDataDir: template, extensions: { pg_trgm } });
  } catch (error) {
    unlock();
    throw error;
  }
  const { logger, statementCount } = statementCounter();
  const db = drizzlePglite(client, { schema: tables, logger });
  return {
    db,
    kind: 'pglite',
    statementCount,
    migrate: () => migratePglite(db, { migrationsFolder }),
    dump: () => client.dumpDataDir('none'),
    async close() {
      await client.close();
      unlock();
    },
  };
}

async function openPostgres(url: string, poolSize: number, timeouts: Timeouts): Promise<Database> {
  const bounded = deadlines({ connectMs: timeouts.connectMs, answerMs: timeouts.statementMs + ANSWER_GRACE_MS });
  const client = postgres(url, {
    max: poolSize,
    onnotice: () => {},
    connect_timeout: timeouts.connectMs / 1000,
    // application_name: the pool gauge (src/ops/database.ts) counts flowshare's connections by it.
    connection: { statement_timeout: timeouts.statementMs, application_name: 'flowshare' },
    // Documented (README, "Custom socket") but missing from postgres.js's types.
    ...({ socket: bounded.socket } as object),
  });
  const { logger, statementCount } = statementCounter();
  const db = drizzlePostgres(bounded.bind(client), { schema: tables, logger });
  return {
    db,
    kind: 'postgres',
    statementCount,
    async migrate() {
      // Several processes may start at once on one database: one migrates, the others wait.
      const session = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await session`select pg_advisory_lock(${MIGRATION_LOCK})`;
        await migratePostgres(drizzlePostgres(session), { migrationsFolder });
      } finally {
        await session.end();
      }
    },
    channels: {
      async listen(channel, onPayload) {
        const { unlisten } = await bounded.within(client.listen(channel, onPayload));
        // Without a database there is nothing left to stop listening to (closing during an outage).
        return { unlisten: () => bounded.within(unlisten()).catch(unlessOutage) };
      },
      async notify(channel, payload) {
        await bounded.within(client.notify(channel, payload));
      },
    },
    close: () => client.end({ timeout: 5 }),
  };
}

function unlessOutage(error: unknown): void {
  if (!isOutage(error)) throw error;
}
