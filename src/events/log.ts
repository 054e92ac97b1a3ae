// The sharing log: events are appended inside the transaction of the change they record
// (a transactional outbox), so an event exists if and only if its change committed.
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/open.js';
import { sharingEventRecipients, sharingEvents } from '../db/tables.js';
import { decideAudiences } from './audience.js';

export type NewSharingEvent = Omit<typeof sharingEvents.$inferInsert, 'position' | 'occurredAt' | 'watchers' | 'admins'>;

/** An event about a flow, by an actor acting with their access level (OWNER, or ADMIN). */
export function flowEvent(
  kind: NewSharingEvent['kind'],
  flow: { id: string; tenantId: string; environmentId: string; displayName: string },
  actor: { id: string | null; level: NewSharingEvent['actorRole'] },
  about: { principal?: { kind: 'USER' | 'GROUP' | 'LIST'; id: string }; copyId?: string; connectionId?: string } = {},
): NewSharingEvent {
  return {
    kind,
    tenantId: flow.tenantId,
    environmentId: flow.environmentId,
    flowId: flow.id,
    flowDisplayName: flow.displayName,
    actorId: actor.id,
    actorRole: actor.level,
    principalKind: about.principal?.kind ?? null,
    principalId: about.principal?.id ?? null,
    copyId: about.copyId ?? null,
    connectionId: about.connectionId ?? null,
  };
}

// Any fixed number, the same in every flowshare process.
const LOG_APPEND_LOCK = 727_002;

/**
 * Appends events with their recipients (user ids) and their audience (who could follow the
 * flow's stream now, S28: audience.ts); returns the last position written.
 */
export async function appendEvents(
  tx: Tx,
  events: { event: NewSharingEvent; recipients: Iterable<string> }[],
): Promise<number | null> {
  if (events.length === 0) return null;
  // Decided before the append lock, which every writer waits for: it is held for the inserts only.
  const audiences = await decideAudiences(tx, events);
  // Positions come from a sequence, which hands them out at insert time, not commit time.
  // Appending under a transaction-scoped lock makes the order of positions the order of
  // commits, so a reader that has seen position N can never later find a smaller one.
  await tx.execute(sql`select pg_advisory_xact_lock(${LOG_APPEND_LOCK})`);
  const written = await tx
    .insert(sharingEvents)
    .values(events.map((e) => ({ ...e.event, ...audiences.get(e.event.flowId) })))
    .returning({ position: sharingEvents.position });
  const recipients = written.flatMap(({ position }, i) =>
    [...new Set(events[i]!.recipients)].map((userId) => ({ userId, position })),
  );
  if (recipients.length > 0) await tx.insert(sharingEventRecipients).values(recipients);
  return Math.max(...written.map((w) => w.position));
}
