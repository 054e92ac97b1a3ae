// Live sharing events (#6) in one process: graphql-ws and SSE clients against a real server,
// replay then live, resume without gaps or duplicates, authorization per event, isolation,
// token expiry and log retention. Several processes: processes.test.ts.
import { setTimeout as pause } from 'node:timers/promises';
import { eq, inArray } from 'drizzle-orm';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { sharingEvents } from '../src/db/tables.js';
import { encodeEventCursor } from '../src/events/cursor.js';
import { pruneLog } from '../src/events/retention.js';
import { graphql } from './gql/index.js';
import { isolatedDatabaseUrl, ok, startTestApp, type TestApp } from './support/app.js';
import { DeleteFlow } from './support/documents.js';
import { flowOf } from './support/fixtures.js';
import { sseSubscribe, wsClient } from './support/live.js';
import { makeTenant, type Tenant } from './support/tenant.js';

const MyEvents = graphql(`
  subscription LiveMyEvents($after: String, $kinds: [SharingEventKind!]) {
    sharingEvents(after: $after, kinds: $kinds) { cursor kind flowId principal { ... on User { id } } flow { id } }
  }
`);
const Copies = graphql(`
  subscription LiveCopies($after: String) { copyReceived(after: $after) { cursor kind copy { id } } }
`);
const FlowEvents = graphql(`
  subscription LiveFlowEvents($flowId: ID!, $after: String) {
    flowSharingEvents(flowId: $flowId, after: $after) { cursor kind principal { ... on User { id } } }
  }
`);
const EnvironmentEvents = graphql(`
  subscription LiveEnvironmentEvents($environmentId: ID!, $after: String) {
    environmentSharingEvents(environmentId: $environmentId, after: $after) { cursor kind flowId actorRole }
  }
`);
const Owners = graphql(`
  mutation LiveOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename ... on ModifyFlowOwnersSuccess { eventCursor } } }
`);
const RunOnly = graphql(`
  mutation LiveRunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }
`);
const SendCopy = graphql(`
  mutation LiveSendCopy($input: SendFlowCopyInput!) { sendFlowCopy(input: $input) { __typename } }
`);
const SetRole = graphql(`
  mutation LiveSetRole($input: SetEnvironmentRoleInput!) { setEnvironmentRole(input: $input) { __typename } }
`);

/** The log's very beginning: replaying from it makes a subscription race-free in tests. */
const START = encodeEventCursor(0);

let app: TestApp;
let t: Tenant;
const clients: { close(): unknown }[] = [];
const client = (token: string | null, options?: Parameters<typeof wsClient>[2]) => {
  const c = wsClient(app.url, token, options);
  clients.push(c);
  return c;
};
beforeAll(async () => {
  app = await startTestApp();
  t = await makeTenant(app);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await app?.close();
});

const addOwner = async (flowId: string, who: string, token = t.tokens.maker) => {
  const result = ok(await app.gql(Owners, { input: { flowId, add: [who] } }, token)).modifyFlowOwners;
  expect(result.__typename).toBe('ModifyFlowOwnersSuccess');
};
const removeOwner = (flowId: string, who: string, token = t.tokens.maker) =>
  app.gql(Owners, { input: { flowId, remove: [who] } }, token).then(ok);

describe('a new co-owner is told at once', () => {
  it("over graphql-ws, within a second of the mutation's response", async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv });
    const events = client(t.tokens.coowner).subscribe(MyEvents, {});
    await pause(300); // live, not replayed: the stream is up before the change
    await addOwner(flow.id, t.users.coowner);
    const answered = Date.now();
    const [event] = await events.waitFor(1, 1000);
    expect(Date.now() - answered).toBeLessThan(1000);
    expect(event!.sharingEvents).toMatchObject({
      kind: 'OWNER_ADDED',
      flowId: flow.id,
      principal: { id: t.users.coowner },
      flow: { id: flow.id },
    });
    events.stop();
  });

  it("over SSE, within a second of the mutation's response", async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv });
    const events = sseSubscribe(app.url, t.tokens.guest, MyEvents, {});
    await pause(300);
    await addOwner(flow.id, t.users.guest);
    const answered = Date.now();
    const [event] = await events.waitFor(1, 1000);
    expect(Date.now() - answered).toBeLessThan(1000);
    expect(event!.sharingEvents).toMatchObject({ kind: 'OWNER_ADDED', flowId: flow.id, principal: { id: t.users.guest } });
    events.stop();
  });
});

