// A stream's limits, on a real database and the real feed: a reader that stops reading
// does not make the server hold events without bound.
import { setTimeout as pause } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environments } from '../src/db/tables.js';
import { appendEvents, flowEvent } from '../src/events/log.js';
import { MAX_BEHIND, replayThenLive } from '../src/events/stream.js';
import { startTestApp, type TestApp } from './support/app.js';
import { makeTenant } from './support/tenant.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

describe('a subscriber that does not keep up', () => {
  it(`is ended with the tooSlow error once ${MAX_BEHIND} events wait for it, after the ones it was sent`, async () => {
    const t = await makeTenant(app);
    const userId = t.rows.users.get('maker')!;
    const [environment] = await app.database.db
      .select()
      .from(environments)
      .where(eq(environments.id, t.rows.environments.get('default')!));
    const stream = replayThenLive({
      feed: app.feed,
      scope: { userId },
      after: null,
      replay: async () => [],
      tooSlow: () => new Error('too slow'),
    });
    const first = stream.next(); // starts the stream; nothing is read after this until the end

    await pause(100);
    const flow = { id: crypto.randomUUID(), tenantId: environment!.tenantId, environmentId: environment!.id, displayName: 'Busy' };
    const count = MAX_BEHIND + 200;
    await app.database.db.transaction((tx) =>
      appendEvents(
        tx,
        Array.from({ length: count }, () => ({ event: flowEvent('OWNER_ADDED', flow, { id: null, level: 'NONE' }), recipients: [userId] })),
      ),
    );
    await app.feed.wake();

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
});
