// Who may ask accessibleFlows about whom, and which environments the answer covers (S20, S24).
// Pure: the facts are loaded by src/reads/accessible.ts.
import { DomainError } from './errors.js';

export type AccessibleFlowsQuestion = {
  viewer: { id: string; tenantId: string };
  /** The user asked about; null when the id names no user. */
  target: { id: string; tenantId: string } | null;
  /** The environment asked for: undefined when none was given, null when the id names none. */
  environment?: { id: string; tenantId: string; displayName: string } | null;
  /** Environments the viewer administers. */
  administeredByViewer: ReadonlySet<string>;
};

/** The environments whose flows the answer lists: null for every environment of the user's tenant. */
export type AccessibleFlowsScope = { environmentIds: readonly string[] | null };

/**
 * Anyone may ask about themselves (every environment; `environment` narrows). An environment
 * admin may ask about any user of their tenant, and sees the flows of the environments they
 * administer (`environment` narrows to one of those). Anyone else: NOT_AUTHORIZED. A user or
 * environment of another tenant, or none, is NOT_FOUND, named no further than the viewer may
 * see (S20, S24).
 */
export function accessibleFlowsScope(question: AccessibleFlowsQuestion): AccessibleFlowsScope {
  const { viewer, target, environment, administeredByViewer } = question;
  if (!target || target.tenantId !== viewer.tenantId) throw new DomainError('NOT_FOUND', 'No such user.', ['userId']);
  if (environment === null || (environment && environment.tenantId !== viewer.tenantId)) {
    throw new DomainError('NOT_FOUND', 'No such environment.', ['environmentId']);
  }
  if (target.id === viewer.id) return { environmentIds: environment ? [environment.id] : null };
  if (environment) {
    if (administeredByViewer.has(environment.id)) return { environmentIds: [environment.id] };
    throw new DomainError('NOT_AUTHORIZED', `Only admins of ${environment.displayName} may list the flows another user can reach there.`, [
      'environmentId',
    ]);
  }
  if (administeredByViewer.size > 0) return { environmentIds: [...administeredByViewer].sort() };
  throw new DomainError('NOT_AUTHORIZED', 'Only environment admins may list the flows another user can reach.', ['userId']);
}
