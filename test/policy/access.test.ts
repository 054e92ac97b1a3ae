// flowAccess, rule by rule (S2, S3, S8, S16, S19, S20), table-driven over facts.
import { describe, expect, it } from 'vitest';
import {
  assertMay,
  may,
  flowAccess,
  isGrantActive,
  type Ability,
  type AccessFacts,
  type EnvironmentRole,
  type Grant,
} from '../../src/policy/access.js';
import { codeOf } from '../support/refusal.js';

const now = new Date('2026-06-01T12:00:00Z');
const past = new Date('2026-05-01T00:00:00Z');
const future = new Date('2026-07-01T00:00:00Z');

function facts(overrides: Partial<Omit<AccessFacts, 'user'>> & { user?: Partial<AccessFacts['user']> } = {}): AccessFacts {
  return {
    flow: { tenantId: 'T', creatorId: 'creator', primaryOwnerId: 'creator', trigger: 'INSTANT' },
    environment: { securityGroupId: null },
    environmentRole: 'ENVIRONMENT_MAKER',
    groupIds: new Set(),
    listIds: new Set(),
    ownerGrants: [],
    runOnlyGrants: [],
    now,
    ...overrides,
    user: { id: 'u', tenantId: 'T', status: 'ACTIVE', license: 'PREMIUM', ...overrides.user },
  };
}
const user = (id: string, expiresAt: Date | null = null): Grant => ({ principal: { kind: 'USER', id }, expiresAt });
const group = (id: string, expiresAt: Date | null = null): Grant => ({ principal: { kind: 'GROUP', id }, expiresAt });
const list = (id: string): Grant => ({ principal: { kind: 'LIST', id }, expiresAt: null });

