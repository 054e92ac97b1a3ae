// Reading the sharing log: the events addressed to a user, or every event of a flow or an
// environment, by position. Pages of the log queries and subscription replays both use it.
import { and, asc, count, desc, eq, gt, inArray, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { sharingEventRecipients, sharingEvents } from '../db/tables.js';
import type { EventRow, FeedScope } from './feed.js';

export type LogRange = {
  after?: number | null;
  before?: number | null;
  limit: number;
  /** Newest first (for `last`/`before` pages). */
  descending?: boolean;
  kinds?: readonly EventRow['kind'][] | null;
};

function scoped(db: Db, scope: FeedScope) {
  if ('userId' in scope) {
    return {
      position: sharingEventRecipients.position,
      where: eq(sharingEventRecipients.userId, scope.userId),
      from: () =>
        db
          .select({ event: sharingEvents })
          .from(sharingEventRecipients)
          .innerJoin(sharingEvents, eq(sharingEvents.position, sharingEventRecipients.position)),
      count: () => db.select({ n: count() }).from(sharingEventRecipients),
    };
  }
  return {
    position: sharingEvents.position,
    where: 'flowId' in scope ? eq(sharingEvents.flowId, scope.flowId) : eq(sharingEvents.environmentId, scope.environmentId),
    from: () => db.select({ event: sharingEvents }).from(sharingEvents),
    count: () => db.select({ n: count() }).from(sharingEvents),
  };
}

export async function readLog(db: Db, scope: FeedScope, range: LogRange): Promise<EventRow[]> {
  const s = scoped(db, scope);
  const conditions: (SQL | undefined)[] = [
    s.where,
    range.after == null ? undefined : gt(s.position, range.after),
    range.before == null ? undefined : lt(s.position, range.before),
    range.kinds?.length ? inArray(sharingEvents.kind, [...range.kinds]) : undefined,
  ];
  const rows = await s
    .from()
    .where(and(...conditions))
    .orderBy(range.descending ? desc(s.position) : asc(s.position))
    .limit(range.limit);
  return rows.map((r) => r.event);
}

export async function countLog(db: Db, scope: FeedScope): Promise<number> {
  const s = scoped(db, scope);
  const [row] = await s.count().where(s.where);
  return row!.n;
}
