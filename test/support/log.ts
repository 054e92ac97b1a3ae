// Events written straight to the sharing log (in one transaction, then the feed woken), for tests
// of what streams do with many of them: faster than as many mutations, and the same rows.
import { eq } from 'drizzle-orm';
import { environments } from '../../src/db/tables.js';
import { appendEvents, flowEvent, type NewSharingEvent } from '../../src/events/log.js';
import type { TestApp } from './app.js';
import { makeTenant, type Tenant } from './tenant.js';

export type Recipient = { t: Tenant; userId: string; environment: typeof environments.$inferSelect };

/** A new tenant's maker, to address events to, and its default environment. */
export async function newRecipient(app: TestApp): Promise<Recipient> {
  const t = await makeTenant(app);
  const [environment] = await app.database.db
    .select()
    .from(environments)
    .where(eq(environments.id, t.rows.environments.get('default')!));
  return { t, userId: t.rows.users.get('maker')!, environment: environment! };
}

/** What the events are: the flow's name, their kind, the connection they are about. */
export type Appended = { flowName?: string; kind?: NewSharingEvent['kind']; connectionId?: string };

/** `count` events to the recipient about one new flow, in one transaction, then the feed woken. */
export async function appendMany(app: TestApp, { userId, environment }: Recipient, count: number, what: Appended = {}) {
  const { flowName = 'Busy', kind = 'OWNER_ADDED', connectionId } = what;
  const flow = { id: crypto.randomUUID(), tenantId: environment.tenantId, environmentId: environment.id, displayName: flowName };
  const event = flowEvent(kind, flow, { id: null, level: 'NONE' }, { connectionId });
  await app.database.db.transaction((tx) =>
    appendEvents(
      tx,
      Array.from({ length: count }, () => ({ event, recipients: [userId] })),
    ),
  );
  await app.feed.wake();
}
