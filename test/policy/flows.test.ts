// Rules for authoring flows and using connections (S5, S6, S7, S15, S16), table-driven.
import { describe, expect, it } from 'vitest';
import { codeOf as code } from '../support/refusal.js';
import { accessAs } from './access-facts.js';
import { noAccess, type EnvironmentRole } from '../../src/policy/access.js';
import { assertInsideEnvironment } from '../../src/policy/environments.js';
import {
  assertCanEdit,
  assertCanView,
  assertConnectionUsable,
  assertMayAuthorFlows,
  assertMayTurnOn,
  assertOwnsConnection,
  assertSameConnector,
  assertSettableState,
  connectionUsage,
  type ConnectionFacts,
} from '../../src/policy/flows.js';

const field = ['input', 'x'];

describe('S15: only makers and admins author flows', () => {
  const cases: [EnvironmentRole | null, string][] = [
    ['ENVIRONMENT_MAKER', 'OK'],
    ['ENVIRONMENT_ADMIN', 'OK'],
    ['BASIC_USER', 'ROLE_REQUIRED'],
    [null, 'ROLE_REQUIRED'],
  ];
  for (const [role, expected] of cases) {
    it(`${role ?? 'no role'} → ${expected}`, () => expect(code(() => assertMayAuthorFlows(role, 'Env'))).toBe(expected));
  }
});

describe('seeing and editing a flow', () => {
  const cases: [string, Parameters<typeof assertCanEdit>[0], string, string][] = [
    ['no flow', undefined, 'NOT_FOUND', 'NOT_FOUND'],
    ['no access', noAccess, 'NOT_FOUND', 'NOT_FOUND'],
    ['run-only', accessAs('RUN_ONLY'), 'OK', 'NOT_AUTHORIZED'],
    ['owner', accessAs('OWNER'), 'OK', 'OK'],
    ['owner without the maker role (S15)', accessAs('OWNER', { role: 'BASIC_USER' }), 'OK', 'ROLE_REQUIRED'],
  ];
  for (const [who, access, view, edit] of cases) {
    it(`${who}: view ${view}, edit ${edit}`, () => {
      expect(code(() => assertCanView(access, field))).toBe(view);
      expect(code(() => assertCanEdit(access, field))).toBe(edit);
    });
  }
});

describe('S5/S6: which connections may go into a flow', () => {
  const connection: ConnectionFacts = { id: 'c', displayName: 'C', ownerId: 'me', environmentId: 'E', scopedFlowId: null };
  const use: Parameters<typeof assertConnectionUsable>[1] = { actorId: 'me', environmentId: 'E', flowId: 'F', alreadyInFlow: false };
  const cases: [string, Partial<ConnectionFacts>, Partial<typeof use>, string][] = [
    ['my own, same environment', {}, {}, 'OK'],
    ["someone else's", { ownerId: 'them' }, {}, 'CONNECTION_NOT_OWNED'],
    ["someone else's already in the flow", { ownerId: 'them' }, { alreadyInFlow: true }, 'OK'],
    ['another environment', { environmentId: 'E2' }, {}, 'INVALID_INPUT'],
    ['made inside this flow', { scopedFlowId: 'F' }, {}, 'OK'],
    ['made inside another flow', { scopedFlowId: 'G' }, {}, 'CONNECTION_SCOPED_TO_OTHER_FLOW'],
    ['made inside a flow, for a new flow', { scopedFlowId: 'G' }, { flowId: null }, 'CONNECTION_SCOPED_TO_OTHER_FLOW'],
  ];
  for (const [what, c, u, expected] of cases) {
    it(`${what} → ${expected}`, () => {
      expect(code(() => assertConnectionUsable({ ...connection, ...c }, { ...use, ...u }, field))).toBe(expected);
    });
  }
});

describe('S7: a reference is EMBEDDED while an action uses it', () => {
  it('follows the actions', () => {
    expect(connectionUsage('r1', [{ connectionReferenceId: 'r1' }, { connectionReferenceId: null }])).toBe('EMBEDDED');
    expect(connectionUsage('r1', [{ connectionReferenceId: 'r2' }])).toBe('OTHER');
    expect(connectionUsage('r1', [])).toBe('OTHER');
  });
});

describe('S16: who is inside an environment', () => {
  const open = { displayName: 'Open', securityGroupId: null };
  const secured = { displayName: 'Secured', securityGroupId: 'sg' };
  const cases: [string, typeof open | typeof secured, EnvironmentRole | null, string[], string][] = [
    ['anyone in an open environment', open, null, [], 'OK'],
    ['a member of the security group', secured, 'BASIC_USER', ['sg'], 'OK'],
    ['an admin outside the group', secured, 'ENVIRONMENT_ADMIN', [], 'OK'],
    ['a maker outside the group', secured, 'ENVIRONMENT_MAKER', ['other'], 'NOT_AUTHORIZED'],
  ];
  for (const [who, env, role, groups, expected] of cases) {
    it(`${who} → ${expected}`, () => {
      expect(code(() => assertInsideEnvironment(env, { role, groupIds: new Set(groups) }, field))).toBe(expected);
    });
  }
});

describe('flow states an owner may set', () => {
  it('ON and OFF, not SUSPENDED', () => {
    expect(code(() => assertSettableState('ON', field))).toBe('OK');
    expect(code(() => assertSettableState('OFF', field))).toBe('OK');
    expect(code(() => assertSettableState('SUSPENDED', field))).toBe('INVALID_INPUT');
  });
});

describe('S5: modifying a connection', () => {
  it('keeps the connector', () => {
    expect(code(() => assertSameConnector({ connectorId: 'sp' }, { connectorId: 'sp', displayName: 'x' }, []))).toBe('OK');
    expect(code(() => assertSameConnector({ connectorId: 'sp' }, { connectorId: 'mail', displayName: 'x' }, []))).toBe(
      'CONNECTOR_MISMATCH',
    );
  });
  it("lets only the owner change a connection's credentials", () => {
    expect(code(() => assertOwnsConnection({ ownerId: 'me' }, 'me', []))).toBe('OK');
    expect(code(() => assertOwnsConnection({ ownerId: 'them' }, 'me', []))).toBe('CONNECTION_NOT_OWNED');
  });
});

describe('S17: turning a flow on needs an active owner', () => {
  it('refuses a flow left with none', () => {
    expect(code(() => assertMayTurnOn(true, []))).toBe('OK');
    expect(code(() => assertMayTurnOn(false, []))).toBe('FLOW_NOT_RUNNABLE');
  });
});
