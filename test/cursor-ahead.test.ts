// A cursor past the end of the sharing log (issue 11, item 7): a position the log has not
// reached (a cursor saved before a restore from an older backup, say) used to be accepted and
// silently skip the next events. It is CURSOR_AHEAD on the log queries and on every
// subscription, over HTTP, graphql-ws and SSE; the log's own newest cursor still works.
import { max } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharingEvents } from '../src/db/tables.js';
import { encodeEventCursor } from '../src/events/cursor.js';
import { pruneLog } from '../src/events/retention.js';
import { graphql } from './gql/index.js';
import { isolatedDatabaseUrl, ok, startTestApp, type TestApp } from './support/app.js';
import { flowOf } from './support/fixtures.js';
import { sseSubscribe, wsClient } from './support/live.js';
import { makeTenant, type Tenant } from './support/tenant.js';

const LogPage = graphql(`
  query CursorLogPage($after: String, $before: String, $first: Int, $last: Int) {
    sharingEvents(after: $after, before: $before, first: $first, last: $last) { edges { cursor node { kind } } }
  }
`);
const EnvironmentLogPage = graphql(`
  query CursorEnvironmentLogPage($environmentId: ID!, $after: String) {
    environmentSharingEvents(environmentId: $environmentId, after: $after) { edges { cursor node { kind } } }
  }
`);
const Mine = graphql(`
  subscription CursorMine($after: String) { sharingEvents(after: $after) { cursor kind } }
`);
const CopiesOfMine = graphql(`
  subscription CursorCopies($after: String) { copyReceived(after: $after) { cursor kind } }
`);
const OfFlow = graphql(`
  subscription CursorOfFlow($flowId: ID!, $after: String) { flowSharingEvents(flowId: $flowId, after: $after) { cursor kind } }
`);
const OfEnvironment = graphql(`
  subscription CursorOfEnvironment($environmentId: ID!, $after: String) {
    environmentSharingEvents(environmentId: $environmentId, after: $after) { cursor kind }
  }
`);
const AddOwner = graphql(`
  mutation CursorAddOwner($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }
`);

// A database of its own: the log's end is exact only when no other test file writes to it.
let app: TestApp;
let t: Tenant;
let flowId: string;
beforeAll(async () => {
  app = await startTestApp({ databaseUrl: await isolatedDatabaseUrl() });
  t = await makeTenant(app);
  flowId = (await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv })).id;
  await addOwner(t.users.coowner);
});
afterAll(() => app?.close());

async function addOwner(who: string) {
  expect(ok(await app.gql(AddOwner, { input: { flowId, add: [who] } }, t.tokens.maker)).modifyFlowOwners.__typename).toBe(
    'ModifyFlowOwnersSuccess',
  );
}
async function head(): Promise<number> {
  const [row] = await app.database.db.select({ head: max(sharingEvents.position) }).from(sharingEvents);
  return row!.head!;
}
const ahead = async () => encodeEventCursor((await head()) + 1);

describe('the log queries', () => {
  it('refuse a cursor past the end of the log with CURSOR_AHEAD, as after or before', async () => {
    for (const args of [{ after: await ahead() }, { before: await ahead(), last: 10 }]) {
      const result = await app.gql(LogPage, args, t.tokens.coowner);
      expect(result.data?.sharingEvents ?? null).toBeNull();
      expect(result.errors?.[0]).toMatchObject({
        extensions: { code: 'CURSOR_AHEAD' },
        message: expect.stringContaining('past the end of the sharing log'),
      });
    }
    const result = await app.gql(EnvironmentLogPage, { environmentId: t.defaultEnv, after: await ahead() }, t.tokens.admin);
    expect(result.errors?.[0]?.extensions?.code).toBe('CURSOR_AHEAD');
  });

  it('accept the newest cursor of the log, and a cursor from the start', async () => {
    expect(ok(await app.gql(LogPage, { after: encodeEventCursor(await head()) }, t.tokens.coowner)).sharingEvents.edges).toEqual([]);
    const all = ok(await app.gql(LogPage, { after: encodeEventCursor(0) }, t.tokens.coowner)).sharingEvents.edges;
    expect(all.map((e) => e.node.kind)).toEqual(['OWNER_ADDED']);
  });
});

