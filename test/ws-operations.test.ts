// An operation's results go to that operation alone: once the client completes it, a result still
// being made is dropped, and never sent under the id when the client reuses it (graphql-transport-ws
// lets a client subscribe again with the id of an operation it completed).
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { parseGlobalId } from '../src/graphql/ids.js';
import { startTestApp, type TestApp } from './support/app.js';
import { connectionOf } from './support/fixtures.js';
import { until } from './support/live.js';
import { appendMany, newRecipient } from './support/log.js';

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app?.close());

// PostgreSQL only: a second connection holds a lock that the result's execution waits on, so the
// result is in flight, deterministically, when the client completes (PGlite has one connection).
describe.runIf(process.env.DATABASE_URL)('a WebSocket operation completed while a result is in flight', () => {
  it('drops that result: the operation the client then starts under the same id gets only its own', async () => {
    const recipient = await newRecipient(app);
    const { t } = recipient;
    const connectionGid = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.sharepoint });

    const socket = new WebSocket(app.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const messages: { id?: string; type: string; payload?: { data?: { sharingEvents: Record<string, unknown> } } }[] = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    const subscribe = (query: string) => socket.send(JSON.stringify({ id: 'reused', type: 'subscribe', payload: { query } }));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${t.tokens.maker}` } }));
    await until(() => messages.length === 1, 'connection_ack');
    subscribe('subscription { sharingEvents { cursor connection { displayName } } }');
    await until(() => app.feed.subscriptionCount === 1, 'the first subscription');

    // The connections table held: the event's `connection` waits for it.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holding = app.database.db.transaction(async (tx) => {
      await tx.execute(sql`lock table connections in access exclusive mode`);
      locked();
      await released;
    });
    await isLocked;
    const connectionId = parseGlobalId(connectionGid)!.id;
    await appendMany(app, recipient, 1, { flowName: 'Attention', kind: 'CONNECTION_NEEDS_ATTENTION', connectionId });
    const waitingOnTheLock = async () => {
      const rows = await app.database.db.execute<{ n: number }>(sql`select count(*)::int as n from pg_locks where not granted`);
      return (rows as unknown as { n: number }[])[0]!.n > 0;
    };
    await until(waitingOnTheLock, "the event's execution waiting on the lock");

    socket.send(JSON.stringify({ id: 'reused', type: 'complete' }));
    subscribe('subscription { sharingEvents { cursor flowDisplayName } }');
    await sleep(200); // both messages handled
    release();
    await holding;
    await appendMany(app, recipient, 1, { flowName: 'After' });

    await until(() => messages.some((m) => m.payload?.data?.sharingEvents.flowDisplayName === 'After'), 'the new operation’s event');
    await sleep(200); // anything else in flight lands
    const results = messages.filter((m) => m.type === 'next').map((m) => [m.id, m.payload?.data?.sharingEvents]);
    expect(results).toEqual([['reused', { cursor: expect.any(String), flowDisplayName: 'After' }]]);
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    socket.terminate();
  });
});
