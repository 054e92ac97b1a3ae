// Running a flow (S8, S9, S17, S18): who may, and what each action's connection resolves to.
import { assertMay, type FlowAccess } from './access.js';
import { DomainError } from './errors.js';

export type RunFailureReason = 'CONNECTION_OWNER_DEPARTED' | 'CONNECTION_ERROR' | 'INVOKER_CONNECTION_MISSING' | 'CONNECTOR_BLOCKED';

/** Owners, admins and run-only users (instant flows only) run a flow that is ON (S8, S18). */
export function assertMayRun(
  access: FlowAccess | undefined,
  flow: { state: 'ON' | 'OFF' | 'SUSPENDED' },
  field: string[],
): asserts access is FlowAccess {
  assertMay(access, 'run', field);
  if (flow.state !== 'ON') {
    throw new DomainError('FLOW_NOT_RUNNABLE', `The flow is ${flow.state === 'OFF' ? 'turned off' : 'suspended'} and can't be run.`, field);
  }
}

export type ResolvedConnection = {
  id: string;
  ownerStatus: 'ACTIVE' | 'DEPARTED';
  status: 'CONNECTED' | 'ERROR';
  connectorClass: 'BUSINESS' | 'NON_BUSINESS' | 'BLOCKED';
};

/**
 * Why one action fails, if it does. `connection` is what the action runs on: the embedded
 * one (owners always, S9), or the run-only runner's own for an INVOKER reference, or
 * undefined when the runner brought none.
 */
export function actionFailure(connection: ResolvedConnection | undefined): RunFailureReason | null {
  if (!connection) return 'INVOKER_CONNECTION_MISSING';
  if (connection.connectorClass === 'BLOCKED') return 'CONNECTOR_BLOCKED';
  if (connection.ownerStatus === 'DEPARTED') return 'CONNECTION_OWNER_DEPARTED';
  if (connection.status === 'ERROR') return 'CONNECTION_ERROR';
  return null;
}
