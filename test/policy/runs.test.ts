// Running a flow (S8, S9, S17, S18), table-driven.
import { describe, expect, it } from 'vitest';
import { noAccess } from '../../src/policy/access.js';
import { actionFailure, assertMayRun, type ResolvedConnection } from '../../src/policy/runs.js';
import { codeOf as code } from '../support/refusal.js';

describe('who may run a flow', () => {
  const owner = { ...noAccess, level: 'OWNER' as const, canView: true, canRun: true };
  const runOnly = { ...noAccess, level: 'RUN_ONLY' as const, canView: true, canRun: true };
  const cases: [string, typeof noAccess | undefined, 'ON' | 'OFF' | 'SUSPENDED', 'INSTANT' | 'AUTOMATED', string][] = [
    ['an owner, flow on', owner, 'ON', 'AUTOMATED', 'OK'],
    ['a run-only user, instant flow on', runOnly, 'ON', 'INSTANT', 'OK'],
    ['a run-only user, automated flow', runOnly, 'ON', 'AUTOMATED', 'RUN_ONLY_REQUIRES_INSTANT_TRIGGER'],
    ['anyone, flow off', owner, 'OFF', 'INSTANT', 'FLOW_NOT_RUNNABLE'],
    ['anyone, flow suspended', owner, 'SUSPENDED', 'INSTANT', 'FLOW_NOT_RUNNABLE'],
    ['no access', noAccess, 'ON', 'INSTANT', 'NOT_FOUND'],
    ['no flow', undefined, 'ON', 'INSTANT', 'NOT_FOUND'],
  ];
  for (const [who, access, state, trigger, expected] of cases) {
    it(`${who} → ${expected}`, () => expect(code(() => assertMayRun(access, { state, trigger }, []))).toBe(expected));
  }
});

describe('why an action fails', () => {
  const ok: ResolvedConnection = { id: 'c', status: 'CONNECTED', ownerStatus: 'ACTIVE', connectorClass: 'BUSINESS' };
  const cases: [string, ResolvedConnection | undefined, string | null][] = [
    ['a good connection', ok, null],
    ['no connection from the runner (S9)', undefined, 'INVOKER_CONNECTION_MISSING'],
    ['a blocked connector (S18)', { ...ok, connectorClass: 'BLOCKED' }, 'CONNECTOR_BLOCKED'],
    ["a departed owner's connection (S17)", { ...ok, ownerStatus: 'DEPARTED', status: 'ERROR' }, 'CONNECTION_OWNER_DEPARTED'],
    ['a connection in error', { ...ok, status: 'ERROR' }, 'CONNECTION_ERROR'],
  ];
  for (const [what, connection, expected] of cases) {
    it(`${what} → ${expected ?? 'runs'}`, () => expect(actionFailure(connection)).toBe(expected));
  }
});
