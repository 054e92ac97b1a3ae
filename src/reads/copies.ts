// Flow copies as lists: those sent to a user (Templates > Shared with me), and those a user
// sent, newest first.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { flowCopies } from '../db/tables.js';
import { newestFirst } from './pagination.js';

/** The copies sent to the user, newest sent first. */
export function copiesReceivedBy(db: Db, userId: string) {
  return newestFirst(db, flowCopies, eq(flowCopies.recipientId, userId), 'sentAt');
}

/** The copies the user sent, newest sent first. */
export function copiesSentBy(db: Db, userId: string) {
  return newestFirst(db, flowCopies, eq(flowCopies.senderId, userId), 'sentAt');
}
