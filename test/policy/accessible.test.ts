// Who may ask accessibleFlows about whom, and which environments the answer covers, rule by rule.
import { describe, expect, it } from 'vitest';
import { accessibleFlowsScope, type AccessibleFlowsQuestion } from '../../src/policy/accessible.js';
import { DomainError } from '../../src/policy/errors.js';
import { codeOf as code } from '../support/refusal.js';

const me = { id: 'me', tenantId: 'T' };
const colleague = { id: 'them', tenantId: 'T' };
const stranger = { id: 'far', tenantId: 'OTHER' };
const env = (id: string, tenantId = 'T') => ({ id, tenantId, displayName: `Env ${id}` });
const ask = (q: Partial<AccessibleFlowsQuestion>): AccessibleFlowsQuestion => ({
  viewer: me,
  target: colleague,
  administeredByViewer: new Set(),
  ...q,
});
const scopeOf = (q: Partial<AccessibleFlowsQuestion>) => accessibleFlowsScope(ask(q)).environmentIds;
const refusal = (q: Partial<AccessibleFlowsQuestion>) => {
  try {
    accessibleFlowsScope(ask(q));
  } catch (error) {
    return error instanceof DomainError ? { code: error.code, message: error.message, field: error.field } : error;
  }
  return 'OK';
};

describe('asking about oneself', () => {
  it('covers every environment', () => expect(scopeOf({ target: me })).toBeNull());
  it('environmentId narrows to that environment', () => expect(scopeOf({ target: me, environment: env('A') })).toEqual(['A']));
  it('narrows to an environment the user does not administer', () =>
    expect(scopeOf({ target: me, environment: env('A'), administeredByViewer: new Set(['B']) })).toEqual(['A']));
  it('an admin asking about themselves still covers every environment', () =>
    expect(scopeOf({ target: me, administeredByViewer: new Set(['A']) })).toBeNull());
});

describe('environment admins asking about a user of their tenant', () => {
  const admin = { administeredByViewer: new Set(['B', 'A']) };
  it('cover the environments they administer', () => expect(scopeOf(admin)).toEqual(['A', 'B']));
  it('environmentId narrows to one of them', () => expect(scopeOf({ ...admin, environment: env('B') })).toEqual(['B']));
  it('an environment they do not administer: NOT_AUTHORIZED on environmentId, naming it', () =>
    expect(refusal({ ...admin, environment: env('C') })).toEqual({
      code: 'NOT_AUTHORIZED',
      message: 'Only admins of Env C may list the flows another user can reach there.',
      field: ['environmentId'],
    }));
});

describe('anyone else', () => {
  it('a user of their tenant: NOT_AUTHORIZED on userId', () =>
    expect(refusal({})).toEqual({
      code: 'NOT_AUTHORIZED',
      message: 'Only environment admins may list the flows another user can reach.',
      field: ['userId'],
    }));
  it('with an environment of their tenant: NOT_AUTHORIZED', () =>
    expect(code(() => accessibleFlowsScope(ask({ environment: env('A') })))).toBe('NOT_AUTHORIZED'));
});

describe('S20/S24: what the viewer may not see is NOT_FOUND, named no further', () => {
  const cases: [string, Partial<AccessibleFlowsQuestion>, string[]][] = [
    ['no such user', { target: null }, ['userId']],
    ["another tenant's user", { target: stranger }, ['userId']],
    ["another tenant's user, asked by an admin", { target: stranger, administeredByViewer: new Set(['A']) }, ['userId']],
    ['no such environment, about oneself', { target: me, environment: null }, ['environmentId']],
    ["another tenant's environment, about oneself", { target: me, environment: env('X', 'OTHER') }, ['environmentId']],
    [
      "another tenant's environment, asked by an admin",
      { environment: env('X', 'OTHER'), administeredByViewer: new Set(['X', 'A']) },
      ['environmentId'],
    ],
    ['no such environment, asked by a non-admin', { environment: null }, ['environmentId']],
  ];
  for (const [what, q, field] of cases) {
    it(`${what} → NOT_FOUND`, () => {
      const r = refusal(q) as { code: string; message: string; field: string[] };
      expect(r.code).toBe('NOT_FOUND');
      expect(r.field).toEqual(field);
      expect(r.message).toMatch(/^No such (user|environment)\.$/);
    });
  }
});
