// Running a flow (S8, S9, S17, S18), table-driven.
import { describe, expect, it } from 'vitest';
import { noAccess } from '../../src/policy/access.js';
import { actionFailure, assertMayRun, type ResolvedConnection } from '../../src/policy/runs.js';
import { codeOf as code } from '../support/refusal.js';
import { accessAs } from './access-facts.js';

describe('who may run a flow', () => {
  const cases: [string, 'OWNER' | 'RUN_ONLY' | 'NONE' | undefined, 'ON' | 'OFF' | 'SUSPENDED', 'INSTANT' | 'AUTOMATED', string][] = [
    ['an owner, flow on', 'OWNER', 'ON', 'AUTOMATED', 'OK'],
    ['a run-only user, instant flow on', 'RUN_ONLY', 'ON', 'INSTANT', 'OK'],
    ['a run-only user, automated flow', 'RUN_ONLY', 'ON', 'AUTOMATED', 'RUN_ONLY_REQUIRES_INSTANT_TRIGGER'],
    ['anyone, flow off', 'OWNER', 'OFF', 'INSTANT', 'FLOW_NOT_RUNNABLE'],
    ['anyone, flow suspended', 'OWNER', 'SUSPENDED', 'INSTANT', 'FLOW_NOT_RUNNABLE'],
    ['no access', 'NONE', 'ON', 'INSTANT', 'NOT_FOUND'],
    ['no flow', undefined, 'ON', 'INSTANT', 'NOT_FOUND'],
  ];
  for (const [who, level, state, trigger, expected] of cases) {
    const access = level === undefined ? undefined : level === 'NONE' ? noAccess : accessAs(level, { trigger });
    it(`${who} → ${expected}`, () => {
      expect(code(() => assertMayRun(access, { state }, []))).toBe(expected);
      // S22: canRun says what assertMayRun allows, the flow's state aside.
      if (access && state === 'ON') expect(access.canRun).toBe(expected === 'OK');
    });
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
