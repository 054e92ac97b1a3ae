// Several server processes on one PostgreSQL (#6, #7): a change made through one process
// reaches a subscriber of another (NOTIFY), a wake-up that never comes only delays an event
// (polling), a process killed right after a commit loses nothing, and two processes sweep
// expired grants without logging one twice; the directory CLI wakes the servers up.
// PostgreSQL only: PGlite serves one process.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../src/auth/tokens.js';
import { openDatabase, type Database } from '../src/db/open.js';
import { sharingEvents, users } from '../src/db/tables.js';
import { encodeEventCursor } from '../src/events/cursor.js';
import { parseGlobalId } from '../src/graphql/ids.js';
import { modifyFlowOwners } from '../src/sharing/owners.js';
import { graphql } from './gql/index.js';
import { gqlAt, isolatedDatabaseUrl, ok } from './support/app.js';
import { wsClient } from './support/live.js';
import { byUserName, PATCH_OP, scimClient } from './support/scim.js';
import { graphqlUrlOf, startProcess, type ServerProcess } from './support/process.js';
import { tenantDirectory } from './support/tenant.js';

const Events = graphql(`
  subscription ProcessEvents($after: String) { sharingEvents(after: $after) { cursor kind flowId } }
`);
const Whoami = graphql(`query ProcessWhoami { viewer { id } environments { id isDefault } }`);
const NewFlow = graphql(`
  mutation ProcessNewFlow($input: CreateFlowInput!) { createFlow(input: $input) { ... on CreateFlowSuccess { flow { id } } } }
`);
const Owners = graphql(`
  mutation ProcessOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }
`);

const START = encodeEventCursor(0);
const SECRET = `${randomUUID()}${randomUUID()}`;
const SCIM_TOKEN = `scim-${randomUUID()}`;

