// Real subscription clients for tests: graphql-ws over WebSocket, graphql-sse over Yoga's SSE.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient as createSseClient } from 'graphql-sse';
import { createClient, type Client } from 'graphql-ws';
import { WebSocket } from 'ws';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'graphql';
import { signToken } from '../../src/auth/tokens.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { importDirectory } from '../../src/directory/import.js';
import { gqlAt, isolatedDatabaseUrl, ok, startTestApp } from './app.js';
import { graphqlUrlOf, startProcess, type ServerProcess } from './process.js';
import { makeTenant, tenantDirectory, type Person } from './tenant.js';

export type Received<R> = {
  /** Every `next` payload's data, in order. */
  events: R[];
  /** Errors the stream ended with (GraphQL errors in a payload, or a transport error). */
  errors: { message: string; extensions?: { code?: string } }[];
  completed: boolean;
  /** Resolves once `count` events have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<R[]>;
  /** Resolves once the stream has ended, by completion or error. */
  ended(timeoutMs?: number): Promise<void>;
  stop(): void;
};

function collector<R>(
  stop: () => void,
): Received<R> & { push(data: R): void; fail(e: Received<R>['errors'][number]): void; complete(): void } {
  const waiters = new Set<() => void>();
  const poke = () => {
    for (const w of waiters) w();
  };
  const until = (ready: () => boolean, timeoutMs: number, what: string) =>
    new Promise<void>((resolve, reject) => {
      if (ready()) return resolve();
      const check = () => {
        if (!ready()) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(
          new Error(
            `timed out after ${timeoutMs} ms waiting for ${what}; got ${JSON.stringify(received.events)} ${JSON.stringify(received.errors)}`,
          ),
        );
      }, timeoutMs);
      waiters.add(check);
    });
  const received = {
    events: [] as R[],
    errors: [] as Received<R>['errors'],
    completed: false,
    waitFor: async (count: number, timeoutMs = 5000) => {
      await until(() => received.events.length >= count, timeoutMs, `${count} event(s)`);
      return received.events.slice(0, count);
    },
    ended: (timeoutMs = 5000) => until(() => received.completed || received.errors.length > 0, timeoutMs, 'the end of the stream'),
    stop,
    push: (data: R) => {
      received.events.push(data);
      poke();
    },
    fail: (e: Received<R>['errors'][number]) => {
      received.errors.push(e);
      poke();
    },
    complete: () => {
      received.completed = true;
      poke();
    },
  };
  return received;
}

/** A graphql-ws client signed in with `token`; `subscribe` collects one subscription. */
export function wsClient(graphqlUrl: string, token: string | null, options: { onClosed?: (code: number) => void } = {}) {
  const client: Client = createClient({
    url: graphqlUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
    on: { closed: (event) => options.onClosed?.((event as { code: number }).code) },
  });
  return {
    subscribe<R, V>(document: TypedDocumentNode<R, V>, variables: V): Received<R> {
      let unsubscribe = () => {};
      const received = collector<R>(() => unsubscribe());
      unsubscribe = client.subscribe<R>(
        { query: print(document), variables: variables as Record<string, unknown> },
        {
          next: (result) => {
            if (result.errors?.length) for (const e of result.errors) received.fail(e as never);
            else received.push(result.data as R);
          },
          error: (error) => received.fail({ message: String((error as Error).message ?? (error as CloseEvent).reason ?? error) }),
          complete: () => received.complete(),
        },
      );
      return received;
    },
    close: () => client.dispose(),
  };
}

