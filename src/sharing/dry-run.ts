// Dry runs and previews: the real operation, in a transaction that is always rolled back.
// What it answers is what the real call would do, because it is the real call (S25): one
// code path, no second model of the rules to keep in step.
import type { Db, Tx } from '../db/open.js';
import { discardingEvents } from '../events/log.js';

/** Carries the work's answer out of the transaction it rolls back. */
class RolledBack<T> extends Error {
  constructor(readonly answer: T) {
    super('dry run: rolled back');
  }
}

/**
 * Runs `work` in a transaction and rolls it back whatever happens: answers what `work`
 * returned, or throws what it threw. Its events are decided (audiences read) but never
 * appended (discardingEvents), so no stream ever sees them and the log's append lock is not
 * held while it runs.
 */
export async function withoutWriting<T>(db: Db | Tx, work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    await db.transaction(async (tx) => {
      throw new RolledBack(await discardingEvents(() => work(tx)));
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.answer as T;
    throw error;
  }
  throw new Error('unreachable: the dry run transaction always rolls back');
}

/** `work` for real (`dryRun` false) or without writing; the same code path either way. */
export function perhapsWithoutWriting<T>(db: Db, dryRun: boolean, work: (tx: Tx) => Promise<T>): Promise<T> {
  return dryRun ? withoutWriting(db, work) : db.transaction(work);
}
