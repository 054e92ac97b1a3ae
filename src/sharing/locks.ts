// Row locks, taken in ONE order everywhere (S29), so two transactions never wait on each other
// in a cycle (a deadlock):
//
//   1. environments  (lockEnvironments: by id; FOR SHARE by a flow change, FOR UPDATE by an
//                     admin change to the environment: setDlpPolicy, setEnvironmentRole)
//   2. flows         (lockFlows: by id; FOR UPDATE to change one, FOR SHARE / KEY SHARE to read
//                     one that must not change or vanish meanwhile: a run, a copy)
//   3. grants        (owner and run-only grants; the expiry sweeper claims them SKIP LOCKED)
//   4. the sharing log's append lock (appendEvents), always last: nothing is locked after it.
//
// A use case that needs a later lock never goes back for an earlier one: a flow change that
// will read the environment (DLP, roles) takes the environment's lock before the flow's
// (flowWithAccess with `lock`). Inserting a row that refers to an environment or a flow takes
// KEY SHARE on it (the foreign key); a flow change holds its environment FOR SHARE already.
// What still meets a deadlock or a serialization failure is retried by attempt()
// (src/graphql/errors.ts) before it answers CONFLICT.
import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { environments, flows } from '../db/tables.js';

export type RowLock = 'update' | 'no key update' | 'share' | 'key share';

/** Locks environments in id order; returns the ids that still exist. */
export async function lockEnvironments(tx: Db, ids: Iterable<string>, mode: RowLock): Promise<Set<string>> {
  const sorted = [...new Set(ids)].sort();
  if (sorted.length === 0) return new Set();
  const rows = await tx
    .select({ id: environments.id })
    .from(environments)
    .where(inArray(environments.id, sorted))
    .orderBy(asc(environments.id))
    .for(mode);
  return new Set(rows.map((r) => r.id));
}

/** One environment's lock; false if it is gone. */
export async function lockEnvironment(tx: Db, id: string, mode: RowLock): Promise<boolean> {
  return (await lockEnvironments(tx, [id], mode)).has(id);
}

/**
 * Locks flows in id order (after their environments: see above); returns the ids that still
 * exist. A flow deleted meanwhile is absent once its deleter commits: the caller answers
 * NOT_FOUND.
 */
export async function lockFlows(tx: Db, ids: Iterable<string>, mode: RowLock): Promise<Set<string>> {
  const sorted = [...new Set(ids)].sort();
  if (sorted.length === 0) return new Set();
  const rows = await tx.select({ id: flows.id }).from(flows).where(inArray(flows.id, sorted)).orderBy(asc(flows.id)).for(mode);
  return new Set(rows.map((r) => r.id));
}
