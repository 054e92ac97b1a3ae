// A stream's limits, on a real database and the real feed: a reader that stops reading
// does not make the server hold events without bound.
import { setTimeout as pause } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventRow } from '../src/events/feed.js';
import type { EventQueue } from '../src/events/queue.js';
import { MAX_BEHIND, replayThenLive, type StreamEnd } from '../src/events/stream.js';
import { startTestApp, type TestApp } from './support/app.js';
import { appendMany, newRecipient } from './support/log.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

describe('a subscriber that does not keep up', () => {
  it(`is ended with the tooSlow error once ${MAX_BEHIND} events wait for it, after the ones it was sent`, async () => {
    const recipient = await newRecipient(app);
    const stream = liveStream(recipient.userId);
    const first = stream.next(); // starts the stream; nothing is read after this until the end

    await pause(100);
    const count = MAX_BEHIND + 200;
    await appendMany(app, recipient, count);

    const received: unknown[] = [(await first).value];
    for (let next = await stream.next(); !next.done; next = await stream.next()) received.push(next.value);
    const last = received.at(-1) as { end?: Error };
    expect(last.end?.message).toBe('too slow');
    const events = received.slice(0, -1) as { position: number }[];
    expect(events.length).toBeGreaterThan(0);
    expect(events.length).toBeLessThan(count);
    // What was sent is in order with no gap: the reader resumes from the last one's cursor.
    for (const [i, e] of events.entries()) if (i > 0) expect(e.position).toBe(events[i - 1]!.position + 1);
  });

  it('the same when it listens (the WebSocket transport): while its sink has not taken an event, what follows waits, up to the limit', async () => {
    const recipient = await newRecipient(app);
    const stream = liveStream(recipient.userId) as EventQueue<EventRow | StreamEnd>;
    const received: (EventRow | StreamEnd)[] = [];
    let drain!: () => void;
    const drained = new Promise<void>((resolve) => (drain = resolve));
    // The first event is not taken until `drain` (a socket whose output is backed up); the rest are taken at once.
    const listening = stream.listen((value) => {
      received.push(value);
      return received.length === 1 ? drained : undefined;
    });

    await pause(100);
    const count = MAX_BEHIND + 200;
    await appendMany(app, recipient, count);
    expect(received).toHaveLength(1); // the rest wait behind the first
    drain();
    await listening;
    const last = received.at(-1) as StreamEnd;
    expect(last.end?.message).toBe('too slow');
    // What it was handed before the end, in order; nothing after the end. (Events held when the
    // stream ends are dropped, as when it iterates: the reader resumes from its last cursor.)
    const events = received.slice(0, -1) as EventRow[];
    expect(events.length).toBeGreaterThan(0);
    expect(events.length).toBeLessThan(count);
    expect(events.every((e) => 'position' in e)).toBe(true);
    for (const [i, e] of events.entries()) if (i > 0) expect(e.position).toBe(events[i - 1]!.position + 1);
  });
});

/** A live stream of the user's events that ends with 'too slow'. */
function liveStream(userId: string) {
  return replayThenLive({ feed: app.feed, scope: { userId }, after: null, replay: async () => [], tooSlow: () => new Error('too slow') });
}
