// Opens the database: embedded PGlite by default, PostgreSQL when a URL is given.
// Both come back as the same drizzle type, so the rest of the code has one path.
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { lockDataDir } from './lock.js';
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
  | { databaseUrl: string; poolSize?: number }
  /**
   * `dataDir: undefined` keeps the database in memory (tests); `template` starts it from a
   * dump of another (PGlite's initdb costs seconds, loading a dump about one).
   */
  | { databaseUrl?: undefined; dataDir: string | undefined; template?: Blob };

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));
// Any fixed number: it only has to be the same in every flowshare process.
const MIGRATION_LOCK = 727_001;

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl !== undefined) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
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
    client = await PGlite.create({ dataDir, loadDataDir: template });
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

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const client = postgres(url, { max: poolSize, onnotice: () => {} });
  const { logger, statementCount } = statementCounter();
  const db = drizzlePostgres(client, { schema: tables, logger });
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
        const { unlisten } = await client.listen(channel, onPayload);
        return { unlisten: () => unlisten() };
      },
      async notify(channel, payload) {
        await client.notify(channel, payload);
      },
    },
    close: () => client.end({ timeout: 5 }),
  };
}
