// The sharing log: events are appended inside the transaction of the change they record
// (a transactional outbox), so an event exists if and only if its change committed.
import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/open.js';
import { sharingEventRecipients, sharingEvents } from '../db/tables.js';
import { plainRows, tableName } from '../reads/plain.js';
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

type DecidedEvent = { row: typeof sharingEvents.$inferInsert; recipients: Iterable<string> };

/**
 * Events decided inside appendingEventsAtEnd's work, waiting for its end to be appended; or,
 * inside discardingEvents' work, dropped (`discard`).
 */
const pendingAppends = new AsyncLocalStorage<{ events: DecidedEvent[]; discard: boolean }>();

/**
 * Appends events with their recipients (user ids) and their audience (who could follow the
 * flow's stream now, S28: audience.ts); returns the last position written (null inside
 * appendingEventsAtEnd, which appends them later).
 */
export async function appendEvents(tx: Tx, events: { event: NewSharingEvent; recipients: Iterable<string> }[]): Promise<number | null> {
  if (events.length === 0) return null;
  // Decided before the append lock, which every writer waits for: it is held for the inserts only.
  const audiences = await decideAudiences(tx, events);
  const decided = events.map((e) => ({ row: { ...e.event, ...audiences.get(e.event.flowId) }, recipients: e.recipients }));
  const pending = pendingAppends.getStore();
  if (pending) {
    if (!pending.discard) pending.events.push(...decided);
    return null;
  }
  return insertUnderLock(tx, decided);
}

/**
 * Runs `work` (many changes in one transaction: the bulk mutations) with its events decided as
 * each change is made (audience as of that change) but appended together at its end: the log's
 * append lock, which every writer of every process waits for, is then held for one insert, not
 * for the whole of a long transaction. Only for work that rolls back whole on any error (an
 * event of a rolled-back savepoint would otherwise be appended). Returns the last position.
 */
export async function appendingEventsAtEnd<T>(tx: Tx, work: () => Promise<T>): Promise<{ answer: T; lastPosition: number | null }> {
  if (pendingAppends.getStore()?.discard) return { answer: await work(), lastPosition: null };
  const pending = { events: [] as DecidedEvent[], discard: false };
  const answer = await pendingAppends.run(pending, work);
  return { answer, lastPosition: pending.events.length === 0 ? null : await insertUnderLock(tx, pending.events) };
}

/**
 * Runs `work` (a dry run or a preview, in a transaction that is rolled back) with its events
 * decided but never appended: the log's append lock, which every writer waits for, is not taken
 * by work that will write nothing.
 */
export function discardingEvents<T>(work: () => Promise<T>): Promise<T> {
  return pendingAppends.run({ events: [], discard: true }, work);
}

async function insertUnderLock(tx: Tx, events: DecidedEvent[]): Promise<number> {
  // Positions come from a sequence, which hands them out at insert time, not commit time.
  // Appending under a transaction-scoped lock makes the order of positions the order of
  // commits, so a reader that has seen position N can never later find a smaller one.
  await tx.execute(sql`select pg_advisory_xact_lock(${LOG_APPEND_LOCK})`);
  let last = 0;
  // In slices: one statement takes at most 65,535 parameters (a bulk call appends thousands of events).
  for (let start = 0; start < events.length; start += EVENTS_PER_INSERT) {
    const slice = events.slice(start, start + EVENTS_PER_INSERT);
    const written = await tx
      .insert(sharingEvents)
      .values(slice.map((e) => e.row))
      .returning({ position: sharingEvents.position });
    // Recipients as two arrays (user, position) unnested by PostgreSQL: an event to a group of
    // thousands is thousands of rows, which the query builder would build value by value.
    const userIds: string[] = [];
    const positions: number[] = [];
    for (const [i, { position }] of written.entries()) {
      for (const userId of new Set(slice[i]!.recipients)) {
        userIds.push(userId);
        positions.push(position);
      }
    }
    for (let from = 0; from < userIds.length; from += RECIPIENTS_PER_INSERT) {
      const to = from + RECIPIENTS_PER_INSERT;
      await plainRows(tx as unknown as Db, 'append_recipients', RECIPIENTS_SQL, [userIds.slice(from, to), positions.slice(from, to)]);
    }
    last = Math.max(last, ...written.map((w) => w.position));
  }
  return last;
}

const EVENTS_PER_INSERT = 1_000;
const RECIPIENTS_PER_INSERT = 50_000;
const RECIPIENTS_SQL = `insert into ${tableName(sharingEventRecipients)} ("${sharingEventRecipients.userId.name}", "${sharingEventRecipients.position.name}")
select * from unnest($1::uuid[], $2::bigint[])`;
