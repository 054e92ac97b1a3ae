// Bulk changes (S25, with S4 and S13 as they apply to many flows), table-driven.
import { describe, expect, it } from 'vitest';
import { codeOf as code } from '../support/refusal.js';
import { assertDifferent, assertWithinBulkLimit, coversFlow, isSkippedForPrimaryOwner, reassignStep } from '../../src/policy/bulk.js';
import type { DomainError } from '../../src/policy/errors.js';

describe('S25: a call over the bound is refused whole, with the count', () => {
  for (const [count, max, expected] of [
    [0, 1, 'OK'],
    [1_000, 1_000, 'OK'],
    [1_001, 1_000, 'INVALID_INPUT'],
    [3, 2, 'INVALID_INPUT'],
  ] as const) {
    it(`${count} flows, at most ${max} → ${expected}`, () =>
      expect(code(() => assertWithinBulkLimit(count, max, ['input', 'fromUserId']))).toBe(expected));
  }
  it('says how many, and the bound, naming the field', () => {
    const error = (() => {
      try {
        assertWithinBulkLimit(1_234, 1_000, ['input', 'fromUserId']);
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(error?.message).toMatch(/1,234 flows, more than the 1,000/);
    expect(error?.field).toEqual(['input', 'fromUserId']);
  });
  it('the same thing twice is INVALID_INPUT', () => {
    expect(code(() => assertDifferent('a', 'a', 'same', ['input', 'toUserId']))).toBe('INVALID_INPUT');
    expect(code(() => assertDifferent('a', 'b', 'same', ['input', 'toUserId']))).toBe('OK');
  });
});

describe('reassignFlows: what happens to one flow', () => {
  const from = 'from';
  const cases: [
    string,
    { solutionAware: boolean; primaryOwnerId: string; fromHoldsDirectGrant: boolean },
    boolean,
    ReturnType<typeof reassignStep>,
  ][] = [
    ['not theirs', { solutionAware: true, primaryOwnerId: 'x', fromHoldsDirectGrant: false }, true, null],
    [
      'solution-aware, primary owner (S13: primary owner changes)',
      { solutionAware: true, primaryOwnerId: from, fromHoldsDirectGrant: true },
      false,
      { changePrimaryOwner: true, addCoOwner: false, removeFromUser: false },
    ],
    [
      'solution-aware, primary owner, removeFromUser (a co-owner after the change)',
      { solutionAware: true, primaryOwnerId: from, fromHoldsDirectGrant: true },
      true,
      { changePrimaryOwner: true, addCoOwner: false, removeFromUser: true },
    ],
    [
      'not solution-aware, primary owner (S13: co-owner added instead)',
      { solutionAware: false, primaryOwnerId: from, fromHoldsDirectGrant: true },
      false,
      { changePrimaryOwner: false, addCoOwner: true, removeFromUser: false },
    ],
    [
      'not solution-aware, primary owner, removeFromUser (S4: stays)',
      { solutionAware: false, primaryOwnerId: from, fromHoldsDirectGrant: true },
      true,
      { changePrimaryOwner: false, addCoOwner: true, removeFromUser: false },
    ],
    [
      'co-owner',
      { solutionAware: true, primaryOwnerId: 'x', fromHoldsDirectGrant: true },
      false,
      { changePrimaryOwner: false, addCoOwner: true, removeFromUser: false },
    ],
    [
      'co-owner, removeFromUser',
      { solutionAware: false, primaryOwnerId: 'x', fromHoldsDirectGrant: true },
      true,
      { changePrimaryOwner: false, addCoOwner: true, removeFromUser: true },
    ],
  ];
  for (const [what, flow, remove, expected] of cases) it(what, () => expect(reassignStep(flow, from, remove)).toEqual(expected));
});

describe('removePrincipalFromFlows: a primary owner is skipped (S4)', () => {
  it.each([
    [{ kind: 'USER' as const, id: 'p' }, 'p', true],
    [{ kind: 'USER' as const, id: 'q' }, 'p', false],
    [{ kind: 'GROUP' as const, id: 'p' }, 'p', false],
    [{ kind: 'LIST' as const, id: 'p' }, 'p', false],
  ])('%o, primary owner %s → skipped %s', (principal, primary, expected) =>
    expect(isSkippedForPrimaryOwner(principal, primary)).toBe(expected),
  );
});

describe('replaceConnectionEverywhere: which flows a call covers', () => {
  it.each([
    [true, 'ADMIN', true],
    [true, 'OWNER', true],
    [true, 'RUN_ONLY', false],
    [true, 'NONE', false],
    [false, 'OWNER', true],
    [false, 'ADMIN', false],
    [false, 'RUN_ONLY', false],
    [false, 'NONE', false],
  ] as const)('environment admin %s, access %s → covered %s', (admin, level, expected) => expect(coversFlow(admin, level)).toBe(expected));
});
