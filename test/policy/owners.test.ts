// Sharing rules for co-owners (S1, S2, S4, S10, S11, S14, S20), table-driven.
import { describe, expect, it } from 'vitest';
import { codeOf as code } from '../support/refusal.js';
import { accessAs } from './access-facts.js';
import { assertMay, noAccess } from '../../src/policy/access.js';
import {
  assertExpiryInFuture,
  assertGrantable,
  assertListOwnerAvailable,
  assertNotPrimaryOwner,
  environmentAdditions,
  formerOwners,
  type PrincipalFacts,
} from '../../src/policy/owners.js';

const field = ['input', 'add', '0'];
const people = [
  { userId: 'a', groupIds: new Set<string>() },
  { userId: 'b', groupIds: new Set<string>() },
];

describe('S1: sharing needs a license other than FREE', () => {
  for (const [license, expected] of [
    ['FREE', 'LICENSE_REQUIRED'],
    ['PREMIUM', 'OK'],
    ['SEEDED', 'OK'],
  ] as const) {
    it(`${license} → ${expected}`, () => {
      const access = accessAs('OWNER', { license });
      expect(code(() => assertMay(access, 'share', field))).toBe(expected);
      expect(code(() => assertMay(access, 'manageOwners', field))).toBe(expected);
      expect(access.canShare && access.canManageOwners).toBe(expected === 'OK');
    });
  }
});

describe('S2: who manages owners', () => {
  const owner = accessAs('OWNER');
  const runOnly = accessAs('RUN_ONLY');
  const cases: [string, typeof noAccess | undefined, string][] = [
    ['an owner or admin', owner, 'OK'],
    ['a run-only user', runOnly, 'NOT_AUTHORIZED'],
    ['someone who cannot see the flow', noAccess, 'NOT_FOUND'],
    ['nobody (no such flow)', undefined, 'NOT_FOUND'],
  ];
  for (const [who, access, expected] of cases) {
    it(`${who} → ${expected}`, () => expect(code(() => assertMay(access, 'own', ['input', 'flowId']))).toBe(expected));
  }
});

describe('S20 and sanity: who may be granted', () => {
  const user: PrincipalFacts = { kind: 'USER', id: 'u', tenantId: 'T', name: 'U', status: 'ACTIVE' };
  const cases: [string, PrincipalFacts, string][] = [
    ['an active user of the tenant', user, 'OK'],
    ['a group of the tenant', { kind: 'GROUP', id: 'g', tenantId: 'T', name: 'G' }, 'OK'],
    ['a user of another tenant', { ...user, tenantId: 'X' }, 'CROSS_TENANT'],
    ['a list of another tenant', { kind: 'LIST', id: 'l', tenantId: 'X', name: 'L' }, 'CROSS_TENANT'],
    ['a user who has left', { ...user, status: 'DEPARTED' }, 'INVALID_INPUT'],
  ];
  for (const [who, principal, expected] of cases) {
    it(`${who} → ${expected}`, () => expect(code(() => assertGrantable(principal, { tenantId: 'T' }, field))).toBe(expected));
  }
});

describe('S10: lists as co-owners by cloud', () => {
  for (const [cloud, expected] of [
    ['COMMERCIAL', 'OK'],
    ['GCC', 'OK'],
    ['GCC_HIGH', 'LIST_OWNER_UNAVAILABLE_IN_CLOUD'],
    ['DOD', 'LIST_OWNER_UNAVAILABLE_IN_CLOUD'],
  ] as const) {
    it(`${cloud} → ${expected}`, () => expect(code(() => assertListOwnerAvailable(cloud, field))).toBe(expected));
  }
});

describe('S4: the primary owner stays', () => {
  it('refuses the primary owner, allows others and groups', () => {
    expect(code(() => assertNotPrimaryOwner({ kind: 'USER', id: 'p' }, 'p', field))).toBe('CANNOT_REMOVE_PRIMARY_OWNER');
    expect(code(() => assertNotPrimaryOwner({ kind: 'USER', id: 'q' }, 'p', field))).toBe('OK');
    expect(code(() => assertNotPrimaryOwner({ kind: 'GROUP', id: 'p' }, 'p', field))).toBe('OK');
  });
});

describe('S19: expiry must be in the future', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it('allows none or later, refuses now or earlier', () => {
    expect(code(() => assertExpiryInFuture(null, now, field))).toBe('OK');
    expect(code(() => assertExpiryInFuture(new Date('2026-01-02T00:00:00Z'), now, field))).toBe('OK');
    expect(code(() => assertExpiryInFuture(now, now, field))).toBe('INVALID_INPUT');
    expect(code(() => assertExpiryInFuture(new Date('2025-12-31T00:00:00Z'), now, field))).toBe('INVALID_INPUT');
  });
});

describe('S14: who joins the environment', () => {
  const cases: [boolean, boolean, string | null, number][] = [
    [true, true, 'ENVIRONMENT_MAKER', 2],
    [true, false, null, 2],
    [false, true, null, 0],
    [false, false, null, 0],
  ];
  for (const [solutionAware, isDefault, role, n] of cases) {
    it(`solution-aware ${solutionAware}, default environment ${isDefault} → ${n} added${n ? ` as ${role ?? 'no role'}` : ''}`, () => {
      const added = environmentAdditions({ solutionAware }, { isDefault, securityGroupId: null }, people);
      expect(added).toHaveLength(n);
      for (const a of added) expect(a.role).toBe(role);
    });
  }
});

describe('S14 and S16: only users inside the security group join', () => {
  it('adds the members of the security group, not the others', () => {
    const added = environmentAdditions({ solutionAware: true }, { isDefault: false, securityGroupId: 'sg' }, [
      { userId: 'in', groupIds: new Set(['sg', 'x']) },
      { userId: 'out', groupIds: new Set(['x']) },
    ]);
    expect(added).toEqual([{ userId: 'in', role: null }]);
  });
});

describe('S11: who stops being an owner', () => {
  it('the removed, less those still owners otherwise', () => {
    expect([...formerOwners(['a', 'b', 'c'], new Set(['b']))]).toEqual(['a', 'c']);
    expect([...formerOwners([], new Set(['b']))]).toEqual([]);
  });
});