describe('resuming from a cursor', () => {
  it('delivers what happened while away, in order, once each, then goes on live', async () => {
    const u = await makeTenant(app);
    const flow = await flowOf(app, u.tokens.maker, { environmentId: u.defaultEnv });
    const first = client(u.tokens.guest).subscribe(MyEvents, { after: START });
    await addOwner(flow.id, u.users.guest, u.tokens.maker);
    const [added] = await first.waitFor(1);
    first.stop();

    // Away: removed, made run-only, removed again.
    ok(await app.gql(Owners, { input: { flowId: flow.id, remove: [u.users.guest] } }, u.tokens.maker));
    ok(await app.gql(RunOnly, { input: { flowId: flow.id, add: [u.users.guest] } }, u.tokens.maker));
    ok(await app.gql(RunOnly, { input: { flowId: flow.id, remove: [u.users.guest] } }, u.tokens.maker));

    const back = client(u.tokens.guest).subscribe(MyEvents, { after: added!.sharingEvents.cursor });
    await back.waitFor(3);
    await addOwner(flow.id, u.users.guest, u.tokens.maker);
    const all = await back.waitFor(4);
    await pause(300);
    expect(back.events).toHaveLength(4);
    expect(all.map((e) => e.sharingEvents.kind)).toEqual(['OWNER_REMOVED', 'RUN_ONLY_ADDED', 'RUN_ONLY_REMOVED', 'OWNER_ADDED']);
    const positions = all.map((e) => e.sharingEvents.cursor);
    expect(new Set(positions).size).toBe(4);
  });

  it('refuses a malformed cursor', async () => {
    const events = client(t.tokens.maker).subscribe(MyEvents, { after: 'not-a-cursor' });
    await events.ended();
    expect(events.errors[0]?.extensions?.code).toBe('INVALID_INPUT');
  });

  it('refuses more than 50 kinds, naming the argument', async () => {
    const events = client(t.tokens.maker).subscribe(MyEvents, { kinds: Array(51).fill('OWNER_ADDED') });
    await events.ended();
    expect(events.errors[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: ['kinds'] });
  });
});

describe('who hears what', () => {
  it('nobody of another tenant, nor of this tenant with no relation to the flow', async () => {
    const other = await makeTenant(app);
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv });
    const stranger = client(other.tokens.maker).subscribe(MyEvents, { after: START });
    const unrelated = client(t.tokens.outsider).subscribe(MyEvents, { after: START });
    const concerned = client(t.tokens.basic).subscribe(MyEvents, { after: START });
    await addOwner(flow.id, t.team);
    await concerned.waitFor(1);
    await pause(500);
    expect(stranger.events).toEqual([]);
    expect(unrelated.events).toEqual([]);
  });

  it('kinds filters the stream; copyReceived is COPY_RECEIVED only', async () => {
    const u = await makeTenant(app);
    const flow = await flowOf(app, u.tokens.maker, { environmentId: u.defaultEnv });
    const copies = client(u.tokens.guest).subscribe(Copies, { after: START });
    const removals = client(u.tokens.guest).subscribe(MyEvents, { after: START, kinds: ['OWNER_REMOVED'] });
    await addOwner(flow.id, u.users.guest, u.tokens.maker);
    ok(await app.gql(SendCopy, { input: { flowId: flow.id, recipientIds: [u.users.guest] } }, u.tokens.maker));
    await removeOwner(flow.id, u.users.guest, u.tokens.maker);
    const [copy] = await copies.waitFor(1);
    const [removal] = await removals.waitFor(1);
    await pause(300);
    expect(copies.events).toHaveLength(1);
    expect(copy!.copyReceived).toMatchObject({ kind: 'COPY_RECEIVED', copy: { id: expect.any(String) } });
    expect(removals.events).toHaveLength(1);
    expect(removal!.sharingEvents.kind).toBe('OWNER_REMOVED');
  });
});

