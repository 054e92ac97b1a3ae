// A reader that never reads is dropped (issue 11, item 9), over SSE and WebSocket alike, while a
// reader that keeps up goes on receiving every event.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from 'graphql';
import { startTestApp, type TestApp } from './support/app.js';
import { TryModifyFlowOwners } from './support/documents.js';
import { flowOf } from './support/fixtures.js';
import { sseSubscribe, until } from './support/live.js';
import { appendMany, newRecipient } from './support/log.js';
import { makeTenant, type Tenant } from './support/tenant.js';

const STALLED_MS = 1000;
// Each event carries the flow's 500 long action names ten times over (about 1.3 MB), so a few
// events fill any socket buffer of a reader that doesn't read.
const HEAVY = `subscription { sharingEvents { kind flow { ${Array.from({ length: 10 }, (_, i) => `a${i}: actions { name }`).join(' ')} } } }`;

let app: TestApp;
let t: Tenant;
let flowId: string;

beforeAll(async () => {
  app = await startTestApp({ server: { slowReaderMs: STALLED_MS } });
  t = await makeTenant(app);
  const actions = Array.from({ length: 500 }, (_, i) => ({ name: `${String(i).padStart(3, '0')} ${'x'.repeat(250)}` }));
  flowId = (await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, actions })).id;
});
afterAll(() => app.close());

/** Owner changes on the heavy flow: each one an event for its owner. */
async function churn(times: number) {
  for (let i = 0; i < times; i++) {
    const change = i % 2 === 0 ? { add: [t.users.coowner] } : { remove: [t.users.coowner] };
    const result = await app.gql(TryModifyFlowOwners, { input: { flowId, ...change } }, t.tokens.maker);
    expect(result.data?.modifyFlowOwners.__typename).toBe('ModifyFlowOwnersSuccess');
  }
}

it('drops an SSE reader that stops reading, and keeps one that reads', async () => {
  const { port } = app.server;
  const body = JSON.stringify({ query: HEAVY });
  const stalled = connect(port, '127.0.0.1');
  await new Promise((resolve) => stalled.once('connect', resolve));
  stalled.pause(); // never reads a byte
  const closed = new Promise((resolve) => stalled.once('close', resolve));
  stalled.write(
    `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nContent-Type: application/json\r\n` +
      `Authorization: Bearer ${t.tokens.maker}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  const keepsUp = sseSubscribe(app.url, t.tokens.maker, parse(HEAVY), {});
  await until(() => app.feed.subscriptionCount === 2, 'both subscriptions', 5000);

  await churn(12);
  await until(() => app.feed.subscriptionCount === 1, 'the stalled reader to be dropped', 15_000);
  await keepsUp.waitFor(12, 15_000);
  expect(keepsUp.errors).toEqual([]);
  stalled.resume(); // reads what was sent before the server closed it, then the end
  await closed;
  keepsUp.stop();
});

it('drops a WebSocket reader that stops reading', async () => {
  await until(() => app.feed.subscriptionCount === 0, 'no subscription left', 5000);
  const socket = new WebSocket(app.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const closed = new Promise((resolve) => socket.once('close', resolve));
  const acked = new Promise((resolve) => socket.once('message', resolve));
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${t.tokens.maker}` } }));
  await acked;
  socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: HEAVY } }));
  await until(() => app.feed.subscriptionCount === 1, 'the subscription', 5000);
  socket.pause(); // never reads again

  await churn(12);
  await until(() => app.feed.subscriptionCount === 0, 'the stalled WebSocket to be dropped', 15_000);
  socket.resume();
  await closed;
});

it('goes on sending to a WebSocket reader that fell behind for a moment, with events under a socket high-water mark', async () => {
  await until(() => app.feed.subscriptionCount === 0, 'no subscription left', 5000);
  const recipient = await newRecipient(app);
  // About 12 KB an event: less than the 16 KiB past which a socket asks its writer to wait for
  // 'drain'. The first event that backs up leaves less than that buffered, and no 'drain' follows.
  const flowName = 'x'.repeat(12_000);
  // The server's end of the connection, seen as it is accepted, to know when its output backs up.
  const accepted: Socket[] = [];
  const onAccepted = (message: unknown) => void accepted.push((message as { socket: Socket }).socket);
  subscribe('net.server.socket', onAccepted);
  const socket = new WebSocket(app.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject)).finally(() =>
    unsubscribe('net.server.socket', onAccepted),
  );
  const clientEnd = (socket as unknown as { _socket: Socket })._socket;
  const serverEnd = accepted.find((s) => s.remotePort === clientEnd.localPort)!;
  const messages: { type: string; payload?: { data?: { sharingEvents: { cursor: string } } } }[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${recipient.t.tokens.maker}` } }));
  await until(() => messages.length === 1, 'connection_ack', 5000);
  socket.send(
    JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { sharingEvents { cursor flowDisplayName } }' } }),
  );
  await until(() => app.feed.subscriptionCount === 1, 'the subscription', 5000);

  socket.pause(); // the reader falls behind...
  let appended = 0;
  while (serverEnd.writableLength === 0) {
    if (appended >= 900) throw new Error(`the server's output never backed up after ${appended} events`);
    await appendMany(app, recipient, 50, { flowName });
    appended += 50;
    await sleep(20);
  }
  socket.resume(); // ...and reads again, well within the time a stalled reader is given
  await appendMany(app, recipient, 10, { flowName });
  appended += 10;

  const events = () => messages.filter((m) => m.type === 'next');
  await until(
    () => events().length === appended,
    () => `all ${appended} events (${events().length} came)`,
    15_000,
  );
  expect(messages.filter((m) => m.type !== 'next' && m.type !== 'connection_ack')).toEqual([]);
  const cursors = events().map((m) => m.payload?.data?.sharingEvents.cursor);
  expect(new Set(cursors).size).toBe(appended);
  socket.terminate();
});
