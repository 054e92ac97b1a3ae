// Who may follow which sharing events live (the subscriptions): checked when a stream
// starts, and decided for each event in its own transaction (its audience, S28,
// src/events/audience.ts), so what a stream delivers is what its viewer could see then.
import type { Db } from '../db/open.js';
import type { EnvironmentRole, FlowAccess } from '../policy/access.js';
import { isEnvironmentAdmin } from '../policy/environments.js';
import { DomainError } from '../policy/errors.js';
import { assertMay, may } from '../policy/access.js';
import { flowWithAccess, type UserRow } from './access.js';
import { administeredEnvironment } from './environments.js';

/** A flow's stream is for its owners and its environment's admins (S3). */
export async function assertMayWatchFlow(db: Db, viewer: UserRow, flowId: string, field: string[]): Promise<void> {
  const found = await flowWithAccess(db, viewer, flowId);
  assertMay(found?.access, 'own', field, 'follow its sharing events');
}

/** The same rule as a predicate, for deciding an event's audience (no error made per person). */
export function mayWatchFlow(access: FlowAccess | undefined): boolean {
  return may(access, 'own');
}

/** An environment's stream is for its admins: the rule of assertMayWatchEnvironment, by role. */
export function mayWatchEnvironment(role: EnvironmentRole | null): boolean {
  return isEnvironmentAdmin(role);
}

/** An environment's stream is for its admins. */
export async function assertMayWatchEnvironment(db: Db, viewer: UserRow, environmentId: string, field: string[]): Promise<void> {
  await administeredEnvironment(db, viewer, environmentId, field, 'follow its sharing log');
}

/** The refusal to deliver, as an error ending the stream; null when delivery may go on. */
export async function refusal(check: () => Promise<void>, lost: string): Promise<Error | null> {
  try {
    await check();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return new DomainError('NOT_AUTHORIZED', lost);
    throw error;
  }
}