describe('flowAccess', () => {
  const cases: [string, AccessFacts, string, string[]][] = [
    ['the creator and primary owner', facts({ user: { id: 'creator' } }), 'OWNER', ['CREATOR', 'PRIMARY_OWNER']],
    [
      'a primary owner who did not create it',
      facts({
        user: { id: 'p' },
        flow: { tenantId: 'T', creatorId: 'c', primaryOwnerId: 'p', trigger: 'INSTANT' },
        ownerGrants: [user('p')],
      }),
      'OWNER',
      ['PRIMARY_OWNER'],
    ],
    ['a direct co-owner', facts({ ownerGrants: [user('u')] }), 'OWNER', ['DIRECT_OWNER']],
    ['a co-owner through a group', facts({ ownerGrants: [group('g')], groupIds: new Set(['g']) }), 'OWNER', ['GROUP_OWNER']],
    ['a co-owner through a SharePoint list', facts({ ownerGrants: [list('l')], listIds: new Set(['l']) }), 'OWNER', ['LIST_OWNER']],
    ['a direct run-only user', facts({ runOnlyGrants: [user('u')] }), 'RUN_ONLY', ['DIRECT_RUN_ONLY']],
    ['a run-only user through a group', facts({ runOnlyGrants: [group('g')], groupIds: new Set(['g']) }), 'RUN_ONLY', ['GROUP_RUN_ONLY']],
    ['an environment admin (S2)', facts({ environmentRole: 'ENVIRONMENT_ADMIN' }), 'ADMIN', ['ENVIRONMENT_ADMIN']],
    [
      'an admin who also owns it acts as owner',
      facts({ environmentRole: 'ENVIRONMENT_ADMIN', ownerGrants: [user('u')] }),
      'OWNER',
      ['DIRECT_OWNER', 'ENVIRONMENT_ADMIN'],
    ],
    [
      'owner and run-only: owner wins',
      facts({ ownerGrants: [group('g')], runOnlyGrants: [user('u')], groupIds: new Set(['g']) }),
      'OWNER',
      ['GROUP_OWNER', 'DIRECT_RUN_ONLY'],
    ],
    ['a grant to a group the user is not in', facts({ ownerGrants: [group('g')] }), 'NONE', []],
    ['a grant to someone else', facts({ ownerGrants: [user('v')] }), 'NONE', []],
    ['an expired grant (S19)', facts({ ownerGrants: [user('u', past)] }), 'NONE', []],
    ['a grant that expires later', facts({ ownerGrants: [user('u', future)] }), 'OWNER', ['DIRECT_OWNER']],
    ['another tenant, even with a grant (S20)', facts({ user: { tenantId: 'X' }, ownerGrants: [user('u')] }), 'NONE', []],
    // S21: creating a flow gives nothing by itself.
    [
      'the creator, no longer primary owner, still a co-owner',
      facts({
        user: { id: 'creator' },
        flow: { tenantId: 'T', creatorId: 'creator', primaryOwnerId: 'p', trigger: 'INSTANT' },
        ownerGrants: [user('creator')],
      }),
      'OWNER',
      ['CREATOR', 'DIRECT_OWNER'],
    ],
    [
      'the creator, removed as owner',
      facts({ user: { id: 'creator' }, flow: { tenantId: 'T', creatorId: 'creator', primaryOwnerId: 'p', trigger: 'INSTANT' } }),
      'NONE',
      [],
    ],
    [
      'the creator, now run-only',
      facts({
        user: { id: 'creator' },
        flow: { tenantId: 'T', creatorId: 'creator', primaryOwnerId: 'p', trigger: 'INSTANT' },
        runOnlyGrants: [user('creator')],
      }),
      'RUN_ONLY',
      ['CREATOR', 'DIRECT_RUN_ONLY'],
    ],
  ];
  for (const [who, input, level, paths] of cases) {
    it(`${who}: ${level}`, () => {
      const access = flowAccess(input);
      expect(access.level).toBe(level);
      expect(access.paths.map((p) => p.kind)).toEqual(paths);
      expect(access.canView).toBe(level !== 'NONE');
    });
  }

  it('owners and admins may do everything (S3); run-only users may run only (S8)', () => {
    const owner = flowAccess(facts({ ownerGrants: [user('u')] }));
    expect(owner).toMatchObject({
      canEdit: true,
      canRun: true,
      canShare: true,
      canManageOwners: true,
      canDelete: true,
      canViewRunHistory: true,
    });
    const runOnly = flowAccess(facts({ runOnlyGrants: [user('u')] }));
    expect(runOnly).toMatchObject({
      canView: true,
      canRun: true,
      canEdit: false,
      canShare: false,
      canManageOwners: false,
      canDelete: false,
      canViewRunHistory: false,
    });
  });

  it('an owner with a FREE license cannot share (S1)', () => {
    const access = flowAccess(facts({ user: { license: 'FREE' }, ownerGrants: [user('u')] }));
    expect(access).toMatchObject({ level: 'OWNER', canEdit: true, canShare: false });
  });

  it('grants of a user outside the security group are inert, with a reason (S16)', () => {
    const outside = flowAccess(facts({ environment: { securityGroupId: 'sg' }, ownerGrants: [user('u')] }));
    expect(outside).toMatchObject({ level: 'NONE', canView: false, blockedReason: expect.stringMatching(/security group/) });
    expect(outside.paths.map((p) => p.kind)).toEqual(['DIRECT_OWNER']);
    const inside = flowAccess(facts({ environment: { securityGroupId: 'sg' }, groupIds: new Set(['sg']), ownerGrants: [user('u')] }));
    expect(inside).toMatchObject({ level: 'OWNER', blockedReason: null });
    const admin = flowAccess(facts({ environment: { securityGroupId: 'sg' }, environmentRole: 'ENVIRONMENT_ADMIN' }));
    expect(admin.level).toBe('ADMIN');
    const nobody = flowAccess(facts({ environment: { securityGroupId: 'sg' } }));
    expect(nobody.blockedReason).toBeNull();
  });

  it('a departed user has no access, and is told why', () => {
    const access = flowAccess(facts({ user: { id: 'creator', status: 'DEPARTED' } }));
    expect(access).toMatchObject({ level: 'NONE', blockedReason: expect.stringMatching(/left/) });
  });

  it('isGrantActive: until expiresAt, not at it (S19)', () => {
    expect(isGrantActive({ expiresAt: null }, now)).toBe(true);
    expect(isGrantActive({ expiresAt: future }, now)).toBe(true);
    expect(isGrantActive({ expiresAt: now }, now)).toBe(false);
    expect(isGrantActive({ expiresAt: past }, now)).toBe(false);
  });

  it('the creator removed as owner is outside, even as environment admin only admin-level (S21)', () => {
    const removed = flowAccess(
      facts({ user: { id: 'creator' }, flow: { tenantId: 'T', creatorId: 'creator', primaryOwnerId: 'p', trigger: 'INSTANT' } }),
    );
    expect(removed).toMatchObject({ level: 'NONE', canView: false, canDelete: false, blockedReason: null });
    const asAdmin = flowAccess(
      facts({
        user: { id: 'creator' },
        environmentRole: 'ENVIRONMENT_ADMIN',
        flow: { tenantId: 'T', creatorId: 'creator', primaryOwnerId: 'p', trigger: 'INSTANT' },
      }),
    );
    expect(asAdmin.level).toBe('ADMIN');
    expect(asAdmin.paths.map((p) => p.kind)).toEqual(['CREATOR', 'ENVIRONMENT_ADMIN']);
  });
});

