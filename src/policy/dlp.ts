// Data loss prevention per environment (S18).
import { DomainError } from './errors.js';

export type ConnectorClass = 'BUSINESS' | 'NON_BUSINESS' | 'BLOCKED';
export type ClassifiedConnector = { id: string; displayName: string; class: ConnectorClass };

/**
 * Why a flow using these connectors breaks the policy, or null if it does not: a BLOCKED
 * connector, or BUSINESS and NON_BUSINESS connectors together. Connectors the policy does
 * not list arrive here as NON_BUSINESS.
 */
export function dlpViolation(connectors: readonly ClassifiedConnector[]): string | null {
  const names = (c: ConnectorClass) => [...new Set(connectors.filter((x) => x.class === c).map((x) => x.displayName))].sort().join(', ');
  const blocked = names('BLOCKED');
  if (blocked) return `The data loss prevention policy blocks ${blocked}.`;
  const business = names('BUSINESS');
  const nonBusiness = names('NON_BUSINESS');
  if (business && nonBusiness) {
    return `The data loss prevention policy does not let business connectors (${business}) and non-business connectors (${nonBusiness}) be used together.`;
  }
  return null;
}

export function assertDlpCompliant(connectors: readonly ClassifiedConnector[], field?: string[]): void {
  const violation = dlpViolation(connectors);
  if (violation) throw new DomainError('DLP_VIOLATION', violation, field);
}

/** A policy classifies each connector once. */
export function assertEachConnectorOnce(connectorIds: readonly string[], field: (index: number) => string[]): void {
  const seen = new Set<string>();
  connectorIds.forEach((id, i) => {
    if (seen.has(id)) throw new DomainError('INVALID_INPUT', 'A connector is classified twice.', field(i));
    seen.add(id);
  });
}
