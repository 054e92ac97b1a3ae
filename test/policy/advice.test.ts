// sharingAdvice: each kind from its rule, and not without it.
import { describe, expect, it } from 'vitest';
import { LARGE_AUDIENCE, SHAREPOINT_CONNECTOR, sharingAdvice, type AddedPrincipal, type AdviceFacts } from '../../src/policy/advice.js';

const user = (over: Partial<AddedPrincipal> = {}): AddedPrincipal => ({
  principal: { kind: 'USER', id: 'u' },
  name: 'Uma',
  users: 1,
  guests: 0,
  inert: 0,
  role: 'ENVIRONMENT_MAKER',
  ...over,
});
const group = (over: Partial<AddedPrincipal> = {}): AddedPrincipal => ({
  principal: { kind: 'GROUP', id: 'g' },
  name: 'Finance',
  users: 3,
  guests: 0,
  inert: 0,
  role: null,
  ...over,
});
const facts = (over: Partial<AdviceFacts> = {}): AdviceFacts => ({
  grant: 'OWNER',
  flow: { trigger: 'AUTOMATED', connectorIds: [] },
  expiresAt: null,
  added: [],
  usersAddedToEnvironment: 0,
  connectionsNeedingAttention: [],
  embeddedConnections: [],
  ...over,
});
const kinds = (f: AdviceFacts) => sharingAdvice(f).map((a) => a.kind);
const later = new Date(Date.now() + 86_400_000);

describe('sharingAdvice', () => {
  it('gives nothing for a plain change', () => {
    expect(sharingAdvice(facts({ added: [user(), group()] }))).toEqual([]);
  });

  it('LARGE_AUDIENCE: a group or list of more than 100 users, never a user', () => {
    expect(kinds(facts({ added: [group({ users: LARGE_AUDIENCE + 1 })] }))).toEqual(['LARGE_AUDIENCE']);
    expect(kinds(facts({ added: [group({ principal: { kind: 'LIST', id: 'l' }, users: 250 })] }))).toEqual(['LARGE_AUDIENCE']);
    expect(kinds(facts({ added: [group({ users: LARGE_AUDIENCE })] }))).toEqual([]);
    const [advice] = sharingAdvice(facts({ added: [group({ users: 101 })] }));
    expect(advice).toMatchObject({ principal: { kind: 'GROUP', id: 'g' }, connectionId: null });
    expect(advice!.message).toBe('Finance stands for 101 users: all of them would get owner access.');
  });

  it('GUEST_OWNER: a guest, or a group with guests, made owner; not run-only', () => {
    expect(kinds(facts({ expiresAt: later, added: [user({ guests: 1 })] }))).toEqual(['GUEST_OWNER']);
    expect(kinds(facts({ expiresAt: later, added: [group({ guests: 2 })] }))).toEqual(['GUEST_OWNER']);
    expect(
      kinds(facts({ grant: 'RUN_ONLY', flow: { trigger: 'INSTANT', connectorIds: [] }, expiresAt: later, added: [user({ guests: 1 })] })),
    ).toEqual([]);
  });

  it('NO_EXPIRY: a guest given access without expiresAt, owner or run-only', () => {
    expect(kinds(facts({ added: [user({ guests: 1 })] }))).toEqual(['GUEST_OWNER', 'NO_EXPIRY']);
    expect(kinds(facts({ grant: 'RUN_ONLY', added: [group({ guests: 1 })] }))).toEqual(['NO_EXPIRY']);
    expect(kinds(facts({ grant: 'RUN_ONLY', expiresAt: later, added: [group({ guests: 1 })] }))).toEqual([]);
  });

  it('CONSIDER_LIST: a group made owner of a flow that uses SharePoint', () => {
    const sharePoint = { trigger: 'AUTOMATED' as const, connectorIds: ['office365', SHAREPOINT_CONNECTOR] };
    expect(kinds(facts({ flow: sharePoint, added: [group()] }))).toEqual(['CONSIDER_LIST']);
    expect(kinds(facts({ flow: sharePoint, added: [user()] }))).toEqual([]);
    expect(kinds(facts({ added: [group()] }))).toEqual([]);
    expect(kinds(facts({ grant: 'RUN_ONLY', flow: { ...sharePoint, trigger: 'INSTANT' }, added: [group()] }))).toEqual([]);
  });

  it('CONSIDER_RUN_ONLY: a user without a maker role made owner of an instant flow', () => {
    const instant = { trigger: 'INSTANT' as const, connectorIds: [] };
    expect(kinds(facts({ flow: instant, added: [user({ role: 'BASIC_USER' })] }))).toEqual(['CONSIDER_RUN_ONLY']);
    expect(kinds(facts({ flow: instant, added: [user({ role: null })] }))).toEqual(['CONSIDER_RUN_ONLY']);
    expect(kinds(facts({ flow: instant, added: [user({ role: 'ENVIRONMENT_ADMIN' })] }))).toEqual([]);
    expect(kinds(facts({ added: [user({ role: 'BASIC_USER' })] }))).toEqual([]);
    expect(kinds(facts({ grant: 'RUN_ONLY', flow: instant, added: [user({ role: 'BASIC_USER' })] }))).toEqual([]);
  });

  it('OUTSIDE_ENVIRONMENT: users of an added principal outside the security group', () => {
    expect(kinds(facts({ added: [user({ inert: 1 })] }))).toEqual(['OUTSIDE_ENVIRONMENT']);
    const [advice] = sharingAdvice(facts({ added: [group({ inert: 2 })] }));
    expect(advice).toMatchObject({ kind: 'OUTSIDE_ENVIRONMENT', principal: { kind: 'GROUP', id: 'g' } });
    expect(advice!.message).toBe("2 users of Finance are outside the environment's security group: the grant would give them nothing.");
  });

  it('ADDED_TO_ENVIRONMENT: users would join the environment', () => {
    expect(sharingAdvice(facts({ usersAddedToEnvironment: 2 }))).toEqual([
      { kind: 'ADDED_TO_ENVIRONMENT', message: '2 users would be added to the environment.', principal: null, connectionId: null },
    ]);
  });

  it('CONNECTIONS_NEED_ATTENTION: one per connection, naming it', () => {
    const advice = sharingAdvice(
      facts({
        connectionsNeedingAttention: [
          { id: 'c1', name: 'SP' },
          { id: 'c2', name: 'Mail' },
        ],
      }),
    );
    expect(advice.map((a) => [a.kind, a.connectionId])).toEqual([
      ['CONNECTIONS_NEED_ATTENTION', 'c1'],
      ['CONNECTIONS_NEED_ATTENTION', 'c2'],
    ]);
  });

  it('EMBEDDED_CREDENTIALS: one per embedded connection run-only users would run on', () => {
    const advice = sharingAdvice(facts({ grant: 'RUN_ONLY', embeddedConnections: [{ id: 'c1', name: 'SP' }] }));
    expect(advice.map((a) => [a.kind, a.connectionId])).toEqual([['EMBEDDED_CREDENTIALS', 'c1']]);
  });
});