describe('flowSharingEvents', () => {
  it("is for owners and admins; a removed owner's stream ends; deletion is the last event", async () => {
    const u = await makeTenant(app);
    const flow = await flowOf(app, u.tokens.maker, { environmentId: u.defaultEnv });
    await addOwner(flow.id, u.users.coowner, u.tokens.maker);
    ok(await app.gql(RunOnly, { input: { flowId: flow.id, add: [u.users.guest] } }, u.tokens.maker));
    const other = await makeTenant(app);

    const runOnly = client(u.tokens.guest).subscribe(FlowEvents, { flowId: flow.id });
    const stranger = client(other.tokens.admin).subscribe(FlowEvents, { flowId: flow.id });
    await Promise.all([runOnly.ended(), stranger.ended()]);
    expect(runOnly.errors[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
    expect(stranger.errors[0]?.extensions?.code).toBe('NOT_FOUND');

    const coowner = client(u.tokens.coowner).subscribe(FlowEvents, { flowId: flow.id, after: START });
    const admin = client(u.tokens.admin).subscribe(FlowEvents, { flowId: flow.id, after: START });
    await coowner.waitFor(2); // its own OWNER_ADDED and the guest's RUN_ONLY_ADDED, replayed
    await removeOwner(flow.id, u.users.coowner, u.tokens.maker);
    await coowner.ended();
    expect(coowner.events).toHaveLength(2);
    expect(coowner.errors[0]?.extensions?.code).toBe('NOT_AUTHORIZED');

    expect(ok(await app.gql(DeleteFlow, { input: { flowId: flow.id } }, u.tokens.maker)).deleteFlow.__typename).toBe('DeleteFlowSuccess');
    await admin.ended();
    expect(admin.completed).toBe(true);
    expect(admin.events.map((e) => e.flowSharingEvents.kind)).toEqual(['OWNER_ADDED', 'RUN_ONLY_ADDED', 'OWNER_REMOVED', 'FLOW_DELETED']);
  });
});

describe('environmentSharingEvents', () => {
  it('is for admins, and ends when the viewer stops being one', async () => {
    const u = await makeTenant(app);
    const refused = client(u.tokens.maker).subscribe(EnvironmentEvents, { environmentId: u.defaultEnv });
    await refused.ended();
    expect(refused.errors[0]?.extensions?.code).toBe('NOT_AUTHORIZED');

    const admin = client(u.tokens.admin).subscribe(EnvironmentEvents, { environmentId: u.defaultEnv, after: START });
    const flow = await flowOf(app, u.tokens.maker, { environmentId: u.defaultEnv });
    await addOwner(flow.id, u.users.guest, u.tokens.admin);
    const [event] = await admin.waitFor(1);
    expect(event!.environmentSharingEvents).toMatchObject({ kind: 'OWNER_ADDED', flowId: flow.id, actorRole: 'ADMIN' });

    // Another admin takes the role away; the next event ends the stream instead of reaching them.
    const setRole = (userId: string, role: 'ENVIRONMENT_ADMIN' | 'BASIC_USER', token: string) =>
      app.gql(SetRole, { input: { environmentId: u.defaultEnv, userId, role } }, token).then(ok);
    await setRole(u.users.coowner, 'ENVIRONMENT_ADMIN', u.tokens.admin);
    await setRole(u.users.admin, 'BASIC_USER', u.tokens.coowner);
    await addOwner(flow.id, u.users.basic, u.tokens.maker);
    await admin.ended();
    expect(admin.events).toHaveLength(1);
    expect(admin.errors[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
  });
});

describe('signing in', () => {
  it('closes a WebSocket without a token with 4401', async () => {
    const closed = new Promise<number>((resolve) => client(null, { onClosed: resolve }).subscribe(MyEvents, {}));
    expect(await closed).toBe(4401);
  });

  it('ends the stream when the token expires', async () => {
    const shortLived = await app.token(t.ext('coowner'), { expiresIn: '2s' });
    const events = client(shortLived).subscribe(MyEvents, {});
    await events.ended(6000);
    expect(events.errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringContaining('expired') });
  });
});

describe('log retention', () => {
  it('prunes old events; a cursor from before them gets CURSOR_EXPIRED, a later one resumes', async () => {
    // A database of its own: pruning moves a horizon that every subscriber of it shares.
    const own = await startTestApp({ databaseUrl: await isolatedDatabaseUrl() });
    let ws: ReturnType<typeof wsClient> | undefined;
    try {
      const u = await makeTenant(own);
      const flow = await flowOf(own, u.tokens.maker, { environmentId: u.defaultEnv });
      const cursors: string[] = [];
      for (const who of [u.users.guest, u.users.coowner, u.users.basic]) {
        const result = ok(await own.gql(Owners, { input: { flowId: flow.id, add: [who] } }, u.tokens.maker)).modifyFlowOwners;
        if (result.__typename !== 'ModifyFlowOwnersSuccess' || !result.eventCursor) throw new Error(JSON.stringify(result));
        cursors.push(result.eventCursor);
      }
      // The first two events are from 40 days ago.
      const old = await own.database.db
        .select({ position: sharingEvents.position })
        .from(sharingEvents)
        .orderBy(sharingEvents.position)
        .limit(2);
      await own.database.db
        .update(sharingEvents)
        .set({ occurredAt: new Date(Date.now() - 40 * 86_400_000) })
        .where(
          inArray(
            sharingEvents.position,
            old.map((o) => o.position),
          ),
        );
      expect(await pruneLog(own.database.db, new Date(Date.now() - 30 * 86_400_000))).toBe(2);
      expect(await own.database.db.select().from(sharingEvents).where(eq(sharingEvents.position, old[0]!.position))).toEqual([]);

      ws = wsClient(own.url, u.tokens.maker);
      const tooOld = ws.subscribe(MyEvents, { after: cursors[0] });
      await tooOld.ended();
      expect(tooOld.errors[0]).toMatchObject({ extensions: { code: 'CURSOR_EXPIRED' }, message: expect.stringContaining('re-query') });
      const fine = ws.subscribe(MyEvents, { after: cursors[1] });
      const [next] = await fine.waitFor(1);
      expect(next!.sharingEvents).toMatchObject({ kind: 'OWNER_ADDED', principal: { id: u.users.basic } });
      fine.stop();
    } finally {
      await ws?.close();
      await own.close();
    }
  });
});

describe('a token per operation (what GraphiQL sends in extensions.headers)', () => {
  it('signs that operation in as its user; a bad one is an error for the operation, not the connection', async () => {
    const asCoowner = await new Promise<unknown>((resolve, reject) => {
      const c = createClient({
        url: app.url.replace('http', 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${t.tokens.maker}` },
        retryAttempts: 0,
      });
      clients.push({ close: () => c.dispose() });
      c.subscribe(
        { query: '{ viewer { id } }', extensions: { headers: { Authorization: `Bearer ${t.tokens.coowner}` } } },
        { next: resolve, error: reject, complete: () => {} },
      );
    });
    expect(asCoowner).toEqual({ data: { viewer: { id: t.users.coowner } } });
    const bad = await new Promise<unknown>((resolve) => {
      const c = createClient({
        url: app.url.replace('http', 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${t.tokens.maker}` },
        retryAttempts: 0,
      });
      clients.push({ close: () => c.dispose() });
      c.subscribe(
        { query: '{ viewer { id } }', extensions: { headers: { authorization: 'Bearer forged' } } },
        { next: () => {}, error: resolve, complete: () => {} },
      );
    });
    expect(JSON.stringify(bad)).toContain('Not signed in');
  });
});

describe('keep-alive', () => {
  it('pings an idle WebSocket connection', async () => {
    const own = await startTestApp({ keepAliveMs: 200 });
    const u = await makeTenant(own);
    const socket = new WebSocket(own.url.replace('http', 'ws'), 'graphql-transport-ws');
    try {
      await new Promise((resolve) => socket.once('open', resolve));
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${u.tokens.maker}` } }));
      const pinged = await new Promise<boolean>((resolve) => {
        socket.once('ping', () => resolve(true));
        setTimeout(() => resolve(false), 2000);
      });
      expect(pinged).toBe(true);
    } finally {
      socket.close();
      await own.close();
    }
  });
});