// S22: every flag is exactly what assertMay allows, over roles x licenses x paths.
describe('flags and refusals agree (S22)', () => {
  const roles: (EnvironmentRole | null)[] = ['ENVIRONMENT_ADMIN', 'ENVIRONMENT_MAKER', 'BASIC_USER', null];
  const licenses = ['FREE', 'PREMIUM', 'SEEDED'] as const;
  const paths: [string, Partial<AccessFacts>][] = [
    ['direct co-owner', { ownerGrants: [user('u')] }],
    ['group co-owner', { ownerGrants: [group('g')], groupIds: new Set(['g']) }],
    ['run-only', { runOnlyGrants: [user('u')] }],
    ['nothing', {}],
    ['outside the security group', { ownerGrants: [user('u')], environment: { securityGroupId: 'sg' } }],
  ];
  const flags: [Ability, keyof ReturnType<typeof flowAccess>][] = [
    ['view', 'canView'],
    ['edit', 'canEdit'],
    ['run', 'canRun'],
    ['share', 'canShare'],
    ['manageOwners', 'canManageOwners'],
    ['delete', 'canDelete'],
    ['viewRunHistory', 'canViewRunHistory'],
  ];
  for (const role of roles) {
    for (const license of licenses) {
      for (const [path, extra] of paths) {
        it(`${role ?? 'no role'}, ${license}, ${path}`, () => {
          const access = flowAccess(facts({ ...extra, environmentRole: role, user: { license } }));
          for (const [ability, flag] of flags) {
            expect(access[flag], `${ability}`).toBe(codeOf(() => assertMay(access, ability, [])) === 'OK');
            // The predicate (may, for deciding audiences without an error per person) says the same.
            expect(may(access, ability), `may ${ability}`).toBe(access[flag]);
          }
          const full = access.level === 'OWNER' || access.level === 'ADMIN';
          const author = role === 'ENVIRONMENT_MAKER' || role === 'ENVIRONMENT_ADMIN';
          expect(access.canEdit).toBe(full && author);
          expect(access.canShare).toBe(full && author && license !== 'FREE');
          expect(access.canManageOwners).toBe(access.canShare);
          expect(access.canDelete).toBe(full);
          if (full && !author) expect(codeOf(() => assertMay(access, 'edit', []))).toBe('ROLE_REQUIRED');
          if (full && license === 'FREE') expect(codeOf(() => assertMay(access, 'share', []))).toBe('LICENSE_REQUIRED');
          if (!access.canView) expect(codeOf(() => assertMay(access, 'own', []))).toBe('NOT_FOUND');
          expect(may(undefined, 'view')).toBe(false); // no access at all: NOT_FOUND, as assertMay says
        });
      }
    }
  }
});