/** One subscription over Yoga's SSE ("distinct connections" mode), with the graphql-sse client. */
export function sseSubscribe<R, V>(graphqlUrl: string, token: string, document: TypedDocumentNode<R, V>, variables: V): Received<R> {
  const client = createSseClient({ url: graphqlUrl, headers: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  let unsubscribe = () => {};
  const received = collector<R>(() => {
    unsubscribe();
    client.dispose();
  });
  unsubscribe = client.subscribe<R>(
    { query: print(document), variables: variables as Record<string, unknown> },
    {
      next: (result) => {
        if (result.errors?.length) for (const e of result.errors) received.fail(e as never);
        else received.push(result.data as R);
      },
      error: (error) => received.fail({ message: String((error as Error).message ?? error) }),
      complete: () => received.complete(),
    },
  );
  return received;
}

// ------------------------------------------------------------------ one server, or several processes
// The same scenario against one in-process server (PGlite or PostgreSQL), or against two real
// server processes on one PostgreSQL: process A hears of changes by NOTIFY only (it polls once
// a minute), process B also polls every 300 ms.

/** A document typed by hand (no codegen run needed for a test's own operations). */
export function typedDocument<R, V>(source: string): TypedDocumentNode<R, V> {
  return parse(source) as TypedDocumentNode<R, V>;
}

export type World = {
  /** GraphQL URLs: one server, or two processes. */
  urls: string[];
  db: Db;
  /** A fresh tenant (tenantDirectory's people) to play a scenario with. */
  tenant(): Promise<People>;
  /** Clients to close at the end. */
  track<C extends { close(): unknown }>(client: C): C;
  close(): Promise<void>;
};

export type People = {
  token(person: Person): Promise<string>;
  /** Global ids. */
  user(person: Person): Promise<string>;
  defaultEnv(): Promise<string>;
  /** An operation as `person` through `url`; a GraphQL error throws. */
  gql<R, V>(url: string, document: TypedDocumentNode<R, V>, variables: V, person: Person): Promise<R>;
  /** Marks people DEPARTED by a directory import: in-process, or by the directory CLI (which NOTIFYs). */
  depart(people: Person[]): Promise<void>;
};

const Me = typedDocument<{ viewer: { id: string } | null; environments: { id: string; isDefault: boolean }[] }, Record<string, never>>(
  'query WorldMe { viewer { id } environments { id isDefault } }',
);

function peopleOf(url: string, token: People['token'], depart: People['depart']): People {
  const gql: People['gql'] = async (at, document, variables, person) => ok(await gqlAt(at, document, variables, await token(person)));
  return {
    token,
    gql,
    depart,
    user: async (person) => (await gql(url, Me, {}, person)).viewer!.id,
    defaultEnv: async () => (await gql(url, Me, {}, 'maker')).environments.find((e) => e.isDefault)!.id,
  };
}

function worldOf(base: Pick<World, 'urls' | 'db' | 'tenant'>, close: () => Promise<void>): World {
  const clients: { close(): unknown }[] = [];
  return {
    ...base,
    track: (client) => {
      clients.push(client);
      return client;
    },
    close: async () => {
      await Promise.all(clients.map((c) => c.close()));
      await close();
    },
  };
}

/** One in-process server on the test's database (PGlite or PostgreSQL). */
export async function oneServer(): Promise<World> {
  const app = await startTestApp();
  return worldOf(
    {
      urls: [app.url],
      db: app.database.db,
      tenant: async () => {
        const t = await makeTenant(app);
        return peopleOf(
          app.url,
          async (person) => t.tokens[person],
          async (people) => {
            const leaving = people.map((p) => ({ ...t.directory.users.find((u) => u.id === t.ext(p))!, status: 'DEPARTED' as const }));
            await importDirectory(app.database.db, { users: leaving });
          },
        );
      },
    },
    () => app.close(),
  );
}

/** Two real server processes on a fresh PostgreSQL database (DATABASE_URL must be set). */
export async function twoProcesses(): Promise<World> {
  const secret = `${randomUUID()}${randomUUID()}`;
  const dir = mkdtempSync(join(tmpdir(), 'flowshare-world-'));
  const url = (await isolatedDatabaseUrl())!;
  const env = { DATABASE_URL: url, AUTH_JWT_SECRET: secret };
  const processes: ServerProcess[] = [];
  const start = async (extra: Record<string, string>) => {
    const server = startProcess({ ...env, ...extra }, /GraphiQL: \S+/);
    processes.push(server);
    return graphqlUrlOf(await server.matched);
  };
  const a = await start({ FLOWSHARE_LOG_POLL_MS: '60000' });
  const b = await start({ FLOWSHARE_LOG_POLL_MS: '300' });
  const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
  return worldOf(
    {
      urls: [a, b],
      db: database.db,
      tenant: async () => {
        const tag = randomUUID().slice(0, 8);
        const directory = tenantDirectory(tag);
        const ext = (person: Person) => `${person}-${tag}`;
        await importDirectory(database.db, directory);
        return peopleOf(
          a,
          (person) => signToken(secret, ext(person)),
          async (people) => {
            const leaving = join(dir, `leaving-${randomUUID()}.json`);
            const users = people.map((p) => ({ ...directory.users.find((u) => u.id === ext(p))!, status: 'DEPARTED' }));
            writeFileSync(leaving, JSON.stringify({ users }));
            await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/directory/cli.ts', 'import', leaving], {
              env: { ...process.env, ...env },
            });
          },
        );
      },
    },
    async () => {
      for (const p of processes) p.child.kill('SIGKILL');
      await Promise.all(processes.map((p) => p.exited));
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  );
}

/** Waits, polling every 20 ms, until `condition` holds; fails naming `what` (as of then) after `timeoutMs`. */
export async function until(condition: () => boolean | Promise<boolean>, what: string | (() => string), timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
