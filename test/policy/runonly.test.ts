// Run-only sharing rules (S8), table-driven.
import { describe, expect, it } from 'vitest';
import { assertRunOnlyAllowed, assertRunOnlyPrincipal } from '../../src/policy/runonly.js';
import { codeOf as code } from '../support/refusal.js';

describe('S8: run-only sharing is for instant flows', () => {
  for (const [trigger, expected] of [
    ['INSTANT', 'OK'],
    ['AUTOMATED', 'RUN_ONLY_REQUIRES_INSTANT_TRIGGER'],
    ['SCHEDULED', 'RUN_ONLY_REQUIRES_INSTANT_TRIGGER'],
  ] as const) {
    it(`${trigger} → ${expected}`, () => expect(code(() => assertRunOnlyAllowed(trigger, []))).toBe(expected));
  }
});

describe('run-only access goes to users and groups', () => {
  for (const [kind, expected] of [
    ['USER', 'OK'],
    ['GROUP', 'OK'],
    ['LIST', 'INVALID_INPUT'],
  ] as const) {
    it(`${kind} → ${expected}`, () => expect(code(() => assertRunOnlyPrincipal(kind, []))).toBe(expected));
  }
});
