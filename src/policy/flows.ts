// Rules for making and editing flows and the connections they use (S6, S7, S15).
import { assertMay, canAuthorFlows, roleRequired, type EnvironmentRole, type FlowAccess } from './access.js';
import { DomainError } from './errors.js';

export { canAuthorFlows };

/** S15 for a new flow (no access yet): makers design, others consume. */
export function assertMayAuthorFlows(role: EnvironmentRole | null, environmentName: string, doing = 'Creating and editing flows'): void {
  if (!canAuthorFlows(role)) throw roleRequired(environmentName, doing);
}

/** A flow the viewer can't see is NOT_FOUND (S20): its existence is not disclosed. */
export function assertCanView(access: FlowAccess | undefined, field: string[]): asserts access is FlowAccess {
  assertMay(access, 'view', field);
}

/** S3, S15: what canEdit says (owner or admin, maker or admin role). */
export function assertCanEdit(access: FlowAccess | undefined, field: string[], doing = 'edit this flow'): asserts access is FlowAccess {
  assertMay(access, 'edit', field, doing);
}

export type ConnectionFacts = {
  id: string;
  displayName: string;
  ownerId: string;
  environmentId: string;
  scopedFlowId: string | null;
};

/**
 * May `actorId` put this connection into a flow? A connection already in the flow stays
 * usable by any owner (they use services, S5); a new one must be the actor's own, in the
 * flow's environment, and not made inside another flow (S6).
 */
export function assertConnectionUsable(
  connection: ConnectionFacts,
  use: { actorId: string; environmentId: string; flowId: string | null; alreadyInFlow: boolean },
  field: string[],
): void {
  if (use.alreadyInFlow) return;
  if (connection.environmentId !== use.environmentId) {
    throw new DomainError('INVALID_INPUT', 'This connection belongs to another environment than the flow.', field);
  }
  if (connection.scopedFlowId !== null && connection.scopedFlowId !== use.flowId) {
    throw new DomainError(
      'CONNECTION_SCOPED_TO_OTHER_FLOW',
      'This connection was created inside another flow and can be used there only.',
      field,
    );
  }
  if (connection.ownerId !== use.actorId) {
    throw new DomainError('CONNECTION_NOT_OWNED', 'This connection is not yours: add a connection of your own.', field);
  }
}

/** S7: a reference is EMBEDDED while an action uses it, OTHER when none does. */
export function connectionUsage(referenceId: string, actions: readonly { connectionReferenceId: string | null }[]): 'EMBEDDED' | 'OTHER' {
  return actions.some((a) => a.connectionReferenceId === referenceId) ? 'EMBEDDED' : 'OTHER';
}

/** S17: a flow with no active owner stays off until an admin adds one. */
export function assertMayTurnOn(hasActiveOwner: boolean, field: string[]): void {
  if (!hasActiveOwner) {
    throw new DomainError('FLOW_NOT_RUNNABLE', 'The flow has no active owner: add one before turning it on.', field);
  }
}

/** ON and OFF are the owner's to set; SUSPENDED is the server's (DLP, no active owner). */
export function assertSettableState(state: 'ON' | 'OFF' | 'SUSPENDED', field: string[]): asserts state is 'ON' | 'OFF' {
  if (state === 'SUSPENDED') {
    throw new DomainError('INVALID_INPUT', 'A flow is suspended by the server, not by a request: use OFF.', field);
  }
}

/** S5: a reference is pointed at another connection of the same connector only. */
export function assertSameConnector(
  current: { connectorId: string },
  replacement: { connectorId: string; displayName: string },
  field: string[],
): void {
  if (current.connectorId !== replacement.connectorId) {
    throw new DomainError(
      'CONNECTOR_MISMATCH',
      `Connection "${replacement.displayName}" is for another connector than this reference.`,
      field,
    );
  }
}

/** S5: only a connection's owner changes its credentials. */
// S24: the refusals below name no connection: the viewer may not be allowed to see it.
export function assertOwnsConnection(connection: { ownerId: string }, userId: string, field: string[]): void {
  if (connection.ownerId !== userId) {
    throw new DomainError('CONNECTION_NOT_OWNED', "Only the connection's owner can change its credentials.", field);
  }
}
