// Domain errors: one class, one code from the contract's ErrorCode. The GraphQL layer maps
// them to OperationError; nothing matches on messages.

export const errorCodes = [
  'UNAUTHENTICATED',
  'NOT_FOUND',
  'NOT_AUTHORIZED',
  'LICENSE_REQUIRED',
  'ROLE_REQUIRED',
  'CANNOT_REMOVE_PRIMARY_OWNER',
  'RUN_ONLY_REQUIRES_INSTANT_TRIGGER',
  'LIST_OWNER_UNAVAILABLE_IN_CLOUD',
  'NOT_SOLUTION_AWARE',
  'CONNECTION_NOT_OWNED',
  'CONNECTION_SCOPED_TO_OTHER_FLOW',
  'CONNECTOR_MISMATCH',
  'DLP_VIOLATION',
  'FLOW_NOT_RUNNABLE',
  'CROSS_TENANT',
  'INVALID_INPUT',
  'CONFLICT',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The input field at fault, as a path like ["input", "actions", "0", "connectionId"]. */
    readonly field?: string[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
