// Run-only sharing (S8, S9).
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
