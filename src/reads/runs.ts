// A flow's runs, newest first: every run, or only those one user started.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { flowRuns } from '../db/tables.js';
import { newestFirst } from './pagination.js';

/**
 * The runs of a flow a viewer sees: all of them with `everyRun` (they see the run history),
 * otherwise those they invoked, and none without a viewer. Who sees what is decided by the
 * caller (policy/access.ts's canViewRunHistory); this only lists.
 */
export function runsOfFlow(db: Db, flowId: string, seenBy: { everyRun: boolean; viewerId: string | null }) {
  const invokedBy = seenBy.viewerId ? eq(flowRuns.invokerId, seenBy.viewerId) : sql`false`;
  return newestFirst(db, flowRuns, and(eq(flowRuns.flowId, flowId), seenBy.everyRun ? undefined : invokedBy), 'startedAt');
}
