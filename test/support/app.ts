// A real server on a real database for one test file: PGlite started from the migrated
// template, or the PostgreSQL of DATABASE_URL. Tests isolate by making their own tenants.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import postgres from 'postgres';
import { inject } from 'vitest';
import { signToken, tokenVerifier } from '../../src/auth/tokens.js';
import { openDatabase, type Database, type Timeouts } from '../../src/db/open.js';
import { LogFeed } from '../../src/events/feed.js';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server.js';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256';

export type TestApp = {
  database: Database;
  feed: LogFeed;
  server: RunningServer;
  url: string;
  /** Signs a token for a directory user id. */
  token(externalId: string, options?: Parameters<typeof signToken>[2]): Promise<string>;
  /** Runs an operation over HTTP as the given token (or none). */
  gql<R, V>(doc: TypedDocumentNode<R, V>, variables: V, token?: string | null): Promise<GqlResult<R>>;
  close(): Promise<void>;
};

export type GqlResult<R> = {
  status: number;
  data: R | null | undefined;
  errors?: { message: string; extensions?: { code?: string } }[];
};

/** `timeouts`: PostgreSQL's connect and statement timeouts (outage tests shorten them). */
export async function openTestDatabase(databaseUrl = process.env.DATABASE_URL, timeouts?: Partial<Timeouts>): Promise<Database> {
  const url = databaseUrl;
  if (url) return openDatabase({ databaseUrl: url, poolSize: 4, timeouts });
  const template = inject('pgliteTemplate');
  return openDatabase({ dataDir: undefined, template: new Blob([readFileSync(template!)]) });
}

/**
 * On PostgreSQL, a fresh migrated database on the same server, for tests whose effects
 * reach past their tenant (log retention moves a database-wide horizon; killed processes).
 * Undefined on PGlite, where every test file has a database of its own anyway.
 */
export async function isolatedDatabaseUrl(): Promise<string | undefined> {
  const url = process.env.DATABASE_URL;
  if (!url) return undefined;
  const name = `flowshare_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const isolated = new URL(url);
  isolated.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: isolated.toString(), poolSize: 1 });
  await database.migrate();
  await database.close();
  return isolated.toString();
}

/**
 * `pollMs`: the live log's fallback timer;
 * `countsStatements`: for a test that counts the statements of a request (N+1 guards): no fallback
 *   timer, and on PostgreSQL a database of its own, or another test file's writes (a NOTIFY on the
 *   shared database) would wake this server's feed and add its reads to the count;
 * `databaseUrl`: a PostgreSQL database other than DATABASE_URL's (see isolatedDatabaseUrl);
 * `keepAliveMs`: WebSocket ping interval; `timeouts`: the database's (openTestDatabase);
 * `server`: any other option of startServer (limits, trusted documents, GraphiQL, slow readers).
 */
export async function startTestApp(
  options: {
    pollMs?: number;
    countsStatements?: boolean;
    databaseUrl?: string;
    keepAliveMs?: number;
    timeouts?: Partial<Timeouts>;
    server?: Partial<Omit<ServerOptions, 'db' | 'feed' | 'verify' | 'port' | 'host'>>;
  } = {},
): Promise<TestApp> {
  const databaseUrl = options.databaseUrl ?? (options.countsStatements ? await isolatedDatabaseUrl() : undefined);
  const database = await openTestDatabase(databaseUrl ?? process.env.DATABASE_URL, options.timeouts);
  const feed = await LogFeed.start(database, { pollMs: options.pollMs ?? (options.countsStatements ? 3_600_000 : 200) });
  const server = await startServer({
    db: database.db,
    feed,
    verify: tokenVerifier({ kind: 'secret', secret: TEST_SECRET }),
    port: 0,
    host: '127.0.0.1',
    quiet: true,
    keepAliveMs: options.keepAliveMs,
    ...options.server,
  });
  return {
    database,
    feed,
    server,
    url: server.url,
    token: (externalId, options) => signToken(TEST_SECRET, externalId, options),
    gql: (doc, variables, token) => gqlAt(server.url, doc, variables, token),
    async close() {
      await server.close();
      await feed.close();
      await database.close();
    },
  };
}

/** Runs an operation over HTTP against any flowshare URL (a test app, or a server process). */
export async function gqlAt<R, V>(url: string, doc: TypedDocumentNode<R, V>, variables: V, token?: string | null): Promise<GqlResult<R>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: print(doc), variables }),
  });
  const body = (await response.json()) as Omit<GqlResult<R>, 'status'>;
  return { status: response.status, ...body };
}

/** The data of a result that must have no errors. */
export function ok<R>(result: GqlResult<R>): R {
  if (result.errors?.length || !result.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(result.errors ?? result)}`);
  }
  return result.data;
}