describe.runIf(process.env.DATABASE_URL)('several server processes on one PostgreSQL', () => {
  const tag = randomUUID().slice(0, 8);
  const directory = tenantDirectory(tag);
  const ext = (name: string) => `${name}-${tag}`;
  let dir: string;
  let env: Record<string, string>;
  let database: Database;
  const processes: ServerProcess[] = [];
  const clients: { close(): unknown }[] = [];
  let a: string; // GraphQL URL of process A: no polling to speak of, NOTIFY only
  let b: string; // process B: polls every 300 ms
  const token = (name: string) => signToken(SECRET, ext(name));

  async function start(extra: Record<string, string>): Promise<string> {
    const server = startProcess({ ...env, ...extra }, /GraphiQL: \S+/);
    processes.push(server);
    return graphqlUrlOf(await server.matched);
  }
  const gql = async <R, V>(url: string, document: TypedDocumentNode<R, V>, variables: V, as: string): Promise<R> =>
    ok(await gqlAt(url, document, variables, await token(as)));
  const subscribe = async (url: string, as: string, after: string | null = START) => {
    const client = wsClient(url, await token(as));
    clients.push(client);
    return client.subscribe(Events, { after });
  };
  const ids = async (as: string) => gql(a, Whoami, {}, as);
  const newFlow = async (url: string) => {
    const defaultEnv = (await ids('maker')).environments.find((e) => e.isDefault)!.id;
    const { createFlow } = await gql(
      url,
      NewFlow,
      { input: { environmentId: defaultEnv, displayName: 'Across', trigger: 'INSTANT', actions: [] } },
      'maker',
    );
    return (createFlow as { flow: { id: string } }).flow.id;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flowshare-processes-'));
    const file = join(dir, 'directory.json');
    writeFileSync(file, JSON.stringify(directory));
    const url = (await isolatedDatabaseUrl())!;
    env = {
      DATABASE_URL: url,
      AUTH_JWT_SECRET: SECRET,
      FLOWSHARE_SWEEP_INTERVAL_MS: '100',
      FLOWSHARE_SCIM_TOKENS: JSON.stringify({ [ext('tenant')]: SCIM_TOKEN }),
    };
    // The first imports the directory; the others start on it.
    a = await start({ FLOWSHARE_DIRECTORY: file, FLOWSHARE_LOG_POLL_MS: '60000' });
    b = await start({ FLOWSHARE_LOG_POLL_MS: '300' });
    database = await openDatabase({ databaseUrl: url, poolSize: 2 });
  }, 60_000);
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    for (const p of processes) p.child.kill('SIGKILL');
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a change made through process B reaches a subscriber of process A within a second (NOTIFY)', async () => {
    const flowId = await newFlow(b);
    const events = await subscribe(a, 'coowner');
    await pause(300);
    await gql(b, Owners, { input: { flowId, add: [(await ids('coowner')).viewer!.id] } }, 'maker');
    const answered = Date.now();
    const [event] = await events.waitFor(1, 1000);
    // A polls once a minute: only the NOTIFY could have brought it this fast.
    expect(Date.now() - answered).toBeLessThan(1000);
    expect(event!.sharingEvents).toMatchObject({ kind: 'OWNER_ADDED', flowId });
    events.stop();
  });

  it('a change that sends no wake-up at all still arrives, by polling', async () => {
    const flowId = await newFlow(a);
    const events = await subscribe(b, 'basic');
    // Written straight to the database by this test process: no feed, no NOTIFY.
    const [maker] = await database.db
      .select()
      .from(users)
      .where(eq(users.externalId, ext('maker')));
    const [basic] = await database.db
      .select()
      .from(users)
      .where(eq(users.externalId, ext('basic')));
    const rawFlowId = parseGlobalId(flowId)!.id;
    await modifyFlowOwners(database.db, maker!, {
      flowId: rawFlowId,
      add: [{ kind: 'USER', id: basic!.id, field: [] }],
      remove: [],
      expiresAt: null,
    });
    const [event] = await events.waitFor(1, 2000);
    expect(event!.sharingEvents).toMatchObject({ kind: 'OWNER_ADDED', flowId });
    events.stop();
  });

  it('two processes sweeping expired grants log each once', async () => {
    const flowId = await newFlow(a);
    const events = await subscribe(a, 'guest');
    const soon = new Date(Date.now() + 1000).toISOString();
    await gql(a, Owners, { input: { flowId, add: [(await ids('guest')).viewer!.id], expiresAt: soon } }, 'maker');
    await events.waitFor(2, 5000);
    await pause(1000); // both processes sweep every 100 ms: time enough for a double
    const rawFlowId = parseGlobalId(flowId)!.id;
    const logged = await database.db
      .select()
      .from(sharingEvents)
      .where(and(eq(sharingEvents.flowId, rawFlowId), eq(sharingEvents.kind, 'ACCESS_EXPIRED')));
    expect(logged).toHaveLength(1);
    expect(events.events.map((e) => e.sharingEvents.kind)).toEqual(['OWNER_ADDED', 'ACCESS_EXPIRED']);
  });

  it('the directory CLI tells running servers of the flows a departure suspends (NOTIFY, not polling)', async () => {
    const defaultEnv = (await ids('coowner')).environments.find((e) => e.isDefault)!.id;
    const { createFlow } = await gql(
      a,
      NewFlow,
      { input: { environmentId: defaultEnv, displayName: 'Only mine', trigger: 'INSTANT', actions: [] } },
      'coowner',
    );
    const flowId = (createFlow as { flow: { id: string } }).flow.id;
    const events = await subscribe(a, 'admin');
    const leaving = join(dir, 'leaving.json');
    writeFileSync(leaving, JSON.stringify({ users: [{ ...directory.users.find((u) => u.id === ext('coowner'))!, status: 'DEPARTED' }] }));
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/directory/cli.ts', 'import', leaving], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    expect(cli.stdout).toMatch(/1 flows suspended/);
    const done = Date.now();
    const [event] = await events.waitFor(1, 1000);
    expect(Date.now() - done).toBeLessThan(1000); // A polls once a minute
    expect(event!.sharingEvents).toMatchObject({ kind: 'FLOW_SUSPENDED', flowId });
    events.stop();
  });

  it("a user deactivated by SCIM on process B is refused on process A, and A's open stream of theirs ends within 5 s", async () => {
    const scim = scimClient(b);
    const events = await subscribe(a, 'free');
    await pause(300);
    const [user] = (await scim(SCIM_TOKEN, 'GET', byUserName(`free.${tag}@example.com`))).body.Resources;
    const done = Date.now();
    const reply = await scim(SCIM_TOKEN, 'PATCH', `/Users/${user.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect(reply.status).toBe(200);
    await events.ended(5000);
    expect(Date.now() - done).toBeLessThan(5000);
    expect(events.errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await gqlAt(a, Whoami, {}, await token('free'))).status).toBe(401);
  });

  it('a process killed right after a commit loses nothing: the client resumes from its cursor on a new one', async () => {
    const flowId = await newFlow(a);
    const guestId = (await ids('guest')).viewer!.id;
    const before = await subscribe(a, 'guest', null);
    await pause(300);
    await gql(a, Owners, { input: { flowId, add: [guestId] } }, 'maker');
    const [added] = await before.waitFor(1);

    await gql(a, Owners, { input: { flowId, remove: [guestId] } }, 'maker');
    processes[0]!.child.kill('SIGKILL');
    await processes[0]!.exited;
    await before.ended();
    const seen = before.events.map((e) => e.sharingEvents);

    const restarted = await start({ FLOWSHARE_LOG_POLL_MS: '60000' });
    const after = await subscribe(restarted, 'guest', seen.at(-1)!.cursor);
    // The removal arrives exactly once: live before the kill, or replayed after it.
    if (seen.length === 1) await after.waitFor(1);
    await pause(500);
    const all = [...seen, ...after.events.map((e) => e.sharingEvents)];
    expect(all.map((e) => [e.kind, e.flowId])).toEqual([
      ['OWNER_ADDED', flowId],
      ['OWNER_REMOVED', flowId],
    ]);
    expect(added!.sharingEvents.cursor).toBe(all[0]!.cursor);
  }, 60_000);
});