describe('every subscription', () => {
  it('refuses a cursor past the end of the log with CURSOR_AHEAD over graphql-ws', async () => {
    const ws = wsClient(app.url, t.tokens.admin);
    try {
      const after = await ahead();
      const streams = [
        ws.subscribe(Mine, { after }),
        ws.subscribe(CopiesOfMine, { after }),
        ws.subscribe(OfFlow, { flowId, after }),
        ws.subscribe(OfEnvironment, { environmentId: t.defaultEnv, after }),
      ];
      for (const stream of streams) {
        await stream.ended();
        expect(stream.events).toEqual([]);
        expect(stream.errors[0]).toMatchObject({ extensions: { code: 'CURSOR_AHEAD' } });
      }
    } finally {
      await ws.close();
    }
  });

  it('refuses it over SSE', async () => {
    const stream = sseSubscribe(app.url, t.tokens.coowner, Mine, { after: await ahead() });
    try {
      await stream.ended();
      expect(stream.errors[0]).toMatchObject({ extensions: { code: 'CURSOR_AHEAD' } });
    } finally {
      stream.stop();
    }
  });

  it('resumes from the newest cursor without losing the next event (the events a cursor ahead used to skip)', async () => {
    const ws = wsClient(app.url, t.tokens.maker);
    try {
      const stream = ws.subscribe(OfFlow, { flowId, after: encodeEventCursor(await head()) });
      await addOwner(t.users.guest);
      const [event] = await stream.waitFor(1);
      expect(event!.flowSharingEvents.kind).toBe('OWNER_ADDED');
      expect(stream.errors).toEqual([]);
      stream.stop();
    } finally {
      await ws.close();
    }
  });
});

describe('a log pruned to nothing', () => {
  it('still reaches as far as it was pruned: that cursor resumes, one past it is CURSOR_AHEAD, an older one CURSOR_EXPIRED', async () => {
    const newest = await head();
    expect(await pruneLog(app.database.db, new Date(Date.now() + 60_000))).toBeGreaterThan(0);
    expect(await app.database.db.select().from(sharingEvents)).toEqual([]);

    expect(ok(await app.gql(LogPage, { after: encodeEventCursor(newest) }, t.tokens.coowner)).sharingEvents.edges).toEqual([]);
    const past = await app.gql(LogPage, { after: encodeEventCursor(newest + 1) }, t.tokens.coowner);
    expect(past.errors?.[0]?.extensions?.code).toBe('CURSOR_AHEAD');
    const old = await app.gql(LogPage, { after: encodeEventCursor(newest - 1) }, t.tokens.coowner);
    expect(old.errors?.[0]).toMatchObject({ extensions: { code: 'CURSOR_EXPIRED' }, message: expect.stringContaining('re-query') });

    const ws = wsClient(app.url, t.tokens.coowner);
    try {
      const refused = ws.subscribe(Mine, { after: encodeEventCursor(newest + 1) });
      await refused.ended();
      expect(refused.errors[0]?.extensions?.code).toBe('CURSOR_AHEAD');
      const expired = ws.subscribe(Mine, { after: encodeEventCursor(newest - 1) });
      await expired.ended();
      expect(expired.errors[0]?.extensions?.code).toBe('CURSOR_EXPIRED');
      const resumed = ws.subscribe(Mine, { after: encodeEventCursor(newest) });
      await addOwner(t.users.basic);
      const [event] = await resumed.waitFor(1);
      expect(event!.sharingEvents.kind).toBe('OWNER_ADDED');
      resumed.stop();
    } finally {
      await ws.close();
    }
  });
});
