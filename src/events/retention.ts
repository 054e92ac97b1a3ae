// Log retention: events older than the retention window are deleted, and the horizon
// remembers the newest position deleted, so a cursor from before it gets a clear error
// instead of a silent gap (range.ts). Safe with several processes: deletes are idempotent
// and the horizon only moves forward.
import { inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { sharingEvents, sharingLogHorizon } from '../db/tables.js';

const BATCH = 5_000;

/** Deletes events older than `cutoff` (in batches); returns how many went. */
export async function pruneLog(db: Db, cutoff: Date): Promise<number> {
  let pruned = 0;
  for (;;) {
    const deleted = await db.transaction(async (tx) => {
      const old = tx
        .select({ position: sharingEvents.position })
        .from(sharingEvents)
        .where(lt(sharingEvents.occurredAt, cutoff))
        .orderBy(sharingEvents.position)
        .limit(BATCH);
      const rows = await tx
        .delete(sharingEvents)
        .where(inArray(sharingEvents.position, old))
        .returning({ position: sharingEvents.position });
      if (rows.length > 0) {
        const newest = Math.max(...rows.map((r) => r.position));
        await tx
          .insert(sharingLogHorizon)
          .values({ prunedThrough: newest, prunedAt: new Date() })
          .onConflictDoUpdate({
            target: sharingLogHorizon.id,
            set: { prunedThrough: sql`greatest(${sharingLogHorizon.prunedThrough}, ${newest})`, prunedAt: new Date() },
          });
      }
      return rows.length;
    });
    pruned += deleted;
    if (deleted < BATCH) return pruned;
  }
}
