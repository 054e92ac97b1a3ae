// What the bulk use cases (S25) share: how a call is bounded, how its flows are locked, and
// how a refusal of one flow names that flow and refuses the whole call.
//
// Each bulk call is ONE transaction that calls the single-flow use cases (modifyFlowOwners,
// changePrimaryOwner, modifyRunOnlyUsers, replaceFlowConnection) for each flow: a transaction
// is a Db, so each of them runs in a savepoint of the bulk one, with its own rules and its own
// events, exactly as when called alone. The bulk call locks its environment and then all its
// flows (in id order, src/sharing/locks.ts) before the first change. The single-flow use cases'
// events are decided as each change is made and appended together at the call's end, under
// the log's append lock, which must be the last lock taken (S29).
import { inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/open.js';
import { flows } from '../../db/tables.js';
import { appendingEventsAtEnd } from '../../events/log.js';
import { assertWithinBulkLimit } from '../../policy/bulk.js';
import { DomainError } from '../../policy/errors.js';
import type { FlowRow } from '../access.js';
import { perhapsWithoutWriting } from '../dry-run.js';
import { lockEnvironments, lockFlows } from '../locks.js';

/** What the GraphQL layer tells a bulk call: its bound, and how to name a flow in a refusal. */
export type BulkOptions = {
  dryRun: boolean;
  /** The most flows one call may change (Limits.bulkFlows). */
  maxFlows: number;
  /** The input path that names a flow at fault, e.g. ['input', 'flows', '<flow global id>']. */
  flowField: (flowId: string) => string[];
};

/**
 * Runs a bulk call in one transaction, for real or rolled back (dryRun: the same code path,
 * so the dry run answers what the real call does, S25). Its events are appended together at
 * its end (appendingEventsAtEnd: the log's append lock is held for one insert, not for the
 * whole call); `lastPosition` is the last of them (null in a dry run: nothing was written).
 */
export function bulkTransaction<T extends { lastPosition: number | null }>(
  db: Db,
  options: BulkOptions,
  work: (tx: Tx) => Promise<Omit<T, 'lastPosition'>>,
): Promise<T> {
  return perhapsWithoutWriting(db, options.dryRun, async (tx) => {
    const { answer, lastPosition } = await appendingEventsAtEnd(tx, () => work(tx));
    return { ...answer, lastPosition: options.dryRun ? null : lastPosition } as T;
  });
}

/**
 * Refuses a call over the bound (INVALID_INPUT with the count, naming `field`), then locks the
 * environments and the flows, in that order. Returns the ids still there (a flow deleted
 * meanwhile is left out: it is no longer the call's to change).
 */
export async function boundAndLock(
  tx: Tx,
  candidates: readonly { id: string; environmentId: string }[],
  options: BulkOptions,
  field: string[],
): Promise<Set<string>> {
  assertWithinBulkLimit(candidates.length, options.maxFlows, field);
  await lockEnvironments(
    tx,
    candidates.map((c) => c.environmentId),
    'share',
  );
  return lockFlows(
    tx,
    candidates.map((c) => c.id),
    'update',
  );
}

/**
 * Runs one flow's change; a refusal refuses the whole call (the transaction rolls back), with
 * the flow named in the message and in `field` (the viewer sees the flow: S24).
 */
export async function forFlow<T>(flow: { id: string; displayName: string }, options: BulkOptions, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new DomainError(error.code, `Flow "${flow.displayName}": ${error.message}`, options.flowField(flow.id));
  }
}

/** The flows as they are now (inside the call's transaction), in id order. */
export async function flowsNow(tx: Tx, ids: Iterable<string>): Promise<FlowRow[]> {
  const list = [...new Set(ids)];
  if (list.length === 0) return [];
  const rows = await tx.select().from(flows).where(inArray(flows.id, list));
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The flows a call answers with. For real: as they are after the change. In a dry run nothing
 * was written, so each is shown as it is now (`before`): the lists say which flows the call
 * would change, and no field of theirs pretends the change happened.
 */
export async function flowsShown(
  tx: Tx,
  ids: Iterable<string>,
  options: Pick<BulkOptions, 'dryRun'>,
  before: (id: string) => FlowRow,
): Promise<FlowRow[]> {
  const now = await flowsNow(tx, ids);
  return options.dryRun ? now.map((f) => before(f.id)) : now;
}
