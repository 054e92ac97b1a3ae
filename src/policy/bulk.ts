// Bulk changes (S25): which flows one call covers, and what it does to each. The changes
// themselves are the single-flow use cases', so their rules (S2, S4, S5, S13, S14, S16, S20)
// are not restated here; this file decides only what is particular to doing many at once.
import type { AccessLevel } from './access.js';
import { DomainError } from './errors.js';

/** S25: a call that would touch more flows than the configured maximum is refused whole. */
export function assertWithinBulkLimit(count: number, max: number, field: string[]): void {
  if (count > max) {
    throw new DomainError(
      'INVALID_INPUT',
      `This would change ${count.toLocaleString('en-US')} flows, more than the ${max.toLocaleString('en-US')} one call may change: narrow it, or ask for a higher FLOWSHARE_MAX_BULK_FLOWS.`,
      field,
    );
  }
}

/** reassignFlows and replaceConnectionEverywhere name two different things; the same one twice is a mistake. */
export function assertDifferent(a: string, b: string, what: string, field: string[]): void {
  if (a === b) throw new DomainError('INVALID_INPUT', `${what}: name two different ones.`, field);
}

/** One flow as reassignFlows sees it: its primary owner, and whether fromUser holds a live direct owner grant. */
export type ReassignFacts = { solutionAware: boolean; primaryOwnerId: string; fromHoldsDirectGrant: boolean };
export type ReassignStep = {
  /** S13: solution-aware flows fromUser was primary owner of get toUser as primary owner (changePrimaryOwner). */
  changePrimaryOwner: boolean;
  /** Every other flow gets toUser as co-owner (modifyFlowOwners add); a no-op where they are one already. */
  addCoOwner: boolean;
  /** removeFromUser: fromUser's direct grant goes, unless fromUser stays primary owner (S4: non-solution-aware flows). */
  removeFromUser: boolean;
};

/**
 * What reassignFlows does to one flow, or null if the flow is not fromUser's (neither primary
 * owner nor holding a live direct owner grant): such a flow is not touched.
 */
export function reassignStep(flow: ReassignFacts, fromUserId: string, removeFromUser: boolean): ReassignStep | null {
  const isPrimary = flow.primaryOwnerId === fromUserId;
  if (!isPrimary && !flow.fromHoldsDirectGrant) return null;
  const changePrimaryOwner = isPrimary && flow.solutionAware;
  return {
    changePrimaryOwner,
    addCoOwner: !changePrimaryOwner,
    // After a primary owner change fromUser is a co-owner (S13), so removable; a primary owner never is.
    removeFromUser: removeFromUser && (changePrimaryOwner || !isPrimary),
  };
}

/**
 * removePrincipalFromFlows on one flow: a user who is its primary owner can't be removed (S4),
 * and the flow is skipped, left as it is (their run-only grant too).
 */
export function isSkippedForPrimaryOwner(principal: { kind: 'USER' | 'GROUP' | 'LIST'; id: string }, primaryOwnerId: string): boolean {
  return principal.kind === 'USER' && principal.id === primaryOwnerId;
}

/**
 * replaceConnectionEverywhere covers, of the flows using the connection: every one for an admin
 * of the connection's environment, only those the viewer owns (in any way) for anyone else.
 */
export function coversFlow(viewerIsEnvironmentAdmin: boolean, level: AccessLevel): boolean {
  return viewerIsEnvironmentAdmin ? level === 'OWNER' || level === 'ADMIN' : level === 'OWNER';
}
