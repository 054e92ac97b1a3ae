// Flow copies as lists: those sent to a user (Templates > Shared with me), newest first.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { flowCopies } from '../db/tables.js';
import { newestFirst } from './pagination.js';

/** The copies sent to the user, newest sent first. */
export function copiesReceivedBy(db: Db, userId: string) {
  return newestFirst(db, flowCopies, eq(flowCopies.recipientId, userId), 'sentAt');
}
