// Copies and ownership changes (S12, S13).
import { DomainError } from './errors.js';

/**
 * S12: creating a flow from a copy needs one connection of the recipient's for each
 * connector the copy needs, and nothing else. Returns connector → connection.
 */
export function matchConnectors(
  needed: readonly { id: string; name: string }[],
  supplied: readonly { id: string; connectorId: string; field: string[] }[],
): Map<string, string> {
  const byConnector = new Map<string, string>();
  const neededIds = new Set(needed.map((c) => c.id));
  for (const connection of supplied) {
    if (!neededIds.has(connection.connectorId)) {
      throw new DomainError('CONNECTOR_MISMATCH', "This connection's connector is not one the copy needs.", connection.field);
    }
    if (byConnector.has(connection.connectorId)) {
      throw new DomainError('INVALID_INPUT', 'Two connections for the same connector: give one.', connection.field);
    }
    byConnector.set(connection.connectorId, connection.id);
  }
  const missing = needed.filter((c) => !byConnector.has(c.id));
  if (missing.length > 0) {
    throw new DomainError('INVALID_INPUT', `The copy needs a connection of yours for: ${missing.map((c) => c.name).join(', ')}.`, [
      'input',
      'connectionIds',
    ]);
  }
  return byConnector;
}

/** S13: in-place ownership change is for solution-aware flows only. */
export function assertSolutionAware(flow: { solutionAware: boolean }, field: string[]): void {
  if (!flow.solutionAware) {
    throw new DomainError(
      'NOT_SOLUTION_AWARE',
      "The owner of a flow that isn't solution-aware is part of its identity and can't be changed in place: use saveFlowAs, or sendFlowCopy and let the new owner create the flow from the copy.",
      field,
    );
  }
}

/** S12, S13: copies go to, and flows are owned by, individual users. */
export function assertIndividualUser(kind: 'USER' | 'GROUP' | 'LIST', field: string[]): void {
  if (kind !== 'USER') throw new DomainError('INVALID_INPUT', 'Give an individual user, not a group or a list.', field);
}
