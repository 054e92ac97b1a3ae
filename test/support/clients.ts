// The scene every client test (test/client-*.test.ts) plays against a real server: a fresh
// tenant whose maker has three flows, and a co-owner-to-be who listens for the maker sharing
// one of them. Each client then pages the flows, renames one and hears the share its own way.
import { encodeEventCursor } from '../../src/events/cursor.js';
import type { TestApp } from './app.js';
import { flowOf } from './fixtures.js';
import { makeTenant, type Tenant } from './tenant.js';

/**
 * The log's very beginning. A subscription that replays from it cannot miss an event made
 * just after it was sent (there is no "subscribed" acknowledgement to wait for), and in a
 * fresh tenant the listener has no earlier events: the first one it hears is the share.
 */
export const LOG_START = encodeEventCursor(0);

export type ClientScene = {
  t: Tenant;
  /** The maker's flows, oldest first. */
  flows: { id: string; displayName: string }[];
};

export async function clientScene(app: TestApp): Promise<ClientScene> {
  const t = await makeTenant(app);
  const flows: ClientScene['flows'] = [];
  for (const n of [1, 2, 3]) {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, displayName: `Flow ${n} ${t.tag}` });
    flows.push({ id: flow.id, displayName: flow.displayName });
  }
  return { t, flows };
}

/**
 * The first value a push-style source delivers, or a rejection after `timeoutMs`.
 * `start(next, fail)` subscribes and returns how to unsubscribe; it is unsubscribed either way.
 */
export function firstValue<T>(
  start: (next: (value: T) => void, fail: (error: unknown) => void) => () => void,
  timeoutMs = 5000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let stop: (() => void) | undefined;
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      finish();
      stop?.();
    };
    const timer = setTimeout(() => settle(() => reject(new Error(`no value within ${timeoutMs} ms`))), timeoutMs);
    const fail = (error: unknown) => settle(() => reject(error instanceof Error ? error : new Error(JSON.stringify(error))));
    try {
      stop = start((value) => settle(() => resolve(value)), fail);
    } catch (error) {
      fail(error);
      return;
    }
    // The source called back before `start` returned its stop function.
    if (settled) stop();
  });
}
