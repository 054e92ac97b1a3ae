// Run-only sharing (S8, S9).
import type { AccessLevel, PrincipalRef } from './access.js';
import { DomainError } from './errors.js';

type Trigger = 'INSTANT' | 'AUTOMATED' | 'SCHEDULED';

/** S8: only instant flows (a button, a selected item) are shared run-only. */
export function assertRunOnlyAllowed(trigger: Trigger, field: string[]): void {
  if (trigger !== 'INSTANT') {
    throw new DomainError(
      'RUN_ONLY_REQUIRES_INSTANT_TRIGGER',
      `Only instant flows can be shared with run-only users; this one is ${trigger.toLowerCase()}.`,
      field,
    );
  }
}

/** Run-only access goes to users and groups, not SharePoint lists. */
export function assertRunOnlyPrincipal(kind: 'USER' | 'GROUP' | 'LIST', field: string[]): void {
  if (kind === 'LIST') {
    throw new DomainError('INVALID_INPUT', 'Run-only access is given to users and groups, not SharePoint lists.', field);
  }
}

/**
 * An owner adding themselves as a run-only user of their flow: the grant would give nothing
 * their ownership doesn't, so it is a no-op (no grant, no event).
 */
export function runOnlyGrantIsRedundant(principal: PrincipalRef, actor: { id: string; level: AccessLevel }): boolean {
  return principal.kind === 'USER' && principal.id === actor.id && actor.level === 'OWNER';
}
