// Where a cursor stands against the log: before what the log still keeps (CURSOR_EXPIRED:
// events after it were pruned), past what the log has written (CURSOR_AHEAD: say a cursor
// saved before the database was restored from an older backup), or in it. Either refusal
// tells the client to start again from a fresh read, instead of a silent gap.
import { max, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { sharingEvents, sharingLogHorizon } from '../db/tables.js';

export type CursorRefusal = { code: 'CURSOR_EXPIRED' | 'CURSOR_AHEAD'; message: string };

const REQUERY = 're-query sharingEvents (or environmentSharingEvents) and subscribe after its newest cursor.';

/** Null when the log can go on from `position` with no gap; otherwise why not. */
export async function cursorRefusal(db: Db, position: number): Promise<CursorRefusal | null> {
  // One statement: the newest position written, and the newest pruned (which stays the
  // log's reach when everything has been pruned).
  const [row] = await db
    .select({
      head: max(sharingEvents.position),
      pruned: sql<number | null>`(select ${sharingLogHorizon.prunedThrough} from ${sharingLogHorizon})`.mapWith(Number),
    })
    .from(sharingEvents);
  const pruned = row?.pruned ?? 0;
  if (position < pruned) {
    return {
      code: 'CURSOR_EXPIRED',
      message: `This cursor is older than the sharing log keeps (events after it were pruned): ${REQUERY}`,
    };
  }
  if (position > Math.max(row?.head ?? 0, pruned)) {
    return {
      code: 'CURSOR_AHEAD',
      message: `This cursor is past the end of the sharing log (it names a position the log has not reached, as after a restore from an older backup): ${REQUERY}`,
    };
  }
  return null;
}
